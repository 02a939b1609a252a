import {
  defineFixtures,
  gap,
  MANAGEMENT_ACCOUNT,
  organization,
  OTHER_ACCOUNT,
  trail,
} from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a standalone account with its own multi-region trail passes',
    given: (inv) => inv.cloudtrail.trails.push(trail({ name: 'account-trail', isOrganizationTrail: false })),
    expect: [{ status: 'pass', evidence: 'its multi-region trail account-trail' }],
  },
  {
    name: 'a member account recorded by the organization trail passes',
    given: (inv) => {
      inv.organization = organization();
      inv.cloudtrail.trails.push(trail({ accountId: MANAGEMENT_ACCOUNT }));
    },
    expect: [{ status: 'pass', evidence: 'organization trail org-trail' }],
  },
  {
    name: 'a single-region trail fails with its home region',
    given: (inv) =>
      inv.cloudtrail.trails.push(
        trail({ name: 'eu-only', isOrganizationTrail: false, isMultiRegion: false }),
      ),
    expect: [{ status: 'fail', evidence: 'its trails: eu-only (single-region (eu-west-1))' }],
  },
  {
    name: 'an account without trails fails',
    given: () => {},
    expect: [{ status: 'fail', evidence: 'its trails: none' }],
  },
  {
    name: 'an account of the organization left out of the scan gets no verdict',
    given: (inv) => {
      inv.organization = organization();
      inv.accounts.push({ id: OTHER_ACCOUNT, name: 'not-scanned', tags: {} });
      inv.cloudtrail.trails.push(trail({ name: 'account-trail', isOrganizationTrail: false }));
    },
    expect: [{ status: 'pass', resource: 'workload', evidence: 'account-trail' }],
  },
  {
    name: 'a suspended account is out of scope',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'old', status: 'SUSPENDED', tags: {} }];
    },
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable organization trails leave a member without its own trail unknown',
    given: (inv) => {
      inv.organization = organization();
      gap(inv, 'cloudtrail.trails', 'eu-west-1', MANAGEMENT_ACCOUNT);
    },
    expect: [
      { status: 'error', messageId: 'missing-data' },
      { status: 'error', messageId: 'coverage-gap' },
    ],
  },
]);
