import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';

export type Instance = Inventory['ec2']['instances'][number];

const IN_SERVICE_STATES = new Set(['running', 'pending']);

export function isInService(instance: Instance): boolean {
  return IN_SERVICE_STATES.has(instance.state);
}

/** `bastion-prod (i-0b4571a5c0e1f2a01)`, or the bare id for unnamed instances. */
export function instanceLabel(instance: Instance): string {
  return instance.name && instance.name !== instance.instanceId
    ? `${instance.name} (${instance.instanceId})`
    : instance.instanceId;
}

/** Judges instances that run or start; stopped and terminated instances are out of scope. */
export function perInServiceInstance(
  inventory: Inventory,
  judge: (instance: Instance) => CheckOutcome,
): CheckOutcome[] {
  return inventory.ec2.instances.map((instance) =>
    isInService(instance)
      ? judge(instance)
      : notApplicable(instance, `${instanceLabel(instance)} is ${instance.state}`),
  );
}
