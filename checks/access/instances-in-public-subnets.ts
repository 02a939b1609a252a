import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { instanceLabel, perInServiceInstance } from '../_lib/_instances.ts';
import { missingData } from '../_lib/_outcomes.ts';
import {
  addressReach,
  describePath,
  internetRoutedFamilies,
  subnetLabel,
  subnetOf,
} from '../_lib/_reachability.ts';

export default defineCheck({
  id: 'instances-in-public-subnets',
  title: 'Workload instances run in private subnets',
  area: 'remote-access',
  pillar: 'security',
  severity: 'medium',
  description:
    'A subnet whose route table sends 0.0.0.0/0 (or ::/0) to an internet gateway puts every instance with a public IPv4 (or IPv6) address one security group rule away from the internet. Application servers belong in private subnets behind a load balancer; administrators reach them through Session Manager, not through a public address.',
  needs: ['ec2.instances', 'ec2.subnets'],
  wellArchitected: [
    {
      question: 'network-protection',
      choice: 'sec_network_protection_create_layers',
      bestPractice: 'SEC05-BP01',
    },
  ],
  remediation: {
    summary:
      'Move the instance to a private subnet behind a load balancer (or NAT for outbound traffic) and release its public IP.',
    steps: [
      'Create private subnets (route 0.0.0.0/0 to a NAT gateway, or VPC endpoints only) in each Availability Zone.',
      'Launch a replacement from an AMI or launch template in the private subnet; put an ALB/NLB in the public subnets if it serves the internet.',
      'Switch DNS or target groups to the replacement, then terminate the public instance.',
      'Turn off auto-assign public IPv4 on subnets that stay public.',
    ],
    snippet:
      'aws ec2 create-image --instance-id <instance-id> --name <name>-private\naws ec2 run-instances --image-id <ami-id> --subnet-id <private-subnet-id> --no-associate-public-ip-address --iam-instance-profile Name=<ssm-profile>\naws ec2 modify-subnet-attribute --subnet-id <public-subnet-id> --no-map-public-ip-on-launch',
    effort: 'medium',
    downtime: true,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-example-private-subnets-nat.html',
  evaluate: (inventory) =>
    perInServiceInstance(inventory, (instance) => {
      const label = instanceLabel(instance);
      if (!instance.subnetId) return notApplicable(instance, `${label} is not in a VPC subnet`);
      const subnet = subnetOf(inventory, instance);
      if (!subnet)
        return missingData(instance, `subnet ${instance.subnetId} of ${label} is not in the snapshot`);
      const routed = internetRoutedFamilies(subnet);
      if (routed.length === 0) {
        return pass(
          instance,
          `${label} runs in private subnet ${subnetLabel(subnet)}: no default route to an internet gateway`,
        );
      }
      const routes = routed.map((family) => (family === 'IPv4' ? '0.0.0.0/0' : '::/0')).join(' and ');
      const reach = addressReach(inventory, instance);
      const exposure =
        reach.kind === 'routed'
          ? `reachable at ${reach.paths.map(describePath).join(' and ')}`
          : `not reachable today: it ${reach.why}`;
      return fail(
        instance,
        `${label} runs in public subnet ${subnetLabel(subnet)} (its route table sends ${routes} to an internet gateway), ${exposure}`,
      );
    }),
});
