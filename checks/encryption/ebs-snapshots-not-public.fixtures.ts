import { defineFixtures, ebsSnapshot, gap } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a private snapshot passes and mentions named shares',
    given: (inv) =>
      inv.ec2.snapshots.push(ebsSnapshot({ public: false, sharedWithAccounts: ['222222222222'] })),
    expect: [{ status: 'pass', evidence: 'private, shared with 1 named account(s)' }],
  },
  {
    name: 'a public snapshot fails',
    given: (inv) =>
      inv.ec2.snapshots.push(
        ebsSnapshot({ name: 'partner-export-2021', public: true, encrypted: false, volumeId: 'vol-0ftp' }),
      ),
    expect: [
      {
        status: 'fail',
        resource: 'partner-export-2021',
        evidence: 'snapshot partner-export-2021 (snap-0001) of volume vol-0ftp in eu-west-1 is public',
      },
    ],
  },
  {
    name: 'a public snapshot another account owns is not judged, whatever the API listed',
    given: (inv) => inv.ec2.snapshots.push(ebsSnapshot({ public: true, ownerId: '222222222222' })),
    expect: [],
  },
  {
    name: 'a failed snapshot is not judged',
    given: (inv) => inv.ec2.snapshots.push(ebsSnapshot({ public: true, state: 'error' })),
    expect: [{ status: 'not_applicable' }],
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
