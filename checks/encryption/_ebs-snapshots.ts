import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { nameWithId } from '../_lib/_accounts.ts';
import { isOwnedSnapshot } from '../_lib/_ownership.ts';

export type EbsSnapshot = Inventory['ec2']['snapshots'][number];

export function snapshotLabel(snapshot: EbsSnapshot): string {
  return nameWithId(snapshot.name, snapshot.snapshotId);
}

/**
 * Judges the snapshots the account owns; another account's snapshot gets no result here. A snapshot in
 * the error state holds no restorable data; every other state is judged.
 */
export function perUsableSnapshot(
  inventory: Inventory,
  judge: (snapshot: EbsSnapshot, label: string) => CheckOutcome,
): CheckOutcome[] {
  return inventory.ec2.snapshots
    .filter(isOwnedSnapshot)
    .map((snapshot) =>
      snapshot.state === 'error'
        ? notApplicable(snapshot, `snapshot ${snapshotLabel(snapshot)} failed and holds no data; delete it`)
        : judge(snapshot, snapshotLabel(snapshot)),
    );
}

export function sourceVolume(snapshot: EbsSnapshot): string {
  return snapshot.volumeId ? ` of volume ${snapshot.volumeId}` : '';
}
