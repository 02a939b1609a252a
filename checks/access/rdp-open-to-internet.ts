import { defineCheck } from '../../src/engine/check.ts';
import { judgePublicInstancePort } from './_public-instance-port.ts';

export default defineCheck({
  id: 'rdp-open-to-internet',
  title: 'No public instance accepts RDP from the whole internet',
  area: 'remote-access',
  pillar: 'security',
  severity: 'high',
  description:
    'RDP (3389) open to the internet (0.0.0.0/0 or ::/0, directly or through a managed prefix list, on an instance with a public address routed through an internet gateway) is one of the most common ways into Windows estates: password spraying and RDP vulnerabilities are exploited at scale. Fleet Manager Remote Desktop and Session Manager port forwarding give remote desktop access without an inbound port.',
  needs: ['ec2.instances', 'ec2.securityGroups', 'ec2.subnets', 'ec2.prefixLists'],
  wellArchitected: [
    {
      question: 'network-protection',
      choice: 'sec_network_protection_create_layers',
      bestPractice: 'SEC05-BP01',
    },
    { question: 'network-protection', choice: 'sec_network_protection_layered', bestPractice: 'SEC05-BP02' },
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_reduce_manual_management',
      bestPractice: 'SEC06-BP03',
    },
  ],
  remediation: {
    summary:
      'Remove the internet-wide RDP rule; use Fleet Manager Remote Desktop or Session Manager port forwarding.',
    steps: [
      'Make the instance SSM-managed (SSM agent, instance profile with AmazonSSMManagedInstanceCore).',
      'Connect with Fleet Manager Remote Desktop in the console, or forward a local port: AWS-StartPortForwardingSession with portNumber 3389.',
      'Revoke the 0.0.0.0/0 and ::/0 rules on port 3389.',
    ],
    snippet: `aws ssm start-session --target <instance-id> --document-name AWS-StartPortForwardingSession --parameters '{"portNumber":["3389"],"localPortNumber":["13389"]}'\naws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port 3389 --cidr 0.0.0.0/0`,
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/fleet-manager-remote-desktop-connections.html',
  evaluate: (inventory) => judgePublicInstancePort(inventory, 3389),
});
