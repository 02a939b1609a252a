import type { Account } from '../../src/inventory/schema.ts';

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
