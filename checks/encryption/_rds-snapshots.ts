import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';

export type RdsSnapshot = Inventory['rds']['snapshots'][number];

/** Snapshots other accounts shared with this one (or made public) belong to their owner, who must fix them. */
const FOREIGN_SNAPSHOT_TYPES = new Set(['shared', 'public']);

export function perOwnedSnapshot(
  inventory: Inventory,
  judge: (snapshot: RdsSnapshot, label: string) => CheckOutcome,
): CheckOutcome[] {
  return inventory.rds.snapshots.map((snapshot) => {
    const label = `${snapshot.snapshotType} ${snapshot.kind} snapshot ${snapshot.identifier} of ${snapshot.sourceIdentifier}`;
    return FOREIGN_SNAPSHOT_TYPES.has(snapshot.snapshotType)
      ? notApplicable(snapshot, `${label} is owned by another account; its owner decides its settings`)
      : judge(snapshot, label);
  });
}
