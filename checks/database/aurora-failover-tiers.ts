import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { refOf } from '../_lib/_resource-ref.ts';
import { memberInstance } from '../_lib/_rds.ts';
import { globalSecondaryOf, instanceSize, perAuroraCluster } from './_aurora.ts';

export default defineCheck({
  id: 'aurora-failover-tiers',
  title: 'Aurora failover goes to a reader in tier 0–1 that is sized like the writer',
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'medium',
  description:
    'On failover Aurora promotes the reader with the best (lowest) promotion tier, the largest first within a tier. Readers left in tier 15 signal that none was meant to take over, and a failover target smaller than the writer turns an outage of thirty seconds into an overloaded primary.',
  needs: ['rds.clusters', 'rds.instances'],
  wellArchitected: [
    {
      question: 'withstand-component-failures',
      choice: 'rel_withstand_component_failures_failover2good',
      bestPractice: 'REL11-BP02',
    },
    {
      question: 'withstand-component-failures',
      choice: 'rel_withstand_component_failures_static_stability',
      bestPractice: 'REL11-BP05',
    },
  ],
  remediation: {
    summary:
      'Put a writer-sized reader in another AZ in promotion tier 0 or 1; leave small reporting readers in higher tiers.',
    steps: [
      "Choose the reader meant to take over (in another AZ than the writer) and give it the writer's instance class.",
      'Set its promotion tier to 0 or 1; move readers that serve reports or analytics to tier 15.',
      'Test a failover and check that the new writer handles peak load.',
    ],
    snippet:
      'aws rds modify-db-instance --db-instance-identifier <reader> --promotion-tier 1 --db-instance-class <writer-class> --apply-immediately',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl:
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html#Aurora.Managing.FaultTolerance',
  evaluate: (inventory) =>
    perAuroraCluster(inventory, (cluster, writer, readers) => {
      const globalId = globalSecondaryOf(cluster, writer);
      if (globalId) {
        return notApplicable(
          cluster,
          `cluster ${cluster.identifier} is a secondary of global database ${globalId}: it has no writer to fail over from; its failover is the global database's switchover or failover`,
        );
      }
      if (!writer) {
        return missingData(refOf(cluster), `no writer is recorded for cluster ${cluster.identifier}`);
      }
      if (readers.length === 0) {
        return notApplicable(
          cluster,
          `cluster ${cluster.identifier} has no reader to fail over to; see aurora-reader-in-other-az`,
        );
      }
      const bestTier = Math.min(...readers.map((reader) => reader.promotionTier));
      const targets = readers.filter((reader) => reader.promotionTier === bestTier);
      const names = targets.map((target) => target.instanceIdentifier).join(', ');
      if (bestTier > 1) {
        return fail(
          cluster,
          `cluster ${cluster.identifier}: no reader in tier 0–1; failover would pick ${names} from tier ${bestTier}`,
        );
      }
      const writerClass = memberInstance(inventory, cluster, writer.instanceIdentifier)?.instanceClass;
      const targetClasses = targets.map(
        (target) => memberInstance(inventory, cluster, target.instanceIdentifier)?.instanceClass,
      );
      if (!writerClass || targetClasses.some((instanceClass) => !instanceClass)) {
        return missingData(
          refOf(cluster),
          `instance classes of cluster ${cluster.identifier} are not recorded`,
        );
      }
      const writerSize = instanceSize(writerClass);
      const sized = targetClasses.some((instanceClass) => {
        const size = instanceSize(instanceClass ?? '');
        return writerSize === null || size === null || size >= writerSize;
      });
      const facts = `${names} (tier ${bestTier}, ${targetClasses.join(', ')}) for writer ${writer.instanceIdentifier} (${writerClass})`;
      return sized
        ? pass(cluster, `cluster ${cluster.identifier} fails over to ${facts}`)
        : fail(cluster, `cluster ${cluster.identifier} would fail over to a smaller instance: ${facts}`);
    }),
});
