import { defineFixtures, gap, rdsInstance } from '../../test/checks/kit.ts';

const production = { environment: 'production' };

export default defineFixtures([
  {
    name: 'a 60-second interval passes',
    given: (inv) => inv.rds.instances.push(rdsInstance({ tags: production, monitoringIntervalSeconds: 60 })),
    expect: [{ status: 'pass', evidence: 'every 60 s' }],
  },
  {
    name: 'interval 0 in a production account fails',
    given: (inv) => {
      inv.accounts[0] = { ...inv.accounts[0]!, name: 'shop-prod' };
      inv.rds.instances.push(rdsInstance({ monitoringIntervalSeconds: 0 }));
    },
    expect: [{ status: 'fail', resource: 'orders-db', evidence: 'has Enhanced Monitoring off' }],
  },
  {
    name: 'non-production instances are out of scope',
    given: (inv) =>
      inv.rds.instances.push(rdsInstance({ tags: { env: 'staging' }, monitoringIntervalSeconds: 0 })),
    expect: [{ status: 'not_applicable', evidence: 'tagged env=staging' }],
  },
  {
    name: 'unreadable instances are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ tags: production, monitoringIntervalSeconds: 60 }));
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
