import { defineCheck } from '../../src/engine/check.ts';
import { judgePublicInstancePort } from './_public-instance-port.ts';

export default defineCheck({
  id: 'ssh-open-to-internet',
  title: 'No public instance accepts SSH from the whole internet',
  area: 'remote-access',
  pillar: 'security',
  severity: 'high',
  description:
    'SSH (22) open to 0.0.0.0/0 or ::/0 (directly or through a managed prefix list) on an instance the internet can route to (a public IPv4 address in a subnet routing 0.0.0.0/0 to an internet gateway, or an IPv6 address in one routing ::/0 there) is scanned and brute-forced within minutes of launch, and one weak key, leaked key or sshd vulnerability gives an attacker a shell. Session Manager or EC2 Instance Connect Endpoint give shell access with no inbound port at all.',
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
      'Remove the internet-wide SSH rule and connect through Session Manager (or EC2 Instance Connect Endpoint) instead.',
    steps: [
      'Make sure the instance is managed by SSM (SSM agent, an instance profile with AmazonSSMManagedInstanceCore, a route to the SSM endpoints).',
      'Test a session: aws ssm start-session --target <instance-id>; for scp/port forwarding use the SSH-over-SSM proxy command.',
      'Revoke the 0.0.0.0/0 and ::/0 rules on port 22.',
      'If SSH from outside must stay for now, limit it to the office or VPN prefix list.',
    ],
    snippet:
      'aws ssm start-session --target <instance-id>\naws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions \'[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}],"Ipv6Ranges":[{"CidrIpv6":"::/0"}]}]\'',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
  evaluate: (inventory) => judgePublicInstancePort(inventory, 22),
});
