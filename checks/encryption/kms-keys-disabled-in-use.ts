import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { KEY_USER_PARTS, perKeyInState } from './_kms-usage.ts';

export default defineCheck({
  id: 'kms-keys-disabled-in-use',
  title: 'No disabled KMS key still protects data that is in use',
  area: 'encryption',
  pillar: 'reliability',
  severity: 'high',
  description:
    'A disabled key refuses every Decrypt and GenerateDataKey call. Volumes under it cannot be attached, an RDS database under it moves to the inaccessible-encryption-credentials state and stops, and objects and logs cannot be read or written. Disabling a key that resources still name is an outage waiting for the next restart.',
  needs: ['kms.keys', ...KEY_USER_PARTS],
  wellArchitected: [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_key_mgmt', bestPractice: 'SEC08-BP01' },
    {
      question: 'withstand-component-failures',
      choice: 'rel_withstand_component_failures_monitoring_health',
      bestPractice: 'REL11-BP01',
    },
  ],
  remediation: {
    summary: 'Enable the key again, or move the data under another key before the key is disabled for good.',
    steps: [
      'Check in CloudTrail who disabled the key and why (DisableKey events).',
      'If the resources are still needed, enable the key; RDS instances in inaccessible-encryption-credentials need a restart afterwards.',
      'To retire the key, re-encrypt its data under another key first, then disable it again and watch for failed Decrypt calls.',
    ],
    snippet: 'aws kms enable-key --key-id <key-id>\naws rds start-db-instance --db-instance-identifier <db>',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html',
  evaluate: (inventory) =>
    perKeyInState(inventory, 'Disabled', (key, label, users) =>
      users.length > 0
        ? fail(key, `disabled key ${label} still protects ${users.join(', ')}`, {
            details: { users: users.length },
          })
        : pass(key, `disabled key ${label} protects no recorded resource`),
    ),
});
