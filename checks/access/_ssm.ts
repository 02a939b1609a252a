import type { Inventory } from '../../src/inventory/schema.ts';
import type { Instance } from '../_lib/_instances.ts';

export type ManagedInstance = Inventory['ssm']['managedInstances'][number];

/** One index per snapshot: every instance looks its registration up, and estates hold thousands. */
const registrations = new WeakMap<Inventory, Map<string, ManagedInstance>>();

function key(item: { accountId: string; region: string; instanceId: string }): string {
  return `${item.accountId}/${item.region}/${item.instanceId}`;
}

/** The instance's SSM registration in its own account and region, if any. */
export function managedInstanceOf(inventory: Inventory, instance: Instance): ManagedInstance | undefined {
  let index = registrations.get(inventory);
  if (!index) {
    index = new Map(inventory.ssm.managedInstances.map((managed) => [key(managed), managed]));
    registrations.set(inventory, index);
  }
  return index.get(key(instance));
}
