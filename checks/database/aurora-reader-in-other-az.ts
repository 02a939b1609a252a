import { defineCheck, fail, notApplicable, pass, type CheckOutcome } from '../../src/engine/check.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { refOf } from '../_lib/_resource-ref.ts';
import { globalSecondaryOf, perAuroraCluster, type ClusterMember } from './_aurora.ts';
import type { RdsCluster } from '../_lib/_rds.ts';

/**
 * A Global Database secondary has readers only; promoted, one becomes the writer, and it keeps a reader
 * in another AZ only when its readers span two AZs.
 */
function judgeSecondary(cluster: RdsCluster, globalId: string, readers: ClusterMember[]): CheckOutcome {
  const label = `secondary cluster ${cluster.identifier} of global database ${globalId}`;
  if (readers.length === 0) {
    return notApplicable(
      cluster,
      `${label} has no instances (headless): it has nothing to place until instances are added`,
    );
  }
  const zones = [
    ...new Set(readers.flatMap((reader) => (reader.availabilityZone ? [reader.availabilityZone] : []))),
  ];
  if (zones.length >= 2) {
    return pass(
      cluster,
      `${label}: its ${readers.length} readers span ${zones.join(', ')}, so a promoted writer keeps a reader in another AZ`,
    );
  }
  if (readers.some((reader) => !reader.availabilityZone)) {
    return missingData(refOf(cluster), `the AZs of ${label}'s instances are not recorded`);
  }
  return fail(
    cluster,
    `${label}: all ${readers.length} reader(s) are in ${zones[0]}; once promoted, its writer has no reader in another AZ`,
  );
}

export default defineCheck({
  id: 'aurora-reader-in-other-az',
  title: 'Aurora clusters keep a reader in another Availability Zone than the writer',
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'high',
  description:
    "Aurora storage spans three AZs, but compute does not: a cluster without a reader has to create a new writer after a failure, which takes around ten minutes, and a reader in the writer's own AZ fails together with it. A reader in another AZ is promoted in about thirty seconds.",
  needs: ['rds.clusters'],
  wellArchitected: [
    {
      question: 'fault-isolation',
      choice: 'rel_fault_isolation_multiaz_region_system',
      bestPractice: 'REL10-BP01',
    },
    {
      question: 'withstand-component-failures',
      choice: 'rel_withstand_component_failures_failover2good',
      bestPractice: 'REL11-BP02',
    },
  ],
  remediation: {
    summary: 'Add an Aurora Replica in an Availability Zone the writer is not in, sized like the writer.',
    steps: [
      "Pick an AZ of the DB subnet group other than the writer's.",
      "Create a reader instance there with the writer's instance class and promotion tier 0 or 1.",
      'Point read traffic at the reader endpoint; the writer endpoint follows a failover by itself.',
      'Test with a failover (failover-db-cluster) during a quiet period and time it.',
    ],
    snippet:
      'aws rds create-db-instance --db-cluster-identifier <cluster> --db-instance-identifier <cluster>-reader-b --engine aurora-mysql --db-instance-class <writer-class> --availability-zone <other-az> --promotion-tier 1',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl:
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html',
  evaluate: (inventory) =>
    perAuroraCluster(inventory, (cluster, writer, readers) => {
      const globalId = globalSecondaryOf(cluster, writer);
      if (globalId) return judgeSecondary(cluster, globalId, readers);
      if (!writer)
        return missingData(refOf(cluster), `no writer is recorded for cluster ${cluster.identifier}`);
      const writerAt = `writer ${writer.instanceIdentifier} in ${writer.availabilityZone ?? 'an unknown AZ'}`;
      if (readers.length === 0) {
        return fail(
          cluster,
          `cluster ${cluster.identifier} has no reader: a failure of ${writerAt} means creating a new writer`,
        );
      }
      const elsewhere = readers.find(
        (reader) =>
          reader.availabilityZone &&
          writer.availabilityZone &&
          reader.availabilityZone !== writer.availabilityZone,
      );
      if (elsewhere) {
        return pass(
          cluster,
          `cluster ${cluster.identifier}: reader ${elsewhere.instanceIdentifier} in ${elsewhere.availabilityZone}, ${writerAt}`,
        );
      }
      if (!writer.availabilityZone || readers.some((reader) => !reader.availabilityZone)) {
        return missingData(
          refOf(cluster),
          `the AZs of cluster ${cluster.identifier}'s instances are not recorded`,
        );
      }
      return fail(
        cluster,
        `cluster ${cluster.identifier}: all ${readers.length} reader(s) share ${writer.availabilityZone} with ${writerAt}`,
      );
    }),
});
