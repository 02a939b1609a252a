import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { KEY_USER_PARTS, perKeyInState } from './_kms-usage.ts';

export default defineCheck({
  id: 'kms-keys-pending-deletion-in-use',
  title: 'No KMS key scheduled for deletion still protects data',
  area: 'encryption',
  pillar: 'security',
  severity: 'high',
  description:
    'When a KMS key is deleted, everything encrypted under it becomes unreadable for good: volumes, snapshots, databases, objects and logs. A key pending deletion that a resource still names is data loss on a timer.',
  needs: ['kms.keys', ...KEY_USER_PARTS],
  wellArchitected: [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_key_mgmt', bestPractice: 'SEC08-BP01' },
    {
      question: 'backing-up-data',
      choice: 'rel_backing_up_data_secured_backups_data',
      bestPractice: 'REL09-BP02',
    },
  ],
  remediation: {
    summary:
      'Cancel the deletion, re-enable the key, and retire it only after its data was re-encrypted under another key.',
    steps: [
      'Cancel the scheduled deletion now; the key returns in the Disabled state.',
      'Enable the key again so the resources that use it keep working.',
      'Re-encrypt the data under another key (copy snapshots with a new --kms-key-id, re-create volumes and databases from those copies, change bucket and trail keys).',
      'Disable the old key for a while, watch CloudTrail for Decrypt calls that fail, then schedule deletion again.',
    ],
    snippet: 'aws kms cancel-key-deletion --key-id <key-id>\naws kms enable-key --key-id <key-id>',
    effort: 'medium',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-determining-usage.html',
  evaluate: (inventory) =>
    perKeyInState(inventory, 'PendingDeletion', (key, label, users) => {
      const deletion = key.deletionDate ? ` on ${key.deletionDate.slice(0, 10)}` : '';
      return users.length > 0
        ? fail(key, `${label} will be deleted${deletion} but still protects ${users.join(', ')}`, {
            details: { users: users.length },
          })
        : pass(key, `${label} will be deleted${deletion} and no recorded resource uses it`);
    }),
});
