import { defineFixtures, gap, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'autoscaling with room passes and reports free space',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: 400, freeStorageGiB: 71 }),
      ),
    expect: [{ status: 'pass', evidence: '71 GiB free of 100 GiB (71%); storage autoscaling up to 400 GiB' }],
  },
  {
    name: 'low free space without autoscaling fails',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ allocatedStorageGiB: 1200, maxAllocatedStorageGiB: null, freeStorageGiB: 118 }),
      ),
    expect: [
      {
        status: 'fail',
        resource: 'orders-db',
        evidence: 'only 118 GiB free of 1200 GiB (9%), and storage autoscaling is off',
      },
    ],
  },
  {
    name: 'ample free space without autoscaling still fails',
    given: (inv) => inv.rds.instances.push(rdsInstance({ allocatedStorageGiB: 500, freeStorageGiB: 300 })),
    expect: [{ status: 'fail', evidence: 'storage autoscaling is off (300 GiB free of 500 GiB (60%))' }],
  },
  {
    name: 'low free space near the autoscaling maximum fails',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ allocatedStorageGiB: 950, maxAllocatedStorageGiB: 1000, freeStorageGiB: 50 }),
      ),
    expect: [{ status: 'fail', evidence: 'autoscaling is near its maximum of 1000 GiB' }],
  },
  {
    name: '14.6% free is below 15%',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ allocatedStorageGiB: 1000, maxAllocatedStorageGiB: 1050, freeStorageGiB: 146 }),
      ),
    expect: [
      { status: 'fail', evidence: '146 GiB free of 1000 GiB (14%), and autoscaling is near its maximum' },
    ],
  },
  {
    name: 'unmeasured free space is an error, never a fail or a pass',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ identifier: 'a', allocatedStorageGiB: 500, freeStorageGiB: null }),
        rdsInstance({ identifier: 'b', maxAllocatedStorageGiB: 1000, freeStorageGiB: null }),
      ),
    expect: [
      {
        status: 'error',
        resource: 'a',
        messageId: 'missing-data',
        evidence: 'FreeStorageSpace not measured',
      },
      {
        status: 'error',
        resource: 'b',
        messageId: 'missing-data',
        evidence: 'FreeStorageSpace not measured',
      },
    ],
  },
  {
    name: 'cluster members are out of scope',
    given: (inv) => inv.rds.instances.push(rdsInstance({ clusterIdentifier: 'catalog-aurora' })),
    expect: [{ status: 'not_applicable', evidence: 'member of cluster catalog-aurora' }],
  },
  {
    name: 'unreadable instances are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ maxAllocatedStorageGiB: 1000, freeStorageGiB: 400 }));
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
