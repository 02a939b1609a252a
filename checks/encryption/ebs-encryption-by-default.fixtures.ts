import { defineFixtures, ebsDefault, gap, volume } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'encryption by default on passes and names the key',
    given: (inv) =>
      inv.ec2.ebsEncryptionByDefault.push(ebsDefault({ enabled: true, kmsKeyId: 'alias/ebs-data' })),
    expect: [
      { status: 'pass', evidence: 'on in account workload (111111111111) eu-west-1 with alias/ebs-data' },
    ],
  },
  {
    name: 'off in a Region with volumes fails and counts the unencrypted ones',
    given: (inv) => {
      inv.ec2.ebsEncryptionByDefault.push(ebsDefault({ enabled: false }));
      inv.ec2.volumes.push(volume({ encrypted: false }), volume({ volumeId: 'vol-0002', encrypted: true }));
    },
    expect: [{ status: 'fail', evidence: '1 of 2 volumes there are unencrypted' }],
  },
  {
    name: 'volumes in another Region do not count',
    given: (inv) => {
      inv.ec2.ebsEncryptionByDefault.push(ebsDefault({ enabled: false }));
      inv.ec2.volumes.push(volume({ region: 'eu-central-1' }));
    },
    expect: [{ status: 'not_applicable', evidence: 'has no EBS volumes' }],
  },
  {
    name: 'an unreadable setting is an error, not a pass',
    given: (inv) => {
      inv.ec2.ebsEncryptionByDefault.push(ebsDefault({ enabled: true }));
      gap(inv, 'ec2.ebsEncryptionByDefault');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
  {
    name: 'unreadable volumes make an off setting an error too',
    given: (inv) => {
      inv.ec2.ebsEncryptionByDefault.push(ebsDefault({ enabled: false }));
      gap(inv, 'ec2.volumes');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
