import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { perBucketInScope } from './_s3.ts';

export default defineCheck({
  id: 's3-tls-only-policy',
  title: 'S3 bucket policies deny requests that do not use TLS',
  area: 'encryption',
  pillar: 'security',
  severity: 'medium',
  description:
    'S3 answers plain HTTP as well as HTTPS. Only a bucket policy statement that denies every request with aws:SecureTransport=false makes sure data to and from the bucket is encrypted in transit.',
  needs: ['s3.buckets'],
  wellArchitected: [
    {
      question: 'protect-data-transit',
      choice: 'sec_protect_data_transit_encrypt',
      bestPractice: 'SEC09-BP02',
    },
  ],
  remediation: {
    summary: 'Add a Deny statement for aws:SecureTransport=false to the bucket policy.',
    steps: [
      'Read the current bucket policy and merge the statement below into it (put-bucket-policy replaces the whole policy).',
      'Apply it; requests over plain HTTP then fail with 403, so check that no client uses http:// endpoints.',
      'Optionally also deny TLS versions below 1.2 with the s3:TlsVersion condition key.',
    ],
    snippet:
      'aws s3api put-bucket-policy --bucket <bucket> --policy \'{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<bucket>","arn:aws:s3:::<bucket>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}\'',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit',
  evaluate: (inventory) =>
    perBucketInScope(inventory, (bucket) =>
      bucket.tlsOnlyPolicy
        ? pass(bucket, `bucket ${bucket.name} denies requests without TLS (aws:SecureTransport)`)
        : fail(
            bucket,
            `bucket ${bucket.name} accepts plain HTTP: no policy denies aws:SecureTransport=false`,
          ),
    ),
});
