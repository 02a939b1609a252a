import { defineFixtures, gap, rdsSnapshot } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'an encrypted snapshot passes',
    given: (inv) => inv.rds.snapshots.push(rdsSnapshot({ encrypted: true, kmsKeyId: 'alias/rds-backup' })),
    expect: [{ status: 'pass', evidence: 'encrypted with alias/rds-backup' }],
  },
  {
    name: 'an unencrypted manual snapshot fails and names its source',
    given: (inv) =>
      inv.rds.snapshots.push(
        rdsSnapshot({ identifier: 'orders-before-blackfriday', snapshotType: 'manual', encrypted: false }),
      ),
    expect: [
      {
        status: 'fail',
        resource: 'orders-before-blackfriday',
        evidence: 'unencrypted manual instance snapshot orders-before-blackfriday of orders-db',
      },
    ],
  },
  {
    name: "a snapshot shared by another account is its owner's to fix",
    given: (inv) => inv.rds.snapshots.push(rdsSnapshot({ snapshotType: 'shared', encrypted: false })),
    expect: [{ status: 'not_applicable', evidence: 'owned by another account' }],
  },
  {
    name: 'unreadable snapshots are an error, not a pass',
    given: (inv) => {
      inv.rds.snapshots.push(rdsSnapshot());
      gap(inv, 'rds.snapshots');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
