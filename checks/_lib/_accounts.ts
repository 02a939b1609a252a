import { accountRef, notApplicable, type CheckOutcome, type ResourceRef } from '../../src/engine/check.ts';
import type { Account, Inventory } from '../../src/inventory/schema.ts';

/** `shop-prod (210987654321)`, or the bare id when the snapshot does not name the account. */
export function accountLabel(inventory: Inventory, accountId: string): string {
  const account = inventory.accounts.find((candidate) => candidate.id === accountId);
  return account && account.name && account.name !== accountId ? `${account.name} (${accountId})` : accountId;
}

/** The account as a result resource, named as the organization names it. */
export function accountResource(inventory: Inventory, accountId: string): ResourceRef {
  const account = inventory.accounts.find((candidate) => candidate.id === accountId);
  return accountRef(accountId, 'global', account?.name ?? accountId);
}

/** The management account of the organization, when the snapshot has one. */
export function managementAccountId(inventory: Inventory): string | undefined {
  return inventory.organization?.managementAccountId ?? inventory.accounts.find((a) => a.isManagement)?.id;
}

/**
 * True when collect read the account. An organization lists every member, but a run limited with
 * `--accounts` reads only some: the others have no data to judge. (A snapshot without a scope, from
 * before scopes were recorded, read every account it holds.)
 */
export function isScanned(inventory: Inventory, accountId: string): boolean {
  return inventory.scope.accounts.length === 0 || inventory.scope.accounts.includes(accountId);
}

/**
 * Judges every scanned account of the snapshot; suspended and closing accounts are out of scope
 * because nothing runs in them and their settings can no longer be changed. Accounts of the
 * organization that were not scanned get no result: nothing was read about them.
 */
export function perActiveAccount(
  inventory: Inventory,
  judge: (account: Account) => CheckOutcome,
): CheckOutcome[] {
  return inventory.accounts.flatMap((account) => {
    if (account.status !== 'ACTIVE') {
      return [notApplicable(accountResource(inventory, account.id), inactive(inventory, account))];
    }
    return isScanned(inventory, account.id) ? [judge(account)] : [];
  });
}

/**
 * Judges per-account records (e.g. IAM account summaries), leaving out records of suspended or
 * closing accounts as not applicable and records of accounts outside the scan.
 */
export function perActiveAccountRecord<T extends ResourceRef>(
  inventory: Inventory,
  records: readonly T[],
  judge: (record: T, label: string) => CheckOutcome,
): CheckOutcome[] {
  return records.flatMap((record) => {
    const account = inventory.accounts.find((candidate) => candidate.id === record.accountId);
    if (account && account.status !== 'ACTIVE') return [notApplicable(record, inactive(inventory, account))];
    return isScanned(inventory, record.accountId)
      ? [judge(record, accountLabel(inventory, record.accountId))]
      : [];
  });
}

function inactive(inventory: Inventory, account: Account): string {
  return `account ${accountLabel(inventory, account.id)} is ${account.status.toLowerCase().replace('_', ' ')}`;
}

/** A resource's display name with its id when they differ: `legacy-ftp-data (vol-0legacyftp001)`. */
export function nameWithId(name: string, id: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}
