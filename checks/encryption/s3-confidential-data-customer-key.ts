import { defineCheck, fail, notApplicable, pass, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { isAwsManagedKey } from '../_lib/_ownership.ts';
import { refOf } from '../_lib/_resource-ref.ts';
import { keyLocation, refersTo } from './_kms-usage.ts';
import { confidentialTag, perBucketInScope, type Bucket } from './_s3.ts';

/** Who manages the bucket's default key: known from the inventory, an `alias/aws/` name, or another account. */
function keyManager(inventory: Inventory, bucket: Bucket, keyId: string): 'CUSTOMER' | 'AWS' | undefined {
  const user = { keyId, accountId: bucket.accountId, region: bucket.region };
  const key = inventory.kms.keys.find((candidate) => refersTo(user, candidate));
  if (key) return isAwsManagedKey(key) ? 'AWS' : 'CUSTOMER';
  const location = keyLocation(keyId, user);
  if (location.name.startsWith('alias/aws/')) return 'AWS';
  // AWS managed keys cannot be used from another account, so a key elsewhere is a customer key.
  return location.accountId !== bucket.accountId ? 'CUSTOMER' : undefined;
}

function judge(inventory: Inventory, bucket: Bucket): CheckOutcome {
  const tag = confidentialTag(bucket);
  if (!tag) return notApplicable(bucket, `bucket ${bucket.name} is not tagged as confidential data`);
  const encryption = bucket.encryption;
  if (!encryption) return fail(bucket, `bucket ${bucket.name} (${tag}) has no default encryption`);
  if (encryption.algorithm === 'AES256') {
    return fail(bucket, `bucket ${bucket.name} (${tag}) uses SSE-S3: reading needs no key permission`);
  }
  const manager = encryption.kmsKeyId ? keyManager(inventory, bucket, encryption.kmsKeyId) : 'AWS';
  if (manager === undefined) {
    return missingData(
      refOf(bucket),
      `the key ${encryption.kmsKeyId} of bucket ${bucket.name} is not in the inventory`,
    );
  }
  return manager === 'CUSTOMER'
    ? pass(bucket, `bucket ${bucket.name} (${tag}) encrypts with customer managed key ${encryption.kmsKeyId}`)
    : fail(
        bucket,
        `bucket ${bucket.name} (${tag}) uses the AWS managed key ${encryption.kmsKeyId ?? 'aws/s3'}, whose policy cannot be restricted`,
      );
}

export default defineCheck({
  id: 's3-confidential-data-customer-key',
  title: 'Buckets tagged as confidential encrypt with a customer managed KMS key',
  area: 'encryption',
  pillar: 'security',
  severity: 'medium',
  description:
    'SSE-S3 and the AWS managed key aws/s3 decrypt for anyone allowed to read the object. A customer managed key adds a second, separately governed permission: its key policy decides who may decrypt, every use is logged in CloudTrail, and disabling it cuts off access at once. Data classified as confidential (a data-class, classification or confidentiality tag) should have it.',
  needs: ['s3.buckets', 'kms.keys'],
  wellArchitected: [
    {
      question: 'data-classification',
      choice: 'sec_data_classification_define_protection',
      bestPractice: 'SEC07-BP02',
    },
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_key_mgmt', bestPractice: 'SEC08-BP01' },
  ],
  remediation: {
    summary:
      'Create a customer managed key for the data and make it the bucket default, with S3 Bucket Keys on.',
    steps: [
      'Create a symmetric customer managed key with rotation on; allow decrypt only to the roles that read this data.',
      'Set it as the bucket default with BucketKeyEnabled to keep KMS request costs low.',
      'Re-encrypt existing objects with S3 Batch Operations (copy in place) so they use the new key too.',
    ],
    snippet:
      'aws kms create-key --description "<bucket> data" && aws kms enable-key-rotation --key-id <key-id>\naws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<key-arn>"},"BucketKeyEnabled":true}]}\'',
    effort: 'medium',
    downtime: false,
    extraCost: true,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
  evaluate: (inventory) => perBucketInScope(inventory, (bucket) => judge(inventory, bucket)),
});
