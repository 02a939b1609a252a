import { defineFixtures, gap, MANAGEMENT_ACCOUNT, organization } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'an account in an organization with all features passes',
    given: (inv) => {
      inv.organization = organization();
    },
    expect: [{ status: 'pass', resource: 'workload', evidence: 'organization o-exampleorgid' }],
  },
  {
    name: 'a standalone account fails',
    given: () => {},
    expect: [{ status: 'fail', resource: 'workload', evidence: 'not in an AWS Organization' }],
  },
  {
    name: 'a consolidated-billing organization fails',
    given: (inv) => {
      inv.organization = organization({ featureSet: 'CONSOLIDATED_BILLING' });
    },
    expect: [{ status: 'fail', evidence: 'only consolidated billing' }],
  },
  {
    name: 'a suspended account is out of scope',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'old-shop', status: 'SUSPENDED', tags: {} }];
    },
    expect: [{ status: 'not_applicable', resource: 'old-shop', evidence: 'suspended' }],
  },
  {
    name: 'an unreadable organization is an error, not a finding',
    given: (inv) => gap(inv, 'organization', 'global'),
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
  {
    name: 'an organization unreadable in the management account leaves members unknown, not standalone',
    given: (inv) => gap(inv, 'organization', 'global', MANAGEMENT_ACCOUNT),
    expect: [
      { status: 'error', resource: 'workload', messageId: 'missing-data' },
      { status: 'error', messageId: 'coverage-gap' },
    ],
  },
]);
