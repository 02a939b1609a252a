import { defineFixtures, gap, kmsKey, rdsInstance, volume } from '../../test/checks/kit.ts';

const disabled = () => kmsKey({ keyId: 'orders-key', state: 'Disabled', aliases: ['alias/orders'] });

export default defineFixtures([
  {
    name: 'a disabled key that nothing uses passes',
    given: (inv) => inv.kms.keys.push(disabled()),
    expect: [
      { status: 'pass', evidence: 'disabled key alias/orders (orders-key) protects no recorded resource' },
    ],
  },
  {
    name: 'a disabled key under a database fails',
    given: (inv) => {
      inv.kms.keys.push(disabled());
      inv.rds.instances.push(rdsInstance({ kmsKeyId: 'alias/orders' }));
      inv.ec2.volumes.push(volume({ kmsKeyId: 'orders-key' }));
    },
    expect: [
      {
        status: 'fail',
        resource: 'orders-key',
        evidence:
          'disabled key alias/orders (orders-key) still protects EBS volume vol-0001, RDS instance orders-db',
      },
    ],
  },
  {
    name: 'enabled keys are out of scope',
    given: (inv) => inv.kms.keys.push(kmsKey()),
    expect: [{ status: 'not_applicable', evidence: 'is Enabled' }],
  },
  {
    name: 'unreadable users make an unused verdict an error',
    given: (inv) => {
      inv.kms.keys.push(disabled());
      gap(inv, 'ec2.volumes', 'eu-central-1');
    },
    expect: [
      {
        status: 'error',
        messageId: 'missing-data',
        evidence: 'ec2.volumes in 111111111111 eu-central-1 could not be read',
      },
      { status: 'error', messageId: 'coverage-gap' },
    ],
  },
]);
