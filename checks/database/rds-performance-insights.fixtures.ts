import { defineFixtures, gap, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'Performance Insights on passes',
    given: (inv) => inv.rds.instances.push(rdsInstance({ performanceInsightsEnabled: true })),
    expect: [{ status: 'pass', resource: 'orders-db' }],
  },
  {
    name: 'Performance Insights off fails, cluster members included',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({
          identifier: 'catalog-1',
          clusterIdentifier: 'catalog',
          performanceInsightsEnabled: false,
        }),
      ),
    expect: [{ status: 'fail', resource: 'catalog-1', evidence: 'has Performance Insights off' }],
  },
  {
    name: 'the smallest burstable classes cannot run it',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ instanceClass: 'db.t3.micro', performanceInsightsEnabled: false }),
      ),
    expect: [{ status: 'not_applicable', evidence: 'not offered for db.t3.micro' }],
  },
  {
    name: 'unreadable instances are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ performanceInsightsEnabled: true }));
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
