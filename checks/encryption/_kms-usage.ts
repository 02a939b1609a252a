import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { refOf } from '../_lib/_resource-ref.ts';

export type Key = Inventory['kms']['keys'][number];

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

export const KEY_USER_PARTS = [
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

export function keyLabel(key: Key): string {
  return key.aliases[0] ? `${key.aliases[0]} (${key.keyId})` : key.keyId;
}

/**
 * Judges the keys in one state by the resources that still name them; keys in other states are not
 * applicable. Finding no user while some user parts could not be read is an error, never a pass.
 */
export function perKeyInState(
  inventory: Inventory,
  state: Key['state'],
  judge: (key: Key, label: string, users: string[]) => CheckOutcome,
): CheckOutcome[] {
  const references = keyReferences(inventory);
  const unread = inventory.coverage.filter((gap) => KEY_USER_PARTS.includes(gap.part));
  return inventory.kms.keys.map((key) => {
    const label = keyLabel(key);
    if (key.state !== state) return notApplicable(key, `${label} is ${key.state}`);
    const users = references.filter((reference) => refersTo(reference.keyId, key)).map((r) => r.user);
    if (users.length === 0 && unread.length > 0) {
      return missingData(
        refOf(key),
        `${label} is ${state}; no recorded resource uses it, but ${unread.map((gap) => `${gap.part} in ${gap.accountId} ${gap.region}`).join(', ')} could not be read`,
      );
    }
    return judge(key, label, users);
  });
}
