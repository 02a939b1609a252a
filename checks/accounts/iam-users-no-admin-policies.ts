import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { perActiveAccountRecord } from '../_lib/_accounts.ts';

/** AWS-managed policies that grant full control, or the means to grant it to oneself. */
const ADMIN_POLICIES = new Set([
  'arn:aws:iam::aws:policy/AdministratorAccess',
  'arn:aws:iam::aws:policy/IAMFullAccess',
]);

export default defineCheck({
  id: 'iam-users-no-admin-policies',
  title: 'IAM users do not hold administrator policies directly',
  area: 'account-separation',
  pillar: 'security',
  severity: 'high',
  description:
    'An IAM user with AdministratorAccess or IAMFullAccess holds permanent credentials that can do, or grant itself, anything in the account. A leaked key of such a user is a full account compromise. Administrators should assume roles with temporary credentials; machines should use workload roles scoped to their task.',
  needs: ['iam.users'],
  wellArchitected: [
    { question: 'permissions', choice: 'sec_permissions_least_privileges', bestPractice: 'SEC03-BP02' },
    { question: 'identities', choice: 'sec_identities_unique', bestPractice: 'SEC02-BP02' },
  ],
  remediation: {
    summary:
      'Replace the user with a role scoped to its task; for people, use IAM Identity Center permission sets.',
    steps: [
      'Use IAM Access Analyzer policy generation or last-accessed data to find the actions the user really calls.',
      'Create a role (CI: OIDC federation; people: an Identity Center permission set) with only those actions.',
      "Switch the callers to the role, then detach the admin policy and delete the user's keys.",
    ],
    snippet:
      'aws iam generate-service-last-accessed-details --arn <user-arn>\naws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    effort: 'medium',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  evaluate: (inventory) =>
    perActiveAccountRecord(inventory, inventory.iam.users, (user, account) => {
      if (user.attachedPolicies.length === 0) {
        return notApplicable(
          user,
          `IAM user ${user.name} in ${account} has no directly attached managed policies`,
        );
      }
      const admin = user.attachedPolicies.filter((arn) => ADMIN_POLICIES.has(arn));
      const names = admin.map((arn) => arn.split('/').at(-1));
      const credentials = [
        user.passwordEnabled ? 'a console password' : '',
        user.accessKeys.some((key) => key.status === 'Active') ? 'active access keys' : '',
      ].filter(Boolean);
      return admin.length === 0
        ? pass(user, `IAM user ${user.name} in ${account} holds no administrator policy`)
        : fail(
            user,
            `IAM user ${user.name} in ${account} has ${names.join(' and ')} attached${credentials.length > 0 ? ` and ${credentials.join(' and ')}` : ''}`,
          );
    }),
});
