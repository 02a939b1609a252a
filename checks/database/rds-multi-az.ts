import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';

export default defineCheck({
  id: 'rds-multi-az',
  title: 'RDS database instances fail over to a second Availability Zone',
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'high',
  description:
    'A single-AZ DB instance is down for the whole recovery time when its host or Availability Zone fails. Multi-AZ keeps a synchronous standby in another AZ and fails over automatically, usually within one to two minutes.',
  needs: ['rds.instances'],
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
    summary: 'Convert the instance to Multi-AZ, or move it to an Aurora cluster with a reader in another AZ.',
    steps: [
      'Check that the instance class is offered in a second AZ of the region.',
      'Modify the instance with Multi-AZ enabled during a maintenance window (a short I/O pause while the standby is created).',
      'For large MySQL databases, consider the Aurora migration: a writer and a reader in different AZs.',
    ],
    snippet: 'aws rds modify-db-instance --db-instance-identifier <id> --multi-az --apply-immediately',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html',
  evaluate: (inventory) =>
    inventory.rds.instances.map((db) => {
      if (db.clusterIdentifier) {
        return notApplicable(
          db,
          `${db.identifier} is a member of cluster ${db.clusterIdentifier}; the cluster check judges it`,
        );
      }
      if (db.readReplicaSourceIdentifier) {
        return notApplicable(db, `${db.identifier} is a read replica of ${db.readReplicaSourceIdentifier}`);
      }
      return db.multiAz
        ? pass(
            db,
            `${db.engine} ${db.identifier} has a standby in ${db.secondaryAvailabilityZone ?? 'a second AZ'}`,
          )
        : fail(
            db,
            `single-AZ ${db.engine} ${db.identifier} (${db.instanceClass}, ${db.allocatedStorageGiB} GiB) in ${db.availabilityZone ?? db.region}`,
          );
    }),
});
