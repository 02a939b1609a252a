import { defineFixtures, ec2Instance, gap } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'an instance without a key pair passes',
    given: (inv) => inv.ec2.instances.push(ec2Instance()),
    expect: [{ status: 'pass' }],
  },
  {
    name: 'instances sharing a key pair fail and say so',
    given: (inv) =>
      inv.ec2.instances.push(
        ec2Instance({ name: 'bastion-prod', keyName: 'ops-shared-key' }),
        ec2Instance({ instanceId: 'i-0other', name: 'worker', keyName: 'ops-shared-key', state: 'stopped' }),
      ),
    expect: [
      {
        status: 'fail',
        resource: 'bastion-prod',
        evidence: 'key pair ops-shared-key, shared with 1 other instance(s)',
      },
      { status: 'not_applicable', resource: 'worker' },
    ],
  },
  {
    name: 'unreadable instances are an error',
    given: (inv) => gap(inv, 'ec2.instances'),
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
