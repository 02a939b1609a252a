import { DEFAULT_CONCURRENCY, type ConcurrencyOptions } from '../aws/limits.ts';
import type { Shard } from '../shard/shard.ts';

/** What `collectInventory` reads and how. The CLI builds it from the shared collection flags. */
export interface CollectOptions {
  /** Workload name the snapshot is collected for. */
  workload: string;
  /** Named profile of the shared config files; otherwise the SDK's default chain decides. */
  profile?: string;
  /** Regions to read; empty or absent means every region enabled for the account (DescribeRegions). */
  regions?: string[];
  /** Account ids or names as globs; a leading `!` excludes. Empty means all. */
  accounts?: string[];
  /** Discover the member accounts through AWS Organizations and assume a role in each. */
  org?: boolean;
  roleName?: string;
  externalId?: string;
  sessionName?: string;
  /** Seconds an assumed-role session lasts before it is refreshed. */
  sessionDuration?: number;
  /** Inventory parts to fill, as checks name them (`rds.instances`); absent means every part. */
  needs?: string[];
  concurrency?: Partial<ConcurrencyOptions>;
  /** Attempts per API call for the adaptive retry, the first included. */
  maxAttempts?: number;
  /** Milliseconds one attempt may take before it is abandoned (and retried). */
  requestTimeoutMs?: number;
  /** Region for global services (IAM, Organizations, STS) and discovery; default AWS_REGION or us-east-1. */
  homeRegion?: string;
  /** Read only this shard's share of the accounts in scope (with `org`), into a partial snapshot. */
  shard?: Shard;
}

export const DEFAULT_ROLE_NAME = 'OrganizationAccountAccessRole';
export const DEFAULT_SESSION_NAME = 'wareview-review';
export const DEFAULT_SESSION_DURATION_SECONDS = 3600;
export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export type ResolvedCollectOptions = Required<
  Omit<CollectOptions, 'profile' | 'externalId' | 'needs' | 'concurrency' | 'shard'>
> &
  Pick<CollectOptions, 'profile' | 'externalId' | 'needs' | 'shard'> & { concurrency: ConcurrencyOptions };

export function resolveCollectOptions(options: CollectOptions): ResolvedCollectOptions {
  return {
    ...options,
    regions: options.regions ?? [],
    accounts: options.accounts ?? [],
    org: options.org ?? false,
    roleName: options.roleName ?? DEFAULT_ROLE_NAME,
    sessionName: options.sessionName ?? DEFAULT_SESSION_NAME,
    sessionDuration: options.sessionDuration ?? DEFAULT_SESSION_DURATION_SECONDS,
    concurrency: { ...DEFAULT_CONCURRENCY, ...options.concurrency },
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    homeRegion: options.homeRegion ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
  };
}
