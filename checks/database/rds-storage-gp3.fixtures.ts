import { defineFixtures, gap, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'gp3 and Provisioned IOPS pass',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ storageType: 'gp3' }),
        rdsInstance({ identifier: 'ledger-db', storageType: 'io2' }),
      ),
    expect: [
      { status: 'pass', resource: 'orders-db', evidence: 'uses gp3 storage' },
      { status: 'pass', resource: 'ledger-db', evidence: 'uses io2 storage' },
    ],
  },
  {
    name: 'gp2 fails with its size',
    given: (inv) => inv.rds.instances.push(rdsInstance({ storageType: 'gp2', allocatedStorageGiB: 1200 })),
    expect: [{ status: 'fail', resource: 'orders-db', evidence: 'keeps 1200 GiB on General Purpose gp2' }],
  },
  {
    name: 'magnetic storage fails',
    given: (inv) => inv.rds.instances.push(rdsInstance({ storageType: 'standard' })),
    expect: [{ status: 'fail', evidence: 'previous-generation magnetic storage' }],
  },
  {
    name: 'Aurora cluster members and Aurora storage are out of scope',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ identifier: 'catalog-1', clusterIdentifier: 'catalog', storageType: 'aurora' }),
        rdsInstance({ identifier: 'legacy-aurora', storageType: 'aurora-iopt1' }),
      ),
    expect: [
      { status: 'not_applicable', resource: 'catalog-1' },
      { status: 'not_applicable', resource: 'legacy-aurora' },
    ],
  },
  {
    name: 'unreadable instances are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ storageType: 'gp3' }));
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
