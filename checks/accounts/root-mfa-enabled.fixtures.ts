import { accountSummary, defineFixtures, gap } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'root with MFA passes',
    given: (inv) => inv.iam.accountSummaries.push(accountSummary()),
    expect: [{ status: 'pass', evidence: 'root user of workload (111111111111) has MFA' }],
  },
  {
    name: 'root without MFA fails',
    given: (inv) => inv.iam.accountSummaries.push(accountSummary({ rootMfaEnabled: false })),
    expect: [{ status: 'fail', evidence: 'no MFA device' }],
  },
  {
    name: 'a suspended account is out of scope',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'old', status: 'SUSPENDED', tags: {} }];
      inv.iam.accountSummaries.push(accountSummary({ rootMfaEnabled: false }));
    },
    expect: [{ status: 'not_applicable', evidence: 'suspended' }],
  },
  {
    name: 'an unreadable account summary is an error',
    given: (inv) => {
      inv.iam.accountSummaries.push(accountSummary());
      gap(inv, 'iam.accountSummaries', 'global');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
