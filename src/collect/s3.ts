import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  S3Client,
  type Bucket,
  type PublicAccessBlockConfiguration,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { orWhenMissing } from '../aws/errors.ts';
import {
  base,
  collectPages,
  isoOrUndefined,
  mapConcurrently,
  partCollector,
  tagMap,
  type CollectContext,
} from './collector.ts';
import { deniesInsecureTransport, parsePolicyDocument } from './policy-document.ts';

const ENCRYPTION_ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'] as const;
type EncryptionAlgorithm = (typeof ENCRYPTION_ALGORITHMS)[number];

function blockFlags(configuration: PublicAccessBlockConfiguration | undefined) {
  return {
    blockPublicAcls: configuration?.BlockPublicAcls ?? false,
    ignorePublicAcls: configuration?.IgnorePublicAcls ?? false,
    blockPublicPolicy: configuration?.BlockPublicPolicy ?? false,
    restrictPublicBuckets: configuration?.RestrictPublicBuckets ?? false,
  };
}

/** ListBuckets names each bucket's region; older endpoints and emulators may not, then we ask. */
async function bucketRegion(context: CollectContext, bucket: Bucket): Promise<string> {
  if (bucket.BucketRegion) return bucket.BucketRegion;
  const { LocationConstraint: location } = await context
    .client(S3Client)
    .send(new GetBucketLocationCommand({ Bucket: bucket.Name }));
  // An empty constraint means us-east-1; "EU" is the legacy name of eu-west-1.
  if (!location) return 'us-east-1';
  return location === 'EU' ? 'eu-west-1' : location;
}

/**
 * Reads one datum of a bucket. A datum that cannot be read (a bucket policy that denies the reader, say)
 * is a gap for that bucket and datum only; `fallback` stands in for it and no verdict uses it.
 */
async function bucketDatum<T, F>(
  context: CollectContext,
  where: { resource: string; region: string; attribute: string },
  call: Promise<T>,
  notConfigured: readonly string[],
  fallback: F,
): Promise<T | F> {
  try {
    return await orWhenMissing(call, notConfigured, fallback);
  } catch (error) {
    context.reportGap(error, where);
    return fallback;
  }
}

async function describeBucket(context: CollectContext, bucket: Bucket, region: string) {
  const client = context.client(S3Client, region);
  const name = bucket.Name ?? '';
  const arn = `arn:${context.partition}:s3:::${name}`;
  const datum = <T>(attribute: string, call: Promise<T>, notConfigured: readonly string[] = []) =>
    bucketDatum(
      context,
      { resource: arn, region, attribute: `s3.buckets.${attribute}` },
      call,
      notConfigured,
      undefined,
    );
  const [encryption, publicAccessBlock, policy, policyStatus, versioning, tagging] = await Promise.all([
    datum('encryption', client.send(new GetBucketEncryptionCommand({ Bucket: name })), [
      'ServerSideEncryptionConfigurationNotFoundError',
    ]),
    datum('publicAccessBlock', client.send(new GetPublicAccessBlockCommand({ Bucket: name })), [
      'NoSuchPublicAccessBlockConfiguration',
    ]),
    datum('tlsOnlyPolicy', client.send(new GetBucketPolicyCommand({ Bucket: name })), ['NoSuchBucketPolicy']),
    datum('publicPolicy', client.send(new GetBucketPolicyStatusCommand({ Bucket: name })), [
      'NoSuchBucketPolicy',
    ]),
    datum('versioning', client.send(new GetBucketVersioningCommand({ Bucket: name }))),
    datum('tags', client.send(new GetBucketTaggingCommand({ Bucket: name })), ['NoSuchTagSet']),
  ]);
  const rule = encryption?.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
  const algorithm = rule?.SSEAlgorithm as EncryptionAlgorithm | undefined;
  return {
    ...base(context, arn, name),
    region,
    createdAt: isoOrUndefined(bucket.CreationDate),
    encryption:
      algorithm && ENCRYPTION_ALGORITHMS.includes(algorithm)
        ? { algorithm, kmsKeyId: rule?.KMSMasterKeyID ?? null }
        : null,
    publicAccessBlock: publicAccessBlock
      ? blockFlags(publicAccessBlock.PublicAccessBlockConfiguration)
      : null,
    tlsOnlyPolicy: deniesInsecureTransport(parsePolicyDocument(policy?.Policy)),
    publicPolicy: policyStatus?.PolicyStatus?.IsPublic ?? false,
    versioning: versioning?.Status ?? ('Disabled' as const),
    tags: tagMap(tagging?.TagSet),
  };
}

export const s3Collectors = [
  partCollector('s3', 'buckets', {
    scope: 'account',
    actions: [
      's3:ListAllMyBuckets',
      's3:GetBucketLocation',
      's3:GetEncryptionConfiguration',
      's3:GetBucketPublicAccessBlock',
      's3:GetBucketPolicy',
      's3:GetBucketPolicyStatus',
      's3:GetBucketVersioning',
      's3:GetBucketTagging',
    ],
    async collect(context) {
      const buckets = await collectPages(
        paginateListBuckets({ client: context.client(S3Client), pageSize: 1000 }, {}),
        (page) => page.Buckets,
      );
      // A bucket whose region cannot be learnt is a gap for that bucket; the other buckets are still read.
      const described = await mapConcurrently(buckets, async (bucket) => {
        let region: string;
        try {
          region = await bucketRegion(context, bucket);
        } catch (error) {
          context.reportGap(error, { resource: `arn:${context.partition}:s3:::${bucket.Name ?? ''}` });
          return [];
        }
        return [await describeBucket(context, bucket, region)];
      });
      return described.flat();
    },
  }),

  partCollector('s3', 'accountPublicAccessBlocks', {
    scope: 'account',
    actions: ['s3:GetAccountPublicAccessBlock'],
    async collect(context) {
      const answer = await orWhenMissing(
        context
          .client(S3ControlClient)
          .send(new GetAccountPublicAccessBlockCommand({ AccountId: context.accountId })),
        ['NoSuchPublicAccessBlockConfiguration'],
        undefined,
      );
      return [
        {
          ...base(context, `arn:${context.partition}:s3:::account/${context.accountId}`, context.accountId),
          ...blockFlags(answer?.PublicAccessBlockConfiguration),
        },
      ];
    },
  }),
];
