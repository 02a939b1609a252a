import { describe, expect, it } from 'vitest';
import { whereEqual } from '../../checks/_lib/_index.ts';

const items = [
  { id: 1, accountId: 'a', region: 'r1', vpcId: 'v1' as string | null },
  { id: 2, accountId: 'a', region: 'r2', vpcId: null },
  { id: 3, accountId: 'b', region: 'r1', vpcId: 'v1' },
  { id: 4, accountId: 'a', region: 'r1', vpcId: 'null' },
  { id: 5, accountId: 'a', region: 'r1', vpcId: 'v1' },
];

describe('whereEqual', () => {
  it.each([
    [{ accountId: 'a', region: 'r1' }],
    [{ accountId: 'a' }],
    [{ vpcId: null }],
    [{ vpcId: 'null' }],
    [{ accountId: 'a', vpcId: 'v1' }],
    [{ region: 'r1', accountId: 'a' }],
    [{ accountId: 'c' }],
  ])('returns what filter returns, in list order, for %o', (criteria) => {
    const expected = items.filter((item) =>
      Object.entries(criteria).every(([field, value]) => item[field as keyof typeof item] === value),
    );
    expect(whereEqual(items, criteria)).toEqual(expected);
    expect(whereEqual(items, criteria)).toEqual(expected);
  });
});
