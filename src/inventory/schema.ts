import { z } from 'zod';

/**
 * The inventory snapshot: everything `collect` read, in one versioned document.
 * Checks are pure functions of this document. Every resource carries its ARN, account and region,
 * so results can name what they judged without knowing where the data came from.
 * Bump SNAPSHOT_VERSION on any change an older reader could misread.
 */
export const SNAPSHOT_VERSION = 1;

const tags = z.record(z.string(), z.string()).default({});
const isoDate = z.string().datetime({ offset: true });

/** Fields shared by every resource in the snapshot. `region` is `global` for global services. */
export const resourceBase = {
  arn: z.string().min(1),
  accountId: z.string().regex(/^\d{12}$/, 'an AWS account id has 12 digits'),
  region: z.string().min(1),
  name: z.string().default(''),
};

export const accountSchema = z.object({
  id: z.string().regex(/^\d{12}$/),
  arn: z.string().default(''),
  name: z.string(),
  email: z.string().optional(),
  status: z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']).default('ACTIVE'),
  isManagement: z.boolean().default(false),
  /** OU id the account sits in (or the root id). */
  parentId: z.string().optional(),
  /** OU names from the root down, e.g. ["Workloads", "Prod"]. */
  ouPath: z.array(z.string()).default([]),
  tags,
});

export const organizationSchema = z.object({
  id: z.string(),
  arn: z.string(),
  managementAccountId: z.string(),
  featureSet: z.enum(['ALL', 'CONSOLIDATED_BILLING']),
  rootId: z.string(),
  organizationalUnits: z.array(
    z.object({ id: z.string(), arn: z.string(), name: z.string(), parentId: z.string() }),
  ),
  policies: z.array(
    z.object({
      id: z.string(),
      arn: z.string(),
      name: z.string(),
      type: z.string().default('SERVICE_CONTROL_POLICY'),
      awsManaged: z.boolean(),
      /** Root, OU or account ids the policy is attached to. */
      targets: z.array(z.string()),
    }),
  ),
});

const accessKeySchema = z.object({
  id: z.string(),
  status: z.enum(['Active', 'Inactive']),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable().default(null),
});

export const iamSchema = z.object({
  accountSummaries: z.array(
    z.object({
      ...resourceBase,
      rootMfaEnabled: z.boolean(),
      rootAccessKeysPresent: z.boolean(),
      users: z.number().int().nonnegative(),
      roles: z.number().int().nonnegative().default(0),
    }),
  ),
  passwordPolicies: z.array(
    z.object({
      ...resourceBase,
      present: z.boolean(),
      minimumLength: z.number().int().optional(),
      requireSymbols: z.boolean().optional(),
      requireNumbers: z.boolean().optional(),
      requireUppercase: z.boolean().optional(),
      requireLowercase: z.boolean().optional(),
      maxAgeDays: z.number().int().optional(),
      reusePrevention: z.number().int().optional(),
    }),
  ),
  users: z.array(
    z.object({
      ...resourceBase,
      createdAt: isoDate,
      passwordEnabled: z.boolean(),
      passwordLastUsedAt: isoDate.nullable().default(null),
      mfaDevices: z.number().int().nonnegative(),
      accessKeys: z.array(accessKeySchema),
      attachedPolicies: z.array(z.string()).default([]),
      tags,
    }),
  ),
  roles: z.array(
    z.object({
      ...resourceBase,
      trustedPrincipals: z.array(z.string()).default([]),
      attachedPolicies: z.array(z.string()).default([]),
      lastUsedAt: isoDate.nullable().default(null),
    }),
  ),
});

const ipPermissionSchema = z.object({
  protocol: z.string(),
  fromPort: z.number().int().nullable(),
  toPort: z.number().int().nullable(),
  ipv4Ranges: z.array(z.string()).default([]),
  ipv6Ranges: z.array(z.string()).default([]),
  /** Security group ids allowed as source. */
  sourceGroupIds: z.array(z.string()).default([]),
  prefixListIds: z.array(z.string()).default([]),
});

