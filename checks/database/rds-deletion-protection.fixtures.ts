import { defineFixtures, gap, rdsCluster, rdsInstance } from '../../test/checks/kit.ts';

const production = { environment: 'production' };

export default defineFixtures([
  {
    name: 'a protected production instance passes',
    given: (inv) => inv.rds.instances.push(rdsInstance({ deletionProtection: true, tags: production })),
    expect: [
      { status: 'pass', evidence: 'production mysql 8.0.39 instance orders-db has deletion protection' },
    ],
  },
  {
    name: 'an unprotected production cluster fails and says why it counts as production',
    given: (inv) => {
      inv.accounts[0] = { ...inv.accounts[0]!, ouPath: ['Workloads', 'Prod'] };
      inv.rds.clusters.push(rdsCluster({ deletionProtection: false }));
    },
    expect: [{ status: 'fail', resource: 'catalog-aurora', evidence: 'is in OU Workloads/Prod' }],
  },
  {
    name: 'development databases are out of scope',
    given: (inv) =>
      inv.rds.instances.push(rdsInstance({ deletionProtection: false, tags: { environment: 'dev' } })),
    expect: [{ status: 'not_applicable', evidence: 'not production: tagged environment=dev' }],
  },
  {
    name: 'unreadable clusters are an error, not a pass',
    given: (inv) => {
      inv.rds.clusters.push(rdsCluster({ tags: production }));
      gap(inv, 'rds.clusters');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
