import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { judgeProduction } from '../_lib/_environment.ts';
import { describeDatabase, judgeDatabases } from '../_lib/_rds.ts';

export default defineCheck({
  id: 'rds-deletion-protection',
  title: 'Production databases are protected against deletion',
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'medium',
  description:
    'Deletion protection makes DeleteDBInstance and DeleteDBCluster fail until someone turns it off on purpose. It stops a mistyped identifier, a runaway script or an infrastructure-as-code change from removing a production database, whose automated backups go with it unless retained.',
  needs: ['rds.instances', 'rds.clusters', 'accounts'],
  wellArchitected: [
    {
      question: 'backing-up-data',
      choice: 'rel_backing_up_data_identified_backups_data',
      bestPractice: 'REL09-BP01',
    },
    {
      question: 'protect-data-rest',
      choice: 'sec_protect_data_rest_access_control',
      bestPractice: 'SEC08-BP04',
    },
  ],
  remediation: {
    summary:
      'Turn on deletion protection for every production instance and cluster, and set it in the infrastructure code.',
    steps: [
      'Enable deletion protection (no restart, no downtime).',
      'Set DeletionProtection in CloudFormation, CDK or Terraform so the next deployment does not turn it off.',
      'Optionally deny rds:DeleteDBInstance and rds:DeleteDBCluster on production-tagged resources with an SCP.',
    ],
    snippet:
      'aws rds modify-db-instance --db-instance-identifier <db> --deletion-protection --apply-immediately\naws rds modify-db-cluster --db-cluster-identifier <cluster> --deletion-protection --apply-immediately',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
  evaluate: (inventory) =>
    judgeDatabases(inventory, (db) =>
      judgeProduction(inventory, db, db.identifier, (because) =>
        db.deletionProtection
          ? pass(db, `production ${describeDatabase(db)} has deletion protection`)
          : fail(db, `production ${describeDatabase(db)} (${because}) can be deleted without a safeguard`),
      ),
    ),
});
