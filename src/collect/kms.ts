import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
  paginateListResourceTags,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import {
  base,
  collectPages,
  isoOrNull,
  mapConcurrently,
  partCollector,
  type CollectContext,
} from './collector.ts';

const KEY_STATES = [
  'Enabled',
  'Disabled',
  'PendingDeletion',
  'PendingImport',
  'Unavailable',
  'Creating',
  'Updating',
] as const;
type KeyState = (typeof KEY_STATES)[number];

/** Rotation can only be asked of symmetric customer keys whose material AWS can still use. */
function rotationApplies(key: KeyMetadata): boolean {
  return (
    key.KeyManager === 'CUSTOMER' &&
    key.KeySpec === 'SYMMETRIC_DEFAULT' &&
    key.Origin !== 'EXTERNAL' &&
    key.KeyState !== 'PendingDeletion' &&
    key.KeyState !== 'PendingImport'
  );
}

/**
 * AWS creates and manages the keys behind `alias/aws/...` aliases whatever `KeyManager` an endpoint
 * answers; the account cannot rotate, disable or delete them, so they are not its customer keys.
 */
function isAwsManaged(key: KeyMetadata, aliases: readonly string[]): boolean {
  return key.KeyManager === 'AWS' || aliases.some((alias) => alias.startsWith('alias/aws/'));
}

async function customerKeyDetails(context: CollectContext, key: KeyMetadata, awsManaged: boolean) {
  const client = context.client(KMSClient);
  if (awsManaged) return { rotationEnabled: null, tags: {} };
  const [rotation, tags] = await Promise.all([
    rotationApplies(key) ? client.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId })) : undefined,
    collectPages(
      paginateListResourceTags({ client, pageSize: 50 }, { KeyId: key.KeyId }),
      (page) => page.Tags,
    ),
  ]);
  return {
    rotationEnabled: rotation?.KeyRotationEnabled ?? null,
    tags: Object.fromEntries(tags.map((tag) => [tag.TagKey ?? '', tag.TagValue ?? ''])),
  };
}

export const kmsCollectors = [
  partCollector('kms', 'keys', {
    scope: 'regional',
    actions: [
      'kms:ListKeys',
      'kms:ListAliases',
      'kms:DescribeKey',
      'kms:GetKeyRotationStatus',
      'kms:ListResourceTags',
    ],
    async collect(context) {
      const client = context.client(KMSClient);
      const [keys, aliases] = await Promise.all([
        collectPages(paginateListKeys({ client, pageSize: 1000 }, {}), (page) => page.Keys),
        collectPages(paginateListAliases({ client, pageSize: 100 }, {}), (page) => page.Aliases),
      ]);
      return mapConcurrently(keys, async ({ KeyId: keyId }) => {
        const described = await client.send(new DescribeKeyCommand({ KeyId: keyId }));
        const key: KeyMetadata = described.KeyMetadata ?? { KeyId: keyId };
        const keyAliases = aliases
          .filter((alias) => alias.TargetKeyId === keyId)
          .map((alias) => alias.AliasName ?? '');
        const details = await customerKeyDetails(context, key, isAwsManaged(key, keyAliases));
        return {
          ...base(context, key.Arn ?? '', keyAliases[0] ?? keyId ?? ''),
          keyId: keyId ?? '',
          manager: isAwsManaged(key, keyAliases) ? ('AWS' as const) : ('CUSTOMER' as const),
          state: (KEY_STATES as readonly string[]).includes(key.KeyState ?? '')
            ? (key.KeyState as KeyState)
            : 'Unavailable',
          keySpec: key.KeySpec ?? 'SYMMETRIC_DEFAULT',
          rotationEnabled: details.rotationEnabled,
          deletionDate: isoOrNull(key.DeletionDate),
          aliases: keyAliases,
          description: key.Description ?? '',
          tags: details.tags,
        };
      });
    },
  }),
];
