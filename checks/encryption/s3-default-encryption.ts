import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { confidentialTag, perBucketInScope, type Bucket } from './_s3.ts';

const ALGORITHM_NAMES: Record<NonNullable<Bucket['encryption']>['algorithm'], string> = {
  AES256: 'SSE-S3 (AES256)',
  'aws:kms': 'SSE-KMS',
  'aws:kms:dsse': 'DSSE-KMS',
};

export default defineCheck({
  id: 's3-default-encryption',
  title: 'S3 buckets encrypt new objects by default',
  area: 'encryption',
  pillar: 'security',
  severity: 'medium',
  description:
    'Default encryption applies server-side encryption to every object written without its own encryption header. Any algorithm passes this check; the evidence names it, because SSE-KMS with a customer managed key additionally puts reads under a key policy and in CloudTrail, which classified data usually needs.',
  needs: ['s3.buckets'],
  wellArchitected: [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' },
    {
      question: 'protect-data-rest',
      choice: 'sec_protect_data_rest_automate_protection',
      bestPractice: 'SEC08-BP03',
    },
  ],
  remediation: {
    summary:
      'Set default encryption on the bucket; prefer SSE-KMS with a customer managed key and S3 Bucket Keys for classified data.',
    steps: [
      'Choose SSE-S3 for public or low-sensitivity data, SSE-KMS with a customer managed key for confidential data.',
      'Put the default encryption configuration on the bucket (enable the S3 Bucket Key with SSE-KMS to cut KMS request costs).',
      'Existing objects keep their encryption: re-encrypt them with S3 Batch Operations (copy in place) if needed.',
    ],
    snippet:
      'aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"alias/<key-alias>"},"BucketKeyEnabled":true}]}\'',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html',
  evaluate: (inventory) =>
    perBucketInScope(inventory, (bucket) => {
      if (!bucket.encryption) return fail(bucket, `bucket ${bucket.name} has no default encryption`);
      const algorithm = ALGORITHM_NAMES[bucket.encryption.algorithm];
      const key = bucket.encryption.kmsKeyId ? ` with ${bucket.encryption.kmsKeyId}` : '';
      const tag = confidentialTag(bucket);
      const advice =
        tag && bucket.encryption.algorithm === 'AES256'
          ? `; tagged ${tag}, consider SSE-KMS with a customer key`
          : '';
      return pass(bucket, `bucket ${bucket.name} encrypts new objects with ${algorithm}${key}${advice}`, {
        details: { algorithm: bucket.encryption.algorithm },
      });
    }),
});
