import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { instanceLabel, isInService, type Instance } from '../_lib/_instances.ts';
import { groupsOfInstance, portLabel, ruleCoversPort } from '../_lib/_network.ts';
import { whereEqual } from '../_lib/_index.ts';
import { addressReach, describePath, isInternetRouted } from '../_lib/_reachability.ts';
import { nameWords } from '../_lib/_words.ts';

const ADMIN_PORTS = [22, 3389];
/** Whole words only, so `jumpstart-api` is no jump host while `jump-box`, `JumpHost` and `bastion01` are. */
const BASTION_WORDS = new Set(['bastion', 'bastionhost', 'jump', 'jumphost', 'jumpbox', 'jumpserver']);

function namesBastion(text: string): boolean {
  return nameWords(text).some((word) => BASTION_WORDS.has(word));
}
const NAMING_TAG_KEYS = /^(name|role|function|purpose)$/i;

/** `account/region/sg-id` → admin port → private instances that admit the port from that group. */
type Relays = Map<string, Map<number, Set<string>>>;

/** Built once per evaluation from the private side, so the cost is one pass over their rules. */
function relaysBySourceGroup(inventory: Inventory, running: Instance[]): Relays {
  const relays: Relays = new Map();
  for (const target of running.filter((instance) => !isInternetRouted(inventory, instance))) {
    for (const group of groupsOfInstance(inventory, target)) {
      for (const rule of group.ingress) {
        for (const port of ADMIN_PORTS.filter((candidate) => ruleCoversPort(rule, candidate))) {
          for (const source of rule.sourceGroupIds) {
            const key = `${target.accountId}/${target.region}/${source}`;
            const byPort = relays.get(key) ?? new Map<number, Set<string>>();
            relays.set(
              key,
              byPort.set(port, (byPort.get(port) ?? new Set()).add(target.name || target.instanceId)),
            );
          }
        }
      }
    }
  }
  return relays;
}

/** Why an instance is a bastion: its name or tags say so, or it relays SSH/RDP to private instances. */
function bastionReasons(inventory: Inventory, instance: Instance, relays: Relays): string[] {
  const reasons: string[] = [];
  const naming = Object.entries(instance.tags).filter(([key]) => NAMING_TAG_KEYS.test(key));
  const named = naming.find(([, value]) => namesBastion(value));
  if (named) reasons.push(`tagged ${named[0]}=${named[1]}`);
  else if (namesBastion(instance.name)) reasons.push(`named ${instance.name}`);
  if (!isInternetRouted(inventory, instance)) return reasons;
  for (const port of ADMIN_PORTS) {
    const relayedTo = [
      ...new Set(
        instance.securityGroupIds.flatMap((groupId) => [
          ...(relays.get(`${instance.accountId}/${instance.region}/${groupId}`)?.get(port) ?? []),
        ]),
      ),
    ];
    if (relayedTo.length > 0) {
      const shown = relayedTo.slice(0, 5);
      if (relayedTo.length > shown.length) shown.push(`${relayedTo.length - shown.length} more`);
      reasons.push(`its security group is the ${portLabel(port)} source for ${shown.join(', ')}`);
    }
  }
  return reasons;
}

/** `public IP 3.121.45.17` when the internet can route to the instance, for evidence. */
function reachableAt(inventory: Inventory, instance: Instance): string | undefined {
  const reach = addressReach(inventory, instance);
  return reach.kind === 'routed' ? reach.paths.map(describePath).join(', ') : undefined;
}

export default defineCheck({
  id: 'bastion-host-pattern',
  title: 'Remote access does not depend on bastion or jump hosts',
  area: 'remote-access',
  pillar: 'security',
  severity: 'medium',
  description:
    'A bastion is a public, long-lived server with SSH or RDP open, shared keys and its own patching; whoever takes it reaches every instance behind it, and what people do through it is rarely logged. Session Manager and EC2 Instance Connect Endpoint give the same access with IAM authentication, no inbound ports and logged sessions. A bastion is recognised by its name or tags (bastion, jump) or by being an instance reachable from the internet whose security group is the SSH/RDP source of private instances.',
  needs: ['ec2.instances', 'ec2.securityGroups', 'ec2.vpcs', 'ec2.subnets'],
  wellArchitected: [
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_reduce_manual_management',
      bestPractice: 'SEC06-BP03',
    },
    { question: 'network-protection', choice: 'sec_network_protection_layered', bestPractice: 'SEC05-BP02' },
  ],
  remediation: {
    summary:
      'Replace the bastion with Session Manager (or an EC2 Instance Connect Endpoint for plain SSH), then terminate it.',
    steps: [
      'Make the private instances SSM-managed: instance profile with AmazonSSMManagedInstanceCore, SSM agent, VPC endpoints for ssm, ssmmessages and ec2messages (or a NAT route).',
      'Turn on Session Manager logging to S3/CloudWatch and KMS encryption of sessions.',
      'Move users to aws ssm start-session (SSH, scp and database tunnels work over it), or create an EC2 Instance Connect Endpoint in the VPC for native SSH.',
      "Remove the rules whose source is the bastion's security group, then terminate the bastion and delete its key pair.",
    ],
    snippet:
      'aws ssm start-session --target <private-instance-id>\naws ec2 create-instance-connect-endpoint --subnet-id <private-subnet-id> --security-group-ids <eice-sg-id>\naws ec2-instance-connect ssh --instance-id <private-instance-id> --connection-type eice',
    effort: 'medium',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/connect-with-ec2-instance-connect-endpoint.html',
  evaluate: (inventory) => {
    const running = inventory.ec2.instances.filter(isInService);
    const relays = relaysBySourceGroup(inventory, running);
    const bastions = running.flatMap((instance) => {
      const reasons = bastionReasons(inventory, instance, relays);
      return reasons.length > 0 ? [{ instance, reasons }] : [];
    });
    const bastionVpcs = new Set(bastions.map(({ instance }) => `${instance.accountId}/${instance.vpcId}`));
    return [
      ...bastions.map(({ instance, reasons }) =>
        fail(
          instance,
          `${instanceLabel(instance, reachableAt(inventory, instance))} is a bastion host: ${reasons.join('; ')}`,
        ),
      ),
      ...inventory.ec2.vpcs
        .filter((vpc) => !bastionVpcs.has(`${vpc.accountId}/${vpc.vpcId}`))
        .map((vpc) => {
          const count = whereEqual(running, { accountId: vpc.accountId, vpcId: vpc.vpcId }).length;
          const label = vpc.name && vpc.name !== vpc.vpcId ? `${vpc.name} (${vpc.vpcId})` : vpc.vpcId;
          return count === 0
            ? notApplicable(vpc, `VPC ${label} has no running instances`)
            : pass(vpc, `VPC ${label}: none of its ${count} running instances is a bastion or jump host`);
        }),
    ];
  },
});
