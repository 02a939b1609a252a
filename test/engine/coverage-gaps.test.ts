import { describe, expect, it } from 'vitest';
import { pass, type Check } from '../../src/engine/check.ts';
import { isKnownNeed } from '../../src/engine/coverage.ts';
import { runCheck } from '../../src/engine/evaluate.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import { emptyInventory, inventorySchema, type CoverageGap } from '../../src/inventory/schema.ts';

const ACCOUNT = '222222222222';
const bucketArn = (name: string) => `arn:aws:s3:::${name}`;

function bucketCheck(needs: string[]): Check {
  return {
    id: 's3-anything',
    title: 'A check that reads buckets',
    area: 'encryption',
    pillar: 'security',
    severity: 'high',
    needs,
    wellArchitected: [
      { question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' },
    ],
    remediation: { summary: 'fix', steps: ['fix'], effort: 'low', downtime: false, extraCost: false },
    evaluate: (inventory) => inventory.s3.buckets.map((bucket) => pass(bucket)),
  };
}

function inventoryWithGap(gap: CoverageGap) {
  const input = emptyInventory('gaps', '2026-11-01T09:00:00.000Z');
  input.coverage = [gap];
  input.s3.buckets = ['logs', 'site'].map((name) => ({
    arn: bucketArn(name),
    accountId: ACCOUNT,
    region: 'global',
    name,
    encryption: null,
    publicAccessBlock: null,
    tlsOnlyPolicy: false,
  }));
  return inventorySchema.parse(input);
}

const policyDenied: CoverageGap = {
  part: 's3.buckets',
  accountId: ACCOUNT,
  region: 'eu-west-1',
  reason: 'access-denied',
  message: 'Access Denied',
  operation: 's3:GetBucketPolicy',
  resource: bucketArn('site'),
  attribute: 's3.buckets.tlsOnlyPolicy',
  httpStatus: 403,
  hint: 'Allow s3:GetBucketPolicy on the bucket to the review role.',
};

const verdicts = (needs: string[], gap: CoverageGap) =>
  runCheck(bucketCheck(needs), inventoryWithGap(gap)).map((outcome) => [
    outcome.resource.arn,
    outcome.status,
  ]);

describe('coverage gaps of one resource and one datum', () => {
  it('turn only that resource of a check reading that datum into an error, naming operation, status and what to do', () => {
    expect(verdicts(['s3.buckets.tlsOnlyPolicy'], policyDenied)).toEqual([
      [bucketArn('logs'), 'pass'],
      [bucketArn('site'), 'error'],
    ]);
    const [error] = runCheck(bucketCheck(['s3.buckets']), inventoryWithGap(policyDenied)).filter(
      (outcome) => outcome.status === 'error',
    );
    expect(error?.evidence).toContain('Allow s3:GetBucketPolicy');
    expect(error?.details).toMatchObject({ operation: 's3:GetBucketPolicy', httpStatus: 403 });
  });

  it('leave a check that names other data of the part untouched', () => {
    expect(verdicts(['s3.buckets.encryption'], policyDenied)).toEqual([
      [bucketArn('logs'), 'pass'],
      [bucketArn('site'), 'pass'],
    ]);
  });

  it('count for a check that names only the part, which reads every datum of it', () => {
    expect(verdicts(['s3.buckets'], policyDenied)).toEqual([
      [bucketArn('logs'), 'pass'],
      [bucketArn('site'), 'error'],
    ]);
  });

  it('without a resource, still take the whole part of the account and region', () => {
    const { resource: _resource, attribute: _attribute, ...wholePart } = policyDenied;
    expect(verdicts(['s3.buckets'], { ...wholePart, region: '*' })).toEqual([
      [`arn:aws:::${ACCOUNT}`, 'error'],
    ]);
  });
});

describe('needs', () => {
  it.each([
    ['s3.buckets', true],
    ['s3.buckets.tlsOnlyPolicy', true],
    ['ec2.ebsEncryptionByDefault.kmsKeyId', true],
    ['s3.buckets.nothing', false],
    ['s3.nothing.tlsOnlyPolicy', false],
    ['s3.buckets.tlsOnlyPolicy.deeper', false],
  ])('%s is a known need: %s', (need, known) => {
    expect(isKnownNeed(need)).toBe(known);
  });
});

describe('a gap in the EBS default key id', () => {
  it('leaves the verdict of ebs-encryption-by-default, which reads only whether encryption is on', async () => {
    const check = (await loadChecks()).find((loaded) => loaded.id === 'ebs-encryption-by-default');
    if (!check) throw new Error('ebs-encryption-by-default is not among the built-in checks');
    const input = emptyInventory('gaps', '2026-11-01T09:00:00.000Z');
    const arn = `arn:aws:ec2:eu-west-1:${ACCOUNT}:ebs-encryption-by-default`;
    input.ec2.ebsEncryptionByDefault = [{ arn, accountId: ACCOUNT, region: 'eu-west-1', enabled: true }];
    input.coverage = [
      {
        part: 'ec2.ebsEncryptionByDefault',
        accountId: ACCOUNT,
        region: 'eu-west-1',
        reason: 'error',
        message: 'The operation is not implemented.',
        resource: arn,
        attribute: 'ec2.ebsEncryptionByDefault.kmsKeyId',
      },
    ];
    const outcomes = runCheck(check, inventorySchema.parse(input));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['pass']);
  });
});
