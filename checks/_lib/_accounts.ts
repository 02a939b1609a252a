import type { Inventory } from '../../src/inventory/schema.ts';

/** `shop-prod (210987654321)` when the account's name is known, else the bare id. */
export function accountLabel(inventory: Inventory, accountId: string): string {
  const name = inventory.accounts.find((account) => account.id === accountId)?.name;
  return name && name !== accountId ? `${name} (${accountId})` : accountId;
}

/** A resource's display name with its id when they differ: `legacy-ftp-data (vol-0legacyftp001)`. */
export function nameWithId(name: string, id: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}
