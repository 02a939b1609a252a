import { defineFixtures, ebsSnapshot, gap, OTHER_ACCOUNT } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a snapshot that is not shared passes',
    given: (inv) => inv.ec2.snapshots.push(ebsSnapshot()),
    expect: [{ status: 'pass', evidence: 'is not shared' }],
  },
  {
    name: 'a share with a reviewed account passes',
    given: (inv) => {
      inv.accounts.push({ id: OTHER_ACCOUNT, name: 'shop-dr', tags: {} });
      inv.ec2.snapshots.push(ebsSnapshot({ sharedWithAccounts: [OTHER_ACCOUNT] }));
    },
    expect: [{ status: 'pass', evidence: 'shared only within the reviewed accounts' }],
  },
  {
    name: 'a share with an unknown account fails and names it',
    given: (inv) =>
      inv.ec2.snapshots.push(ebsSnapshot({ name: 'vendor-handover', sharedWithAccounts: ['999988887777'] })),
    expect: [
      {
        status: 'fail',
        resource: 'vendor-handover',
        evidence: 'vendor-handover (snap-0001) is shared with 999988887777, outside the reviewed accounts',
      },
    ],
  },
  {
    name: 'public snapshots are left to ebs-snapshots-not-public',
    given: (inv) => inv.ec2.snapshots.push(ebsSnapshot({ public: true, encrypted: false })),
    expect: [{ status: 'not_applicable', evidence: 'see ebs-snapshots-not-public' }],
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
