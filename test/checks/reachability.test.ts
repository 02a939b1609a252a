import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine/evaluate.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import { inventorySchema } from '../../src/inventory/schema.ts';
import { baseInventory, ec2Instance, openToWorld, publicSubnet, securityGroup, subnet } from './kit.ts';

const checks = await loadChecks();
const INTERNET_CHECKS = [
  'instances-in-public-subnets',
  'ssh-open-to-internet',
  'bastion-host-pattern',
  'private-instances-reachable-without-bastion',
];

/** Each check's verdict on the one instance (or its VPC), as `status: evidence`. */
function verdicts(publicSubnetRoute: boolean) {
  const input = baseInventory();
  input.ec2.vpcs.push({
    arn: 'arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-0001',
    accountId: '111111111111',
    region: 'eu-west-1',
    vpcId: 'vpc-0001',
    cidrBlock: '10.0.0.0/16',
    isDefault: false,
  });
  input.ec2.instances.push(
    ec2Instance({
      name: 'ops-gw',
      publicIp: '3.121.45.17',
      subnetId: 'subnet-a',
      securityGroupIds: ['sg-gw'],
    }),
  );
  input.ec2.subnets.push(
    publicSubnetRoute ? publicSubnet({ subnetId: 'subnet-a' }) : subnet({ subnetId: 'subnet-a' }),
  );
  input.ec2.securityGroups.push(securityGroup({ groupId: 'sg-gw', ingress: [openToWorld(22)] }));
  const inventory = inventorySchema.parse(input);
  return Object.fromEntries(
    INTERNET_CHECKS.map((id) => {
      const check = checks.find((candidate) => candidate.id === id);
      if (!check) throw new Error(`no check ${id}`);
      return [id, runCheck(check, inventory).map((outcome) => outcome.status)];
    }),
  );
}

describe('checks that say public or internet agree about the same instance', () => {
  it('a public IP in a subnet without a route to an internet gateway is private for every check', () => {
    expect(verdicts(false)).toEqual({
      'instances-in-public-subnets': ['pass'],
      'ssh-open-to-internet': ['not_applicable'],
      'bastion-host-pattern': ['pass'],
      // private, and neither an endpoint nor SSM reaches it
      'private-instances-reachable-without-bastion': ['fail'],
    });
  });

  it('the same instance behind a route to an internet gateway is public for every check', () => {
    expect(verdicts(true)).toEqual({
      'instances-in-public-subnets': ['fail'],
      'ssh-open-to-internet': ['fail'],
      'bastion-host-pattern': ['pass'],
      'private-instances-reachable-without-bastion': ['not_applicable'],
    });
  });
});
