import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { accountLabel } from '../_lib/_accounts.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { refOf } from '../_lib/_resource-ref.ts';
import { perBucketInScope } from './_s3.ts';

const SETTINGS = [
  'blockPublicAcls',
  'ignorePublicAcls',
  'blockPublicPolicy',
  'restrictPublicBuckets',
] as const;

export default defineCheck({
  id: 's3-public-access-block',
  title: 'S3 Block Public Access is fully on for every bucket, directly or through its account',
  area: 'encryption',
  pillar: 'security',
  severity: 'high',
  description:
    'Block Public Access overrides ACLs and bucket policies that would make data public. A setting is in force when it is on at the bucket or at the account; a bucket is protected when all four are in force.',
  needs: ['s3.buckets', 's3.accountPublicAccessBlocks'],
  wellArchitected: [
    {
      question: 'protect-data-rest',
      choice: 'sec_protect_data_rest_access_control',
      bestPractice: 'SEC08-BP04',
    },
    {
      question: 'permissions',
      choice: 'sec_permissions_analyze_cross_account',
      bestPractice: 'SEC03-BP07',
    },
  ],
  remediation: {
    summary:
      'Turn on all four Block Public Access settings for the account, and for each bucket that must stay private.',
    steps: [
      'Check with IAM Access Analyzer which buckets are intentionally public (static websites should move behind CloudFront with origin access control).',
      'Turn on the four settings at the account level in every account; in an organization, enforce them with an SCP or a declarative policy.',
      'Where the account level cannot be used yet, turn them on per bucket.',
    ],
    snippet:
      'aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true\naws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  evaluate: (inventory) =>
    perBucketInScope(inventory, (bucket) => {
      const account = inventory.s3.accountPublicAccessBlocks.find(
        (block) => block.accountId === bucket.accountId,
      );
      const off = SETTINGS.filter((setting) => !bucket.publicAccessBlock?.[setting] && !account?.[setting]);
      if (off.length === 0) {
        const level = SETTINGS.every((setting) => account?.[setting]) ? 'the account' : 'the bucket';
        return pass(
          bucket,
          `bucket ${bucket.name} has all four Block Public Access settings in force through ${level}`,
        );
      }
      const accountUnread = inventory.coverage.some(
        (gap) => gap.part === 's3.accountPublicAccessBlocks' && gap.accountId === bucket.accountId,
      );
      if (!account && accountUnread) {
        return missingData(
          refOf(bucket),
          `bucket ${bucket.name} lacks ${off.join(', ')} and the account-level settings of ${accountLabel(inventory, bucket.accountId)} could not be read`,
        );
      }
      return fail(
        bucket,
        `bucket ${bucket.name} lacks ${off.join(', ')} at bucket and account ${accountLabel(inventory, bucket.accountId)}${bucket.publicPolicy ? '; its policy is public' : ''}`,
        { details: { settingsOff: off.length, publicPolicy: bucket.publicPolicy } },
      );
    }),
});
