import type { Inventory } from '../../src/inventory/schema.ts';

export type Trail = Inventory['cloudtrail']['trails'][number];

/**
 * Each trail once: an organization trail is also listed, as a shadow trail with the same ARN, in
 * every member account and region that collect read.
 */
export function uniqueTrails(inventory: Inventory): Trail[] {
  const byArn = new Map<string, Trail>();
  for (const trail of inventory.cloudtrail.trails) {
    const known = byArn.get(trail.arn);
    if (!known || (trail.region === trail.homeRegion && known.region !== known.homeRegion))
      byArn.set(trail.arn, trail);
  }
  return [...byArn.values()];
}

/** What is wrong with a trail as the organization's audit trail, empty when nothing is. */
export function trailDefects(trail: Trail): string[] {
  return [
    trail.isMultiRegion ? '' : `single-region (${trail.homeRegion})`,
    trail.isLogging ? '' : 'logging stopped',
  ].filter(Boolean);
}

/** The organization trail that records every member account, if one is multi-region and logging. */
export function recordingOrganizationTrail(inventory: Inventory): Trail | undefined {
  return uniqueTrails(inventory).find(
    (trail) => trail.isOrganizationTrail && trailDefects(trail).length === 0,
  );
}
