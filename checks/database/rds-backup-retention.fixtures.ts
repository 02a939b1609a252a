import { defineFixtures, gap, rdsCluster, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'fourteen days pass',
    given: (inv) => inv.rds.instances.push(rdsInstance({ backupRetentionDays: 14 })),
    expect: [{ status: 'pass', evidence: 'keeps backups for 14 days' }],
  },
  {
    name: 'three days fail',
    given: (inv) => inv.rds.instances.push(rdsInstance({ backupRetentionDays: 3 })),
    expect: [{ status: 'fail', resource: 'orders-db', evidence: 'for only 3 day(s), below 7' }],
  },
  {
    name: 'a cluster without backups fails and its members are judged with it',
    given: (inv) => {
      inv.rds.clusters.push(rdsCluster({ backupRetentionDays: 0 }));
      inv.rds.instances.push(
        rdsInstance({ identifier: 'catalog-aurora-1', clusterIdentifier: 'catalog-aurora' }),
      );
    },
    expect: [
      { status: 'fail', resource: 'catalog-aurora', evidence: 'automated backups turned off' },
      { status: 'not_applicable', resource: 'catalog-aurora-1' },
    ],
  },
  {
    name: "a read replica relies on its source's backups",
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({
          identifier: 'orders-replica',
          readReplicaSourceIdentifier: 'orders-db',
          backupRetentionDays: 0,
        }),
      ),
    expect: [{ status: 'not_applicable', evidence: 'read replica of orders-db' }],
  },
  {
    name: 'unreadable instances are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance());
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
