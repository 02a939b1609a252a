import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { perActiveAccountRecord } from '../_lib/_accounts.ts';

export type IamUser = Inventory['iam']['users'][number];
export type AccessKey = IamUser['accessKeys'][number];

/** CIS AWS Foundations and Security Hub (IAM.3, IAM.22) both draw the line for keys at 90 days. */
export const ACCESS_KEY_MAX_DAYS = 90;

/** Judges IAM users that hold at least one active access key; the others are out of scope. */
export function perUserWithActiveKeys(
  inventory: Inventory,
  judge: (user: IamUser, keys: AccessKey[], account: string) => CheckOutcome,
): CheckOutcome[] {
  return perActiveAccountRecord(inventory, inventory.iam.users, (user, account) => {
    const keys = user.accessKeys.filter((key) => key.status === 'Active');
    return keys.length === 0
      ? notApplicable(user, `IAM user ${user.name} in ${account} has no active access keys`)
      : judge(user, keys, account);
  });
}
