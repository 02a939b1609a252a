import {
  bucket,
  defineFixtures,
  gap,
  MANAGEMENT_ACCOUNT,
  organization,
  OTHER_ACCOUNT,
  trail,
} from '../../test/checks/kit.ts';
import type { InventoryInput } from '../../src/inventory/schema.ts';

function orgWithTrailTo(inv: InventoryInput, bucketAccount: string): void {
  inv.organization = organization();
  inv.accounts.push(
    { id: MANAGEMENT_ACCOUNT, name: 'mgmt', isManagement: true, tags: {} },
    { id: OTHER_ACCOUNT, name: 'log-archive', ouPath: ['Security'], tags: {} },
  );
  inv.cloudtrail.trails.push(trail({ accountId: MANAGEMENT_ACCOUNT, s3BucketName: 'org-trail-logs' }));
  inv.s3.buckets.push(bucket({ name: 'org-trail-logs', accountId: bucketAccount }));
}

export default defineFixtures([
  {
    name: 'a bucket in the log archive account passes',
    given: (inv) => orgWithTrailTo(inv, OTHER_ACCOUNT),
    expect: [
      {
        status: 'pass',
        evidence:
          'bucket org-trail-logs in log-archive (222222222222), a separate account that is neither the management account nor named or tagged as a workload account',
      },
    ],
  },
  {
    name: 'a bucket in the management account fails',
    given: (inv) => orgWithTrailTo(inv, MANAGEMENT_ACCOUNT),
    expect: [{ status: 'fail', evidence: 'the management account' }],
  },
  {
    name: 'a bucket in a production workload account fails',
    given: (inv) => {
      orgWithTrailTo(inv, '111111111111');
      inv.accounts[0]!.name = 'shop-prod';
    },
    expect: [{ status: 'fail', evidence: 'a production workload account (name shop-prod)' }],
  },
  {
    name: 'a bucket outside the scanned accounts cannot be judged',
    given: (inv) => {
      orgWithTrailTo(inv, OTHER_ACCOUNT);
      inv.s3.buckets = [];
    },
    expect: [{ status: 'not_applicable', evidence: 'outside the scanned accounts' }],
  },
  {
    name: 'unreadable trails are an error',
    given: (inv) => {
      orgWithTrailTo(inv, OTHER_ACCOUNT);
      gap(inv, 'cloudtrail.trails', 'eu-west-1', MANAGEMENT_ACCOUNT);
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
