import { ACCOUNT, accountSummary, defineFixtures, gap } from '../../test/checks/kit.ts';

const strong = {
  arn: `arn:aws:iam::${ACCOUNT}:account-password-policy`,
  accountId: ACCOUNT,
  region: 'global',
  name: 'password-policy',
  present: true,
  minimumLength: 14,
  reusePrevention: 24,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercase: true,
  requireLowercase: true,
};

export default defineFixtures([
  {
    name: 'a CIS-strength policy passes',
    given: (inv) => inv.iam.passwordPolicies.push(strong),
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a short policy without reuse prevention fails and says what is missing',
    given: (inv) =>
      inv.iam.passwordPolicies.push({ ...strong, minimumLength: 8, reusePrevention: undefined }),
    expect: [
      {
        status: 'fail',
        evidence: '(minimum length 8) lacks minimum length of 14; reuse prevention of 24 passwords',
      },
    ],
  },
  {
    name: 'no policy at all fails',
    given: (inv) => inv.iam.passwordPolicies.push({ ...strong, present: false }),
    expect: [{ status: 'fail', evidence: 'has no IAM password policy' }],
  },
  {
    name: 'an account without IAM users is out of scope',
    given: (inv) => {
      inv.iam.accountSummaries.push(accountSummary({ users: 0 }));
      inv.iam.passwordPolicies.push({ ...strong, present: false });
    },
    expect: [{ status: 'not_applicable', evidence: 'no IAM users' }],
  },
  {
    name: 'an unreadable password policy is an error',
    given: (inv) => {
      inv.iam.passwordPolicies.push(strong);
      gap(inv, 'iam.passwordPolicies', 'global');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
