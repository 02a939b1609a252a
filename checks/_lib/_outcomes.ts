import type { CheckOutcome, ResourceRef } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';

/**
 * A result that cannot be judged because the snapshot lacks what it depends on (e.g. a security
 * group an instance names): an error, never a pass.
 */
export function missingData(resource: ResourceRef, evidence: string): CheckOutcome {
  return {
    status: 'error',
    resource: { ...resource, name: resource.name ?? '' },
    evidence,
    messageId: 'missing-data',
  };
}

/** True when collect could not read the part in the account (any region), e.g. another account's trails. */
export function unreadableIn(inventory: Inventory, part: string, accountId: string): boolean {
  return inventory.coverage.some((gap) => gap.part === part && gap.accountId === accountId);
}
