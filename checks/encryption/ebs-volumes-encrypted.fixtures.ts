import { defineFixtures, gap, volume } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'an encrypted volume passes',
    given: (inv) => inv.ec2.volumes.push(volume({ encrypted: true, kmsKeyId: 'alias/ebs-data' })),
    expect: [{ status: 'pass', resource: 'vol-0001', evidence: 'encrypted with alias/ebs-data' }],
  },
  {
    name: 'an unencrypted volume fails and names its size and instance',
    given: (inv) =>
      inv.ec2.volumes.push(
        volume({ name: 'legacy-ftp-data', encrypted: false, sizeGiB: 200, attachedInstanceIds: ['i-0ftp'] }),
      ),
    expect: [
      {
        status: 'fail',
        resource: 'legacy-ftp-data',
        evidence: 'unencrypted 200 GiB volume legacy-ftp-data (vol-0001), attached to i-0ftp',
      },
    ],
  },
  {
    name: 'a volume being deleted is not judged',
    given: (inv) => inv.ec2.volumes.push(volume({ encrypted: false, state: 'deleting' })),
    expect: [{ status: 'not_applicable', evidence: 'is deleting' }],
  },
  {
    name: 'unreadable volumes are an error, not a pass',
    given: (inv) => {
      inv.ec2.volumes.push(volume({ encrypted: true }));
      gap(inv, 'ec2.volumes');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
