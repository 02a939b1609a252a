import { defineFixtures, gap, trail } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a validating trail passes',
    given: (inv) => inv.cloudtrail.trails.push(trail()),
    expect: [{ status: 'pass', resource: 'org-trail' }],
  },
  {
    name: 'a trail without validation fails, once even when listed as shadow trails in other regions',
    given: (inv) => {
      inv.cloudtrail.trails.push(trail({ logFileValidation: false }));
      inv.cloudtrail.trails.push({ ...trail({ logFileValidation: false }), region: 'eu-central-1' });
    },
    expect: [
      {
        status: 'fail',
        evidence:
          'trail org-trail in workload (111111111111) (organization trail, home eu-west-1) has log file validation disabled',
      },
    ],
  },
  {
    name: 'a stopped trail is left to the organization trail check',
    given: (inv) => inv.cloudtrail.trails.push(trail({ isLogging: false, logFileValidation: false })),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable trails are an error',
    given: (inv) => {
      inv.cloudtrail.trails.push(trail());
      gap(inv, 'cloudtrail.trails');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
