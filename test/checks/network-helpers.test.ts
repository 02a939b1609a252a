import { describe, expect, it } from 'vitest';
import { internetExposures, internetSources, ruleCoversPort } from '../../checks/_lib/_network.ts';
import { inventorySchema } from '../../src/inventory/schema.ts';
import { baseInventory, prefixList, securityGroup } from './kit.ts';

const rule = (r: Partial<{ protocol: string; fromPort: number | null; toPort: number | null }>) => ({
  protocol: 'tcp',
  fromPort: 22,
  toPort: 22,
  ipv4Ranges: [] as string[],
  ipv6Ranges: [] as string[],
  sourceGroupIds: [] as string[],
  prefixListIds: [] as string[],
  ...r,
});

describe('ruleCoversPort', () => {
  it.each([
    ['the exact port', rule({}), 22, true],
    ['a range that contains it', rule({ fromPort: 0, toPort: 1024 }), 22, true],
    ['another port', rule({ fromPort: 443, toPort: 443 }), 22, false],
    ['all protocols', rule({ protocol: '-1', fromPort: null, toPort: null }), 3389, true],
    ['TCP by protocol number', rule({ protocol: '6' }), 22, true],
    ['UDP on the same number', rule({ protocol: 'udp' }), 22, false],
    ['TCP without a port range', rule({ fromPort: null, toPort: null }), 5432, true],
  ])('%s', (_name, candidate, port, expected) => {
    expect(ruleCoversPort(candidate, port)).toBe(expected);
  });
});

function inventoryWith(ingress: ReturnType<typeof rule>[]) {
  return inventorySchema.parse({
    ...baseInventory(),
    ec2: {
      ...baseInventory().ec2,
      securityGroups: [securityGroup({ ingress })],
      prefixLists: [
        prefixList({ prefixListId: 'pl-world', cidrs: ['0.0.0.0/0', '::/0'] }),
        prefixList({ prefixListId: 'pl-office', cidrs: ['203.0.113.0/24'] }),
      ],
    },
  });
}

describe('internetSources', () => {
  it.each([
    [{ ipv4Ranges: ['0.0.0.0/0'] }, ['0.0.0.0/0'], []],
    [{ ipv6Ranges: ['::/0'] }, ['::/0'], []],
    [{ ipv4Ranges: ['10.0.0.0/8', '0.0.0.0/0'], ipv6Ranges: ['::/0'] }, ['0.0.0.0/0', '::/0'], []],
    [{ ipv4Ranges: ['203.0.113.10/32'], ipv6Ranges: ['2001:db8::/32'] }, [], []],
    [{ prefixListIds: ['pl-world'] }, ['pl-world (0.0.0.0/0)', 'pl-world (::/0)'], []],
    [{ prefixListIds: ['pl-office'] }, [], []],
    [{ prefixListIds: ['pl-gone'] }, [], ['pl-gone']],
  ])('%j → %j, unresolved %j', (ranges, expected, unresolved) => {
    const inventory = inventoryWith([{ ...rule({}), ...ranges }]);
    const group = inventory.ec2.securityGroups[0]!;
    const reading = internetSources(inventory, group, group.ingress[0]!);
    expect(reading.sources.map((source) => source.label)).toEqual(expected);
    expect(reading.unresolved).toEqual(unresolved);
  });

  it('reads only the address families asked for', () => {
    const inventory = inventoryWith([
      { ...rule({}), prefixListIds: ['pl-world'], ipv4Ranges: ['0.0.0.0/0'] },
    ]);
    const group = inventory.ec2.securityGroups[0]!;
    const reading = internetSources(inventory, group, group.ingress[0]!, ['IPv6']);
    expect(reading.sources).toEqual([{ family: 'IPv6', label: 'pl-world (::/0)' }]);
  });
});

describe('internetExposures', () => {
  it('reports each exposed port once per group with the union of its internet sources', () => {
    const inventory = inventoryWith([
      { ...rule({}), ipv4Ranges: ['0.0.0.0/0'] },
      { ...rule({ fromPort: 0, toPort: 65535 }), ipv6Ranges: ['::/0'] },
      { ...rule({ fromPort: 3306, toPort: 3306 }), sourceGroupIds: ['sg-app'] },
    ]);
    expect(internetExposures(inventory, inventory.ec2.securityGroups, [22, 3306, 3389])).toEqual({
      exposures: [
        { port: 22, groupId: 'sg-app', sources: ['0.0.0.0/0', '::/0'] },
        { port: 3306, groupId: 'sg-app', sources: ['::/0'] },
        { port: 3389, groupId: 'sg-app', sources: ['::/0'] },
      ],
      unresolvedPrefixLists: [],
    });
  });
});