export const ec2Schema = z.object({
  instances: z.array(
    z.object({
      ...resourceBase,
      instanceId: z.string(),
      state: z.string(),
      instanceType: z.string(),
      platform: z.string().default('linux'),
      vpcId: z.string().nullable().default(null),
      subnetId: z.string().nullable().default(null),
      availabilityZone: z.string().optional(),
      publicIp: z.string().nullable().default(null),
      privateIp: z.string().nullable().default(null),
      ipv6Addresses: z.array(z.string()).default([]),
      securityGroupIds: z.array(z.string()),
      iamInstanceProfileArn: z.string().nullable().default(null),
      imdsHttpTokens: z.enum(['required', 'optional']).default('optional'),
      imdsHttpEndpoint: z.enum(['enabled', 'disabled']).default('enabled'),
      keyName: z.string().nullable().default(null),
      launchedAt: isoDate.optional(),
      tags,
    }),
  ),
  securityGroups: z.array(
    z.object({
      ...resourceBase,
      groupId: z.string(),
      vpcId: z.string().nullable().default(null),
      description: z.string().default(''),
      ingress: z.array(ipPermissionSchema),
      egress: z.array(ipPermissionSchema).default([]),
      tags,
    }),
  ),
  vpcs: z.array(
    z.object({ ...resourceBase, vpcId: z.string(), cidrBlock: z.string(), isDefault: z.boolean(), tags }),
  ),
  subnets: z.array(
    z.object({
      ...resourceBase,
      subnetId: z.string(),
      vpcId: z.string(),
      availabilityZone: z.string(),
      cidrBlock: z.string(),
      mapPublicIpOnLaunch: z.boolean().default(false),
      /** True when the subnet's route table sends 0.0.0.0/0 to an internet gateway. */
      public: z.boolean(),
      /** True when the subnet's route table sends ::/0 to an internet gateway. */
      publicIpv6: z.boolean().default(false),
      tags,
    }),
  ),
  volumes: z.array(
    z.object({
      ...resourceBase,
      volumeId: z.string(),
      sizeGiB: z.number(),
      encrypted: z.boolean(),
      kmsKeyId: z.string().nullable().default(null),
      state: z.string(),
      attachedInstanceIds: z.array(z.string()).default([]),
      tags,
    }),
  ),
  snapshots: z.array(
    z.object({
      ...resourceBase,
      snapshotId: z.string(),
      /** Account that owns the snapshot; collect keeps only the reviewed account's own snapshots. */
      ownerId: z.string().nullable().default(null),
      volumeId: z.string().nullable().default(null),
      /** pending, completed, error, recoverable or recovering (DescribeSnapshots State). */
      state: z.string().default('completed'),
      encrypted: z.boolean(),
      kmsKeyId: z.string().nullable().default(null),
      public: z.boolean(),
      sharedWithAccounts: z.array(z.string()).default([]),
      startedAt: isoDate.optional(),
      tags,
    }),
  ),
  /** One entry per account and region. */
  ebsEncryptionByDefault: z.array(
    z.object({ ...resourceBase, enabled: z.boolean(), kmsKeyId: z.string().nullable().default(null) }),
  ),
  instanceConnectEndpoints: z
    .array(z.object({ ...resourceBase, endpointId: z.string(), vpcId: z.string(), state: z.string() }))
    .default([]),
  /** Managed prefix lists (customer and AWS-managed) with their entries, to resolve security group rules. */
  prefixLists: z
    .array(z.object({ ...resourceBase, prefixListId: z.string(), cidrs: z.array(z.string()) }))
    .default([]),
});

export const ssmSchema = z.object({
  managedInstances: z.array(
    z.object({
      ...resourceBase,
      instanceId: z.string(),
      pingStatus: z.enum(['Online', 'ConnectionLost', 'Inactive']),
      agentVersion: z.string().optional(),
      platformType: z.string().optional(),
    }),
  ),
  /** Session Manager preferences (the SSM-SessionManagerRunShell document), one per account and region. */
  sessionPreferences: z.array(
    z.object({
      ...resourceBase,
      configured: z.boolean(),
      s3BucketName: z.string().nullable().default(null),
      s3EncryptionEnabled: z.boolean().default(false),
      cloudWatchLogGroupName: z.string().nullable().default(null),
      cloudWatchEncryptionEnabled: z.boolean().default(false),
      kmsKeyId: z.string().nullable().default(null),
      idleSessionTimeoutMinutes: z.number().int().nullable().default(null),
    }),
  ),
});

