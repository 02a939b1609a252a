import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { instanceLabel, isInService } from '../_lib/_instances.ts';
import { addressReach } from '../_lib/_reachability.ts';
import { managedInstanceOf } from './_ssm.ts';
import { whereEqual } from '../_lib/_index.ts';

export default defineCheck({
  id: 'private-instances-reachable-without-bastion',
  title: 'Private instances are reachable through Session Manager or an EC2 Instance Connect Endpoint',
  area: 'remote-access',
  pillar: 'security',
  severity: 'medium',
  description:
    'A bastion can only be retired when every private instance (one the internet cannot route to: no public address, or no route to an internet gateway) has another way in: an online SSM agent for Session Manager, or an EC2 Instance Connect Endpoint in the VPC for SSH and RDP to private addresses. This check tells, per VPC, whether that path exists today or which instances still need a bastion.',
  needs: ['ec2.vpcs', 'ec2.instances', 'ec2.subnets', 'ec2.instanceConnectEndpoints', 'ssm.managedInstances'],
  wellArchitected: [
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_reduce_manual_management',
      bestPractice: 'SEC06-BP03',
    },
  ],
  remediation: {
    summary:
      'Bring the listed instances online in Systems Manager, or create an EC2 Instance Connect Endpoint in the VPC.',
    steps: [
      'For each listed instance, attach an instance profile with AmazonSSMManagedInstanceCore and check the SSM agent and its route to the SSM endpoints.',
      'Or create one EC2 Instance Connect Endpoint in a private subnet of the VPC and allow SSH/RDP from its security group on the instances.',
      'Once every instance is reachable, remove the bastion (see bastion-host-pattern).',
    ],
    snippet:
      'aws ec2 create-instance-connect-endpoint --subnet-id <private-subnet-id> --security-group-ids <eice-sg-id> --preserve-client-ip\naws ec2-instance-connect ssh --instance-id <instance-id> --connection-type eice',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/connect-using-eice.html',
  evaluate: (inventory) =>
    inventory.ec2.vpcs.map((vpc) => {
      const label =
        vpc.name && vpc.name !== vpc.vpcId ? `VPC ${vpc.name} (${vpc.vpcId})` : `VPC ${vpc.vpcId}`;
      const privateInstances = whereEqual(inventory.ec2.instances, {
        accountId: vpc.accountId,
        vpcId: vpc.vpcId,
      }).filter((i) => isInService(i) && addressReach(inventory, i).kind === 'unrouted');
      if (privateInstances.length === 0)
        return notApplicable(vpc, `${label} has no running private instances`);
      const endpoint = whereEqual(inventory.ec2.instanceConnectEndpoints, {
        accountId: vpc.accountId,
        vpcId: vpc.vpcId,
      }).find((e) => e.state === 'create-complete');
      if (endpoint) {
        return pass(
          vpc,
          `${label} has EC2 Instance Connect Endpoint ${endpoint.endpointId} for its ${privateInstances.length} private instances`,
        );
      }
      const unreachable = privateInstances.flatMap((instance) => {
        const status = managedInstanceOf(inventory, instance)?.pingStatus;
        return status === 'Online' ? [] : [`${instanceLabel(instance)} (SSM ${status ?? 'not registered'})`];
      });
      return unreachable.length === 0
        ? pass(
            vpc,
            `all ${privateInstances.length} private instances in ${label} are online in Session Manager`,
          )
        : fail(
            vpc,
            `${label} has no EC2 Instance Connect Endpoint and ${unreachable.length} of ${privateInstances.length} private instances are not reachable by Session Manager: ${unreachable.join(', ')}`,
          );
    }),
});
