import { bucket, defineFixtures, gap, kmsKey } from '../../test/checks/kit.ts';

const confidential = { 'data-class': 'confidential' };
const customerKey = kmsKey({ keyId: 'exports-key', aliases: ['alias/exports'] });

export default defineFixtures([
  {
    name: 'a customer managed key passes',
    given: (inv) => {
      inv.kms.keys.push(customerKey);
      inv.s3.buckets.push(
        bucket({ tags: confidential, encryption: { algorithm: 'aws:kms', kmsKeyId: customerKey.arn } }),
      );
    },
    expect: [{ status: 'pass', evidence: 'encrypts with customer managed key' }],
  },
  {
    name: 'a key in another account is a customer key',
    given: (inv) =>
      inv.s3.buckets.push(
        bucket({
          tags: confidential,
          encryption: { algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:eu-west-1:222222222222:key/shared-key' },
        }),
      ),
    expect: [{ status: 'pass' }],
  },
  {
    name: 'SSE-S3 on confidential data fails',
    given: (inv) =>
      inv.s3.buckets.push(
        bucket({
          name: 'order-exports',
          tags: confidential,
          encryption: { algorithm: 'AES256', kmsKeyId: null },
        }),
      ),
    expect: [
      { status: 'fail', resource: 'order-exports', evidence: '(data-class=confidential) uses SSE-S3' },
    ],
  },
  {
    name: 'the AWS managed key aws/s3 fails',
    given: (inv) =>
      inv.s3.buckets.push(
        bucket({
          tags: { Classification: 'Restricted' },
          encryption: { algorithm: 'aws:kms', kmsKeyId: null },
        }),
      ),
    expect: [{ status: 'fail', evidence: 'AWS managed key aws/s3' }],
  },
  {
    name: 'a key with an alias/aws/ alias is AWS managed, whatever KeyManager said',
    given: (inv) => {
      const awsKey = kmsKey({ keyId: 'aws-s3-key', manager: 'CUSTOMER', aliases: ['alias/aws/s3'] });
      inv.kms.keys.push(awsKey);
      inv.s3.buckets.push(
        bucket({ tags: confidential, encryption: { algorithm: 'aws:kms', kmsKeyId: awsKey.arn } }),
      );
    },
    expect: [
      {
        status: 'fail',
        evidence: 'uses the AWS managed key arn:aws:kms:eu-west-1:111111111111:key/aws-s3-key',
      },
    ],
  },
  {
    name: 'buckets not tagged as confidential are out of scope',
    given: (inv) =>
      inv.s3.buckets.push(
        bucket({ tags: { 'data-class': 'public' }, encryption: { algorithm: 'AES256', kmsKeyId: null } }),
      ),
    expect: [{ status: 'not_applicable', evidence: 'not tagged as confidential' }],
  },
  {
    name: 'a key of the same account missing from the inventory is an error, not a pass',
    given: (inv) =>
      inv.s3.buckets.push(
        bucket({ tags: confidential, encryption: { algorithm: 'aws:kms', kmsKeyId: 'alias/unknown' } }),
      ),
    expect: [{ status: 'error', messageId: 'missing-data' }],
  },
  {
    name: 'unreadable keys are an error',
    given: (inv) => {
      inv.s3.buckets.push(bucket({ tags: confidential }));
      gap(inv, 'kms.keys');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
