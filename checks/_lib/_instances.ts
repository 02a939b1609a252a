import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';

export type Instance = Inventory['ec2']['instances'][number];

const IN_SERVICE_STATES = new Set(['running', 'pending']);

export function isInService(instance: Instance): boolean {
  return IN_SERVICE_STATES.has(instance.state);
}

/** `bastion-prod (i-0b4571a5c0e1f2a01)`, with an optional detail: `bastion-prod (i-0b4571a5c0e1f2a01, public IP 3.121.45.17)`. */
export function instanceLabel(instance: Instance, detail?: string): string {
  const inside = [instance.instanceId, detail].filter(Boolean).join(', ');
  return instance.name && instance.name !== instance.instanceId ? `${instance.name} (${inside})` : inside;
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
