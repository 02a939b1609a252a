import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { perOwnedSnapshot } from './_rds-snapshots.ts';

export default defineCheck({
  id: 'rds-snapshots-not-public',
  title: 'No RDS or Aurora snapshot can be restored by every AWS account',
  area: 'encryption',
  pillar: 'security',
  severity: 'critical',
  description:
    'A public DB snapshot can be restored by any AWS account, which then holds a full copy of the database. Encrypted snapshots cannot be made public, so a public snapshot is always readable.',
  needs: ['rds.snapshots'],
  wellArchitected: [
    {
      question: 'protect-data-rest',
      choice: 'sec_protect_data_rest_access_control',
      bestPractice: 'SEC08-BP04',
    },
    {
      question: 'permissions',
      choice: 'sec_permissions_analyze_cross_account',
      bestPractice: 'SEC03-BP07',
    },
  ],
  remediation: {
    summary:
      'Remove "all" from the snapshot\'s restore attribute; share with named accounts if sharing is needed.',
    steps: [
      'Remove the value "all" from the restore attribute of the snapshot.',
      'Share an encrypted copy with specific account ids instead, with a key policy that lets only those accounts use the key.',
      'Treat the data as exposed: review what it held and rotate the database credentials.',
    ],
    snippet:
      'aws rds modify-db-snapshot-attribute --db-snapshot-identifier <snapshot> --attribute-name restore --values-to-remove all\naws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier <snapshot> --attribute-name restore --values-to-remove all',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html',
  evaluate: (inventory) =>
    perOwnedSnapshot(inventory, (snapshot, label) =>
      snapshot.public
        ? fail(snapshot, `${label} in ${snapshot.region} is public: any AWS account can restore it`)
        : pass(snapshot, `${label} is not public`),
    ),
});
