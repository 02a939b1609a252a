import { defineFixtures, gap, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a Multi-AZ instance passes',
    given: (inv) => inv.rds.instances.push(rdsInstance({ multiAz: true })),
    expect: [{ status: 'pass', resource: 'orders-db' }],
  },
  {
    name: 'a single-AZ instance fails and names its AZ',
    given: (inv) => inv.rds.instances.push(rdsInstance({ multiAz: false })),
    expect: [{ status: 'fail', resource: 'orders-db', evidence: 'single-AZ mysql orders-db' }],
  },
  {
    name: 'Aurora cluster members are judged by the cluster check',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ identifier: 'catalog-1', multiAz: false, clusterIdentifier: 'catalog' }),
      ),
    expect: [{ status: 'not_applicable', resource: 'catalog-1' }],
  },
  {
    name: 'no database instances gives no results',
    given: () => {},
    expect: [],
  },
  {
    name: 'unreadable RDS instances are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ multiAz: true }));
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
