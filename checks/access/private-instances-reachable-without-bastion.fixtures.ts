import { ACCOUNT, defineFixtures, ec2Instance, gap, managedInstance, REGION } from '../../test/checks/kit.ts';

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
const endpoint = {
  arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance-connect-endpoint/eice-0001`,
  accountId: ACCOUNT,
  region: REGION,
  endpointId: 'eice-0001',
  vpcId: 'vpc-0001',
  state: 'create-complete',
};

export default defineFixtures([
  {
    name: 'private instances online in Session Manager pass',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(ec2Instance());
      inv.ssm.managedInstances.push(managedInstance());
    },
    expect: [{ status: 'pass', evidence: 'all 1 private instances in VPC shop (vpc-0001) are online' }],
  },
  {
    name: 'an EC2 Instance Connect Endpoint in the VPC passes',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(ec2Instance());
      inv.ec2.instanceConnectEndpoints = [endpoint];
    },
    expect: [{ status: 'pass', evidence: 'EC2 Instance Connect Endpoint eice-0001' }],
  },
  {
    name: 'unmanaged and disconnected private instances fail and are named',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(
        ec2Instance({ name: 'worker' }),
        ec2Instance({ instanceId: 'i-0legacy', name: 'legacy' }),
      );
      inv.ssm.managedInstances.push(managedInstance({ pingStatus: 'ConnectionLost' }));
      inv.ec2.instanceConnectEndpoints = [{ ...endpoint, state: 'create-in-progress' }];
    },
    expect: [
      {
        status: 'fail',
        evidence:
          '2 of 2 private instances are not reachable by Session Manager: worker (i-0a1b2c3d4e5f60001) (SSM ConnectionLost), legacy (i-0legacy) (SSM not registered)',
      },
    ],
  },
  {
    name: 'a VPC with public instances only is out of scope',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(ec2Instance({ publicIp: '35.157.80.4' }));
    },
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable SSM inventory is an error',
    given: (inv) => {
      inv.ec2.vpcs.push(vpc);
      inv.ec2.instances.push(ec2Instance());
      gap(inv, 'ssm.managedInstances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
