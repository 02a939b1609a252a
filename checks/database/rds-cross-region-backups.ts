import { defineCheck, fail, pass, type CheckContext } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { judgeProduction } from '../_lib/_environment.ts';
import { daysSince } from '../_lib/_time.ts';
import { describeDatabase, judgeDatabases, type Database } from '../_lib/_rds.ts';

/** A copy older than this no longer meets a daily recovery point for a Region-wide event. */
const MAX_COPY_AGE_DAYS = 7;

function regionOfArn(arn: string): string | undefined {
  return arn.startsWith('arn:') ? arn.split(':')[3] : undefined;
}

/** The first protection found outside the database's Region, or undefined. */
function copyOutsideRegion(inventory: Inventory, db: Database, now: Date): string | undefined {
  const replicated = db.backupReplicationRegions.filter((region) => region !== db.region);
  if (replicated.length) return `automated backups replicated to ${replicated.join(', ')}`;
  if (db.kind === 'cluster' && db.globalClusterIdentifier)
    return `member of global database ${db.globalClusterIdentifier}`;
  const replica =
    db.kind === 'instance' &&
    db.readReplicaIdentifiers.find((id) => (regionOfArn(id) ?? db.region) !== db.region);
  if (replica) return `cross-Region read replica ${replica}`;
  const copy = inventory.rds.snapshots.find(
    (snapshot) =>
      snapshot.sourceIdentifier === db.identifier &&
      snapshot.accountId === db.accountId &&
      snapshot.region !== db.region &&
      snapshot.createdAt !== undefined &&
      daysSince(snapshot.createdAt, now) <= MAX_COPY_AGE_DAYS,
  );
  return copy
    ? `snapshot copy ${copy.identifier} in ${copy.region} from ${copy.createdAt?.slice(0, 10)}`
    : undefined;
}

function judge(inventory: Inventory, db: Database, context: CheckContext) {
  return judgeProduction(inventory, db, db.identifier, () => {
    const protection = copyOutsideRegion(inventory, db, context.now);
    return protection
      ? pass(db, `production ${describeDatabase(db)}: ${protection}`)
      : fail(
          db,
          `production ${describeDatabase(db)} has no backup outside ${db.region} (no backup replication, global database, cross-Region replica or snapshot copy from the last ${MAX_COPY_AGE_DAYS} days)`,
        );
  });
}

export default defineCheck({
  id: 'rds-cross-region-backups',
  title: 'Production databases keep backups in a second Region',
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'medium',
  description:
    "Automated backups and snapshots live in the database's Region. A Regional event, or an attacker who deletes the database with its backups, leaves nothing to restore unless a copy exists elsewhere: backup replication, a cross-Region replica or global database, or recent snapshot copies.",
  needs: ['rds.instances', 'rds.clusters', 'rds.snapshots', 'accounts'],
  wellArchitected: [
    {
      question: 'planning-for-recovery',
      choice: 'rel_planning_for_recovery_disaster_recovery',
      bestPractice: 'REL13-BP02',
    },
    {
      question: 'backing-up-data',
      choice: 'rel_backing_up_data_automated_backups_data',
      bestPractice: 'REL09-BP03',
    },
  ],
  remediation: {
    summary:
      'Replicate automated backups to a second Region, or copy snapshots there on a schedule with AWS Backup.',
    steps: [
      'Agree the recovery Region and the recovery point and time objectives for a Regional event.',
      'RDS instances: start automated backup replication to the recovery Region (encrypted databases need a KMS key there).',
      'Aurora: use an AWS Backup plan with a cross-Region copy rule, or a global database when minutes of RTO are required.',
      'Restore in the recovery Region once to prove the copy works, and write the steps down.',
    ],
    snippet:
      'aws rds start-db-instance-automated-backups-replication --region <recovery-region> --source-db-instance-arn <db-arn> --backup-retention-period 7 --kms-key-id <recovery-region-key-arn>',
    effort: 'medium',
    downtime: false,
    extraCost: true,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReplicateBackups.html',
  evaluate: (inventory, context) => judgeDatabases(inventory, (db) => judge(inventory, db, context)),
});
