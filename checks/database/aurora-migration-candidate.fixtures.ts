import { defineFixtures, gap, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a large single-AZ MySQL instance in production is a candidate',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({
          engineVersion: '5.7.44',
          multiAz: false,
          allocatedStorageGiB: 1200,
          tags: { environment: 'production' },
        }),
      ),
    expect: [
      {
        status: 'fail',
        resource: 'orders-db',
        evidence:
          'production single-instance mysql 5.7.44 orders-db (1200 GiB allocated, db.r6g.xlarge, eu-west-1a, no Multi-AZ standby) is an Aurora migration candidate',
      },
    ],
  },
  {
    name: 'a row count decides nothing: collect never reads it',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({
          engine: 'mariadb',
          multiAz: false,
          allocatedStorageGiB: 200,
          approximateRowCount: 2_500_000_000,
        }),
      ),
    expect: [{ status: 'not_applicable', evidence: '(200 GiB allocated) is below the 500 GiB' }],
  },
  {
    name: 'a large Multi-AZ instance is not a candidate',
    given: (inv) => inv.rds.instances.push(rdsInstance({ multiAz: true, allocatedStorageGiB: 2000 })),
    expect: [{ status: 'pass', evidence: 'already has a Multi-AZ standby' }],
  },
  {
    name: 'a small single-AZ instance is no proof of anything: not applicable, never a pass',
    given: (inv) => inv.rds.instances.push(rdsInstance({ multiAz: false, allocatedStorageGiB: 100 })),
    expect: [{ status: 'not_applicable', evidence: 'rds-multi-az judges its availability' }],
  },
  {
    name: 'PostgreSQL and Aurora members are out of scope',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ identifier: 'sessions', engine: 'postgres', multiAz: false, allocatedStorageGiB: 900 }),
        rdsInstance({ identifier: 'catalog-1', engine: 'aurora-mysql', clusterIdentifier: 'catalog' }),
      ),
    expect: [
      { status: 'not_applicable', resource: 'sessions' },
      { status: 'not_applicable', resource: 'catalog-1' },
    ],
  },
  {
    name: 'unreadable instances are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ multiAz: false, allocatedStorageGiB: 1200 }));
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
