import { ACCOUNT, bucket, defineFixtures, gap } from '../../test/checks/kit.ts';

const allOn = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};
const accountBlock = {
  arn: `arn:aws:s3:::account/${ACCOUNT}`,
  accountId: ACCOUNT,
  region: 'global',
  name: ACCOUNT,
  ...allOn,
};

export default defineFixtures([
  {
    name: 'all four settings on the bucket pass',
    given: (inv) => inv.s3.buckets.push(bucket({ publicAccessBlock: allOn })),
    expect: [{ status: 'pass', evidence: 'through the bucket' }],
  },
  {
    name: 'the account-level block covers a bucket without its own',
    given: (inv) => {
      inv.s3.buckets.push(bucket({ publicAccessBlock: null }));
      inv.s3.accountPublicAccessBlocks?.push(accountBlock);
    },
    expect: [{ status: 'pass', evidence: 'through the account' }],
  },
  {
    name: 'no block at either level fails and lists the missing settings',
    given: (inv) => inv.s3.buckets.push(bucket({ name: 'shop-prod-assets', publicAccessBlock: null })),
    expect: [
      {
        status: 'fail',
        resource: 'shop-prod-assets',
        evidence:
          'lacks blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets at bucket and account workload (111111111111)',
      },
    ],
  },
  {
    name: 'settings are combined per setting across the two levels',
    given: (inv) => {
      inv.s3.buckets.push(bucket({ publicAccessBlock: { ...allOn, restrictPublicBuckets: false } }));
      inv.s3.accountPublicAccessBlocks?.push({ ...accountBlock, ...allOn, restrictPublicBuckets: false });
    },
    expect: [{ status: 'fail', evidence: 'lacks restrictPublicBuckets' }],
  },
  {
    name: 'a bucket outside the reviewed Regions is not judged',
    given: (inv) => inv.s3.buckets.push(bucket({ region: 'us-west-2', publicAccessBlock: null })),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'an unreadable account-level block leaves a bucket without its own block undetermined',
    given: (inv) => {
      inv.s3.buckets.push(bucket({ publicAccessBlock: null }));
      gap(inv, 's3.accountPublicAccessBlocks', 'global');
    },
    expect: [
      { status: 'error', messageId: 'missing-data', evidence: 'could not be read' },
      { status: 'error', messageId: 'coverage-gap' },
    ],
  },
]);
