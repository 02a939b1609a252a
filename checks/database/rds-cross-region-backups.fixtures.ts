import { defineFixtures, gap, rdsCluster, rdsInstance, rdsSnapshot } from '../../test/checks/kit.ts';

const production = { environment: 'production' };

export default defineFixtures([
  {
    name: 'backup replication to another Region passes',
    given: (inv) =>
      inv.rds.instances.push(rdsInstance({ tags: production, backupReplicationRegions: ['eu-central-1'] })),
    expect: [{ status: 'pass', evidence: 'automated backups replicated to eu-central-1' }],
  },
  {
    name: 'a recent snapshot copy in another Region passes',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ tags: production }));
      inv.rds.snapshots.push(
        rdsSnapshot({
          identifier: 'orders-dr-copy',
          region: 'eu-central-1',
          createdAt: '2026-10-30T02:00:00.000Z',
        }),
      );
    },
    expect: [{ status: 'pass', evidence: 'snapshot copy orders-dr-copy in eu-central-1 from 2026-10-30' }],
  },
  {
    name: 'an Aurora global database passes',
    given: (inv) =>
      inv.rds.clusters.push(rdsCluster({ tags: production, globalClusterIdentifier: 'catalog-global' })),
    expect: [{ status: 'pass', evidence: 'global database catalog-global' }],
  },
  {
    name: 'only an old copy and same-Region snapshots fail',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ tags: production }));
      inv.rds.snapshots.push(
        rdsSnapshot({
          identifier: 'orders-2025',
          region: 'eu-central-1',
          createdAt: '2025-11-20T01:00:00.000Z',
        }),
        rdsSnapshot({ createdAt: '2026-10-31T03:00:00.000Z' }),
      );
    },
    expect: [{ status: 'fail', resource: 'orders-db', evidence: 'has no backup outside eu-west-1' }],
  },
  {
    name: 'non-production databases are out of scope',
    given: (inv) => inv.rds.instances.push(rdsInstance()),
    expect: [{ status: 'not_applicable', evidence: 'no production tag, OU or name' }],
  },
  {
    name: 'unreadable snapshots are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ tags: production }));
      gap(inv, 'rds.snapshots');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
