import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { instanceLabel, perInServiceInstance } from '../_lib/_instances.ts';
import { managedInstanceOf } from './_ssm.ts';

export default defineCheck({
  id: 'instances-managed-by-ssm',
  title: 'Running EC2 instances are managed by AWS Systems Manager and online',
  area: 'remote-access',
  pillar: 'security',
  severity: 'medium',
  description:
    'Session Manager, Patch Manager, Run Command and Inventory only reach instances whose SSM agent is registered and online. An instance that is not managed (or whose agent lost its connection) can only be reached over SSH or RDP, which keeps bastions and open ports alive, and it is left out of automated patching.',
  needs: ['ec2.instances', 'ssm.managedInstances'],
  wellArchitected: [
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_reduce_manual_management',
      bestPractice: 'SEC06-BP03',
    },
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_auto_protection',
      bestPractice: 'SEC06-BP05',
    },
  ],
  remediation: {
    summary:
      'Give the instance an instance profile with AmazonSSMManagedInstanceCore, a running SSM agent and a network path to the SSM endpoints; or enable Default Host Management Configuration for the whole account and region.',
    steps: [
      'Enable Default Host Management Configuration (Systems Manager > Fleet Manager > Account management), or attach an instance profile with AmazonSSMManagedInstanceCore.',
      'Make sure the SSM agent runs (preinstalled on Amazon Linux and Windows AMIs; install it elsewhere).',
      'Give private subnets a route to the service: VPC interface endpoints for ssm, ssmmessages and ec2messages, or a NAT gateway.',
      'For ConnectionLost instances: check the agent log (/var/log/amazon/ssm/amazon-ssm-agent.log) and the endpoint security groups.',
    ],
    snippet:
      'aws ssm update-service-setting --setting-id arn:aws:ssm:<region>:<account-id>:servicesetting/ssm/managed-instance/default-ec2-instance-management-role --setting-value service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole\naws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<ssm-profile>',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/fleet-manager-default-host-management-configuration.html',
  evaluate: (inventory) =>
    perInServiceInstance(inventory, (instance) => {
      const label = instanceLabel(instance);
      const managed = managedInstanceOf(inventory, instance);
      if (managed?.pingStatus === 'Online') {
        return pass(
          instance,
          `${label} is managed by SSM and online${managed.agentVersion ? ` (agent ${managed.agentVersion})` : ''}`,
        );
      }
      if (managed) {
        return fail(
          instance,
          `${label} is registered with SSM but its agent is ${managed.pingStatus}: no sessions, patching or commands reach it`,
        );
      }
      const profile = instance.iamInstanceProfileArn ? '' : '; it has no instance profile';
      return fail(
        instance,
        `${label} is not managed by SSM: Session Manager and Patch Manager cannot reach it${profile}`,
      );
    }),
});
