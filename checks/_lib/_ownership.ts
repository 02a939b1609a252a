import type { Inventory } from '../../src/inventory/schema.ts';

type EbsSnapshot = Inventory['ec2']['snapshots'][number];
type Key = Inventory['kms']['keys'][number];

/**
 * True when the account the snapshot was listed for owns it. An API that ignores `OwnerIds=self` can
 * list other accounts' snapshots; those are their owners' to fix, never this account's findings.
 * (A snapshot without an owner comes from a snapshot taken before owners were recorded.)
 */
export function isOwnedSnapshot(snapshot: EbsSnapshot): boolean {
  return snapshot.ownerId === null || snapshot.ownerId === snapshot.accountId;
}

/**
 * True when AWS manages the key: an `alias/aws/...` alias belongs only to AWS managed keys, whatever
 * `KeyManager` an API answered.
 */
export function isAwsManagedKey(key: Key): boolean {
  return key.manager === 'AWS' || key.aliases.some((alias) => alias.startsWith('alias/aws/'));
}
