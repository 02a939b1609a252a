import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { describeDatabase, judgeDatabases, majorVersion, type Database } from '../_lib/_rds.ts';

/**
 * End of RDS / Aurora standard support per engine and major version, from the AWS release calendars
 * (`aws rds describe-db-major-engine-versions` returns the same dates). After it, RDS Extended Support
 * charges apply per vCPU-hour, or the database is upgraded automatically. Versions not listed are not judged.
 */
const END_OF_STANDARD_SUPPORT: Record<string, Record<string, string>> = {
  mysql: { '5.7': '2024-02-29', '8.0': '2026-07-31' },
  aurora: { '1': '2023-02-28' },
  'aurora-mysql': { '1': '2023-02-28', '2': '2024-10-31' },
  mariadb: { '10.2': '2022-10-15', '10.6': '2026-08-31' },
  postgres: {
    '11': '2024-02-29',
    '12': '2025-02-28',
    '13': '2026-02-28',
    '14': '2027-02-28',
    '15': '2028-02-29',
    '16': '2029-02-28',
  },
  'aurora-postgresql': { '11': '2024-02-29', '12': '2025-02-28', '13': '2026-02-28', '14': '2027-02-28' },
};

/** Aurora Serverless v1 (engine mode `serverless`) reached end of life whatever its engine version. */
const SERVERLESS_V1_END = '2025-03-31';

/** The end date that applies to the database and what it ends, or undefined when none is on record. */
function supportEnd(db: Database): { date: string; what: string } | undefined {
  if (db.kind === 'cluster' && db.engineMode === 'serverless') {
    return { date: SERVERLESS_V1_END, what: 'Aurora Serverless v1' };
  }
  const major = majorVersion(db.engine, db.engineVersion);
  const date = END_OF_STANDARD_SUPPORT[db.engine]?.[major];
  return date ? { date, what: `${db.engine} ${major}` } : undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Upgrades take planning: warn this many days ahead. */
const WARNING_DAYS = 180;

export default defineCheck({
  id: 'rds-engine-end-of-standard-support',
  title: 'Database engines are within RDS standard support',
  area: 'database-ha',
  pillar: 'security',
  severity: 'high',
  description:
    'After a major version leaves standard support, RDS bills Extended Support per vCPU-hour or upgrades the database in a maintenance window, and community fixes stop. MySQL 5.7, Aurora MySQL 2 and PostgreSQL 11–13 are past that date, MySQL 8.0 followed on 31 July 2026, and Aurora Serverless v1 reached end of life on 31 March 2025.',
  needs: ['rds.instances', 'rds.clusters'],
  wellArchitected: [
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_vulnerability_management',
      bestPractice: 'SEC06-BP01',
    },
    {
      question: 'evaluate-new-services',
      choice: 'cost_evaluate_new_services_review_workload',
      bestPractice: 'COST10-BP02',
    },
  ],
  remediation: {
    summary:
      'Plan and run the major version upgrade with a blue/green deployment, before the end of standard support.',
    steps: [
      'Run the upgrade pre-checks (MySQL: the upgrade checker; PostgreSQL: pg_upgrade --check through a test restore).',
      'Create a blue/green deployment with the target version and test the application against the green environment.',
      'Switch over in a quiet period (typically under a minute of downtime) and keep the blue environment until verified.',
      'For single-instance MySQL, the Aurora migration moves to a current version and a Multi-AZ cluster in one step.',
    ],
    snippet:
      'aws rds describe-db-major-engine-versions --engine mysql\naws rds create-blue-green-deployment --blue-green-deployment-name <db>-upgrade --source <db-arn> --target-engine-version 8.4.3',
    effort: 'high',
    downtime: true,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html',
  evaluate: (inventory, context) =>
    judgeDatabases(inventory, (db) => {
      const end = supportEnd(db);
      if (!end) {
        const major = majorVersion(db.engine, db.engineVersion);
        return notApplicable(db, `no end-of-standard-support date on record for ${db.engine} ${major}`);
      }
      const endsAt = `${end.date}T23:59:59.999Z`;
      if (context.now.getTime() > Date.parse(endsAt)) {
        return fail(db, `${describeDatabase(db)}: ${end.what} left standard support on ${end.date}`, {
          details: { endOfStandardSupport: end.date },
        });
      }
      const daysLeft = Math.floor((Date.parse(endsAt) - context.now.getTime()) / DAY_MS);
      const soon = daysLeft <= WARNING_DAYS ? `, ${daysLeft} day(s) left: plan the upgrade` : '';
      return pass(db, `${describeDatabase(db)}: standard support until ${end.date}${soon}`);
    }),
});
