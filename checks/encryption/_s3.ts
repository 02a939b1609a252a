import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';

export type Bucket = Inventory['s3']['buckets'][number];

/**
 * Bucket listings are global: buckets in Regions outside the review's scope are listed but not judged.
 * An empty Region scope means every Region.
 */
export function perBucketInScope(
  inventory: Inventory,
  judge: (bucket: Bucket) => CheckOutcome,
): CheckOutcome[] {
  const regions = inventory.scope.regions;
  return inventory.s3.buckets.map((bucket) =>
    regions.length === 0 || regions.includes(bucket.region)
      ? judge(bucket)
      : notApplicable(bucket, `bucket ${bucket.name} is in ${bucket.region}, outside the reviewed Regions`),
  );
}

const CLASSIFICATION_TAG = /^(data-?class(ification)?|classification|confidentiality)$/i;
const CONFIDENTIAL_VALUES = new Set([
  'confidential',
  'restricted',
  'secret',
  'sensitive',
  'pii',
  'pci',
  'phi',
]);

/** The bucket's classification tag when it marks confidential data, e.g. `data-class=confidential`. */
export function confidentialTag(bucket: Bucket): string | undefined {
  const key = Object.keys(bucket.tags).find((tag) => CLASSIFICATION_TAG.test(tag));
  const value = key === undefined ? undefined : bucket.tags[key];
  return key && value && CONFIDENTIAL_VALUES.has(value.trim().toLowerCase()) ? `${key}=${value}` : undefined;
}
