import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { perOwnedSnapshot } from './_rds-snapshots.ts';

export default defineCheck({
  id: 'rds-snapshots-encrypted',
  title: 'RDS and Aurora snapshots are encrypted at rest',
  area: 'encryption',
  pillar: 'security',
  severity: 'medium',
  description:
    'A database snapshot is a full copy of the data. Manual snapshots outlive the database and its retention settings, so an unencrypted one keeps the data in clear text until someone deletes it.',
  needs: ['rds.snapshots'],
  wellArchitected: [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' },
    {
      question: 'backing-up-data',
      choice: 'rel_backing_up_data_secured_backups_data',
      bestPractice: 'REL09-BP02',
    },
  ],
  remediation: {
    summary:
      'Copy manual snapshots with a KMS key and delete the originals; automated snapshots follow the database.',
    steps: [
      'Manual snapshots: copy each with --kms-key-id, check the copy, delete the unencrypted original.',
      'Automated snapshots are encrypted only when the database is: encrypt the database (see rds-storage-encrypted).',
      'Cluster snapshots: use copy-db-cluster-snapshot with --kms-key-id in the same way.',
    ],
    snippet:
      'aws rds copy-db-snapshot --source-db-snapshot-identifier <snapshot> --target-db-snapshot-identifier <snapshot>-encrypted --kms-key-id alias/<key-alias>\naws rds delete-db-snapshot --db-snapshot-identifier <snapshot>',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_CopySnapshot.html',
  evaluate: (inventory) =>
    perOwnedSnapshot(inventory, (snapshot, label) =>
      snapshot.encrypted
        ? pass(snapshot, `${label} is encrypted with ${snapshot.kmsKeyId ?? 'the AWS managed key aws/rds'}`)
        : fail(snapshot, `unencrypted ${label} in ${snapshot.region}`),
    ),
});
