import { fail, notApplicable, pass, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { instanceLabel, perInServiceInstance } from '../_lib/_instances.ts';
import { portLabel } from '../_lib/_network.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { describePath, portReach } from '../_lib/_reachability.ts';

/**
 * Judges one remote-administration port (SSH, RDP) on every running instance the internet can route
 * to (see `_reachability.ts`): the port open to the internet through any of its security groups fails.
 * Instances without a routed public address cannot be reached from the internet and are out of scope.
 */
export function judgePublicInstancePort(inventory: Inventory, port: number): CheckOutcome[] {
  return perInServiceInstance(inventory, (instance) => {
    const label = instanceLabel(instance);
    const reach = portReach(inventory, instance, [port]);
    if (reach.kind === 'unrouted') return notApplicable(instance, `${label} ${reach.why}`);
    if (reach.kind === 'unknown') {
      return missingData(instance, `${label}: ${reach.why}, so ${portLabel(port)} exposure cannot be judged`);
    }
    const addresses = reach.paths.map((path) => path.address).join(', ');
    const where = `public instance ${instance.name || instance.instanceId} (${addresses})`;
    if (reach.exposures.length > 0) {
      const sources = [...new Set(reach.exposures.flatMap((exposure) => exposure.sources))];
      const groups = reach.exposures.map((exposure) => exposure.groupId);
      return fail(
        instance,
        `${portLabel(port)} open to ${sources.join(' and ')} on ${where} via ${groups.join(', ')}`,
        { details: { port, addresses: reach.paths.map(describePath).join(', ') } },
      );
    }
    return pass(instance, `${portLabel(port)} on ${where} is not open to the internet`);
  });
}
