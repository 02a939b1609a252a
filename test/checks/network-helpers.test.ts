import { describe, expect, it } from 'vitest';
import { internetExposures, internetSources, ruleCoversPort } from '../../checks/_lib/_network.ts';
import { inventorySchema } from '../../src/inventory/schema.ts';
import { baseInventory, securityGroup } from './kit.ts';

const rule = (r: Partial<{ protocol: string; fromPort: number | null; toPort: number | null }>) => ({
  protocol: 'tcp',
  fromPort: 22,
  toPort: 22,
  ipv4Ranges: [],
  ipv6Ranges: [],
  sourceGroupIds: [],
  prefixListIds: [],
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

describe('internetSources', () => {
  it.each([
    [['0.0.0.0/0'], [], ['0.0.0.0/0']],
    [[], ['::/0'], ['::/0']],
    [['10.0.0.0/8', '0.0.0.0/0'], ['::/0'], ['0.0.0.0/0', '::/0']],
    [['203.0.113.10/32'], ['2001:db8::/32'], []],
  ])('%j + %j → %j', (ipv4Ranges, ipv6Ranges, expected) => {
    expect(internetSources({ ...rule({}), ipv4Ranges, ipv6Ranges })).toEqual(expected);
  });
});

describe('internetExposures', () => {
  it('reports each exposed port once per group with the union of its internet sources', () => {
    const inventory = inventorySchema.parse({
      ...baseInventory(),
      ec2: {
        ...baseInventory().ec2,
        securityGroups: [
          securityGroup({
            ingress: [
              { ...rule({}), ipv4Ranges: ['0.0.0.0/0'] },
              { ...rule({ fromPort: 0, toPort: 65535 }), ipv6Ranges: ['::/0'] },
              { ...rule({ fromPort: 3306, toPort: 3306 }), sourceGroupIds: ['sg-app'] },
            ],
          }),
        ],
      },
    });
    expect(internetExposures(inventory.ec2.securityGroups, [22, 3306, 3389])).toEqual([
      { port: 22, groupId: 'sg-app', sources: ['0.0.0.0/0', '::/0'] },
      { port: 3306, groupId: 'sg-app', sources: ['::/0'] },
      { port: 3389, groupId: 'sg-app', sources: ['::/0'] },
    ]);
  });
});
