import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { perSessionScope } from './_session-scope.ts';

export default defineCheck({
  id: 'session-manager-encryption',
  title: 'Session Manager encrypts session data with a customer KMS key',
  area: 'remote-access',
  pillar: 'security',
  severity: 'low',
  description:
    'Session traffic is always TLS-protected, but a KMS key in the Session Manager preferences adds a second layer of encryption between the client and the instance, and makes each session depend on kms:Decrypt, an IAM permission that can be granted, audited and revoked per person.',
  needs: ['ssm.sessionPreferences', 'ec2.instances'],
  wellArchitected: [
    {
      question: 'protect-data-transit',
      choice: 'sec_protect_data_transit_encrypt',
      bestPractice: 'SEC09-BP02',
    },
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_reduce_manual_management',
      bestPractice: 'SEC06-BP03',
    },
  ],
  remediation: {
    summary: 'Add a customer managed KMS key to the Session Manager preferences of every account and region.',
    steps: [
      'Create a symmetric customer managed key for sessions (rotation on).',
      'Allow kms:Decrypt for the instance role and for the people who start sessions.',
      'Set kmsKeyId in the SSM-SessionManagerRunShell preferences (console: Session Manager > Preferences > KMS encryption).',
    ],
    snippet:
      'aws kms create-key --description "Session Manager sessions" && aws kms enable-key-rotation --key-id <key-id>\naws ssm update-document --name SSM-SessionManagerRunShell --document-version \'$LATEST\' --content file://session-preferences.json  # inputs.kmsKeyId = <key-arn>',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl:
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-preferences-enable-encryption.html',
  evaluate: (inventory) =>
    perSessionScope(inventory, ({ preferences, place, targets }) =>
      preferences.kmsKeyId
        ? pass(
            preferences,
            `Session Manager in ${place} encrypts sessions with KMS key ${preferences.kmsKeyId}`,
          )
        : fail(
            preferences,
            `Session Manager in ${place} has no KMS key: sessions to ${targets} rely on TLS alone`,
          ),
    ),
});