export const rdsSchema = z.object({
  instances: z.array(
    z.object({
      ...resourceBase,
      identifier: z.string(),
      engine: z.string(),
      engineVersion: z.string(),
      instanceClass: z.string(),
      status: z.string().default('available'),
      /** Set when the instance is a member of an Aurora (or Multi-AZ DB) cluster. */
      clusterIdentifier: z.string().nullable().default(null),
      multiAz: z.boolean(),
      availabilityZone: z.string().nullable().default(null),
      secondaryAvailabilityZone: z.string().nullable().default(null),
      storageEncrypted: z.boolean(),
      kmsKeyId: z.string().nullable().default(null),
      allocatedStorageGiB: z.number(),
      maxAllocatedStorageGiB: z.number().nullable().default(null),
      /** Free storage measured by collect (CloudWatch FreeStorageSpace), when known. */
      freeStorageGiB: z.number().nullable().default(null),
      storageType: z.string().default('gp3'),
      backupRetentionDays: z.number().int().nonnegative(),
      deletionProtection: z.boolean(),
      publiclyAccessible: z.boolean(),
      performanceInsightsEnabled: z.boolean().default(false),
      monitoringIntervalSeconds: z.number().int().default(0),
      iamDatabaseAuthenticationEnabled: z.boolean().default(false),
      parameterGroups: z.array(z.string()).default([]),
      readReplicaSourceIdentifier: z.string().nullable().default(null),
      readReplicaIdentifiers: z.array(z.string()).default([]),
      /** Regions holding automated backup replicas of this instance. */
      backupReplicationRegions: z.array(z.string()).default([]),
      /** Estimated rows across all tables, when known (from a tag or an assessment). */
      approximateRowCount: z.number().nullable().default(null),
      tags,
    }),
  ),
  clusters: z.array(
    z.object({
      ...resourceBase,
      identifier: z.string(),
      engine: z.string(),
      engineVersion: z.string(),
      engineMode: z.string().default('provisioned'),
      status: z.string().default('available'),
      multiAz: z.boolean(),
      storageEncrypted: z.boolean(),
      kmsKeyId: z.string().nullable().default(null),
      backupRetentionDays: z.number().int().nonnegative(),
      deletionProtection: z.boolean(),
      iamDatabaseAuthenticationEnabled: z.boolean().default(false),
      parameterGroup: z.string().nullable().default(null),
      members: z.array(
        z.object({
          instanceIdentifier: z.string(),
          isWriter: z.boolean(),
          availabilityZone: z.string().nullable().default(null),
          promotionTier: z.number().int().min(0).max(15).default(1),
        }),
      ),
      backupReplicationRegions: z.array(z.string()).default([]),
      globalClusterIdentifier: z.string().nullable().default(null),
      tags,
    }),
  ),
  snapshots: z.array(
    z.object({
      ...resourceBase,
      identifier: z.string(),
      /** Instance or cluster the snapshot was taken from. */
      sourceIdentifier: z.string(),
      kind: z.enum(['instance', 'cluster']),
      snapshotType: z.string(),
      encrypted: z.boolean(),
      kmsKeyId: z.string().nullable().default(null),
      public: z.boolean().default(false),
      createdAt: isoDate.optional(),
    }),
  ),
  parameterGroups: z.array(
    z.object({
      ...resourceBase,
      kind: z.enum(['instance', 'cluster']),
      family: z.string(),
      /** Only parameters whose value matters to checks (e.g. require_secure_transport, rds.force_ssl). */
      parameters: z.record(z.string(), z.string()),
    }),
  ),
});

export const kmsSchema = z.object({
  keys: z.array(
    z.object({
      ...resourceBase,
      keyId: z.string(),
      manager: z.enum(['CUSTOMER', 'AWS']),
      state: z.enum([
        'Enabled',
        'Disabled',
        'PendingDeletion',
        'PendingImport',
        'Unavailable',
        'Creating',
        'Updating',
      ]),
      keySpec: z.string().default('SYMMETRIC_DEFAULT'),
      rotationEnabled: z.boolean().nullable().default(null),
      deletionDate: isoDate.nullable().default(null),
      aliases: z.array(z.string()).default([]),
      description: z.string().default(''),
      tags,
    }),
  ),
});

export const s3Schema = z.object({
  buckets: z.array(
    z.object({
      ...resourceBase,
      createdAt: isoDate.optional(),
      /** Default encryption; null when none is configured. */
      encryption: z
        .object({ algorithm: z.enum(['AES256', 'aws:kms', 'aws:kms:dsse']), kmsKeyId: z.string().nullable() })
        .nullable(),
      publicAccessBlock: z
        .object({
          blockPublicAcls: z.boolean(),
          ignorePublicAcls: z.boolean(),
          blockPublicPolicy: z.boolean(),
          restrictPublicBuckets: z.boolean(),
        })
        .nullable(),
      /** True when the bucket policy denies requests with aws:SecureTransport = false. */
      tlsOnlyPolicy: z.boolean(),
      publicPolicy: z.boolean().default(false),
      versioning: z.enum(['Enabled', 'Suspended', 'Disabled']).default('Disabled'),
      tags,
    }),
  ),
  /** Account-level S3 Block Public Access, one per account. */
  accountPublicAccessBlocks: z
    .array(
      z.object({
        ...resourceBase,
        blockPublicAcls: z.boolean(),
        ignorePublicAcls: z.boolean(),
        blockPublicPolicy: z.boolean(),
        restrictPublicBuckets: z.boolean(),
      }),
    )
    .default([]),
});

