import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryToken, StandardRetryToken } from '@smithy/types';
import { isPermanentFailure } from './errors.ts';

/**
 * The SDK's adaptive retry (token bucket, backoff, client-side rate), except for answers that will not
 * change: a denied permission, a region not enabled, an operation the endpoint does not implement. The SDK
 * retries some of those (a 500 "not implemented" from an emulator, clock-skew codes), which only delays the
 * gap and spends the retry budget other calls need.
 */
export class ReviewRetryStrategy extends AdaptiveRetryStrategy {
  constructor(maxAttempts: number) {
    super(async () => maxAttempts);
  }

  override async refreshRetryTokenForRetry(
    token: StandardRetryToken,
    errorInfo: RetryErrorInfo,
  ): Promise<RetryToken> {
    if (isPermanentFailure(errorInfo.error)) throw errorInfo.error;
    return super.refreshRetryTokenForRetry(token, errorInfo);
  }
}
