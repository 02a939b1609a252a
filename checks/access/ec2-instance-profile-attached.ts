import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { instanceLabel, perInServiceInstance } from '../_lib/_instances.ts';

export default defineCheck({
  id: 'ec2-instance-profile-attached',
  title: 'EC2 instances run with an IAM instance profile',
  area: 'remote-access',
  pillar: 'security',
  severity: 'low',
  description:
    'Without an instance profile an instance has no role: the SSM agent cannot register (unless Default Host Management Configuration is on), so Session Manager cannot reach it, and software on it that calls AWS ends up with long-lived access keys on disk.',
  needs: ['ec2.instances'],
  wellArchitected: [
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_reduce_manual_management',
      bestPractice: 'SEC06-BP03',
    },
    { question: 'identities', choice: 'sec_identities_unique', bestPractice: 'SEC02-BP02' },
  ],
  remediation: {
    summary:
      'Attach an instance profile whose role has AmazonSSMManagedInstanceCore plus what the workload needs.',
    steps: [
      "Create a role trusted by ec2.amazonaws.com with AmazonSSMManagedInstanceCore and the workload's own least-privilege policy.",
      'Attach it through an instance profile; no restart is needed.',
      'Remove access keys stored on the instance once the software uses the role.',
    ],
    snippet:
      'aws iam create-instance-profile --instance-profile-name <name>\naws iam add-role-to-instance-profile --instance-profile-name <name> --role-name <role>\naws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<name>',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
  evaluate: (inventory) =>
    perInServiceInstance(inventory, (instance) =>
      instance.iamInstanceProfileArn
        ? pass(
            instance,
            `${instanceLabel(instance)} runs with instance profile ${instance.iamInstanceProfileArn.split('/').at(-1)}`,
          )
        : fail(
            instance,
            `${instanceLabel(instance)} has no instance profile: no role for the SSM agent or the workload`,
          ),
    ),
});
