import { describe, expect, it } from 'vitest';
import { environmentOf, looksProduction, resourceEnvironment } from '../../checks/_lib/_environment.ts';
import { inventorySchema } from '../../src/inventory/schema.ts';
import { ACCOUNT, baseInventory } from './kit.ts';

describe('looksProduction', () => {
  it.each([
    ['shop-prod', true],
    ['Prod', true],
    ['Production', true],
    ['payments_prd_eu', true],
    ['NonProd', false],
    ['non-prod', false],
    ['pre-prod', false],
    ['product-catalog', false],
    ['Workloads', false],
  ])('%s → %s', (name, expected) => {
    expect(looksProduction(name)).toBe(expected);
  });
});

describe('environmentOf reads every common spelling and abbreviation', () => {
  it.each([
    ['ScaleProd', 'production'],
    ['ScaleNonProd', 'non-production'],
    ['SCALE-NONPROD', 'non-production'],
    ['scale_non_prod', 'non-production'],
    ['scale non prod', 'non-production'],
    ['Non-Production', 'non-production'],
    ['nonprd', 'non-production'],
    ['PreProd', 'non-production'],
    ['pre_production', 'non-production'],
    ['payments-prd', 'production'],
    ['PaymentsProduction', 'production'],
    ['prod', 'production'],
    ['PRD01', 'production'],
    ['Prod2', 'production'],
    ['shopStg', 'non-production'],
    ['Staging', 'non-production'],
    ['team-dev', 'non-production'],
    ['IntegrationTest', 'non-production'],
    ['qa', 'non-production'],
    ['UAT', 'non-production'],
    ['Sandbox', 'non-production'],
    ['ProductCatalog', undefined],
    ['product-catalog', undefined],
    ['DevOps', undefined],
    ['PlatformDevSecOps', undefined],
    ['Security', undefined],
    ['Produce', undefined],
  ])('%s → %s', (name, expected) => {
    expect(environmentOf(name)).toBe(expected);
  });
});

describe('resourceEnvironment', () => {
  const account = { tags: {} as Record<string, string>, ouPath: [] as string[], name: 'workload' };
  it.each([
    [
      'a resource tag decides first',
      { env: 'prod' },
      { ...account, ouPath: ['NonProd'] },
      true,
      'tagged env=prod',
    ],
    [
      'a non-production resource tag wins over a production account',
      { Environment: 'dev' },
      { ...account, name: 'shop-prod' },
      false,
      'tagged Environment=dev',
    ],
    [
      'the account tag comes next',
      {},
      { ...account, tags: { environment: 'production' } },
      true,
      'account workload is tagged environment=production',
    ],
    [
      'a compound production tag value counts',
      { environment: 'prod-eu' },
      account,
      true,
      'tagged environment=prod-eu',
    ],
    [
      'a non-production compound value does not',
      { environment: 'non-prod' },
      account,
      false,
      'tagged environment=non-prod',
    ],
    ['then the OU path', {}, { ...account, ouPath: ['Workloads', 'Prod'] }, true, 'in OU Workloads/Prod'],
    ['a camelCase OU counts', {}, { ...account, ouPath: ['ScaleProd'] }, true, 'in OU ScaleProd'],
    [
      'a non-production OU decides before a production-looking name',
      {},
      { ...account, ouPath: ['ScaleNonProd'], name: 'shop-prod' },
      false,
      'in OU ScaleNonProd',
    ],
    ['then the account name', {}, { ...account, name: 'shop-prod' }, true, 'named as production'],
    ['no signal is not production', {}, account, false, 'no production tag, OU or name'],
  ])('%s', (_name, resourceTags, accountFields, production, because) => {
    const input = baseInventory();
    input.accounts = [{ id: ACCOUNT, ...accountFields }];
    const inventory = inventorySchema.parse(input);
    const verdict = resourceEnvironment(inventory, { accountId: ACCOUNT, tags: resourceTags });
    expect(verdict.production).toBe(production);
    expect(verdict.because).toContain(because);
  });
});
