import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { isAurora, type RdsCluster } from '../_lib/_rds.ts';

export type ClusterMember = RdsCluster['members'][number];

/**
 * Judges provisioned Aurora clusters (Serverless v2 instances included). Multi-AZ DB clusters keep two
 * standbys in other AZs by design, and Aurora Serverless v1 has no instances to place.
 */
export function perAuroraCluster(
  inventory: Inventory,
  judge: (cluster: RdsCluster, writer: ClusterMember | undefined, readers: ClusterMember[]) => CheckOutcome,
): CheckOutcome[] {
  return inventory.rds.clusters.map((cluster) => {
    if (!isAurora(cluster.engine)) {
      return notApplicable(
        cluster,
        `${cluster.identifier} is a Multi-AZ DB cluster with standbys in two other AZs`,
      );
    }
    if (cluster.engineMode !== 'provisioned') {
      return notApplicable(
        cluster,
        `${cluster.identifier} is Aurora ${cluster.engineMode}, without instances to place`,
      );
    }
    const writer = cluster.members.find((member) => member.isWriter);
    return judge(
      cluster,
      writer,
      cluster.members.filter((member) => !member.isWriter),
    );
  });
}

/** Relative compute of an instance size (`large` = 2, `4xlarge` = 16); null for Serverless v2, which scales. */
export function instanceSize(instanceClass: string): number | null {
  const size = instanceClass.split('.').pop() ?? '';
  const fixed: Record<string, number> = { micro: 0.5, small: 1, medium: 1, large: 2, xlarge: 4, metal: 1000 };
  if (size === 'serverless') return null;
  if (fixed[size] !== undefined) return fixed[size];
  const multiple = /^(\d+)xlarge$/.exec(size);
  return multiple ? 4 * Number(multiple[1]) : 0;
}

/**
 * The global database a cluster is a secondary of: a cluster of an Aurora Global Database whose
 * instances are all readers (the writer lives in the primary Region).
 */
export function globalSecondaryOf(
  cluster: RdsCluster,
  writer: ClusterMember | undefined,
): string | undefined {
  return !writer && cluster.globalClusterIdentifier ? cluster.globalClusterIdentifier : undefined;
}
