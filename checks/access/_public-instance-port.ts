import { fail, notApplicable, pass, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { instanceLabel, perInServiceInstance } from '../_lib/_instances.ts';
import { groupsOfInstance, internetExposures, missingGroupIds, portLabel } from '../_lib/_network.ts';
import { missingData } from '../_lib/_outcomes.ts';

/**
 * Judges one remote-administration port (SSH, RDP) on every running instance with a public IP:
 * open to 0.0.0.0/0 or ::/0 through any of its security groups fails. Instances without a public IP
 * cannot be reached from the internet directly and are out of scope.
 */
export function judgePublicInstancePort(inventory: Inventory, port: number): CheckOutcome[] {
  return perInServiceInstance(inventory, (instance) => {
    const label = instanceLabel(instance);
    if (!instance.publicIp) return notApplicable(instance, `${label} has no public IP address`);
    const where = `public instance ${instance.name || instance.instanceId} (${instance.publicIp})`;
    const exposures = internetExposures(groupsOfInstance(inventory, instance), [port]);
    if (exposures.length > 0) {
      const sources = [...new Set(exposures.flatMap((exposure) => exposure.sources))];
      const groups = exposures.map((exposure) => exposure.groupId);
      return fail(
        instance,
        `${portLabel(port)} open to ${sources.join(' and ')} on ${where} via ${groups.join(', ')}`,
        {
          details: { port, publicIp: instance.publicIp },
        },
      );
    }
    const missing = missingGroupIds(inventory, instance);
    if (missing.length > 0) {
      return missingData(
        instance,
        `security group ${missing.join(', ')} of ${label} is not in the snapshot, so ${portLabel(port)} exposure cannot be judged`,
      );
    }
    return pass(instance, `${portLabel(port)} on ${where} is not open to the internet`);
  });
}
