import type { Inventory } from '../../src/inventory/schema.ts';

type SecurityGroup = Inventory['ec2']['securityGroups'][number];
type Instance = Inventory['ec2']['instances'][number];
type IngressRule = SecurityGroup['ingress'][number];

/** Source ranges that mean "anyone on the internet". */
const INTERNET_RANGES = new Set(['0.0.0.0/0', '::/0']);

/** Well-known ports named in evidence. */
export const PORT_NAMES: Record<number, string> = {
  22: 'SSH',
  3389: 'RDP',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  1433: 'SQL Server',
  1521: 'Oracle',
  6379: 'Redis',
  11211: 'Memcached',
  9200: 'Elasticsearch',
  5601: 'Kibana',
  27017: 'MongoDB',
  5984: 'CouchDB',
  9042: 'Cassandra',
};

export function portLabel(port: number): string {
  return PORT_NAMES[port] ? `${PORT_NAMES[port]} (${port})` : `port ${port}`;
}

/** True when the rule admits TCP traffic on the port (protocol -1 and absent port ranges mean all ports). */
export function ruleCoversPort(rule: IngressRule, port: number): boolean {
  if (rule.protocol === '-1' || rule.protocol === 'all') return true;
  if (rule.protocol !== 'tcp' && rule.protocol !== '6') return false;
  if (rule.fromPort === null || rule.toPort === null) return true;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** The internet-wide ranges (0.0.0.0/0, ::/0) a rule admits. */
export function internetSources(rule: IngressRule): string[] {
  return [...rule.ipv4Ranges, ...rule.ipv6Ranges].filter((range) => INTERNET_RANGES.has(range));
}

export interface Exposure {
  port: number;
  groupId: string;
  sources: string[];
}

/** Which of the ports the groups open to the whole internet, and through which group. */
export function internetExposures(groups: readonly SecurityGroup[], ports: readonly number[]): Exposure[] {
  return groups.flatMap((group) =>
    ports.flatMap((port) => {
      const sources = [
        ...new Set(
          group.ingress.filter((rule) => ruleCoversPort(rule, port)).flatMap((rule) => internetSources(rule)),
        ),
      ];
      return sources.length > 0 ? [{ port, groupId: group.groupId, sources }] : [];
    }),
  );
}

/** One index per snapshot: every instance looks its groups up, and estates hold thousands of both. */
const groupIndexes = new WeakMap<Inventory, Map<string, SecurityGroup>>();

function groupIndex(inventory: Inventory): Map<string, SecurityGroup> {
  let index = groupIndexes.get(inventory);
  if (!index) {
    index = new Map(inventory.ec2.securityGroups.map((g) => [`${g.accountId}/${g.region}/${g.groupId}`, g]));
    groupIndexes.set(inventory, index);
  }
  return index;
}

/** The security groups of an instance, looked up in its own account and region. */
export function groupsOfInstance(inventory: Inventory, instance: Instance): SecurityGroup[] {
  const index = groupIndex(inventory);
  return instance.securityGroupIds.flatMap((groupId) => {
    const group = index.get(`${instance.accountId}/${instance.region}/${groupId}`);
    return group ? [group] : [];
  });
}

/** Security group ids an instance names that the snapshot does not hold: its exposure cannot be judged. */
export function missingGroupIds(inventory: Inventory, instance: Instance): string[] {
  const known = new Set(groupsOfInstance(inventory, instance).map((group) => group.groupId));
  return instance.securityGroupIds.filter((groupId) => !known.has(groupId));
}
