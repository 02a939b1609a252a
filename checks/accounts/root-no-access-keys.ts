import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { perActiveAccountRecord } from '../_lib/_accounts.ts';

export default defineCheck({
  id: 'root-no-access-keys',
  title: 'The root user of every account has no access keys',
  area: 'account-separation',
  pillar: 'security',
  severity: 'critical',
  description:
    'Root access keys are long-lived credentials with unrestricted power over the account that no IAM policy can narrow. Whoever finds one in a script, a laptop backup or a CI variable owns the account. No task needs them.',
  needs: ['iam.accountSummaries'],
  wellArchitected: [
    {
      question: 'securely-operate',
      choice: 'sec_securely_operate_aws_account',
      bestPractice: 'SEC01-BP02',
    },
    { question: 'identities', choice: 'sec_identities_unique', bestPractice: 'SEC02-BP02' },
  ],
  remediation: {
    summary:
      'Find what uses the root access keys, move it to an IAM role, then deactivate and delete the keys.',
    steps: [
      'Look up the last use of each root key (IAM credential report, CloudTrail events with userIdentity.type Root).',
      'Replace the caller with an IAM role and temporary credentials.',
      'Deactivate the keys, watch for failures for a few days, then delete them.',
      'Rotate the root password and check MFA while signed in as root.',
    ],
    snippet:
      'aws iam generate-credential-report && aws iam get-credential-report --query Content --output text | base64 -d | grep "<root_account>"\nConsole (root user): Security credentials > Access keys > Deactivate, then Delete',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  evaluate: (inventory) =>
    perActiveAccountRecord(inventory, inventory.iam.accountSummaries, (summary, account) =>
      summary.rootAccessKeysPresent
        ? fail(
            summary,
            `root user of ${account} has access keys: long-lived credentials with unrestricted power`,
          )
        : pass(summary, `root user of ${account} has no access keys`),
    ),
});
