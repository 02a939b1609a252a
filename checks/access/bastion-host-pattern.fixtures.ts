import {
  ACCOUNT,
  defineFixtures,
  ec2Instance,
  gap,
  openToWorld,
  publicSubnet,
  REGION,
  securityGroup,
  subnet,
} from '../../test/checks/kit.ts';

const vpc = {
  arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-0001`,
  accountId: ACCOUNT,
  region: REGION,
  name: 'shop',
  vpcId: 'vpc-0001',
  cidrBlock: '10.0.0.0/16',
  isDefault: false,
  tags: {},
};
const relayHost = {
  instanceId: 'i-0relay',
  name: 'ops-gw',
  publicIp: '3.121.45.17',
  subnetId: 'subnet-public-a',
  securityGroupIds: ['sg-gw'],
};
const sshFromGateway = securityGroup({
  ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, sourceGroupIds: ['sg-gw'] }],
});

export default defineFixtures([
  {
    name: 'a VPC whose instances are not bastions passes',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(ec2Instance({ name: 'web-1' }));
      inv.ec2.securityGroups.push(securityGroup({ ingress: [openToWorld(443)] }));
    },
    expect: [{ status: 'pass', resource: 'shop', evidence: 'none of its 1 running instances' }],
  },
  {
    name: 'a public instance that is the SSH source of private instances is a bastion, whatever its name',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(ec2Instance({ name: 'web-1' }), ec2Instance(relayHost));
      inv.ec2.subnets.push(publicSubnet());
      inv.ec2.securityGroups.push(
        sshFromGateway,
        securityGroup({ groupId: 'sg-gw', ingress: [openToWorld(22)] }),
      );
    },
    expect: [
      {
        status: 'fail',
        resource: 'ops-gw',
        evidence:
          'ops-gw (i-0relay, public IP 3.121.45.17) is a bastion host: its security group is the SSH (22) source for web-1',
      },
    ],
  },
  {
    name: 'a public IP in a subnet without a route to an internet gateway makes no bastion, as the port checks say',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(
        ec2Instance({ name: 'web-1' }),
        ec2Instance({ ...relayHost, subnetId: 'subnet-private-a' }),
      );
      inv.ec2.subnets.push(subnet());
      inv.ec2.securityGroups.push(
        sshFromGateway,
        securityGroup({ groupId: 'sg-gw', ingress: [openToWorld(22)] }),
      );
    },
    expect: [{ status: 'pass', evidence: 'none of its 2 running instances' }],
  },
  {
    name: 'names are matched as whole words: jumpstart-api is no jump host, JumpBox-01 and bastion01 are',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(
        ec2Instance({ name: 'jumpstart-api' }),
        ec2Instance({ instanceId: 'i-0jumpbox', name: 'JumpBox-01' }),
        ec2Instance({ instanceId: 'i-0bastion', name: 'bastion01' }),
      );
    },
    expect: [
      { status: 'fail', resource: 'JumpBox-01', evidence: 'named JumpBox-01' },
      { status: 'fail', resource: 'bastion01', evidence: 'named bastion01' },
    ],
  },
  {
    name: 'an instance tagged as a jump host is a bastion',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(ec2Instance({ name: 'admin-01', tags: { role: 'jumpbox' } }));
    },
    expect: [{ status: 'fail', evidence: 'tagged role=jumpbox' }],
  },
  {
    name: 'a VPC without running instances is out of scope',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(ec2Instance({ name: 'bastion-old', state: 'stopped' }));
    },
    expect: [{ status: 'not_applicable', evidence: 'no running instances' }],
  },
  {
    name: 'unreadable security groups are an error',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(ec2Instance({ name: 'web-1' }));
      gap(inv, 'ec2.securityGroups');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
