import { notApplicable, type CheckOutcome, type ResourceRef } from '../../src/engine/check.ts';
import type { Account, Inventory } from '../../src/inventory/schema.ts';
import { nameWords } from './_words.ts';

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
  const ouKind = ouEnvironment(account.ouPath);
  if (ouKind) {
    return { production: ouKind === 'production', because: `${label} is in OU ${account.ouPath.join('/')}` };
  }
  const nameKind = environmentOf(account.name);
  if (nameKind) return { production: nameKind === 'production', because: `${label} is named as ${nameKind}` };
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
/** `NonProd`, `non-prod`, `pre_prd`, `preproduction`: a production word behind one of these is not production. */
const NOT_YET_PRODUCTION = /^(non|pre)(.+)$/;

/**
 * The words of a name with `non`/`pre` joined to the production word they qualify (`NonProd` gives
 * `nonprod`). `DevOps` stays one word, so it names no environment.
 */
export function environmentWords(text: string): string[] {
  const words = nameWords(text.replace(/dev(sec)?ops/gi, (compound) => compound.toLowerCase()));
  return words.reduce<string[]>((joined, word) => {
    const previous = joined.at(-1);
    if ((previous === 'non' || previous === 'pre') && PRODUCTION_WORDS.has(word)) {
      joined[joined.length - 1] = previous + word;
    } else joined.push(word);
    return joined;
  }, []);
}

function wordKind(word: string): EnvironmentKind | undefined {
  const prefixed = NOT_YET_PRODUCTION.exec(word);
  if (NON_PRODUCTION_WORDS.has(word) || (prefixed?.[2] && PRODUCTION_WORDS.has(prefixed[2]))) {
    return 'non-production';
  }
  return PRODUCTION_WORDS.has(word) ? 'production' : undefined;
}

/** Whole words decide, so `NonProd` is not production and `product-catalog` names no environment. */
export function environmentOf(text: string): EnvironmentKind | undefined {
  const kinds = environmentWords(text).map(wordKind);
  if (kinds.includes('non-production')) return 'non-production';
  return kinds.includes('production') ? 'production' : undefined;
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
  const ouKind = ouEnvironment(account.ouPath);
  if (ouKind) signals.push({ kind: ouKind, source: `OU ${account.ouPath.join('/')}` });
  const nameKind = environmentOf(account.name);
  if (nameKind) signals.push({ kind: nameKind, source: `name ${account.name}` });
  return signals;
}

/** The environment the deepest OU naming one says: `Workloads/Prod/Payments` is production. */
function ouEnvironment(ouPath: readonly string[]): EnvironmentKind | undefined {
  return ouPath
    .map(environmentOf)
    .filter((kind) => kind !== undefined)
    .at(-1);
}
