import { defineFixtures, ec2Instance, gap, openToWorld, securityGroup } from '../../test/checks/kit.ts';

const publicBastion = { name: 'bastion', publicIp: '3.121.45.17', securityGroupIds: ['sg-ssh'] };

export default defineFixtures([
  {
    name: 'SSH open to 0.0.0.0/0 and ::/0 on a public instance fails with both ranges and the group',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(publicBastion));
      inv.ec2.securityGroups.push(
        securityGroup({ groupId: 'sg-ssh', ingress: [{ ...openToWorld(22), ipv6Ranges: ['::/0'] }] }),
      );
    },
    expect: [
      {
        status: 'fail',
        resource: 'bastion',
        evidence: 'SSH (22) open to 0.0.0.0/0 and ::/0 on public instance bastion (3.121.45.17) via sg-ssh',
      },
    ],
  },
  {
    name: 'an all-traffic rule from the internet exposes SSH too',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(publicBastion));
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
    name: 'SSH from an office range passes',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(publicBastion));
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
    name: 'a private instance and a stopped one are out of scope',
    given: (inv) => {
      inv.ec2.instances.push(
        ec2Instance({ securityGroupIds: ['sg-ssh'] }),
        ec2Instance({ ...publicBastion, instanceId: 'i-0stopped', state: 'stopped' }),
      );
      inv.ec2.securityGroups.push(securityGroup({ groupId: 'sg-ssh', ingress: [openToWorld(22)] }));
    },
    expect: [
      { status: 'not_applicable', evidence: 'no public IP' },
      { status: 'not_applicable', evidence: 'stopped' },
    ],
  },
  {
    name: 'a security group missing from the snapshot is an error, not a pass',
    given: (inv) => inv.ec2.instances.push(ec2Instance(publicBastion)),
    expect: [{ status: 'error', messageId: 'missing-data', evidence: 'sg-ssh' }],
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
