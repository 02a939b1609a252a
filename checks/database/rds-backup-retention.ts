import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { describeDatabase, judgeDatabases } from '../_lib/_rds.ts';

const MINIMUM_RETENTION_DAYS = 7;

export default defineCheck({
  id: 'rds-backup-retention',
  title: `Automated database backups are kept for at least ${MINIMUM_RETENTION_DAYS} days`,
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'high',
  description: `Automated backups give point-in-time recovery within the retention period. With retention 0 there are none; with fewer than ${MINIMUM_RETENTION_DAYS} days, corruption or a bad deployment noticed after a long weekend can no longer be undone.`,
  needs: ['rds.instances', 'rds.clusters'],
  wellArchitected: [
    {
      question: 'backing-up-data',
      choice: 'rel_backing_up_data_automated_backups_data',
      bestPractice: 'REL09-BP03',
    },
    {
      question: 'backing-up-data',
      choice: 'rel_backing_up_data_identified_backups_data',
      bestPractice: 'REL09-BP01',
    },
  ],
  remediation: {
    summary: `Set the backup retention period to ${MINIMUM_RETENTION_DAYS} days or more (up to 35), or manage backups with an AWS Backup plan.`,
    steps: [
      'Agree the recovery point objective and how far back a restore must reach.',
      'Raise the retention period; for Aurora and Multi-AZ clusters change it on the cluster.',
      'Turning backups on from 0 takes a backup right away and may pause I/O on single-AZ instances: do it in a maintenance window.',
      'Restore to a point in time once to test that backups work.',
    ],
    snippet:
      'aws rds modify-db-instance --db-instance-identifier <db> --backup-retention-period 14 --apply-immediately\naws rds modify-db-cluster --db-cluster-identifier <cluster> --backup-retention-period 14 --apply-immediately',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
  evaluate: (inventory) =>
    judgeDatabases(inventory, (db) => {
      if (db.kind === 'instance' && db.readReplicaSourceIdentifier) {
        return notApplicable(
          db,
          `${db.identifier} is a read replica of ${db.readReplicaSourceIdentifier}, whose backups count`,
        );
      }
      const days = db.backupRetentionDays;
      if (days >= MINIMUM_RETENTION_DAYS)
        return pass(db, `${describeDatabase(db)} keeps backups for ${days} days`);
      return fail(
        db,
        days === 0
          ? `${describeDatabase(db)} has automated backups turned off (retention 0)`
          : `${describeDatabase(db)} keeps backups for only ${days} day(s), below ${MINIMUM_RETENTION_DAYS}`,
        { details: { retentionDays: days } },
      );
    }),
});
