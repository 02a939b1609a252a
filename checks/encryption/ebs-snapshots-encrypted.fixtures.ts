import { defineFixtures, ebsSnapshot, gap } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'an encrypted snapshot passes',
    given: (inv) => inv.ec2.snapshots.push(ebsSnapshot({ encrypted: true, kmsKeyId: 'alias/backup' })),
    expect: [{ status: 'pass', resource: 'snap-0001', evidence: 'encrypted with alias/backup' }],
  },
  {
    name: 'an unencrypted snapshot fails and names its volume',
    given: (inv) =>
      inv.ec2.snapshots.push(
        ebsSnapshot({ name: 'worker-data-nightly', encrypted: false, volumeId: 'vol-0worker' }),
      ),
    expect: [
      {
        status: 'fail',
        resource: 'worker-data-nightly',
        evidence: 'unencrypted snapshot worker-data-nightly (snap-0001) of volume vol-0worker',
      },
    ],
  },
  {
    name: 'a snapshot another account owns is not judged, whatever the API listed',
    given: (inv) =>
      inv.ec2.snapshots.push(
        ebsSnapshot({ encrypted: false, ownerId: '222222222222' }),
        ebsSnapshot({ snapshotId: 'snap-0own', encrypted: false, ownerId: '111111111111' }),
      ),
    expect: [{ status: 'fail', resource: 'snap-0own' }],
  },
  {
    name: 'a failed snapshot is not judged',
    given: (inv) => inv.ec2.snapshots.push(ebsSnapshot({ encrypted: false, state: 'error' })),
    expect: [{ status: 'not_applicable', evidence: 'failed and holds no data' }],
  },
  {
    name: 'unreadable snapshots are an error, not a pass',
    given: (inv) => {
      inv.ec2.snapshots.push(ebsSnapshot());
      gap(inv, 'ec2.snapshots');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
