import { defineFixtures, gap, rdsCluster } from '../../test/checks/kit.ts';

const writer = {
  instanceIdentifier: 'catalog-1',
  isWriter: true,
  availabilityZone: 'eu-west-1a',
  promotionTier: 1,
};
const reader = (az: string | null) => ({
  instanceIdentifier: 'catalog-2',
  isWriter: false,
  availabilityZone: az,
  promotionTier: 1,
});

export default defineFixtures([
  {
    name: 'a reader in another AZ passes',
    given: (inv) => inv.rds.clusters.push(rdsCluster({ members: [writer, reader('eu-west-1b')] })),
    expect: [{ status: 'pass', evidence: 'reader catalog-2 in eu-west-1b, writer catalog-1 in eu-west-1a' }],
  },
  {
    name: 'a writer alone fails',
    given: (inv) => inv.rds.clusters.push(rdsCluster({ members: [writer] })),
    expect: [{ status: 'fail', resource: 'catalog-aurora', evidence: 'has no reader' }],
  },
  {
    name: "a reader in the writer's AZ fails",
    given: (inv) => inv.rds.clusters.push(rdsCluster({ members: [writer, reader('eu-west-1a')] })),
    expect: [{ status: 'fail', evidence: 'all 1 reader(s) share eu-west-1a' }],
  },
  {
    name: 'a Global Database secondary (no writer) whose readers span two AZs passes',
    given: (inv) =>
      inv.rds.clusters.push(
        rdsCluster({
          globalClusterIdentifier: 'catalog-global',
          members: [reader('eu-west-1a'), { ...reader('eu-west-1b'), instanceIdentifier: 'catalog-3' }],
        }),
      ),
    expect: [
      {
        status: 'pass',
        evidence:
          'secondary cluster catalog-aurora of global database catalog-global: its 2 readers span eu-west-1a, eu-west-1b',
      },
    ],
  },
  {
    name: 'a Global Database secondary with its readers in one AZ fails',
    given: (inv) =>
      inv.rds.clusters.push(
        rdsCluster({ globalClusterIdentifier: 'catalog-global', members: [reader('eu-west-1a')] }),
      ),
    expect: [{ status: 'fail', evidence: 'all 1 reader(s) are in eu-west-1a; once promoted' }],
  },
  {
    name: 'a headless Global Database secondary is not applicable',
    given: (inv) =>
      inv.rds.clusters.push(rdsCluster({ globalClusterIdentifier: 'catalog-global', members: [] })),
    expect: [{ status: 'not_applicable', evidence: 'headless' }],
  },
  {
    name: 'Multi-AZ DB clusters and Serverless v1 are out of scope',
    given: (inv) =>
      inv.rds.clusters.push(
        rdsCluster({ identifier: 'orders-maz', engine: 'mysql', members: [writer] }),
        rdsCluster({ identifier: 'reports-sls', engineMode: 'serverless', members: [] }),
      ),
    expect: [
      { status: 'not_applicable', resource: 'orders-maz' },
      { status: 'not_applicable', resource: 'reports-sls' },
    ],
  },
  {
    name: 'unknown reader AZs are an error, not a pass',
    given: (inv) => inv.rds.clusters.push(rdsCluster({ members: [writer, reader(null)] })),
    expect: [{ status: 'error', messageId: 'missing-data' }],
  },
  {
    name: 'unreadable clusters are an error',
    given: (inv) => {
      inv.rds.clusters.push(rdsCluster());
      gap(inv, 'rds.clusters');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
