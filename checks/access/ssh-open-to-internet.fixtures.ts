import {
  defineFixtures,
  ec2Instance,
  gap,
  openToWorld,
  prefixList,
  publicSubnet,
  securityGroup,
  subnet,
} from '../../test/checks/kit.ts';

const publicBastion = {
  name: 'bastion',
  publicIp: '3.121.45.17',
  subnetId: 'subnet-public-a',
  securityGroupIds: ['sg-ssh'],
};

export default defineFixtures([
  {
    name: 'SSH open to 0.0.0.0/0 and ::/0 on a dual-stack public instance fails with both ranges and the group',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance({ ...publicBastion, ipv6Addresses: ['2a05:d018::17'] }));
      inv.ec2.subnets.push(publicSubnet({ publicIpv6: true }));
      inv.ec2.securityGroups.push(
        securityGroup({ groupId: 'sg-ssh', ingress: [{ ...openToWorld(22), ipv6Ranges: ['::/0'] }] }),
      );
    },
    expect: [
      {
        status: 'fail',
        resource: 'bastion',
        evidence:
          'SSH (22) open to 0.0.0.0/0 and ::/0 on public instance bastion (3.121.45.17, 2a05:d018::17) via sg-ssh',
      },
    ],
  },
  {
    name: 'an all-traffic rule from the internet exposes SSH too',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(publicBastion));
      inv.ec2.subnets.push(publicSubnet());
      inv.ec2.securityGroups.push(
        securityGroup({
          groupId: 'sg-ssh',
          ingress: [{ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'] }],
        }),
      );
    },
    expect: [{ status: 'fail', evidence: 'via sg-ssh' }],
  },
  {
    name: 'SSH from a managed prefix list that holds 0.0.0.0/0 fails and names the list',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(publicBastion));
      inv.ec2.subnets.push(publicSubnet());
      inv.ec2.prefixLists = [prefixList({ cidrs: ['10.0.0.0/8', '0.0.0.0/0'] })];
      inv.ec2.securityGroups.push(
        securityGroup({
          groupId: 'sg-ssh',
          ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, prefixListIds: ['pl-0anywhere'] }],
        }),
      );
    },
    expect: [{ status: 'fail', evidence: 'SSH (22) open to pl-0anywhere (0.0.0.0/0)' }],
  },
  {
    name: 'an IPv6-only instance in a subnet routing ::/0 to an internet gateway is judged on IPv6',
    given: (inv) => {
      inv.ec2.instances.push(
        ec2Instance({ ...publicBastion, publicIp: null, ipv6Addresses: ['2a05:d018::17'] }),
      );
      inv.ec2.subnets.push(publicSubnet({ public: false, publicIpv6: true }));
      inv.ec2.securityGroups.push(
        securityGroup({ groupId: 'sg-ssh', ingress: [{ ...openToWorld(22), ipv6Ranges: ['::/0'] }] }),
      );
    },
    expect: [
      { status: 'fail', evidence: 'SSH (22) open to ::/0 on public instance bastion (2a05:d018::17)' },
    ],
  },
  {
    name: 'an IPv4 rule does not expose an instance reachable only over IPv6',
    given: (inv) => {
      inv.ec2.instances.push(
        ec2Instance({ ...publicBastion, publicIp: null, ipv6Addresses: ['2a05:d018::17'] }),
      );
      inv.ec2.subnets.push(publicSubnet({ public: false, publicIpv6: true }));
      inv.ec2.securityGroups.push(securityGroup({ groupId: 'sg-ssh', ingress: [openToWorld(22)] }));
    },
    expect: [{ status: 'pass', evidence: 'not open to the internet' }],
  },
  {
    name: 'SSH from an office range passes',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(publicBastion));
      inv.ec2.subnets.push(publicSubnet());
      inv.ec2.securityGroups.push(
        securityGroup({
          groupId: 'sg-ssh',
          ingress: [{ ...openToWorld(22), ipv4Ranges: ['203.0.113.0/24'] }],
        }),
      );
    },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a public IP in a subnet without a route to an internet gateway is not reachable',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance({ ...publicBastion, subnetId: 'subnet-private-a' }));
      inv.ec2.subnets.push(subnet());
      inv.ec2.securityGroups.push(securityGroup({ groupId: 'sg-ssh', ingress: [openToWorld(22)] }));
    },
    expect: [
      {
        status: 'not_applicable',
        evidence: 'has public IP 3.121.45.17 but subnet subnet-private-a routes no default route',
      },
    ],
  },
  {
    name: 'a private instance and a stopped one are out of scope',
    given: (inv) => {
      inv.ec2.instances.push(
        ec2Instance({ securityGroupIds: ['sg-ssh'] }),
        ec2Instance({ ...publicBastion, instanceId: 'i-0stopped', state: 'stopped' }),
      );
      inv.ec2.securityGroups.push(securityGroup({ groupId: 'sg-ssh', ingress: [openToWorld(22)] }));
    },
    expect: [
      { status: 'not_applicable', evidence: 'no public IPv4 or IPv6 address' },
      { status: 'not_applicable', evidence: 'stopped' },
    ],
  },
  {
    name: 'a security group missing from the snapshot is an error, not a pass',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(publicBastion));
      inv.ec2.subnets.push(publicSubnet());
    },
    expect: [{ status: 'error', messageId: 'missing-data', evidence: 'security group sg-ssh' }],
  },
  {
    name: 'a prefix list missing from the snapshot is an error, not a pass',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(publicBastion));
      inv.ec2.subnets.push(publicSubnet());
      inv.ec2.securityGroups.push(
        securityGroup({
          groupId: 'sg-ssh',
          ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, prefixListIds: ['pl-0unknown'] }],
        }),
      );
    },
    expect: [{ status: 'error', messageId: 'missing-data', evidence: 'prefix list pl-0unknown' }],
  },
  {
    name: 'a subnet missing from the snapshot is an error, not a pass',
    given: (inv) => inv.ec2.instances.push(ec2Instance(publicBastion)),
    expect: [{ status: 'error', messageId: 'missing-data', evidence: 'subnet subnet-public-a' }],
  },
  {
    name: 'unreadable security groups are an error',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(publicBastion));
      gap(inv, 'ec2.securityGroups');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
