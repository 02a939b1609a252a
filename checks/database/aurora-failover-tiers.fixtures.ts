import { defineFixtures, gap, rdsCluster, rdsInstance } from '../../test/checks/kit.ts';

const member = (instanceIdentifier: string, isWriter: boolean, promotionTier: number, az = 'eu-west-1b') => ({
  instanceIdentifier,
  isWriter,
  availabilityZone: az,
  promotionTier,
});
const instances = (writerClass: string, readerClass: string) => [
  rdsInstance({ identifier: 'catalog-1', clusterIdentifier: 'catalog-aurora', instanceClass: writerClass }),
  rdsInstance({ identifier: 'catalog-2', clusterIdentifier: 'catalog-aurora', instanceClass: readerClass }),
];

export default defineFixtures([
  {
    name: 'a writer-sized reader in tier 1 passes',
    given: (inv) => {
      inv.rds.clusters.push(
        rdsCluster({ members: [member('catalog-1', true, 1, 'eu-west-1a'), member('catalog-2', false, 1)] }),
      );
      inv.rds.instances.push(...instances('db.r6g.2xlarge', 'db.r6g.2xlarge'));
    },
    expect: [{ status: 'pass', evidence: 'fails over to catalog-2 (tier 1, db.r6g.2xlarge)' }],
  },
  {
    name: 'all readers in tier 15 fail',
    given: (inv) => {
      inv.rds.clusters.push(
        rdsCluster({ members: [member('catalog-1', true, 1), member('catalog-2', false, 15)] }),
      );
      inv.rds.instances.push(...instances('db.r6g.2xlarge', 'db.r6g.2xlarge'));
    },
    expect: [
      { status: 'fail', evidence: 'no reader in tier 0–1; failover would pick catalog-2 from tier 15' },
    ],
  },
  {
    name: 'a failover target smaller than the writer fails',
    given: (inv) => {
      inv.rds.clusters.push(
        rdsCluster({ members: [member('catalog-1', true, 1), member('catalog-2', false, 0)] }),
      );
      inv.rds.instances.push(...instances('db.r6g.4xlarge', 'db.r6g.large'));
    },
    expect: [
      {
        status: 'fail',
        evidence: 'smaller instance: catalog-2 (tier 0, db.r6g.large) for writer catalog-1 (db.r6g.4xlarge)',
      },
    ],
  },
  {
    name: 'a cluster without readers is left to aurora-reader-in-other-az',
    given: (inv) => inv.rds.clusters.push(rdsCluster({ members: [member('catalog-1', true, 1)] })),
    expect: [{ status: 'not_applicable', evidence: 'no reader to fail over to' }],
  },
  {
    name: 'a Global Database secondary (no writer) is judged as such, not an error',
    given: (inv) =>
      inv.rds.clusters.push(
        rdsCluster({
          globalClusterIdentifier: 'catalog-global',
          members: [
            {
              instanceIdentifier: 'catalog-2',
              isWriter: false,
              availabilityZone: 'eu-west-1b',
              promotionTier: 1,
            },
          ],
        }),
      ),
    expect: [{ status: 'not_applicable', evidence: 'is a secondary of global database catalog-global' }],
  },
  {
    name: 'member instance classes that were not collected are an error',
    given: (inv) =>
      inv.rds.clusters.push(
        rdsCluster({ members: [member('catalog-1', true, 1), member('catalog-2', false, 1)] }),
      ),
    expect: [{ status: 'error', messageId: 'missing-data' }],
  },
  {
    name: 'unreadable instances are an error',
    given: (inv) => {
      inv.rds.clusters.push(rdsCluster());
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
