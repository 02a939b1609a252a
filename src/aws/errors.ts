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
  /** HTTP status of the answer, when there was one. */
  httpStatus?: number;
}

interface AwsLikeError {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  /** The raw answer, which the SDK attaches when it could not read it. */
  $response?: { statusCode?: number };
  iamAction?: string;
  /** `KMS ListKeys`: the client and operation, attached by the client factory. */
  apiCall?: string;
}

/** Codes and messages of an operation the endpoint does not offer: asking again will not help. */
const NOT_IMPLEMENTED = /not ?implemented|unknownoperation|invalidaction/i;

/** Maps an SDK or network error to the coverage reason the report shows. */
export function classifyAwsError(error: unknown): ClassifiedError {
  const value = (error ?? {}) as AwsLikeError;
  const httpStatus = value.$metadata?.httpStatusCode ?? value.$response?.statusCode;
  const classified = classifyReason(value, error, httpStatus);
  return {
    ...classified,
    ...(value.iamAction ? { operation: value.iamAction } : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
  };
}

/**
 * An answer the SDK could not read (an HTML error page from a proxy, an emulator's plain text) surfaces as
 * the parser's complaint; the status and the call are what tell the user something.
 */
function unreadableAnswer(value: AwsLikeError, httpStatus: number | undefined): string | undefined {
  if (httpStatus === undefined || httpStatus < 400) return undefined;
  const unread =
    value.name === 'SyntaxError' ||
    value.name === 'Unknown' ||
    value.name === 'UnknownError' ||
    /^(Unknown|UnknownError|Deserialization error)/.test(value.message ?? '');
  return unread ? `HTTP ${httpStatus} from ${value.apiCall ?? 'the service'}` : undefined;
}

function classifyReason(
  value: AwsLikeError,
  error: unknown,
  httpStatus: number | undefined,
): ClassifiedError {
  const code = value.Code ?? value.name ?? value.code ?? 'Error';
  const message =
    unreadableAnswer(value, httpStatus) ?? (value.message ?? String(error)).split('\n')[0] ?? '';
  const byCode = REASONS_BY_CODE[code] ?? (value.code ? REASONS_BY_CODE[value.code] : undefined);
  if (byCode) return { reason: byCode, code, message };
  if (value.code && TIMEOUT_CODES.has(value.code)) return { reason: 'timeout', code: value.code, message };
  if (/throttl|rate exceeded/i.test(code)) return { reason: 'throttled', code, message };
  if (httpStatus === 403) return { reason: 'access-denied', code, message };
  return { reason: 'error', code, message };
}

/**
 * Answers that will be the same however often the call is repeated: a denied permission, a region not
 * enabled, an operation the endpoint does not implement (501, or "not implemented" under any status).
 */
export function isPermanentFailure(error: unknown): boolean {
  const value = (error ?? {}) as AwsLikeError;
  const { reason, code, httpStatus } = classifyAwsError(error);
  return (
    reason === 'access-denied' ||
    reason === 'opt-in-required' ||
    httpStatus === 501 ||
    NOT_IMPLEMENTED.test(code) ||
    NOT_IMPLEMENTED.test(value.message ?? '')
  );
}

/** What the user can do about a failed read, for the report and the terminal. */
export function gapHint(classified: ClassifiedError, permanent: boolean): string {
  const action = classified.operation ?? 'the read action';
  switch (classified.reason) {
    case 'access-denied':
      return `Allow ${action} to the reviewing identity (see \`wareview iam-policy\`); check SCPs and resource policies that deny it.`;
    case 'opt-in-required':
    case 'region-disabled':
      return 'Enable the region for the account, or leave it out with --regions.';
    case 'throttled':
      return 'Run again with a lower --concurrency, or when the account is less busy.';
    case 'timeout':
      return 'Check the network path to the endpoint, or raise --request-timeout.';
    case 'assume-role-failed':
      return 'Create the review role in the account with a trust policy for the reviewing identity, or leave the account out with --accounts.';
    default:
      return permanent
        ? `The endpoint does not offer ${action}; this datum cannot be reviewed there.`
        : 'The service failed to answer; run the review again later.';
  }
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

/** Nothing answered: the connection was refused, reset or timed out, or the host is unknown. */
export function isNetworkFailure(error: unknown): boolean {
  const { code } = (error ?? {}) as AwsLikeError;
  return code !== undefined && NETWORK_CODES.has(code);
}

/**
 * The environment failed rather than the request: throttling or a timeout that outlasted the SDK's retries,
 * a 5xx from AWS, or a network error. Rerunning later can succeed without changing anything.
 */
export function isEnvironmentFailure(error: unknown): boolean {
  const value = (error ?? {}) as AwsLikeError;
  if (isNetworkFailure(error)) return true;
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
