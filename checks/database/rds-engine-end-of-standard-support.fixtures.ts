import { defineFixtures, gap, rdsCluster, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'PostgreSQL 16 is supported until 2029',
    given: (inv) => inv.rds.instances.push(rdsInstance({ engine: 'postgres', engineVersion: '16.4' })),
    expect: [{ status: 'pass', evidence: 'standard support until 2029-02-28' }],
  },
  {
    name: 'MySQL 5.7 is past standard support',
    given: (inv) => inv.rds.instances.push(rdsInstance({ engineVersion: '5.7.44' })),
    expect: [
      { status: 'fail', resource: 'orders-db', evidence: 'mysql 5.7 left standard support on 2024-02-29' },
    ],
  },
  {
    name: 'MySQL 8.0 left standard support on 31 July 2026 (the fixture snapshot is from November 2026)',
    given: (inv) => inv.rds.instances.push(rdsInstance({ engineVersion: '8.0.39' })),
    expect: [{ status: 'fail', evidence: 'mysql 8.0 left standard support on 2026-07-31' }],
  },
  {
    name: 'the day after the end date already fails',
    given: (inv) => {
      inv.collectedAt = '2026-08-01T09:00:00.000Z';
      inv.rds.instances.push(rdsInstance({ engineVersion: '8.0.39' }));
    },
    expect: [{ status: 'fail', evidence: 'left standard support on 2026-07-31' }],
  },
  {
    name: 'the last day of standard support still passes',
    given: (inv) => {
      inv.collectedAt = '2026-07-31T22:00:00.000Z';
      inv.rds.instances.push(rdsInstance({ engineVersion: '8.0.39' }));
    },
    expect: [{ status: 'pass', evidence: 'until 2026-07-31, 0 day(s) left' }],
  },
  {
    name: 'Aurora MySQL 2 is judged by its Aurora generation',
    given: (inv) => inv.rds.clusters.push(rdsCluster({ engineVersion: '5.7.mysql_aurora.2.11.2' })),
    expect: [
      {
        status: 'fail',
        resource: 'catalog-aurora',
        evidence: 'aurora-mysql 2 left standard support on 2024-10-31',
      },
    ],
  },
  {
    name: 'Aurora Serverless v1 is past its end of life whatever the engine version',
    given: (inv) =>
      inv.rds.clusters.push(
        rdsCluster({ engineMode: 'serverless', engineVersion: '8.0.mysql_aurora.3.08.0' }),
      ),
    expect: [{ status: 'fail', evidence: 'Aurora Serverless v1 left standard support on 2025-03-31' }],
  },
  {
    name: 'an end date within six months passes with a warning',
    given: (inv) => inv.rds.instances.push(rdsInstance({ engine: 'postgres', engineVersion: '14.12' })),
    expect: [{ status: 'pass', evidence: 'until 2027-02-28, 119 day(s) left: plan the upgrade' }],
  },
  {
    name: 'versions without a date on record are not judged',
    given: (inv) =>
      inv.rds.instances.push(rdsInstance({ engine: 'sqlserver-se', engineVersion: '15.00.4375.4.v1' })),
    expect: [
      {
        status: 'not_applicable',
        evidence: 'no end-of-standard-support date on record for sqlserver-se 15.00',
      },
    ],
  },
  {
    name: 'unreadable instances are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ engine: 'postgres', engineVersion: '16.4' }));
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
