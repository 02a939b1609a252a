import { defineFixtures, gap, rdsSnapshot } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a private snapshot passes',
    given: (inv) => inv.rds.snapshots.push(rdsSnapshot({ public: false })),
    expect: [{ status: 'pass', evidence: 'is not public' }],
  },
  {
    name: 'a public manual snapshot fails',
    given: (inv) =>
      inv.rds.snapshots.push(
        rdsSnapshot({ identifier: 'orders-export', snapshotType: 'manual', public: true }),
      ),
    expect: [
      { status: 'fail', resource: 'orders-export', evidence: 'is public: any AWS account can restore it' },
    ],
  },
  {
    name: "a public snapshot of another account is its owner's to fix",
    given: (inv) => inv.rds.snapshots.push(rdsSnapshot({ snapshotType: 'public', public: true })),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable snapshots are an error, not a pass',
    given: (inv) => {
      inv.rds.snapshots.push(rdsSnapshot({ public: false }));
      gap(inv, 'rds.snapshots');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
