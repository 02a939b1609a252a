import { notApplicable, type CheckOutcome, type ResourceRef } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';

/**
 * Is a resource production? Judged, in order, from the resource's own environment tag, the account's
 * environment tag, the account's OU path and the account's name. The first signal found decides, so a
 * resource tagged `environment=dev` in a production account counts as non-production.
 * (Helper module: the leading underscore keeps the check loader from reading it as a check.)
 */
export interface EnvironmentVerdict {
  production: boolean;
  /** The signal that decided, for evidence text: "tagged environment=production". */
  because: string;
}

const ENVIRONMENT_TAG_KEYS = ['environment', 'env', 'stage'];
const PRODUCTION_TAG_VALUES = new Set(['production', 'prod', 'prd', 'live']);
const NON_PRODUCTION_NAME = /(^|[^a-z0-9])(non|pre)[-_ ]?prod/;
const PRODUCTION_NAME = /(^|[^a-z0-9])(prod|production|prd)([^a-z0-9]|$)/;

/** `shop-prod`, `Prod`, `Production` look production; `NonProd`, `pre-prod`, `product-catalog` do not. */
export function looksProduction(name: string): boolean {
  const lower = name.toLowerCase();
  return !NON_PRODUCTION_NAME.test(lower) && PRODUCTION_NAME.test(lower);
}

function environmentTag(tags: Record<string, string>): { key: string; value: string } | undefined {
  const key = Object.keys(tags).find((candidate) => ENVIRONMENT_TAG_KEYS.includes(candidate.toLowerCase()));
  return key === undefined ? undefined : { key, value: tags[key] ?? '' };
}

function fromTag(tag: { key: string; value: string }, owner: string): EnvironmentVerdict {
  return {
    production: PRODUCTION_TAG_VALUES.has(tag.value.trim().toLowerCase()) || looksProduction(tag.value),
    because: `${owner}tagged ${tag.key}=${tag.value}`,
  };
}

export function accountEnvironment(inventory: Inventory, accountId: string): EnvironmentVerdict {
  const account = inventory.accounts.find((candidate) => candidate.id === accountId);
  if (!account)
    return { production: false, because: `account ${accountId} is not described in the inventory` };
  const label = `account ${account.name || account.id}`;
  const tag = environmentTag(account.tags);
  if (tag) return fromTag(tag, `${label} is `);
  if (account.ouPath.some(looksProduction)) {
    return { production: true, because: `${label} is in OU ${account.ouPath.join('/')}` };
  }
  if (looksProduction(account.name)) return { production: true, because: `${label} is named as production` };
  return { production: false, because: `${label} has no production tag, OU or name` };
}

export function resourceEnvironment(
  inventory: Inventory,
  resource: { accountId: string; tags?: Record<string, string> },
): EnvironmentVerdict {
  const tag = environmentTag(resource.tags ?? {});
  return tag ? fromTag(tag, '') : accountEnvironment(inventory, resource.accountId);
}

/**
 * For checks that judge production only: runs `judge` with the reason the resource counts as production,
 * or returns a not-applicable outcome that says why it does not.
 */
export function judgeProduction(
  inventory: Inventory,
  resource: ResourceRef & { tags?: Record<string, string> },
  label: string,
  judge: (because: string) => CheckOutcome,
): CheckOutcome {
  const environment = resourceEnvironment(inventory, resource);
  return environment.production
    ? judge(environment.because)
    : notApplicable(resource, `${label} is not production: ${environment.because}`);
}
