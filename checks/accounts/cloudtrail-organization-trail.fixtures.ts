import { defineFixtures, gap, MANAGEMENT_ACCOUNT, organization, trail } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'an account recorded by a multi-region organization trail passes',
    given: (inv) => {
      inv.organization = organization();
      inv.cloudtrail.trails.push(trail({ accountId: MANAGEMENT_ACCOUNT, s3BucketName: 'org-logs' }));
    },
    expect: [
      {
        status: 'pass',
        evidence: 'organization trail org-trail (multi-region, logging, home eu-west-1, bucket org-logs)',
      },
    ],
  },
  {
    name: 'a single-region or stopped organization trail fails with its defects',
    given: (inv) => {
      inv.organization = organization();
      inv.cloudtrail.trails.push(
        trail({ accountId: MANAGEMENT_ACCOUNT, isMultiRegion: false, isLogging: false }),
      );
    },
    expect: [{ status: 'fail', evidence: 'org-trail (single-region (eu-west-1), logging stopped)' }],
  },
  {
    name: 'an account trail does not stand in for an organization trail',
    given: (inv) => {
      inv.organization = organization();
      inv.cloudtrail.trails.push(trail({ name: 'account-trail', isOrganizationTrail: false }));
    },
    expect: [{ status: 'fail', evidence: 'organization trails found: none' }],
  },
  {
    name: 'a standalone account is left to organization-exists',
    given: (inv) => inv.cloudtrail.trails.push(trail({ isOrganizationTrail: false })),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable trails in the management account are an error for the members, not a finding',
    given: (inv) => {
      inv.organization = organization();
      gap(inv, 'cloudtrail.trails', 'eu-west-1', MANAGEMENT_ACCOUNT);
    },
    expect: [
      { status: 'error', messageId: 'missing-data' },
      { status: 'error', messageId: 'coverage-gap' },
    ],
  },
  {
    name: 'unreadable trails in the account itself are an error',
    given: (inv) => {
      inv.organization = organization();
      inv.cloudtrail.trails.push(trail({ accountId: MANAGEMENT_ACCOUNT }));
      gap(inv, 'cloudtrail.trails');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
