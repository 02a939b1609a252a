import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { accountLabel, accountResource, isScanned } from '../_lib/_accounts.ts';

/** For organization-level checks on a snapshot without an organization: each account, out of scope. */
export function outsideAnOrganization(inventory: Inventory): CheckOutcome[] {
  return inventory.accounts
    .filter((account) => isScanned(inventory, account.id))
    .map((account) =>
      notApplicable(
        accountResource(inventory, account.id),
        `account ${accountLabel(inventory, account.id)} is not in an organization; organization-exists judges it`,
      ),
    );
}
