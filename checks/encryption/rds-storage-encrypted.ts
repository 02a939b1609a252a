import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { describeDatabase, judgeDatabases } from '../_lib/_rds.ts';

export default defineCheck({
  id: 'rds-storage-encrypted',
  title: 'RDS instances and Aurora clusters encrypt their storage at rest',
  area: 'encryption',
  pillar: 'security',
  severity: 'high',
  description:
    'Storage encryption covers the database files, logs, automated backups, snapshots and read replicas. It can only be chosen at creation: an unencrypted database has to be copied to an encrypted one.',
  needs: ['rds.instances', 'rds.clusters'],
  wellArchitected: [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' },
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_key_mgmt', bestPractice: 'SEC08-BP01' },
  ],
  remediation: {
    summary:
      'Move the data to an encrypted database: restore an encrypted snapshot copy, or replicate into an encrypted target.',
    steps: [
      'Create or pick a customer managed KMS key for the database.',
      'Small databases: take a snapshot, copy it with --kms-key-id, restore a new instance from the copy, switch the endpoint during a maintenance window.',
      'Large MySQL databases: migrate to an encrypted Aurora cluster with binlog replication so the cut-over takes minutes (wareview migrate).',
      'Delete the unencrypted instance and its unencrypted snapshots after the retention period.',
    ],
    snippet:
      'aws rds create-db-snapshot --db-instance-identifier <db> --db-snapshot-identifier <db>-plain\naws rds copy-db-snapshot --source-db-snapshot-identifier <db>-plain --target-db-snapshot-identifier <db>-encrypted --kms-key-id alias/<key-alias>\naws rds restore-db-instance-from-db-snapshot --db-instance-identifier <db>-enc --db-snapshot-identifier <db>-encrypted',
    effort: 'high',
    downtime: true,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  evaluate: (inventory) =>
    judgeDatabases(inventory, (db) =>
      db.storageEncrypted
        ? pass(
            db,
            `${describeDatabase(db)} is encrypted with ${db.kmsKeyId ?? 'the AWS managed key aws/rds'}`,
          )
        : fail(
            db,
            db.kind === 'instance'
              ? `unencrypted ${describeDatabase(db)} (${db.allocatedStorageGiB} GiB) in ${db.region}`
              : `unencrypted ${describeDatabase(db)} in ${db.region}`,
          ),
    ),
});
