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
      {
        status: 'fail',
        evidence:
          'public subnet mgmt-public-a (subnet-pub) (its route table sends 0.0.0.0/0 to an internet gateway), reachable at public IP 35.157.80.4',
      },
    ],
  },
  {
    name: 'a public IP in a subnet without a route to an internet gateway is private, as the port checks say',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance({ publicIp: '35.157.80.4' }));
      inv.ec2.subnets.push(subnet());
    },
    expect: [{ status: 'pass', evidence: 'private subnet subnet-private-a: no default route' }],
  },
  {
    name: 'a subnet routing ::/0 to an internet gateway is public for IPv6 addresses',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance({ ipv6Addresses: ['2a05:d018::4'] }));
      inv.ec2.subnets.push(subnet({ publicIpv6: true }));
    },
    expect: [
      { status: 'fail', evidence: 'sends ::/0 to an internet gateway), reachable at IPv6 2a05:d018::4' },
    ],
  },
  {
    name: 'an instance without a public address in a public subnet fails and says it is not reachable today',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      inv.ec2.subnets.push(subnet({ public: true }));
    },
    expect: [{ status: 'fail', evidence: 'not reachable today: it has no public IPv4 or IPv6 address' }],
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