export const cloudtrailSchema = z.object({
  trails: z.array(
    z.object({
      ...resourceBase,
      homeRegion: z.string(),
      isMultiRegion: z.boolean(),
      isOrganizationTrail: z.boolean(),
      logFileValidation: z.boolean(),
      isLogging: z.boolean(),
      kmsKeyId: z.string().nullable().default(null),
      s3BucketName: z.string().nullable().default(null),
      includeGlobalServiceEvents: z.boolean().default(true),
    }),
  ),
});

export const coverageGapSchema = z.object({
  /** Inventory part that could not be read completely, e.g. `rds.instances`. */
  part: z.string(),
  accountId: z.string(),
  /** Region, or `global` for global services, or `*` for every region of the account. */
  region: z.string(),
  reason: z.enum([
    'access-denied',
    'throttled',
    'opt-in-required',
    'region-disabled',
    'assume-role-failed',
    'timeout',
    'error',
  ]),
  message: z.string(),
  operation: z.string().optional(),
  /** ARN of the one resource the gap concerns; absent: every resource of the part in the account and region. */
  resource: z.string().optional(),
  /** Field path of the one datum the gap concerns, e.g. `s3.buckets.policy`; absent: the whole part. */
  attribute: z.string().optional(),
  httpStatus: z.number().int().optional(),
  /** What the user can do about the gap. */
  hint: z.string().optional(),
});

export const inventorySchema = z
  .object({
    schemaVersion: z.literal(SNAPSHOT_VERSION),
    generator: z.object({ name: z.literal('wareview'), version: z.string() }),
    collectedAt: isoDate,
    /** Workload name the snapshot was collected for. */
    workload: z.string().min(1),
    scope: z.object({
      accounts: z.array(z.string()),
      regions: z.array(z.string()),
      organization: z.boolean(),
    }),
    organization: organizationSchema.nullable(),
    accounts: z.array(accountSchema),
    iam: iamSchema,
    ec2: ec2Schema,
    ssm: ssmSchema,
    rds: rdsSchema,
    kms: kmsSchema,
    s3: s3Schema,
    cloudtrail: cloudtrailSchema,
    coverage: z.array(coverageGapSchema),
    /**
     * Set on a partial snapshot (`--shard I/N`): `scope.accounts` is this shard's share of `accounts`, the
     * accounts every shard chose from; `wareview merge` joins the shards into one full snapshot.
     */
    shard: z
      .object({
        index: z.number().int().positive(),
        count: z.number().int().positive(),
        accounts: z.array(z.string()),
      })
      .optional(),
  })
  .strict();

export type Inventory = z.infer<typeof inventorySchema>;
export type InventoryInput = z.input<typeof inventorySchema>;
export type CoverageGap = z.infer<typeof coverageGapSchema>;
export type Account = z.infer<typeof accountSchema>;
export type Organization = z.infer<typeof organizationSchema>;

/** Services whose parts a check may name in `needs` (`service.part`). */
export const INVENTORY_SERVICES = ['iam', 'ec2', 'ssm', 'rds', 'kms', 's3', 'cloudtrail'] as const;

/** Every part name a check may declare in `needs`, e.g. `rds.instances`, plus `organization` and `accounts`. */
export const INVENTORY_PARTS: readonly string[] = [
  'organization',
  'accounts',
  ...INVENTORY_SERVICES.flatMap((service) =>
    Object.keys(inventorySchema.shape[service].shape).map((part) => `${service}.${part}`),
  ),
];

/** An empty snapshot to fill: collectors and test fixtures start from it. */
export function emptyInventory(workload: string, collectedAt = new Date().toISOString()): InventoryInput {
  return {
    schemaVersion: SNAPSHOT_VERSION,
    generator: { name: 'wareview', version: '0.1.0' },
    collectedAt,
    workload,
    scope: { accounts: [], regions: [], organization: false },
    organization: null,
    accounts: [],
    iam: { accountSummaries: [], passwordPolicies: [], users: [], roles: [] },
    ec2: {
      instances: [],
      securityGroups: [],
      vpcs: [],
      subnets: [],
      volumes: [],
      snapshots: [],
      ebsEncryptionByDefault: [],
      instanceConnectEndpoints: [],
      prefixLists: [],
    },
    ssm: { managedInstances: [], sessionPreferences: [] },
    rds: { instances: [], clusters: [], snapshots: [], parameterGroups: [] },
    kms: { keys: [] },
    s3: { buckets: [], accountPublicAccessBlocks: [] },
    cloudtrail: { trails: [] },
    coverage: [],
  };
}
