import { describe, expect, it } from 'vitest';
import { memoiseCredentials, roleArn } from '../../src/aws/credentials.ts';

const MINUTE = 60_000;

function countingProvider(expiresInMs: number | undefined, clock: { now: number }) {
  let calls = 0;
  const provider = async () => {
    calls += 1;
    return {
      accessKeyId: `ASIA${calls}`,
      secretAccessKey: 'secret',
      ...(expiresInMs === undefined ? {} : { expiration: new Date(clock.now + expiresInMs) }),
    };
  };
  return { provider, calls: () => calls };
}

describe('memoiseCredentials', () => {
  it.each([
    { title: 'reused while far from expiry', expiresIn: 60 * MINUTE, advance: 30 * MINUTE, calls: 1 },
    { title: 'refreshed five minutes before expiry', expiresIn: 60 * MINUTE, advance: 56 * MINUTE, calls: 2 },
    { title: 'refreshed after expiry', expiresIn: 60 * MINUTE, advance: 61 * MINUTE, calls: 2 },
    { title: 'kept for good without an expiry', expiresIn: undefined, advance: 600 * MINUTE, calls: 1 },
  ])('$title', async ({ expiresIn, advance, calls }) => {
    const clock = { now: Date.parse('2026-11-01T09:00:00Z') };
    const source = countingProvider(expiresIn, clock);
    const memoised = memoiseCredentials(source.provider, () => clock.now);
    await memoised();
    clock.now += advance;
    await memoised();
    expect(source.calls()).toBe(calls);
  });

  it('shares one pending request between concurrent callers, and retries after a failure', async () => {
    let calls = 0;
    const memoised = memoiseCredentials(async () => {
      calls += 1;
      if (calls === 1) throw new Error('AccessDenied');
      return { accessKeyId: 'ASIA', secretAccessKey: 's' };
    });
    const first = await Promise.allSettled([memoised(), memoised(), memoised()]);
    expect(first.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await Promise.all([memoised(), memoised()]);
    expect(calls).toBe(2);
  });
});

describe('roleArn', () => {
  it.each([
    {
      account: '222222222222',
      role: 'OrganizationAccountAccessRole',
      partition: 'aws',
      arn: 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole',
    },
    {
      account: '222222222222',
      role: 'audit/ReadOnly',
      partition: 'aws-cn',
      arn: 'arn:aws-cn:iam::222222222222:role/audit/ReadOnly',
    },
  ])('$role in $partition → $arn', ({ account, role, partition, arn }) => {
    expect(roleArn(account, role, partition)).toBe(arn);
  });
});
