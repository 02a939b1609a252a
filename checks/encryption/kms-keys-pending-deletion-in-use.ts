import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { refOf } from '../_lib/_resource-ref.ts';

type Key = Inventory['kms']['keys'][number];

interface KeyReference {
  user: string;
  keyId: string | null;
}

/** Every place the snapshot records a KMS key id, named for evidence. */
function keyReferences(inventory: Inventory): KeyReference[] {
  return [
    ...inventory.ec2.volumes.map((v) => ({ user: `EBS volume ${v.volumeId}`, keyId: v.kmsKeyId })),
    ...inventory.ec2.snapshots.map((s) => ({ user: `EBS snapshot ${s.snapshotId}`, keyId: s.kmsKeyId })),
    ...inventory.ec2.ebsEncryptionByDefault.map((d) => ({
      user: `EBS default key of ${d.accountId} ${d.region}`,
      keyId: d.kmsKeyId,
    })),
    ...inventory.rds.instances
      .filter((db) => !db.clusterIdentifier)
      .map((db) => ({ user: `RDS instance ${db.identifier}`, keyId: db.kmsKeyId })),
    ...inventory.rds.clusters.map((c) => ({ user: `RDS cluster ${c.identifier}`, keyId: c.kmsKeyId })),
    ...inventory.rds.snapshots.map((s) => ({ user: `RDS snapshot ${s.identifier}`, keyId: s.kmsKeyId })),
    ...inventory.s3.buckets.map((b) => ({
      user: `S3 bucket ${b.name}`,
      keyId: b.encryption?.kmsKeyId ?? null,
    })),
    ...inventory.cloudtrail.trails.map((t) => ({ user: `CloudTrail trail ${t.name}`, keyId: t.kmsKeyId })),
    ...inventory.ssm.sessionPreferences.map((p) => ({
      user: `Session Manager preferences of ${p.accountId} ${p.region}`,
      keyId: p.kmsKeyId,
    })),
  ];
}

/** Resources name keys by key ARN, key id, alias name or alias ARN. */
function refersTo(keyId: string | null, key: Key): boolean {
  if (!keyId) return false;
  if (keyId === key.arn || keyId === key.keyId) return true;
  const alias = keyId.startsWith('alias/') ? keyId : keyId.match(/:(alias\/.+)$/)?.[1];
  return alias !== undefined && key.aliases.includes(alias);
}

const REFERENCE_PARTS = [
  'ec2.volumes',
  'ec2.snapshots',
  'ec2.ebsEncryptionByDefault',
  'rds.instances',
  'rds.clusters',
  'rds.snapshots',
  's3.buckets',
  'cloudtrail.trails',
  'ssm.sessionPreferences',
];

export default defineCheck({
  id: 'kms-keys-pending-deletion-in-use',
  title: 'No KMS key scheduled for deletion still protects data',
  area: 'encryption',
  pillar: 'security',
  severity: 'high',
  description:
    'When a KMS key is deleted, everything encrypted under it becomes unreadable for good: volumes, snapshots, databases, objects and logs. A key pending deletion that a resource still names is data loss on a timer.',
  needs: ['kms.keys', ...REFERENCE_PARTS],
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
  evaluate: (inventory) => {
    const references = keyReferences(inventory);
    return inventory.kms.keys.map((key) => {
      const label = key.aliases[0] ? `${key.aliases[0]} (${key.keyId})` : key.keyId;
      if (key.state !== 'PendingDeletion') return notApplicable(key, `${label} is ${key.state}`);
      const deletion = key.deletionDate ? ` on ${key.deletionDate.slice(0, 10)}` : '';
      const users = references.filter((reference) => refersTo(reference.keyId, key)).map((r) => r.user);
      if (users.length > 0) {
        return fail(key, `${label} will be deleted${deletion} but still protects ${users.join(', ')}`, {
          details: { users: users.length },
        });
      }
      const unread = inventory.coverage.filter((gap) => REFERENCE_PARTS.includes(gap.part));
      if (unread.length > 0) {
        return missingData(
          refOf(key),
          `${label} will be deleted${deletion}; no recorded resource uses it, but ${unread.map((gap) => `${gap.part} in ${gap.accountId} ${gap.region}`).join(', ')} could not be read`,
        );
      }
      return pass(key, `${label} will be deleted${deletion} and no recorded resource uses it`);
    });
  },
});
