import { describe, expect, it } from 'vitest';
import {
  classifyAwsError,
  isEnvironmentFailure,
  isPermanentFailure,
  orWhenMissing,
} from '../../src/aws/errors.ts';

function sdkError(name: string, status = 400, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(`${name} happened`), {
    name,
    $metadata: { httpStatusCode: status },
    ...extra,
  });
}

describe('classifyAwsError', () => {
  it.each([
    { error: sdkError('AccessDenied', 403), reason: 'access-denied' },
    { error: sdkError('AccessDeniedException'), reason: 'access-denied' },
    { error: sdkError('UnauthorizedOperation', 403), reason: 'access-denied' },
    { error: sdkError('SomethingForbidden', 403), reason: 'access-denied' },
    { error: sdkError('Throttling'), reason: 'throttled' },
    { error: sdkError('ThrottlingException'), reason: 'throttled' },
    { error: sdkError('RequestLimitExceeded', 503), reason: 'throttled' },
    { error: sdkError('TooManyRequestsException', 429), reason: 'throttled' },
    { error: sdkError('SlowDown', 503), reason: 'throttled' },
    { error: sdkError('OptInRequired', 401), reason: 'opt-in-required' },
    { error: sdkError('AuthFailure', 401), reason: 'opt-in-required' },
    { error: sdkError('TimeoutError', 0), reason: 'timeout' },
    { error: Object.assign(new Error('socket hang up'), { code: 'ETIMEDOUT' }), reason: 'timeout' },
    { error: sdkError('InternalFailure', 500), reason: 'error' },
    { error: 'a string', reason: 'error' },
  ])('$error.name → $reason', ({ error, reason }) => {
    expect(classifyAwsError(error).reason).toBe(reason);
  });

  it('keeps the IAM action the client factory attached and the first line of the message', () => {
    const error = sdkError('AccessDenied', 403, {
      iamAction: 'rds:DescribeDBInstances',
      message: 'denied\nstack',
    });
    expect(classifyAwsError(error)).toEqual({
      reason: 'access-denied',
      code: 'AccessDenied',
      message: 'denied',
      operation: 'rds:DescribeDBInstances',
      httpStatus: 403,
    });
  });
});

describe('isPermanentFailure', () => {
  it.each([
    { error: sdkError('AccessDenied', 403), permanent: true },
    { error: sdkError('AuthFailure', 401), permanent: true },
    { error: sdkError('NotImplemented', 501), permanent: true },
    {
      error: sdkError('InternalFailure', 500, { message: 'GetEbsDefaultKmsKeyId is not implemented yet' }),
      permanent: true,
    },
    { error: sdkError('InternalFailure', 500), permanent: false },
    { error: sdkError('Throttling'), permanent: false },
  ])('$error.name ($error.message) → $permanent', ({ error, permanent }) => {
    expect(isPermanentFailure(error)).toBe(permanent);
  });
});

describe('orWhenMissing', () => {
  it.each([
    { name: 'NoSuchBucketPolicy', result: 'fallback' },
    { name: 'AccessDenied', result: 'thrown' },
  ])('$name → $result', async ({ name, result }) => {
    const outcome = await orWhenMissing(
      Promise.reject(sdkError(name)),
      ['NoSuchBucketPolicy'],
      'fallback',
    ).catch(() => 'thrown');
    expect(outcome).toBe(result);
  });
});

describe('isEnvironmentFailure', () => {
  it.each([
    { error: sdkError('ThrottlingException', 429), environment: true },
    { error: sdkError('InternalFailure', 500), environment: true },
    { error: sdkError('ServiceUnavailable', 503), environment: true },
    { error: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), environment: true },
    { error: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), environment: true },
    { error: sdkError('AccessDeniedException', 403), environment: false },
    { error: sdkError('ValidationException', 400), environment: false },
    { error: new Error('Region is missing'), environment: false },
  ])('$error.message → $environment', ({ error, environment }) => {
    expect(isEnvironmentFailure(error)).toBe(environment);
  });
});
