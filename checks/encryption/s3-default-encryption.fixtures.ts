import { bucket, defineFixtures, gap } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'SSE-KMS passes and names the key',
    given: (inv) =>
      inv.s3.buckets.push(bucket({ encryption: { algorithm: 'aws:kms', kmsKeyId: 'alias/exports' } })),
    expect: [{ status: 'pass', resource: 'shop-assets', evidence: 'SSE-KMS with alias/exports' }],
  },
  {
    name: 'SSE-S3 passes too, with advice when the bucket is tagged confidential',
    given: (inv) =>
      inv.s3.buckets.push(
        bucket({
          encryption: { algorithm: 'AES256', kmsKeyId: null },
          tags: { 'data-class': 'confidential' },
        }),
      ),
    expect: [
      { status: 'pass', evidence: 'SSE-S3 (AES256); tagged data-class=confidential, consider SSE-KMS' },
    ],
  },
  {
    name: 'no default encryption fails',
    given: (inv) => inv.s3.buckets.push(bucket({ encryption: null })),
    expect: [{ status: 'fail', evidence: 'bucket shop-assets has no default encryption' }],
  },
  {
    name: 'a bucket outside the reviewed Regions is not judged',
    given: (inv) => inv.s3.buckets.push(bucket({ region: 'us-east-1', encryption: null })),
    expect: [{ status: 'not_applicable', evidence: 'outside the reviewed Regions' }],
  },
  {
    name: 'unreadable buckets are an error, not a pass',
    given: (inv) => {
      inv.s3.buckets.push(bucket());
      gap(inv, 's3.buckets');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
