import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/inventory/schema.ts';
import { HOME, MANAGEMENT, OPT_IN, PROD } from '../aws/fake/org-estate.ts';
import { collect, startFakeAws } from './harness.ts';

const golden = JSON.parse(
  readFileSync(new URL('./fixtures/org-estate.inventory.json', import.meta.url), 'utf8'),
) as Inventory;
const ORG_GAPS = golden.coverage;

/** The golden snapshot without the resources of one part in one account and region. */
function goldenWithout(service: 'kms' | 'ec2' | 's3', key: string, accountId: string, region: string) {
  const parts = golden[service] as unknown as Record<string, { accountId: string; region: string }[]>;
  return (parts[key] ?? []).filter((item) => !(item.accountId === accountId && item.region === region));
}

describe('faults while collecting', () => {
  it('AccessDenied on one part is a coverage gap naming the action; everything else is still collected', async () => {
    await startFakeAws({
      faults: [
        { kind: 'access-denied', client: 'KMS', operation: 'ListKeys', account: MANAGEMENT, region: HOME },
      ],
    });
    const { inventory } = await collect();
    expect(inventory.coverage).toEqual(
      [
        ...ORG_GAPS,
        {
          part: 'kms.keys',
          accountId: MANAGEMENT,
          region: HOME,
          reason: 'access-denied',
          message: 'User is not authorized to perform this action',
          operation: 'kms:ListKeys',
          httpStatus: 400,
          hint: 'Allow kms:ListKeys to the reviewing identity (see `wareview iam-policy`); check SCPs and resource policies that deny it.',
        },
      ].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region)),
    );
    expect(inventory.kms.keys).toEqual(goldenWithout('kms', 'keys', MANAGEMENT, HOME));
    expect(inventory.ec2).toEqual(golden.ec2);
    expect(inventory.rds).toEqual(golden.rds);
  });

  it.each([
    { kind: 'throttle' as const, client: 'EC2', operation: 'DescribeInstances' },
    { kind: 'server-error' as const, client: 'IAM', operation: 'ListUsers' },
    { kind: 'throttle' as const, client: 'KMS', operation: 'DescribeKey' },
    { kind: 'throttle' as const, client: 'S3', operation: 'GetBucketPolicy' },
    { kind: 'server-error' as const, client: 'RDS', operation: 'DescribeDBParameters' },
  ])('$kind answers to $client $operation are retried and the data is complete', async (fault) => {
    const fake = await startFakeAws({ faults: [{ ...fault, times: 2 }] });
    const { inventory, events } = await collect();
    expect(inventory).toEqual({ ...golden, generator: inventory.generator });
    const retries = events.filter((event) => event.type === 'call' && event.call.attempt > 1);
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(
      fake.calls.filter((call) => call.client === fault.client && call.operation === fault.operation).length,
    ).toBeGreaterThan(2);
  });

  it('throttling that outlasts the retries is recorded as throttled, not as an empty list', async () => {
    await startFakeAws({
      faults: [{ kind: 'throttle', client: 'EC2', operation: 'DescribeVolumes', account: PROD }],
    });
    const { inventory } = await collect({ maxAttempts: 2, needs: ['ec2.volumes'] });
    expect(inventory.coverage.filter((gap) => gap.part === 'ec2.volumes')).toEqual([
      {
        part: 'ec2.volumes',
        accountId: PROD,
        region: HOME,
        reason: 'throttled',
        message: 'Request limit exceeded.',
        operation: 'ec2:DescribeVolumes',
        httpStatus: 503,
        hint: 'Run again with a lower --concurrency, or when the account is less busy.',
      },
    ]);
    expect(inventory.ec2.volumes.map((volume) => volume.accountId)).toEqual([MANAGEMENT, MANAGEMENT]);
  });

  it('an answer slower than the request timeout is a timeout gap', async () => {
    await startFakeAws({
      faults: [
        { kind: 'slow', delayMs: 2_000, client: 'IAM', operation: 'GetAccountSummary', account: PROD },
      ],
    });
    const { inventory } = await collect({
      maxAttempts: 1,
      requestTimeoutMs: 300,
      needs: ['iam.accountSummaries'],
    });
    const gap = inventory.coverage.find((entry) => entry.part === 'iam.accountSummaries');
    expect(gap).toMatchObject({
      accountId: PROD,
      region: '*',
      reason: 'timeout',
      operation: 'iam:GetAccountSummary',
    });
    expect(inventory.iam.accountSummaries.map((summary) => summary.accountId)).toEqual([MANAGEMENT]);
  });

  it('a region that rejects the credentials although listed as enabled is recorded as opt-in-required', async () => {
    await startFakeAws({
      faults: [
        {
          kind: 'opt-in-required',
          client: 'EC2',
          account: MANAGEMENT,
          region: OPT_IN,
          operation: 'DescribeInstances',
        },
      ],
    });
    const { inventory } = await collect({ needs: ['ec2.instances'] });
    expect(inventory.coverage.filter((gap) => gap.part === 'ec2.instances')).toEqual([
      {
        part: 'ec2.instances',
        accountId: MANAGEMENT,
        region: OPT_IN,
        reason: 'opt-in-required',
        message: 'AWS was not able to validate the provided access credentials',
        operation: 'ec2:DescribeInstances',
        httpStatus: 401,
        hint: 'Enable the region for the account, or leave it out with --regions.',
      },
    ]);
    expect(inventory.ec2.instances).toEqual(goldenWithout('ec2', 'instances', MANAGEMENT, OPT_IN));
  });
});
