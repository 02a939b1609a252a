import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { resourceEnvironment } from '../_lib/_environment.ts';

/** Sizes at which a single instance has outgrown itself: restores, failures and upgrades take hours. */
const LARGE_STORAGE_GIB = 500;
const LARGE_ROW_COUNT = 100_000_000;
const MYSQL_ENGINES = new Set(['mysql', 'mariadb']);

function rowCount(rows: number): string {
  return rows >= 1e9 ? `${(rows / 1e9).toFixed(2)} billion` : `${Math.round(rows / 1e6)} million`;
}

export default defineCheck({
  id: 'aurora-migration-candidate',
  title: 'Large single-instance MySQL databases are candidates for the Aurora migration',
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'medium',
  description: `A MySQL or MariaDB database of ${LARGE_STORAGE_GIB} GiB or ${rowCount(LARGE_ROW_COUNT)} rows on one instance without a standby is down until RDS replaces a failed host, and for as long as a point-in-time restore takes when its AZ fails; and its restores, backups and major upgrades get slower as it grows. Aurora MySQL keeps six copies across three AZs, fails over to a reader in about thirty seconds and grows storage by itself. wareview's migration module moves such a database with binlog replication, a roll-forward replica and minutes of downtime.`,
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
      'Move the database to an Aurora MySQL cluster with a writer and a reader in different AZs, using wareview migrate.',
    steps: [
      'Assess: `wareview migrate assess --source mysql://<user>@<endpoint>:3306/<database>` lists blockers (MyISAM tables, tables without a primary key, definers, events, binlog format and retention).',
      'Plan: `wareview migrate plan --source URL --target URL --out plan.json` estimates load and catch-up times from measured throughput and checks that the load finishes inside the binlog retention.',
      'Run: `wareview migrate run --plan plan.json` provisions the Aurora cluster, loads in parallel, replicates from the source binlog position and sets up the roll-forward replica; every step resumes from its saved state.',
      'Validate and cut over: `wareview migrate validate --plan plan.json` compares chunked checksums, then the cut-over switches the application with measured downtime.',
    ],
    snippet:
      'wareview migrate assess --source mysql://admin@<endpoint>:3306/<database> --out assessment.html\nwareview migrate plan --source mysql://admin@<endpoint>:3306/<database> --target mysql://admin@<aurora-endpoint>:3306 --out plan.json\nwareview migrate run --plan plan.json\nwareview migrate validate --plan plan.json',
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
      const rows = db.approximateRowCount;
      const size = `${db.allocatedStorageGiB} GiB${rows !== null ? `, ~${rowCount(rows)} rows` : ''}`;
      const large = db.allocatedStorageGiB >= LARGE_STORAGE_GIB || (rows ?? 0) >= LARGE_ROW_COUNT;
      if (!large) return pass(db, `${db.identifier} (${size}) is small enough for a single instance`);
      if (db.multiAz) return pass(db, `${db.identifier} (${size}) already has a Multi-AZ standby`);
      const environment = resourceEnvironment(inventory, db).production ? 'production ' : '';
      return fail(
        db,
        `${environment}single-instance ${db.engine} ${db.engineVersion} ${db.identifier} (${size}, ${db.instanceClass}, ${db.availabilityZone ?? db.region}) is an Aurora migration candidate`,
        { details: { allocatedGiB: db.allocatedStorageGiB, approximateRows: rows } },
      );
    }),
});
