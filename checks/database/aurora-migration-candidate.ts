import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { resourceEnvironment } from '../_lib/_environment.ts';

/**
 * Allocated storage at which a single instance has outgrown itself: restores, failures and upgrades take
 * hours. Storage is what collect reads for every instance; a row count is not collected, so it decides nothing.
 */
const LARGE_STORAGE_GIB = 500;
const MYSQL_ENGINES = new Set(['mysql', 'mariadb']);

export default defineCheck({
  id: 'aurora-migration-candidate',
  title: 'Large single-instance MySQL databases are candidates for the Aurora migration',
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'medium',
  description: `A MySQL or MariaDB database with ${LARGE_STORAGE_GIB} GiB or more of allocated storage on one instance without a standby is down until RDS replaces a failed host, and for as long as a point-in-time restore takes when its AZ fails; and its restores, backups and major upgrades get slower as it grows. Aurora MySQL keeps six copies across three AZs, fails over to a reader in about thirty seconds and grows storage by itself. wareview's migration module assesses such a database, plans the move, copies it into an Aurora cluster you created (dump, parallel load, binlog replication until caught up) and validates the copy with chunked checksums.`,
  needs: ['rds.instances', 'accounts'],
  wellArchitected: [
    {
      question: 'fault-isolation',
      choice: 'rel_fault_isolation_multiaz_region_system',
      bestPractice: 'REL10-BP01',
    },
    {
      question: 'data-management',
      choice: 'perf_data_evaluate_configuration_options_data_store',
      bestPractice: 'PERF03-BP02',
    },
  ],
  remediation: {
    summary:
      'Move the database to an Aurora MySQL cluster with a writer and a reader in different AZs: wareview migrate assesses it, plans the move, copies it and keeps it replicating until caught up, and validates the copy.',
    steps: [
      'Assess: `wareview migrate assess --source mysql://<user>@<endpoint>:3306/<database>` lists blockers (MyISAM tables, tables without a primary key, definers, events, binlog format and retention).',
      'Create the Aurora MySQL cluster with a writer and a reader in another AZ (console, CLI or infrastructure as code); wareview does not provision it.',
      'Plan: `wareview migrate plan --source URL --target URL --target-kind aurora --out plan.json` estimates load and catch-up times from measured throughput and checks that the load finishes inside the binlog retention.',
      'Run: `wareview migrate run --plan plan.json` dumps the source, loads it in parallel and replicates from the source binlog position until the target has caught up; every step resumes from its saved state. `wareview migrate status --plan plan.json --live` shows the progress.',
      'Validate: `wareview migrate validate --plan plan.json` compares chunked checksums and exits 1 on any difference.',
      'Cut over by hand: stop writes on the source, wait until replication has applied the last position, stop replication and point the application at the Aurora cluster endpoint.',
    ],
    snippet:
      'wareview migrate assess --source mysql://admin@<endpoint>:3306/<database> --out assessment.html\nwareview migrate plan --source mysql://admin@<endpoint>:3306/<database> --target mysql://admin@<aurora-endpoint>:3306/<database> --target-kind aurora --out plan.json\nwareview migrate run --plan plan.json\nwareview migrate validate --plan plan.json',
    effort: 'high',
    downtime: true,
    extraCost: true,
    automation: 'aurora-migration',
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Migrating.html',
  evaluate: (inventory) =>
    inventory.rds.instances.map((db) => {
      if (!MYSQL_ENGINES.has(db.engine))
        return notApplicable(db, `${db.identifier} runs ${db.engine}, not MySQL or MariaDB`);
      if (db.clusterIdentifier || db.readReplicaSourceIdentifier) {
        return notApplicable(
          db,
          `${db.identifier} is part of ${db.clusterIdentifier ?? db.readReplicaSourceIdentifier}`,
        );
      }
      const size = `${db.allocatedStorageGiB} GiB allocated`;
      if (db.allocatedStorageGiB < LARGE_STORAGE_GIB) {
        return notApplicable(
          db,
          `${db.identifier} (${size}) is below the ${LARGE_STORAGE_GIB} GiB at which a single instance becomes a migration candidate; rds-multi-az judges its availability`,
        );
      }
      if (db.multiAz) return pass(db, `${db.identifier} (${size}) already has a Multi-AZ standby`);
      const environment = resourceEnvironment(inventory, db).production ? 'production ' : '';
      return fail(
        db,
        `${environment}single-instance ${db.engine} ${db.engineVersion} ${db.identifier} (${size}, ${db.instanceClass}, ${db.availabilityZone ?? db.region}, no Multi-AZ standby) is an Aurora migration candidate`,
        { details: { allocatedGiB: db.allocatedStorageGiB } },
      );
    }),
});
