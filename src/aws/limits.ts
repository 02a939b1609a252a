import pLimit, { type LimitFunction } from 'p-limit';

export interface ConcurrencyOptions {
  /** Requests in flight across the whole run. */
  global: number;
  /** Requests in flight for one account and region (one API rate-limit bucket). */
  perAccountRegion: number;
}

export const DEFAULT_CONCURRENCY: ConcurrencyOptions = { global: 48, perAccountRegion: 8 };

/**
 * Admission of every API request: first a slot in its account and region, then a global slot, so a
 * request that waits for its own account never holds a global slot another account could use.
 */
export class ConcurrencyLimits {
  readonly options: ConcurrencyOptions;
  private readonly global: LimitFunction;
  private readonly scoped = new Map<string, LimitFunction>();

  constructor(options: ConcurrencyOptions = DEFAULT_CONCURRENCY) {
    this.options = options;
    this.global = pLimit(options.global);
  }

  run<T>(accountId: string, region: string, request: () => Promise<T>): Promise<T> {
    return this.inAccountRegion(accountId, region, () => this.inGlobal(request));
  }

  /** A slot of the account and region alone: held across a call's retries, which share its rate limit. */
  inAccountRegion<T>(accountId: string, region: string, request: () => Promise<T>): Promise<T> {
    const key = `${accountId}/${region}`;
    let limit = this.scoped.get(key);
    if (!limit) {
      limit = pLimit(this.options.perAccountRegion);
      this.scoped.set(key, limit);
    }
    return limit(request);
  }

  /** A global slot alone: one attempt on the wire. */
  inGlobal<T>(request: () => Promise<T>): Promise<T> {
    return this.global(request);
  }
}
