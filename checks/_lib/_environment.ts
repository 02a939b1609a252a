import { notApplicable, type CheckOutcome, type ResourceRef } from '../../src/engine/check.ts';
import type { Account, Inventory } from '../../src/inventory/schema.ts';

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

/** `shop-prod`, `Prod`, `Production` look production; `NonProd`, `pre-prod`, `product-catalog` do not. */
export function looksProduction(name: string): boolean {
  return environmentOf(name) === 'production';
}

function environmentTag(tags: Record<string, string>): { key: string; value: string } | undefined {
  const key = Object.keys(tags).find((candidate) => ENVIRONMENT_TAG_KEYS.has(candidate.toLowerCase()));
  return key === undefined ? undefined : { key, value: tags[key] ?? '' };
}

function fromTag(tag: { key: string; value: string }, owner: string): EnvironmentVerdict {
  return {
    production: looksProduction(tag.value),
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

/**
 * Three-way environment reading for the separation check: production, non-production, or unknown
 * (`security`, `shared`, untagged). Unlike a production/not-production verdict, it can tell a
 * development resource from one that simply names no environment.
 */
export type EnvironmentKind = 'production' | 'non-production';

/** Tag keys that name an environment, compared case-insensitively. */
const ENVIRONMENT_TAG_KEYS = new Set(['environment', 'env', 'stage']);

const PRODUCTION_WORDS = new Set(['prod', 'production', 'prd', 'live']);
const NON_PRODUCTION_WORDS = new Set([
  'nonprod',
  'nonproduction',
  'preprod',
  'dev',
  'development',
  'test',
  'testing',
  'qa',
  'uat',
  'stage',
  'staging',
  'stg',
  'sandbox',
  'sbx',
]);

/** Whole words decide, so `NonProd` is not production and `product-catalog` names no environment. */
export function environmentOf(text: string): EnvironmentKind | undefined {
  const words = text
    .toLowerCase()
    .replace(/(non|pre)[-_ ]prod/g, '$1prod')
    .split(/[^a-z0-9]+/);
  if (words.some((word) => NON_PRODUCTION_WORDS.has(word))) return 'non-production';
  if (words.some((word) => PRODUCTION_WORDS.has(word))) return 'production';
  return undefined;
}

/** The environment a resource's tags name, with the tag that named it. */
export function taggedEnvironment(
  tags: Record<string, string>,
): { kind: EnvironmentKind; tag: string } | undefined {
  for (const [key, value] of Object.entries(tags)) {
    if (!ENVIRONMENT_TAG_KEYS.has(key.toLowerCase())) continue;
    const kind = environmentOf(value);
    if (kind) return { kind, tag: `${key}=${value}` };
  }
  return undefined;
}

export interface EnvironmentSignal {
  kind: EnvironmentKind;
  /** Where the signal came from, for evidence: `tag environment=production`, `OU Workloads/Prod`. */
  source: string;
}

/** What the account's own tags, OU placement and name say about its environment. */
export function accountEnvironmentSignals(account: Account): EnvironmentSignal[] {
  const signals: EnvironmentSignal[] = [];
  const tagged = taggedEnvironment(account.tags);
  if (tagged) signals.push({ kind: tagged.kind, source: `tag ${tagged.tag}` });
  const ouKind = account.ouPath
    .map(environmentOf)
    .filter((kind) => kind !== undefined)
    .at(-1);
  if (ouKind) signals.push({ kind: ouKind, source: `OU ${account.ouPath.join('/')}` });
  const nameKind = environmentOf(account.name);
  if (nameKind) signals.push({ kind: nameKind, source: `name ${account.name}` });
  return signals;
}
