import type { Inventory } from '../../src/inventory/schema.ts';

type SecurityGroup = Inventory['ec2']['securityGroups'][number];
type Instance = Inventory['ec2']['instances'][number];
type IngressRule = SecurityGroup['ingress'][number];

type PrefixList = Inventory['ec2']['prefixLists'][number];

export type AddressFamily = 'IPv4' | 'IPv6';

/** The range that means "anyone on the internet", per address family. */
const INTERNET_RANGE: Record<AddressFamily, string> = { IPv4: '0.0.0.0/0', IPv6: '::/0' };
const ANY_FAMILY: readonly AddressFamily[] = ['IPv4', 'IPv6'];

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

/** A way a rule admits the whole internet: `0.0.0.0/0`, or `pl-0abc (0.0.0.0/0)` through a prefix list. */
export interface InternetSource {
  family: AddressFamily;
  label: string;
}

/** What the rules of some groups admit from the internet, and what could not be resolved. */
export interface RuleReading {
  exposures: Exposure[];
  /** Prefix lists named by a rule on a judged port that the snapshot does not hold. */
  unresolvedPrefixLists: string[];
}

export interface Exposure {
  port: number;
  groupId: string;
  /** `0.0.0.0/0`, `::/0`, `pl-0abc (0.0.0.0/0)`. */
  sources: string[];
}

const prefixListIndexes = new WeakMap<Inventory, Map<string, PrefixList>>();

function prefixListOf(
  inventory: Inventory,
  group: SecurityGroup,
  prefixListId: string,
): PrefixList | undefined {
  let index = prefixListIndexes.get(inventory);
  if (!index) {
    index = new Map(
      inventory.ec2.prefixLists.map((list) => [
        `${list.accountId}/${list.region}/${list.prefixListId}`,
        list,
      ]),
    );
    prefixListIndexes.set(inventory, index);
  }
  return index.get(`${group.accountId}/${group.region}/${prefixListId}`);
}

/**
 * The internet-wide sources of one rule in the given families: the ranges 0.0.0.0/0 and ::/0 named
 * directly or held by a managed prefix list the rule names.
 */
export function internetSources(
  inventory: Inventory,
  group: SecurityGroup,
  rule: IngressRule,
  families: readonly AddressFamily[] = ANY_FAMILY,
): { sources: InternetSource[]; unresolved: string[] } {
  const sources: InternetSource[] = [];
  const unresolved: string[] = [];
  for (const family of families) {
    const range = INTERNET_RANGE[family];
    if ([...rule.ipv4Ranges, ...rule.ipv6Ranges].includes(range)) sources.push({ family, label: range });
  }
  for (const prefixListId of rule.prefixListIds) {
    const list = prefixListOf(inventory, group, prefixListId);
    if (!list) {
      unresolved.push(prefixListId);
      continue;
    }
    for (const family of families) {
      const range = INTERNET_RANGE[family];
      if (list.cidrs.includes(range)) sources.push({ family, label: `${prefixListId} (${range})` });
    }
  }
  return { sources, unresolved };
}

/**
 * Which of the ports the groups open to the whole internet in the given address families, through
 * which group and source. Rules naming a prefix list the snapshot lacks are reported, not guessed.
 */
export function internetExposures(
  inventory: Inventory,
  groups: readonly SecurityGroup[],
  ports: readonly number[],
  families: readonly AddressFamily[] = ANY_FAMILY,
): RuleReading {
  const unresolved = new Set<string>();
  const exposures = groups.flatMap((group) =>
    ports.flatMap((port) => {
      const sources = new Set<string>();
      for (const rule of group.ingress.filter((candidate) => ruleCoversPort(candidate, port))) {
        const reading = internetSources(inventory, group, rule, families);
        for (const source of reading.sources) sources.add(source.label);
        for (const id of reading.unresolved) unresolved.add(id);
      }
      return sources.size > 0 ? [{ port, groupId: group.groupId, sources: [...sources] }] : [];
    }),
  );
  return { exposures, unresolvedPrefixLists: [...unresolved] };
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
