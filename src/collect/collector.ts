import pLimit from 'p-limit';
import type { InventoryInput, INVENTORY_SERVICES } from '../inventory/schema.ts';
import type { SdkClient, SdkClientConstructor } from '../aws/clients.ts';

export type ServiceName = (typeof INVENTORY_SERVICES)[number];
export type PartKey<S extends ServiceName> = keyof InventoryInput[S] & string;
type ElementOf<T> = T extends readonly (infer E)[] ? E : T extends (infer E)[] | undefined ? E : never;
export type PartItem<S extends ServiceName, K extends PartKey<S>> = ElementOf<InventoryInput[S][K]>;

/**
 * Where a part is read: once per account and region, once per account (global services such as IAM
 * and S3), with `region` of resources then `global`.
 */
export type CollectorScope = 'regional' | 'account';

/** What a collector is handed: the account and region it reads, and clients bound to them. */
export interface CollectContext {
  accountId: string;
  /** Region the resources belong to; `global` for account-scoped parts. */
  region: string;
  /** Region the API calls go to (the resources' region, or the home region for global services). */
  apiRegion: string;
  partition: string;
  client<C extends SdkClient>(Client: SdkClientConstructor<C>, region?: string): C;
  /**
   * Records a gap for part of what this collector reads (one bucket, one datum of every item) and lets it
   * go on with the rest. A collector that throws instead loses the part for its account and region.
   */
  reportGap(error: unknown, where?: GapScope): void;
  /**
   * The result of `read`, run once per account, region and `key` however many collectors ask (two parts
   * built from one list call, e.g. DB instances for instances and for cluster members).
   */
  shared<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/** What a gap concerns; each field left out widens it (the task's region, every resource, every datum). */
export interface GapScope {
  region?: string;
  /** ARN of the one resource whose data could not be read. */
  resource?: string;
  /** `part.field` of the one datum that could not be read, e.g. `s3.buckets.tlsOnlyPolicy`. */
  attribute?: string;
}

/** A collector fills one inventory part and declares the IAM actions it calls. */
export interface PartCollector {
  service: ServiceName;
  key: string;
  /** `service.key`, the name checks use in `needs`. */
  part: string;
  scope: CollectorScope;
  /** IAM actions of every API operation `collect` may send, e.g. `ec2:DescribeInstances`. */
  actions: readonly string[];
  collect(context: CollectContext): Promise<unknown[]>;
}

/** Typed constructor for a collector: the compiler checks the items against the snapshot schema. */
export function partCollector<S extends ServiceName, K extends PartKey<S>>(
  service: S,
  key: K,
  definition: {
    scope: CollectorScope;
    actions: readonly string[];
    collect: (context: CollectContext) => Promise<PartItem<S, K>[]>;
  },
): PartCollector {
  return { service, key, part: `${service}.${key}`, ...definition };
}

/** The fields every resource carries. */
export function base(context: CollectContext, arn: string, name = '') {
  return { arn, accountId: context.accountId, region: context.region, name };
}

/** `[{Key, Value}]` as AWS returns tags → `{key: value}`. */
export function tagMap(
  tags: readonly { Key?: string; Value?: string }[] | undefined,
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) map[tag.Key] = tag.Value ?? '';
  return map;
}

export function isoOrNull(date: Date | undefined | null): string | null {
  return date ? date.toISOString() : null;
}

export function isoOrUndefined(date: Date | undefined | null): string | undefined {
  return date ? date.toISOString() : undefined;
}

/** Drains an SDK paginator into one list. */
export async function collectPages<P, T>(
  pages: AsyncIterable<P>,
  items: (page: P) => readonly T[] | undefined,
) {
  const all: T[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}

/** Calls per resource one task starts at a time: a few more than an account and region may have in flight. */
const PER_RESOURCE_CALLS_IN_FLIGHT = 16;

/**
 * Runs `map` over `items`, a few at a time: a call per resource over a list of any length never means
 * thousands of pending requests (memory), and the client factory's limits pace what is in flight.
 */
export function mapConcurrently<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(PER_RESOURCE_CALLS_IN_FLIGHT);
  return Promise.all(items.map((item) => limit(() => map(item))));
}
