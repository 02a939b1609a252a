import type { CoverageGap } from '../inventory/schema.ts';

export type GapReason = CoverageGap['reason'];

/** Error codes by the coverage reason they mean; AWS spells the same thing differently per service. */
const REASONS_BY_CODE: Record<string, GapReason> = {
  AccessDenied: 'access-denied',
  AccessDeniedException: 'access-denied',
  UnauthorizedOperation: 'access-denied',
  UnauthorizedAccess: 'access-denied',
  AuthorizationError: 'access-denied',
  Throttling: 'throttled',
  ThrottlingException: 'throttled',
  ThrottledException: 'throttled',
  RequestLimitExceeded: 'throttled',
  RequestThrottled: 'throttled',
  RequestThrottledException: 'throttled',
  TooManyRequestsException: 'throttled',
  SlowDown: 'throttled',
  OptInRequired: 'opt-in-required',
  // EC2 answers AuthFailure (and STS-signed services InvalidClientTokenId) in a region the account
  // has not opted into: https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
  AuthFailure: 'opt-in-required',
  InvalidClientTokenId: 'opt-in-required',
  UnrecognizedClientException: 'opt-in-required',
  RequestTimeout: 'timeout',
  RequestTimeoutException: 'timeout',
  TimeoutError: 'timeout',
};

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNRESET', 'ABORT_ERR']);

export interface ClassifiedError {
  reason: GapReason;
  code: string;
  message: string;
  /** IAM action of the failed call, when the client factory made it. */
  operation?: string;
}

interface AwsLikeError {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  iamAction?: string;
}

/** Maps an SDK or network error to the coverage reason the report shows. */
export function classifyAwsError(error: unknown): ClassifiedError {
  const value = (error ?? {}) as AwsLikeError;
  const classified = classifyReason(value, error);
  return value.iamAction ? { ...classified, operation: value.iamAction } : classified;
}

function classifyReason(value: AwsLikeError, error: unknown): ClassifiedError {
  const code = value.Code ?? value.name ?? value.code ?? 'Error';
  const message = (value.message ?? String(error)).split('\n')[0] ?? '';
  const byCode = REASONS_BY_CODE[code] ?? (value.code ? REASONS_BY_CODE[value.code] : undefined);
  if (byCode) return { reason: byCode, code, message };
  if (value.code && TIMEOUT_CODES.has(value.code)) return { reason: 'timeout', code: value.code, message };
  if (/throttl|rate exceeded/i.test(code)) return { reason: 'throttled', code, message };
  if (value.$metadata?.httpStatusCode === 403) return { reason: 'access-denied', code, message };
  return { reason: 'error', code, message };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
]);

/**
 * The environment failed rather than the request: throttling or a timeout that outlasted the SDK's retries,
 * a 5xx from AWS, or a network error. Rerunning later can succeed without changing anything.
 */
export function isEnvironmentFailure(error: unknown): boolean {
  const value = (error ?? {}) as AwsLikeError;
  if (value.code && NETWORK_CODES.has(value.code)) return true;
  if ((value.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  const { reason } = classifyAwsError(error);
  return reason === 'throttled' || reason === 'timeout';
}

/** An error code that means "nothing configured" rather than a failure, e.g. NoSuchBucketPolicy. */
export function hasErrorCode(error: unknown, codes: readonly string[]): boolean {
  const value = (error ?? {}) as AwsLikeError;
  return (
    codes.includes(value.name ?? '') || codes.includes(value.Code ?? '') || codes.includes(value.code ?? '')
  );
}

/** Resolves to `fallback` when the call fails with one of `codes`; other errors pass through. */
export async function orWhenMissing<T, F>(
  call: Promise<T>,
  codes: readonly string[],
  fallback: F,
): Promise<T | F> {
  try {
    return await call;
  } catch (error) {
    if (hasErrorCode(error, codes)) return fallback;
    throw error;
  }
}
