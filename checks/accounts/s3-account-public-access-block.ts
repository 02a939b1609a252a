import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { accountLabel, accountResource, perActiveAccount } from '../_lib/_accounts.ts';

const SETTINGS = [
  'blockPublicAcls',
  'ignorePublicAcls',
  'blockPublicPolicy',
  'restrictPublicBuckets',
] as const;

export default defineCheck({
  id: 's3-account-public-access-block',
  title: 'S3 Block Public Access is switched on for the whole account',
  area: 'account-separation',
  pillar: 'security',
  severity: 'high',
  description:
    'The account-level S3 Block Public Access settings override every bucket and access point in the account, including buckets created tomorrow by a script that forgets the bucket-level setting. All four settings must be on; an account without the configuration relies on each bucket alone.',
  needs: ['accounts', 's3.accountPublicAccessBlocks'],
  wellArchitected: [
    {
      question: 'permissions',
      choice: 'sec_permissions_analyze_cross_account',
      bestPractice: 'SEC03-BP07',
    },
    {
      question: 'permissions',
      choice: 'sec_permissions_define_guardrails',
      bestPractice: 'SEC03-BP05',
    },
  ],
  remediation: {
    summary:
      'Turn on all four account-level Block Public Access settings; serve public content through CloudFront with origin access control instead of public buckets.',
    steps: [
      'List buckets that rely on public access (IAM Access Analyzer for S3) and move their content behind CloudFront first.',
      'Enable the four settings for the account.',
      'Protect the setting with an SCP that denies s3:PutAccountPublicAccessBlock.',
    ],
    snippet:
      'aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
  evaluate: (inventory) =>
    perActiveAccount(inventory, (account) => {
      const label = accountLabel(inventory, account.id);
      const block = inventory.s3.accountPublicAccessBlocks.find(
        (candidate) => candidate.accountId === account.id,
      );
      if (!block) {
        return fail(
          accountResource(inventory, account.id),
          `${label} has no account-level S3 Block Public Access configuration: each bucket decides alone`,
        );
      }
      const off = SETTINGS.filter((setting) => !block[setting]);
      return off.length === 0
        ? pass(block, `${label} blocks public S3 access account-wide (all four settings on)`)
        : fail(block, `${label} account-level S3 Block Public Access has ${off.join(', ')} off`);
    }),
});
