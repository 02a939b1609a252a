import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { instanceLabel } from '../_lib/_instances.ts';
import { internetExposures, portLabel } from '../_lib/_network.ts';
import { whereEqual } from '../_lib/_index.ts';
import { missingData } from '../_lib/_outcomes.ts';

/**
 * Remote-administration, database, cache, search and container-control ports that never belong on the
 * internet. SSH and RDP are judged here per group too: ssh-open-to-internet and rdp-open-to-internet
 * judge the instances the internet can reach, this check the rule itself, wherever it is attached.
 */
const ADMIN_PORTS = [
  22, 3389, 3306, 5432, 1433, 1521, 6379, 11211, 9200, 5601, 27017, 9042, 5984, 2375, 2379,
];

export default defineCheck({
  id: 'security-group-admin-ports-open',
  title: 'Security groups keep database and admin ports closed to the internet',
  area: 'remote-access',
  pillar: 'security',
  severity: 'high',
  description: `Remote-administration, database, cache, search and container-control ports (${ADMIN_PORTS.map(portLabel).join(', ')}) open to 0.0.0.0/0 or ::/0 (directly or through a managed prefix list) are found by internet-wide scanners within hours; exposed Redis, Elasticsearch and MongoDB instances are routinely wiped or ransomed. Such ports should admit only the application tier's security group, and administrators should come through Session Manager.`,
  needs: ['ec2.securityGroups', 'ec2.instances', 'ec2.prefixLists'],
  wellArchitected: [
    {
      question: 'network-protection',
      choice: 'sec_network_protection_create_layers',
      bestPractice: 'SEC05-BP01',
    },
    { question: 'network-protection', choice: 'sec_network_protection_layered', bestPractice: 'SEC05-BP02' },
  ],
  remediation: {
    summary:
      "Replace the internet-wide rule with a rule whose source is the application tier's security group; reach databases for administration through Session Manager port forwarding.",
    steps: [
      'Find who connects on the port (VPC Flow Logs) and note their security groups.',
      'Add a rule per client security group, then revoke the 0.0.0.0/0 and ::/0 rules.',
      'For administrator access use AWS-StartPortForwardingSessionToRemoteHost through an SSM-managed instance.',
    ],
    snippet:
      'aws ec2 authorize-security-group-ingress --group-id <sg-id> --protocol tcp --port <port> --source-group <app-sg-id>\naws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port <port> --cidr 0.0.0.0/0',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  evaluate: (inventory) =>
    inventory.ec2.securityGroups.map((group) => {
      const label =
        group.name && group.name !== group.groupId ? `${group.groupId} (${group.name})` : group.groupId;
      if (group.ingress.length === 0) return notApplicable(group, `${label} admits no inbound traffic`);
      const { exposures, unresolvedPrefixLists } = internetExposures(inventory, [group], ADMIN_PORTS);
      if (exposures.length === 0 && unresolvedPrefixLists.length > 0) {
        return missingData(
          group,
          `${label} admits prefix list ${unresolvedPrefixLists.join(', ')}, which is not in the snapshot, so its exposure cannot be judged`,
        );
      }
      if (exposures.length === 0) {
        return pass(
          group,
          `${label} opens none of ports ${ADMIN_PORTS.join(', ')} (SSH, RDP, databases, caches, search, container control) to 0.0.0.0/0, ::/0 or a prefix list holding them`,
        );
      }
      const attached = whereEqual(inventory.ec2.instances, {
        accountId: group.accountId,
        region: group.region,
      })
        .filter((instance) => instance.securityGroupIds.includes(group.groupId))
        .map((instance) => instanceLabel(instance));
      const on = attached.length > 0 ? `; attached to ${attached.join(', ')}` : '';
      const open = exposures.map((e) => `${portLabel(e.port)} open to ${e.sources.join(' and ')}`);
      return fail(group, `${open.join('; ')} in ${label}${on}`, { details: { ports: exposures.length } });
    }),
});
