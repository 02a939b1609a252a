import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { describeDatabase, engineFamily, judgeDatabases } from '../_lib/_rds.ts';

export default defineCheck({
  id: 'rds-iam-authentication',
  title: 'MySQL and PostgreSQL databases accept IAM authentication',
  area: 'database-ha',
  pillar: 'security',
  severity: 'low',
  description:
    'With IAM database authentication, people and services connect with a 15-minute token signed by their IAM identity instead of a long-lived password in a configuration file, and access is granted and revoked in IAM. It is available for the MySQL and PostgreSQL families.',
  needs: ['rds.instances', 'rds.clusters'],
  wellArchitected: [
    { question: 'identities', choice: 'sec_identities_unique', bestPractice: 'SEC02-BP02' },
    { question: 'identities', choice: 'sec_identities_secrets', bestPractice: 'SEC02-BP03' },
  ],
  remediation: {
    summary: 'Enable IAM database authentication and move people and services to token-based database users.',
    steps: [
      'Enable IAM authentication on the instance or cluster (applies without a restart).',
      'Create database users that authenticate with AWSAuthenticationPlugin (MySQL) or the rds_iam role (PostgreSQL).',
      'Grant rds-db:connect on those users to the IAM roles that need them and switch clients to generate-db-auth-token.',
      'Keep the master password in Secrets Manager with rotation for break-glass use only.',
    ],
    snippet:
      'aws rds modify-db-instance --db-instance-identifier <db> --enable-iam-database-authentication --apply-immediately\naws rds generate-db-auth-token --hostname <endpoint> --port 3306 --username <iam-db-user>',
    effort: 'medium',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html',
  evaluate: (inventory) =>
    judgeDatabases(inventory, (db) => {
      const family = engineFamily(db.engine);
      if (family !== 'mysql' && family !== 'postgres') {
        return notApplicable(
          db,
          `${db.engine} does not support IAM database authentication (${db.identifier})`,
        );
      }
      return db.iamDatabaseAuthenticationEnabled
        ? pass(db, `${describeDatabase(db)} accepts IAM authentication tokens`)
        : fail(db, `${describeDatabase(db)} accepts passwords only: IAM database authentication is off`);
    }),
});
