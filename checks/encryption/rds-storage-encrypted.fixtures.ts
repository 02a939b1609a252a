import { defineFixtures, gap, rdsCluster, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'an encrypted instance passes and names its key',
    given: (inv) =>
      inv.rds.instances.push(rdsInstance({ storageEncrypted: true, kmsKeyId: 'alias/rds-data' })),
    expect: [{ status: 'pass', resource: 'orders-db', evidence: 'encrypted with alias/rds-data' }],
  },
  {
    name: 'an unencrypted instance fails with its engine and size',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ storageEncrypted: false, engineVersion: '5.7.44', allocatedStorageGiB: 1200 }),
      ),
    expect: [
      {
        status: 'fail',
        resource: 'orders-db',
        evidence: 'unencrypted mysql 5.7.44 instance orders-db (1200 GiB)',
      },
    ],
  },
  {
    name: 'an unencrypted cluster fails once; its members are judged with it',
    given: (inv) => {
      inv.rds.clusters.push(rdsCluster({ storageEncrypted: false }));
      inv.rds.instances.push(
        rdsInstance({
          identifier: 'catalog-aurora-1',
          clusterIdentifier: 'catalog-aurora',
          storageEncrypted: false,
        }),
      );
    },
    expect: [
      { status: 'fail', resource: 'catalog-aurora', evidence: 'unencrypted aurora-mysql' },
      {
        status: 'not_applicable',
        resource: 'catalog-aurora-1',
        evidence: 'member of cluster catalog-aurora',
      },
    ],
  },
  {
    name: 'unreadable clusters are an error, not a pass',
    given: (inv) => {
      inv.rds.clusters.push(rdsCluster());
      gap(inv, 'rds.clusters');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
