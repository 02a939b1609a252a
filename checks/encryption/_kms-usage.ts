import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { isOwnedSnapshot } from '../_lib/_ownership.ts';
import { refOf } from '../_lib/_resource-ref.ts';

export type Key = Inventory['kms']['keys'][number];

interface KeyReference {
  user: string;
  keyId: string | null;
  /** Where the user lives: a bare key id or alias name refers to a key of this account and Region. */
  accountId: string;
  region: string;
}

function referencesFrom<T extends { accountId: string; region: string }>(
  records: readonly T[],
  user: (record: T) => string,
  keyId: (record: T) => string | null,
): KeyReference[] {
  return records.map((record) => ({
    user: user(record),
    keyId: keyId(record),
    accountId: record.accountId,
    region: record.region,
  }));
}

/** Every place the snapshot records a KMS key id, named for evidence. */
function keyReferences(inventory: Inventory): KeyReference[] {
  const { ec2, rds, s3, cloudtrail, ssm } = inventory;
  return [
    ...referencesFrom(
      ec2.volumes,
      (v) => `EBS volume ${v.volumeId}`,
      (v) => v.kmsKeyId,
    ),
    ...referencesFrom(
      ec2.snapshots.filter(isOwnedSnapshot),
      (s) => `EBS snapshot ${s.snapshotId}`,
      (s) => s.kmsKeyId,
    ),
    ...referencesFrom(
      ec2.ebsEncryptionByDefault,
      (d) => `EBS default key of ${d.accountId} ${d.region}`,
      (d) => d.kmsKeyId,
    ),
    ...referencesFrom(
      rds.instances.filter((db) => !db.clusterIdentifier),
      (db) => `RDS instance ${db.identifier}`,
      (db) => db.kmsKeyId,
    ),
    ...referencesFrom(
      rds.clusters,
      (c) => `RDS cluster ${c.identifier}`,
      (c) => c.kmsKeyId,
    ),
    ...referencesFrom(
      rds.snapshots,
      (s) => `RDS snapshot ${s.identifier}`,
      (s) => s.kmsKeyId,
    ),
    ...referencesFrom(
      s3.buckets,
      (b) => `S3 bucket ${b.name}`,
      (b) => b.encryption?.kmsKeyId ?? null,
    ),
    ...referencesFrom(
      cloudtrail.trails,
      (t) => `CloudTrail trail ${t.name}`,
      (t) => t.kmsKeyId,
    ),
    ...referencesFrom(
      ssm.sessionPreferences,
      (p) => `Session Manager preferences of ${p.accountId} ${p.region}`,
      (p) => p.kmsKeyId,
    ),
  ];
}

const KMS_ARN = /^arn:[^:]+:kms:([^:]*):(\d*):(.+)$/;

/**
 * Where a key reference points. Resources name keys by key ARN, alias ARN, key id or alias name; ids and
 * alias names without an ARN resolve in the user's own account and Region.
 */
export function keyLocation(
  keyId: string,
  user: { accountId: string; region: string },
): { accountId: string; region: string; name: string } {
  const arn = KMS_ARN.exec(keyId);
  return arn
    ? { region: arn[1] ?? '', accountId: arn[2] ?? '', name: arn[3] ?? '' }
    : { region: user.region, accountId: user.accountId, name: keyId };
}

/** True when the reference names this key, so `alias/data` in two accounts are two different keys. */
export function refersTo(reference: Pick<KeyReference, 'keyId' | 'accountId' | 'region'>, key: Key): boolean {
  if (!reference.keyId) return false;
  const { region, accountId, name } = keyLocation(reference.keyId, reference);
  if (region !== key.region || accountId !== key.accountId) return false;
  return name.startsWith('alias/')
    ? key.aliases.includes(name)
    : name === key.keyId || name === `key/${key.keyId}`;
}

/**
 * The users of a key, in reference order, as `references.filter((r) => refersTo(r, key))` finds them, but
 * from one pass over the references: each is filed under the account, Region and name it resolves to.
 */
function keyUserIndex(references: readonly KeyReference[]): (key: Key) => string[] {
  const byName = new Map<string, number[]>();
  references.forEach((reference, position) => {
    if (!reference.keyId) return;
    const { region, accountId, name } = keyLocation(reference.keyId, reference);
    const place = `${accountId}/${region}/${name}`;
    const positions = byName.get(place);
    if (positions) positions.push(position);
    else byName.set(place, [position]);
  });
  return (key) => {
    const names = [key.keyId, `key/${key.keyId}`].filter((name) => !name.startsWith('alias/'));
    names.push(...key.aliases.filter((alias) => alias.startsWith('alias/')));
    const positions = new Set(
      names.flatMap((name) => byName.get(`${key.accountId}/${key.region}/${name}`) ?? []),
    );
    return [...positions].sort((a, b) => a - b).map((position) => references[position]!.user);
  };
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
  const usersOf = keyUserIndex(keyReferences(inventory));
  const unread = inventory.coverage.filter((gap) => KEY_USER_PARTS.includes(gap.part));
  return inventory.kms.keys.map((key) => {
    const label = keyLabel(key);
    if (key.state !== state) return notApplicable(key, `${label} is ${key.state}`);
    const users = usersOf(key);
    if (users.length === 0 && unread.length > 0) {
      return missingData(
        refOf(key),
        `${label} is ${state}; no recorded resource uses it, but ${unread.map((gap) => `${gap.part} in ${gap.accountId} ${gap.region}`).join(', ')} could not be read`,
      );
    }
    return judge(key, label, users);
  });
}
