import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { instanceLabel, perInServiceInstance } from '../_lib/_instances.ts';

export default defineCheck({
  id: 'instances-without-ssh-key-pairs',
  title: 'EC2 instances are launched without long-lived SSH key pairs',
  area: 'remote-access',
  pillar: 'security',
  severity: 'low',
  description:
    'A key pair baked in at launch is a long-lived secret shared by whoever holds the private key file, with no per-person identity, no expiry and no log of who used it. Session Manager and EC2 Instance Connect push short-lived access tied to an IAM identity instead. A key pair shared by many instances multiplies the damage of one leaked file.',
  needs: ['ec2.instances'],
  wellArchitected: [
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_reduce_manual_management',
      bestPractice: 'SEC06-BP03',
    },
    { question: 'identities', choice: 'sec_identities_secrets', bestPractice: 'SEC02-BP03' },
  ],
  remediation: {
    summary:
      'Use Session Manager or EC2 Instance Connect for access, remove the key from authorized_keys, and launch new instances without a key pair.',
    steps: [
      'Confirm Session Manager or EC2 Instance Connect works for the instance.',
      "Remove the key pair's public key from ~/.ssh/authorized_keys on the instance (Run Command can do it fleet-wide).",
      'Drop KeyName from launch templates and delete the key pair from EC2.',
    ],
    snippet:
      // EC2 writes the key pair name as the comment of the authorized_keys line it adds.
      `aws ssm send-command --document-name AWS-RunShellScript --instance-ids <instance-id> --parameters 'commands=["sed -i.bak /<key-name>$/d /home/ec2-user/.ssh/authorized_keys"]'\naws ec2 delete-key-pair --key-name <key-name>`,
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/connect-linux-inst-eic.html',
  evaluate: (inventory) => {
    const holders = new Map<string, number>();
    for (const { accountId, keyName } of inventory.ec2.instances) {
      if (keyName) holders.set(`${accountId}/${keyName}`, (holders.get(`${accountId}/${keyName}`) ?? 0) + 1);
    }
    return perInServiceInstance(inventory, (instance) => {
      const label = instanceLabel(instance);
      if (!instance.keyName) return pass(instance, `${label} was launched without a key pair`);
      const others = (holders.get(`${instance.accountId}/${instance.keyName}`) ?? 1) - 1;
      const shared = others > 0 ? `, shared with ${others} other instance(s)` : '';
      return fail(instance, `${label} was launched with key pair ${instance.keyName}${shared}`);
    });
  },
});
