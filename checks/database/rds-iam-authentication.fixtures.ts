import { defineFixtures, gap, rdsCluster, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'IAM authentication on passes',
    given: (inv) => inv.rds.instances.push(rdsInstance({ iamDatabaseAuthenticationEnabled: true })),
    expect: [{ status: 'pass', resource: 'orders-db' }],
  },
  {
    name: 'a cluster without it fails',
    given: (inv) => inv.rds.clusters.push(rdsCluster({ iamDatabaseAuthenticationEnabled: false })),
    expect: [{ status: 'fail', resource: 'catalog-aurora', evidence: 'IAM database authentication is off' }],
  },
  {
    name: 'SQL Server cannot use it',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ engine: 'sqlserver-se', iamDatabaseAuthenticationEnabled: false }),
      ),
    expect: [{ status: 'not_applicable', evidence: 'sqlserver-se does not support' }],
  },
  {
    name: 'unreadable instances are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ iamDatabaseAuthenticationEnabled: true }));
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
