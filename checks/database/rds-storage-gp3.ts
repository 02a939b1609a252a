import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { clusterStorageMember } from '../_lib/_rds.ts';

const PREVIOUS_GENERATION: Record<string, string> = {
  gp2: 'General Purpose gp2, whose IOPS grow with size (3 per GiB) and which costs about 20% more per GiB than gp3',
  standard: 'previous-generation magnetic storage',
};

export default defineCheck({
  id: 'rds-storage-gp3',
  title: 'RDS instances use gp3 or Provisioned IOPS storage instead of gp2 or magnetic',
  area: 'database-ha',
  pillar: 'costOptimization',
  severity: 'low',
  description:
    'gp3 storage costs less per GiB than gp2 and gives a baseline of 3,000 IOPS (12,000 above 400 GiB for MySQL, MariaDB and PostgreSQL) independent of size, with IOPS and throughput adjustable on their own. Magnetic storage is a previous generation with unpredictable latency. The change is made online.',
  needs: ['rds.instances'],
  wellArchitected: [
    {
      question: 'type-size-number-resources',
      choice: 'cost_type_size_number_resources_data',
      bestPractice: 'COST06-BP02',
    },
    {
      question: 'data-management',
      choice: 'perf_data_evaluate_configuration_options_data_store',
      bestPractice: 'PERF03-BP02',
    },
  ],
  remediation: {
    summary:
      'Modify the storage type to gp3; set IOPS and throughput from the measured peak if the baseline is not enough.',
    steps: [
      'Read the peak ReadIOPS + WriteIOPS and throughput of the last weeks from CloudWatch.',
      'Modify the instance to gp3 (add --iops/--storage-throughput when the peak exceeds the gp3 baseline); the database stays available while storage is optimised.',
      'Storage cannot be modified again for six hours after the change: plan other storage changes together.',
    ],
    snippet:
      'aws rds modify-db-instance --db-instance-identifier <db> --storage-type gp3 --apply-immediately',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html#Concepts.Storage.GeneralSSD',
  evaluate: (inventory) =>
    inventory.rds.instances.map((db) => {
      if (db.clusterIdentifier) return clusterStorageMember(db);
      if (db.storageType.startsWith('aurora'))
        return notApplicable(db, `${db.identifier} uses Aurora storage`);
      const previous = PREVIOUS_GENERATION[db.storageType];
      return previous
        ? fail(
            db,
            `${db.engine} instance ${db.identifier} keeps ${db.allocatedStorageGiB} GiB on ${previous}`,
            {
              details: { storageType: db.storageType, allocatedGiB: db.allocatedStorageGiB },
            },
          )
        : pass(db, `${db.engine} instance ${db.identifier} uses ${db.storageType} storage`);
    }),
});
