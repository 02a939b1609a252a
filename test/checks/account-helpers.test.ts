import { describe, expect, it } from 'vitest';
import { accountEnvironmentSignals, environmentOf } from '../../checks/_lib/_environment.ts';
import { customScpsGoverning, policyTargetsGoverning } from '../../checks/_lib/_organization.ts';
import { daysSince } from '../../checks/_lib/_time.ts';
import { accountSchema, organizationSchema } from '../../src/inventory/schema.ts';
import { organization } from './kit.ts';

describe('environmentOf', () => {
  it.each([
    ['shop-prod', 'production'],
    ['Production', 'production'],
    ['payments_prd_eu', 'production'],
    ['NonProd', 'non-production'],
    ['non-prod', 'non-production'],
    ['pre-prod', 'non-production'],
    ['shop-dev', 'non-production'],
    ['staging', 'non-production'],
    ['UAT', 'non-production'],
    ['product-catalog', undefined],
    ['security', undefined],
    ['Workloads', undefined],
  ])('%s → %s', (text, expected) => {
    expect(environmentOf(text)).toBe(expected);
  });
});

describe('accountEnvironmentSignals', () => {
  it('reads the tag, the deepest OU that names an environment, and the name', () => {
    const account = accountSchema.parse({
      id: '111111111111',
      name: 'shop-dev',
      ouPath: ['Workloads', 'Prod', 'Payments'],
      tags: { Environment: 'production' },
    });
    expect(accountEnvironmentSignals(account)).toEqual([
      { kind: 'production', source: 'tag Environment=production' },
      { kind: 'production', source: 'OU Workloads/Prod/Payments' },
      { kind: 'non-production', source: 'name shop-dev' },
    ]);
  });
});

describe('policyTargetsGoverning', () => {
  const org = organizationSchema.parse(
    organization({
      organizationalUnits: [
        { id: 'ou-workloads', arn: 'a', name: 'Workloads', parentId: 'r-root' },
        { id: 'ou-prod', arn: 'b', name: 'Prod', parentId: 'ou-workloads' },
      ],
    }),
  );
  const account = accountSchema.parse({ id: '111111111111', name: 'shop-prod', parentId: 'ou-prod' });

  it('walks from the account through every OU to the root', () => {
    expect(policyTargetsGoverning(org, account)).toEqual([
      '111111111111',
      'ou-prod',
      'ou-workloads',
      'r-root',
    ]);
  });

  it('stops on a parent cycle instead of looping', () => {
    const cyclic = { ...org, organizationalUnits: [{ id: 'ou-a', arn: 'a', name: 'A', parentId: 'ou-a' }] };
    expect(policyTargetsGoverning(cyclic, { ...account, parentId: 'ou-a' })).toEqual([
      '111111111111',
      'ou-a',
      'r-root',
    ]);
  });

  it.each([
    ['a customer SCP on a parent OU governs', { awsManaged: false, targets: ['ou-workloads'] }, 1],
    ['an AWS-managed policy does not count', { awsManaged: true, targets: ['r-root'] }, 0],
    ['a policy on a sibling OU does not govern', { awsManaged: false, targets: ['ou-dev'] }, 0],
    ['a tag policy is not a guardrail', { awsManaged: false, targets: ['r-root'], type: 'TAG_POLICY' }, 0],
  ])('%s', (_name, policy, expected) => {
    const withPolicy = {
      ...org,
      policies: [{ id: 'p-1', arn: 'p', name: 'p', type: 'SERVICE_CONTROL_POLICY', ...policy }],
    };
    expect(customScpsGoverning(withPolicy, account)).toHaveLength(expected);
  });
});

describe('daysSince', () => {
  it.each([
    ['2026-11-01T09:00:00.000Z', 0],
    ['2026-10-31T09:00:00.000Z', 1],
    ['2026-10-31T09:00:01.000Z', 0],
    ['2026-08-03T09:00:00.000Z', 90],
  ])('%s → %i days before the snapshot', (timestamp, days) => {
    expect(daysSince(timestamp, new Date('2026-11-01T09:00:00.000Z'))).toBe(days);
  });
});
