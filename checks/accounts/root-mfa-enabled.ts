import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { perActiveAccountRecord } from '../_lib/_accounts.ts';

export default defineCheck({
  id: 'root-mfa-enabled',
  title: 'The root user of every account signs in with multi-factor authentication',
  area: 'account-separation',
  pillar: 'security',
  severity: 'critical',
  description:
    'The root user can do anything in the account, including closing it and changing its support and billing settings, and SCPs do not restrict it in the management account. A root password without MFA is one phishing mail or password reuse away from losing the account.',
  needs: ['iam.accountSummaries'],
  wellArchitected: [
    {
      question: 'securely-operate',
      choice: 'sec_securely_operate_aws_account',
      bestPractice: 'SEC01-BP02',
    },
    { question: 'identities', choice: 'sec_identities_enforce_mechanisms', bestPractice: 'SEC02-BP01' },
  ],
  remediation: {
    summary:
      'Register a hardware security key or passkey (better two) as MFA for the root user, or remove root credentials centrally with IAM root access management.',
    steps: [
      'Sign in as the root user, open Security credentials and assign an MFA device (FIDO2 security key or passkey preferred).',
      'Register a second device and store both with the break-glass procedure.',
      'For member accounts of an organization, consider centralized root access management, which deletes the root password and keys entirely.',
    ],
    snippet:
      'Console (root user): Account menu > Security credentials > Multi-factor authentication (MFA) > Assign MFA device\naws iam enable-organizations-root-credentials-management  # from the management account, for member accounts',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-virt-mfa-for-root.html',
  evaluate: (inventory) =>
    perActiveAccountRecord(inventory, inventory.iam.accountSummaries, (summary, account) =>
      summary.rootMfaEnabled
        ? pass(summary, `root user of ${account} has MFA enabled`)
        : fail(
            summary,
            `root user of ${account} has no MFA device: a password alone protects the whole account`,
          ),
    ),
});
