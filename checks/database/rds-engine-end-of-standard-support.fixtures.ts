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
    name: 'an end date within six months passes with a warning',
    given: (inv) => inv.rds.instances.push(rdsInstance({ engine: 'postgres', engineVersion: '14.12' })),
    expect: [{ status: 'pass', evidence: 'until 2027-02-28, in 120 days: plan the upgrade' }],
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
