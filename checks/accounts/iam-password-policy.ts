import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { perActiveAccountRecord } from '../_lib/_accounts.ts';

type PasswordPolicy = Inventory['iam']['passwordPolicies'][number];

/** CIS AWS Foundations Benchmark 1.8 (length) and 1.9 (reuse), plus the character classes IAM offers. */
const REQUIREMENTS: { label: string; met: (policy: PasswordPolicy) => boolean }[] = [
  { label: 'minimum length of 14', met: (p) => (p.minimumLength ?? 0) >= 14 },
  { label: 'reuse prevention of 24 passwords', met: (p) => (p.reusePrevention ?? 0) >= 24 },
  {
    label: 'upper case, lower case, numbers and symbols',
    met: (p) => Boolean(p.requireUppercase && p.requireLowercase && p.requireNumbers && p.requireSymbols),
  },
];

export default defineCheck({
  id: 'iam-password-policy',
  title: 'Accounts with IAM users enforce a strong IAM password policy',
  area: 'account-separation',
  pillar: 'security',
  severity: 'medium',
  description:
    'Without an account password policy IAM accepts passwords of 8 characters with no reuse limit. The check asks for at least 14 characters, reuse prevention of 24 and all character classes (CIS AWS Foundations 1.8 and 1.9). Accounts without IAM users are out of scope.',
  needs: ['iam.passwordPolicies', 'iam.accountSummaries'],
  wellArchitected: [
    { question: 'identities', choice: 'sec_identities_enforce_mechanisms', bestPractice: 'SEC02-BP01' },
  ],
  remediation: {
    summary:
      'Set an account password policy with 14+ characters, reuse prevention of 24 and all character classes.',
    steps: [
      'Apply the policy below in every account that has IAM users (it applies at the next password change).',
      'Prefer moving people to IAM Identity Center, where the identity provider owns password rules.',
    ],
    snippet:
      'aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --allow-users-to-change-password',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  evaluate: (inventory) =>
    perActiveAccountRecord(inventory, inventory.iam.passwordPolicies, (policy, account) => {
      const summary = inventory.iam.accountSummaries.find(
        (candidate) => candidate.accountId === policy.accountId,
      );
      if (summary?.users === 0) {
        return notApplicable(policy, `${account} has no IAM users, so no IAM passwords`);
      }
      if (!policy.present) {
        return fail(
          policy,
          `${account} has no IAM password policy: IAM accepts 8-character passwords and unlimited reuse`,
        );
      }
      const missing = REQUIREMENTS.filter((requirement) => !requirement.met(policy)).map((r) => r.label);
      return missing.length === 0
        ? pass(policy, `${account} password policy requires ${REQUIREMENTS.map((r) => r.label).join('; ')}`)
        : fail(
            policy,
            `${account} password policy (minimum length ${policy.minimumLength ?? 'unset'}) lacks ${missing.join('; ')}`,
          );
    }),
});
