import { defineFixtures, ec2Instance, gap, managedInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'an online managed instance passes',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      inv.ssm.managedInstances.push(managedInstance({ agentVersion: '3.3.1142.0' }));
    },
    expect: [{ status: 'pass', evidence: 'online (agent 3.3.1142.0)' }],
  },
  {
    name: 'a managed instance that lost its connection fails',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance({ name: 'worker' }));
      inv.ssm.managedInstances.push(managedInstance({ pingStatus: 'ConnectionLost' }));
    },
    expect: [{ status: 'fail', resource: 'worker', evidence: 'its agent is ConnectionLost' }],
  },
  {
    name: 'an unmanaged instance without instance profile fails and says why',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      inv.ssm.managedInstances.push(managedInstance({ accountId: '222222222222' }));
    },
    expect: [
      {
        status: 'fail',
        evidence:
          'not managed by SSM: Session Manager and Patch Manager cannot reach it; it has no instance profile',
      },
    ],
  },
  {
    name: 'a stopped instance is out of scope',
    given: (inv) => inv.ec2.instances.push(ec2Instance({ state: 'stopped' })),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable SSM inventory is an error, not a finding',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      gap(inv, 'ssm.managedInstances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
