import { defineFixtures, ec2Instance, gap, subnet } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'an instance in a private subnet passes',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      inv.ec2.subnets.push(subnet());
    },
    expect: [{ status: 'pass', evidence: 'private subnet subnet-private-a' }],
  },
  {
    name: 'an instance with a public IP in a public subnet fails',
    given: (inv) => {
      inv.ec2.instances.push(
        ec2Instance({ name: 'jenkins', subnetId: 'subnet-pub', publicIp: '35.157.80.4' }),
      );
      inv.ec2.subnets.push(subnet({ subnetId: 'subnet-pub', name: 'mgmt-public-a', public: true }));
    },
    expect: [
      { status: 'fail', evidence: 'public subnet mgmt-public-a (subnet-pub) with public IP 35.157.80.4' },
    ],
  },
  {
    name: 'an instance outside a VPC subnet is out of scope',
    given: (inv) => inv.ec2.instances.push(ec2Instance({ subnetId: null })),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'a subnet missing from the snapshot is an error',
    given: (inv) => inv.ec2.instances.push(ec2Instance()),
    expect: [{ status: 'error', messageId: 'missing-data' }],
  },
  {
    name: 'unreadable subnets are an error',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      inv.ec2.subnets.push(subnet());
      gap(inv, 'ec2.subnets');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
