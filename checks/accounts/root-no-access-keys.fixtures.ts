import { accountSummary, defineFixtures, gap } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'root without access keys passes',
    given: (inv) => inv.iam.accountSummaries.push(accountSummary()),
    expect: [{ status: 'pass', evidence: 'no access keys' }],
  },
  {
    name: 'root with access keys fails',
    given: (inv) => inv.iam.accountSummaries.push(accountSummary({ rootAccessKeysPresent: true })),
    expect: [{ status: 'fail', evidence: 'root user of workload (111111111111) has access keys' }],
  },
  {
    name: 'a closing account is out of scope',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'old', status: 'PENDING_CLOSURE', tags: {} }];
      inv.iam.accountSummaries.push(accountSummary({ rootAccessKeysPresent: true }));
    },
    expect: [{ status: 'not_applicable', evidence: 'pending closure' }],
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
