import type { Inventory } from '../../src/inventory/schema.ts';
import type { Instance } from '../_lib/_instances.ts';

export type ManagedInstance = Inventory['ssm']['managedInstances'][number];

/** The instance's SSM registration in its own account and region, if any. */
export function managedInstanceOf(inventory: Inventory, instance: Instance): ManagedInstance | undefined {
  return inventory.ssm.managedInstances.find(
    (managed) =>
      managed.instanceId === instance.instanceId &&
      managed.accountId === instance.accountId &&
      managed.region === instance.region,
  );
}

/** True when Session Manager can open a session to the instance right now. */
export function reachableBySessionManager(inventory: Inventory, instance: Instance): boolean {
  return managedInstanceOf(inventory, instance)?.pingStatus === 'Online';
}
