import type { ResourceRef } from '../../src/engine/check.ts';

/**
 * Only the naming fields of an inventory record, for outcomes built outside pass/fail/notApplicable
 * (which pick them on their own), so results do not carry the whole record.
 */
export function refOf(resource: ResourceRef): ResourceRef {
  return {
    arn: resource.arn,
    accountId: resource.accountId,
    region: resource.region,
    name: resource.name ?? '',
  };
}
