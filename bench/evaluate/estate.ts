import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { SNAPSHOT_VERSION } from '../../src/inventory/schema.ts';

/**
 * A synthetic inventory snapshot of about `resources` resources: accounts in OUs named in every case style,
 * two regions each, every inventory part filled with realistic shapes (public and private subnets, open and
 * closed security groups, Multi-AZ and single-AZ databases, Aurora clusters, owned and shared snapshots).
 * Generated account by account and streamed through gzip, so a million resources never sit in memory.
 */
export const REGIONS = ['eu-west-1', 'us-east-1'];
const COLLECTED_AT = '2026-11-27T09:00:00.000Z';

/** Resources per account and region. */
const PER_REGION = {
  instances: 120,
  securityGroups: 40,
  vpcs: 2,
  subnets: 12,
  volumes: 150,
  snapshots: 150,
  managedInstances: 80,
  dbInstances: 10,
  dbClusters: 2,
  dbSnapshots: 20,
  kmsKeys: 15,
};
/** Resources per account (global services, and buckets which are listed once per account). */
const PER_ACCOUNT = { users: 20, roles: 40, buckets: 30 };
/** Per region: parameter groups (4), EBS default, session preferences, an instance connect endpoint. */
const FIXED_PER_REGION = 7;
/** Per account: summary, password policy, account public access block, trail. */
const FIXED_PER_ACCOUNT = 4;

export function resourcesPerAccount(): number {
  const regional = Object.values(PER_REGION).reduce((sum, count) => sum + count, 0) + FIXED_PER_REGION;
  const global = Object.values(PER_ACCOUNT).reduce((sum, count) => sum + count, 0) + FIXED_PER_ACCOUNT;
  return REGIONS.length * regional + global;
}

export function accountsFor(resources: number): number {
  return Math.max(4, Math.round(resources / resourcesPerAccount()));
}

/** OU names as organizations spell them: the environment reader must handle every style. */
const OUS = [
  { name: 'ScaleProd', env: 'prod' },
  { name: 'ScaleNonProd', env: 'dev' },
  { name: 'workloads-prd', env: 'prod' },
  { name: 'workloads_staging', env: 'stg' },
  { name: 'SANDBOX', env: 'sandbox' },
  { name: 'Test', env: 'test' },
];

/** Resource names in kebab, snake, camel, Pascal and upper case, some with environment words. */
const NAME_STYLES: ((words: string[]) => string)[] = [
  (words) => words.join('-'),
  (words) => words.join('_'),
  (words) => words[0] + words.slice(1).map(capitalise).join(''),
  (words) => words.map(capitalise).join(''),
  (words) => words.join('-').toUpperCase(),
];
const APPS = ['orders', 'payments', 'catalog', 'search', 'checkout', 'ledger', 'inventory', 'jumpstart'];
const ROLES = ['api', 'worker', 'web', 'batch', 'bastion', 'jump-host', 'cache', 'etl'];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** mulberry32: the same snapshot for the same size on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
const accountIdOf = (index: number) => String(200000000000 + index);

interface Context {
  account: string;
  region: string;
  env: string;
  rand: () => number;
}

function pick<T>(context: Context, items: readonly T[]): T {
  return items[Math.floor(context.rand() * items.length)]!;
}

function chance(context: Context, probability: number): boolean {
  return context.rand() < probability;
}

function resourceName(context: Context, index: number, role = pick(context, ROLES)): string {
  const words = [pick(context, APPS), ...role.split('-'), context.env, String(index)];
  return pick(context, NAME_STYLES)(words);
}

function base(context: Context, service: string, resource: string, name: string) {
  return {
    arn: `arn:aws:${service}:${context.region}:${context.account}:${resource}`,
    accountId: context.account,
    region: context.region,
    name,
  };
}

const isoDay = (context: Context, maxDaysAgo: number) =>
  new Date(Date.parse(COLLECTED_AT) - Math.floor(context.rand() * maxDaysAgo) * 86_400_000).toISOString();

function rule(context: Context, port: number | null, open: boolean) {
  return {
    protocol: port === null ? '-1' : 'tcp',
    fromPort: port,
    toPort: port,
    ipv4Ranges: open ? ['0.0.0.0/0'] : ['10.0.0.0/8'],
    ipv6Ranges: open && chance(context, 0.3) ? ['::/0'] : [],
    sourceGroupIds: open ? [] : [`sg-${hex(Math.floor(context.rand() * 0xffff), 17)}`],
    prefixListIds: [],
  };
}

/** One account-region's regional parts. */
function regionalParts(context: Context) {
  const { account, region } = context;
  const regionIndex = REGIONS.indexOf(region);
  const id = (prefix: string, index: number) =>
    `${prefix}-${hex(Number(account) % 1_000_000, 6)}${regionIndex}${hex(index, 10)}`;
  const vpcs = Array.from({ length: PER_REGION.vpcs }, (_, index) => ({
    ...base(context, 'ec2', `vpc/${id('vpc', index)}`, `${context.env}-vpc-${index}`),
    vpcId: id('vpc', index),
    cidrBlock: `10.${index}.0.0/16`,
    isDefault: index === 0 && chance(context, 0.2),
    tags: { Name: `${context.env}-vpc-${index}` },
  }));
  const subnets = Array.from({ length: PER_REGION.subnets }, (_, index) => ({
    ...base(
      context,
      'ec2',
      `subnet/${id('subnet', index)}`,
      `subnet-${index % 3 === 0 ? 'public' : 'private'}`,
    ),
    subnetId: id('subnet', index),
    vpcId: vpcs[index % vpcs.length]!.vpcId,
    availabilityZone: `${region}${'abc'[index % 3]}`,
    cidrBlock: `10.${index % vpcs.length}.${index}.0/24`,
    mapPublicIpOnLaunch: index % 3 === 0,
    public: index % 3 === 0,
    tags: {},
  }));
  const securityGroups = Array.from({ length: PER_REGION.securityGroups }, (_, index) => {
    const open = chance(context, 0.15);
    return {
      ...base(context, 'ec2', `security-group/${id('sg', index)}`, resourceName(context, index)),
      groupId: id('sg', index),
      vpcId: vpcs[index % vpcs.length]!.vpcId,
      description: 'managed by the platform team',
      ingress: [
        rule(context, 443, true),
        rule(context, pick(context, [22, 3389, 3306, 5432, 6379, 8080]), open),
        ...(chance(context, 0.05) ? [rule(context, null, open)] : []),
      ],
      egress: [rule(context, null, true)],
      tags: { team: pick(context, APPS) },
    };
  });
  const instances = Array.from({ length: PER_REGION.instances }, (_, index) => {
    const subnet = subnets[index % subnets.length]!;
    const role = pick(context, ROLES);
    const name = resourceName(context, index, role);
    return {
      ...base(context, 'ec2', `instance/${id('i', index)}`, name),
      instanceId: id('i', index),
      state: chance(context, 0.9) ? 'running' : 'stopped',
      instanceType: pick(context, ['t3.micro', 'm6i.large', 'c6g.xlarge', 'r6i.2xlarge']),
      platform: chance(context, 0.1) ? 'windows' : 'linux',
      vpcId: subnet.vpcId,
      subnetId: subnet.subnetId,
      availabilityZone: subnet.availabilityZone,
      publicIp:
        subnet.public && chance(context, 0.6) ? `3.${index % 250}.${regionIndex}.${index % 200}` : null,
      privateIp: `10.0.${index % 250}.${(index * 7) % 250}`,
      securityGroupIds: [
        securityGroups[index % securityGroups.length]!.groupId,
        securityGroups[(index * 3 + 1) % securityGroups.length]!.groupId,
      ],
      iamInstanceProfileArn: chance(context, 0.8)
        ? `arn:aws:iam::${account}:instance-profile/${pick(context, APPS)}-profile`
        : null,
      imdsHttpTokens: chance(context, 0.7) ? 'required' : 'optional',
      imdsHttpEndpoint: 'enabled',
      keyName: chance(context, 0.3) ? 'ops-shared-key' : null,
      launchedAt: isoDay(context, 900),
      tags: { Name: name, environment: context.env, role },
    };
  });
  const managedInstances = instances.slice(0, PER_REGION.managedInstances).map((instance) => ({
    ...base(context, 'ssm', `managed-instance/${instance.instanceId}`, instance.name),
    instanceId: instance.instanceId,
    pingStatus: chance(context, 0.9) ? 'Online' : 'ConnectionLost',
    agentVersion: '3.3.40.0',
    platformType: instance.platform === 'windows' ? 'Windows' : 'Linux',
  }));
  const kmsKeys = Array.from({ length: PER_REGION.kmsKeys }, (_, index) => {
    const awsManaged = index < 3;
    const keyId = `${hex(Number(account) % 0xffffffff, 8)}-${hex(regionIndex, 4)}-4000-8000-${hex(index, 12)}`;
    return {
      ...base(context, 'kms', `key/${keyId}`, awsManaged ? `alias/aws/${['ebs', 'rds', 's3'][index]}` : ''),
      keyId,
      manager: awsManaged ? 'AWS' : 'CUSTOMER',
      state: chance(context, 0.95) ? 'Enabled' : pick(context, ['Disabled', 'PendingDeletion']),
      keySpec: 'SYMMETRIC_DEFAULT',
      rotationEnabled: awsManaged ? true : chance(context, 0.6),
      deletionDate: null,
      aliases: awsManaged
        ? [`alias/aws/${['ebs', 'rds', 's3'][index]}`]
        : [`alias/${resourceName(context, index, 'key')}`],
      description: '',
      tags: {},
    };
  });
  const keyArn = () => kmsKeys[3 + Math.floor(context.rand() * (kmsKeys.length - 3))]!.arn;
  const volumes = Array.from({ length: PER_REGION.volumes }, (_, index) => {
    const encrypted = chance(context, 0.8);
    const instance = instances[index % instances.length]!;
    return {
      ...base(context, 'ec2', `volume/${id('vol', index)}`, `${instance.name}-root`),
      volumeId: id('vol', index),
      sizeGiB: pick(context, [8, 20, 100, 500]),
      encrypted,
      kmsKeyId: encrypted ? keyArn() : null,
      state: index < instances.length ? 'in-use' : 'available',
      attachedInstanceIds: index < instances.length ? [instance.instanceId] : [],
      tags: {},
    };
  });
  const snapshots = Array.from({ length: PER_REGION.snapshots }, (_, index) => {
    const volume = volumes[index % volumes.length]!;
    return {
      ...base(context, 'ec2', `snapshot/${id('snap', index)}`, `${volume.name}-backup-${index}`),
      snapshotId: id('snap', index),
      volumeId: volume.volumeId,
      state: 'completed',
      encrypted: volume.encrypted,
      kmsKeyId: volume.kmsKeyId,
      public: chance(context, 0.01),
      sharedWithAccounts: chance(context, 0.05) ? ['999999999999'] : [],
      startedAt: isoDay(context, 400),
      tags: {},
    };
  });
  const engines = [
    { engine: 'mysql', version: '8.0.35', family: 'mysql8.0' },
    { engine: 'postgres', version: '15.4', family: 'postgres15' },
    { engine: 'mysql', version: '5.7.44', family: 'mysql5.7' },
  ];
  const parameterGroups = [
    ...engines.map((engine) => ({
      ...base(context, 'rds', `pg:${engine.family.replace('.', '-')}-custom`, `${engine.family}-custom`),
      kind: 'instance',
      family: engine.family,
      parameters:
        engine.engine === 'mysql'
          ? { require_secure_transport: chance(context, 0.5) ? '1' : '0' }
          : { 'rds.force_ssl': chance(context, 0.5) ? '1' : '0' },
    })),
    {
      ...base(context, 'rds', 'cluster-pg:aurora-mysql8-custom', 'aurora-mysql8-custom'),
      kind: 'cluster',
      family: 'aurora-mysql8.0',
      parameters: { require_secure_transport: chance(context, 0.5) ? 'ON' : 'OFF' },
    },
  ];
  const clusters = Array.from({ length: PER_REGION.dbClusters }, (_, index) => {
    const identifier = resourceName(context, index, 'aurora').toLowerCase().replace(/_/g, '-');
    return {
      ...base(context, 'rds', `cluster:${identifier}`, identifier),
      identifier,
      engine: 'aurora-mysql',
      engineVersion: '8.0.mysql_aurora.3.05.2',
      engineMode: 'provisioned',
      status: 'available',
      multiAz: index === 0,
      storageEncrypted: true,
      kmsKeyId: keyArn(),
      backupRetentionDays: pick(context, [1, 7, 14, 35]),
      deletionProtection: chance(context, 0.7),
      iamDatabaseAuthenticationEnabled: chance(context, 0.3),
      parameterGroup: 'aurora-mysql8-custom',
      members: [
        {
          instanceIdentifier: `${identifier}-1`,
          isWriter: true,
          availabilityZone: `${region}a`,
          promotionTier: 1,
        },
        ...(index === 0
          ? [
              {
                instanceIdentifier: `${identifier}-2`,
                isWriter: false,
                availabilityZone: `${region}b`,
                promotionTier: 1,
              },
            ]
          : []),
      ],
      backupReplicationRegions: [],
      globalClusterIdentifier: null,
      tags: { environment: context.env },
    };
  });
  const clusterMembers = clusters.flatMap((cluster) =>
    cluster.members.map((member) => ({ cluster, member })),
  );
  const dbInstances = Array.from({ length: PER_REGION.dbInstances }, (_, index) => {
    const membership = clusterMembers[index];
    const engine = membership ? null : pick(context, engines);
    const identifier = membership
      ? membership.member.instanceIdentifier
      : resourceName(context, index, 'db').toLowerCase().replace(/_/g, '-');
    const allocated = pick(context, [20, 100, 500, 2000]);
    return {
      ...base(context, 'rds', `db:${identifier}`, identifier),
      identifier,
      engine: membership ? 'aurora-mysql' : engine!.engine,
      engineVersion: membership ? membership.cluster.engineVersion : engine!.version,
      instanceClass: pick(context, ['db.t3.medium', 'db.r6g.large', 'db.r5.4xlarge']),
      status: 'available',
      clusterIdentifier: membership ? membership.cluster.identifier : null,
      multiAz: membership ? false : chance(context, 0.5),
      availabilityZone: membership ? membership.member.availabilityZone : `${region}a`,
      secondaryAvailabilityZone: null,
      storageEncrypted: chance(context, 0.85),
      kmsKeyId: keyArn(),
      allocatedStorageGiB: allocated,
      maxAllocatedStorageGiB: chance(context, 0.5) ? allocated * 2 : null,
      freeStorageGiB: chance(context, 0.8) ? Math.floor(allocated * context.rand()) : null,
      storageType: pick(context, ['gp2', 'gp3', 'io1']),
      backupRetentionDays: pick(context, [0, 1, 7, 14, 35]),
      deletionProtection: chance(context, 0.6),
      publiclyAccessible: chance(context, 0.05),
      performanceInsightsEnabled: chance(context, 0.5),
      monitoringIntervalSeconds: pick(context, [0, 60]),
      iamDatabaseAuthenticationEnabled: chance(context, 0.3),
      parameterGroups: engine ? [`${engine.family}-custom`] : [],
      readReplicaSourceIdentifier: null,
      readReplicaIdentifiers: [],
      backupReplicationRegions: chance(context, 0.2) ? [REGIONS[(regionIndex + 1) % REGIONS.length]!] : [],
      approximateRowCount: null,
      tags: { environment: context.env, application: pick(context, APPS) },
    };
  });
  const dbSnapshots = Array.from({ length: PER_REGION.dbSnapshots }, (_, index) => {
    const source = dbInstances[index % dbInstances.length]!;
    const identifier = `${source.identifier}-snap-${index}`;
    return {
      ...base(context, 'rds', `snapshot:${identifier}`, identifier),
      identifier,
      sourceIdentifier: source.identifier,
      kind: 'instance',
      snapshotType: chance(context, 0.8) ? 'automated' : 'manual',
      encrypted: source.storageEncrypted,
      kmsKeyId: source.kmsKeyId,
      public: chance(context, 0.01),
      createdAt: isoDay(context, 35),
    };
  });
  return {
    ec2: {
      instances,
      securityGroups,
      vpcs,
      subnets,
      volumes,
      snapshots,
      ebsEncryptionByDefault: [
        {
          ...base(context, 'ec2', 'ebs-encryption-by-default', 'EBS encryption by default'),
          enabled: chance(context, 0.5),
          kmsKeyId: null,
        },
      ],
      instanceConnectEndpoints: [
        {
          ...base(context, 'ec2', `instance-connect-endpoint/${id('eice', 0)}`, 'eice'),
          endpointId: id('eice', 0),
          vpcId: vpcs[0]!.vpcId,
          state: 'create-complete',
        },
      ],
    },
    ssm: {
      managedInstances,
      sessionPreferences: [
        {
          ...base(context, 'ssm', 'document/SSM-SessionManagerRunShell', 'SSM-SessionManagerRunShell'),
          configured: chance(context, 0.5),
          s3BucketName: null,
          s3EncryptionEnabled: false,
          cloudWatchLogGroupName: chance(context, 0.5) ? '/ssm/sessions' : null,
          cloudWatchEncryptionEnabled: chance(context, 0.5),
          kmsKeyId: null,
          idleSessionTimeoutMinutes: 20,
        },
      ],
    },
    rds: { instances: dbInstances, clusters, snapshots: dbSnapshots, parameterGroups },
    kms: { keys: kmsKeys },
  };
}

/** One account's global parts (IAM, S3, CloudTrail). */
function globalParts(context: Context, logArchive: string) {
  const { account } = context;
  const global = { ...context, region: 'global' };
  const iamBase = (resource: string, name: string) => ({
    arn: `arn:aws:iam::${account}:${resource}`,
    accountId: account,
    region: 'global',
    name,
  });
  const users = Array.from({ length: PER_ACCOUNT.users }, (_, index) => {
    const name = resourceName(global, index, 'user');
    return {
      ...iamBase(`user/${name}`, name),
      createdAt: isoDay(context, 1500),
      passwordEnabled: chance(context, 0.4),
      passwordLastUsedAt: chance(context, 0.5) ? isoDay(context, 200) : null,
      mfaDevices: chance(context, 0.7) ? 1 : 0,
      accessKeys: chance(context, 0.5)
        ? [
            {
              id: `AKIA${hex(Number(account) % 0xffffff, 6).toUpperCase()}${hex(index, 10).toUpperCase()}`,
              status: chance(context, 0.9) ? 'Active' : 'Inactive',
              createdAt: isoDay(context, 700),
              lastUsedAt: chance(context, 0.7) ? isoDay(context, 120) : null,
            },
          ]
        : [],
      attachedPolicies: chance(context, 0.1) ? ['arn:aws:iam::aws:policy/AdministratorAccess'] : [],
      tags: {},
    };
  });
  const roles = Array.from({ length: PER_ACCOUNT.roles }, (_, index) => {
    const name = resourceName(global, index, 'role');
    return {
      ...iamBase(`role/${name}`, name),
      trustedPrincipals: [chance(context, 0.8) ? 'ec2.amazonaws.com' : `arn:aws:iam::${logArchive}:root`],
      attachedPolicies: [],
      lastUsedAt: chance(context, 0.8) ? isoDay(context, 90) : null,
    };
  });
  const block = (on: boolean) => ({
    blockPublicAcls: on,
    ignorePublicAcls: on,
    blockPublicPolicy: on,
    restrictPublicBuckets: on,
  });
  const buckets = Array.from({ length: PER_ACCOUNT.buckets }, (_, index) => {
    const name = `${resourceName(global, index, 'data')}-${account}`.toLowerCase().replace(/_/g, '-');
    return {
      arn: `arn:aws:s3:::${name}`,
      accountId: account,
      region: REGIONS[index % REGIONS.length]!,
      name,
      createdAt: isoDay(context, 1500),
      encryption: chance(context, 0.9)
        ? { algorithm: chance(context, 0.5) ? 'AES256' : 'aws:kms', kmsKeyId: null }
        : null,
      publicAccessBlock: chance(context, 0.8) ? block(true) : null,
      tlsOnlyPolicy: chance(context, 0.5),
      publicPolicy: chance(context, 0.02),
      versioning: pick(context, ['Enabled', 'Suspended', 'Disabled']),
      tags: chance(context, 0.3) ? { classification: 'confidential' } : {},
    };
  });
  return {
    iam: {
      accountSummaries: [
        {
          ...iamBase('root', 'account summary'),
          rootMfaEnabled: chance(context, 0.9),
          rootAccessKeysPresent: chance(context, 0.05),
          users: PER_ACCOUNT.users,
          roles: PER_ACCOUNT.roles,
        },
      ],
      passwordPolicies: [
        {
          ...iamBase('account-password-policy', 'password policy'),
          present: chance(context, 0.8),
          minimumLength: pick(context, [8, 14, 16]),
          requireSymbols: true,
          requireNumbers: true,
          requireUppercase: true,
          requireLowercase: true,
          maxAgeDays: 90,
          reusePrevention: 24,
        },
      ],
      users,
      roles,
    },
    s3: {
      buckets,
      accountPublicAccessBlocks: [
        {
          arn: `arn:aws:s3::${account}:account-public-access-block`,
          accountId: account,
          region: 'global',
          name: 'account public access block',
          ...block(chance(context, 0.7)),
        },
      ],
    },
    cloudtrail: {
      trails: [
        {
          arn: `arn:aws:cloudtrail:${REGIONS[0]}:${account}:trail/${context.env}-trail`,
          accountId: account,
          region: REGIONS[0]!,
          name: `${context.env}-trail`,
          homeRegion: REGIONS[0]!,
          isMultiRegion: chance(context, 0.8),
          isOrganizationTrail: false,
          logFileValidation: chance(context, 0.7),
          isLogging: true,
          kmsKeyId: chance(context, 0.5) ? `arn:aws:kms:${REGIONS[0]}:${account}:key/trail` : null,
          s3BucketName: `cloudtrail-logs-${logArchive}`,
          includeGlobalServiceEvents: true,
        },
      ],
    },
  };
}

type Parts = ReturnType<typeof regionalParts> & ReturnType<typeof globalParts>;
const SERVICES = {
  iam: ['accountSummaries', 'passwordPolicies', 'users', 'roles'],
  ec2: [
    'instances',
    'securityGroups',
    'vpcs',
    'subnets',
    'volumes',
    'snapshots',
    'ebsEncryptionByDefault',
    'instanceConnectEndpoints',
  ],
  ssm: ['managedInstances', 'sessionPreferences'],
  rds: ['instances', 'clusters', 'snapshots', 'parameterGroups'],
  kms: ['keys'],
  s3: ['buckets', 'accountPublicAccessBlocks'],
  cloudtrail: ['trails'],
} as const;

function organization(accounts: number) {
  const management = accountIdOf(0);
  const ous = OUS.map((ou, index) => ({
    id: `ou-root-${hex(index, 8)}`,
    arn: `arn:aws:organizations::${management}:ou/o-bench/ou-root-${hex(index, 8)}`,
    name: ou.name,
    parentId: 'r-root',
  }));
  const accountList = Array.from({ length: accounts }, (_, index) => {
    const ou = OUS[index % OUS.length]!;
    const special =
      index === 0 ? 'management' : index === 1 ? 'log-archive' : index === 2 ? 'security' : null;
    return {
      id: accountIdOf(index),
      arn: `arn:aws:organizations::${management}:account/o-bench/${accountIdOf(index)}`,
      name: special
        ? `bench-${special}`
        : `${ou.name}-${pick({ rand: random(index) } as Context, APPS)}-${index}`,
      email: `aws+${index}@example.com`,
      status: index % 97 === 5 ? 'SUSPENDED' : 'ACTIVE',
      isManagement: index === 0,
      parentId: special ? 'r-root' : ous[index % OUS.length]!.id,
      ouPath: special ? (special === 'management' ? [] : ['Security']) : [ou.name],
      tags: {},
    };
  });
  return {
    organization: {
      id: 'o-bench',
      arn: `arn:aws:organizations::${management}:organization/o-bench`,
      managementAccountId: management,
      featureSet: 'ALL',
      rootId: 'r-root',
      organizationalUnits: ous,
      policies: [
        {
          id: 'p-FullAWSAccess',
          arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
          name: 'FullAWSAccess',
          type: 'SERVICE_CONTROL_POLICY',
          awsManaged: true,
          targets: ['r-root'],
        },
        {
          id: 'p-guardrails',
          arn: `arn:aws:organizations::${management}:policy/o-bench/service_control_policy/p-guardrails`,
          name: 'deny-leave-organization',
          type: 'SERVICE_CONTROL_POLICY',
          awsManaged: false,
          targets: ous.slice(0, 3).map((ou) => ou.id),
        },
      ],
    },
    accounts: accountList,
  };
}

function accountParts(index: number): Parts[] {
  const account = accountIdOf(index);
  const env = OUS[index % OUS.length]!.env;
  const rand = random(index + 1);
  return [
    globalParts({ account, region: 'global', env, rand }, accountIdOf(1)) as unknown as Parts,
    ...REGIONS.map((region) => regionalParts({ account, region, env, rand }) as unknown as Parts),
  ];
}

/**
 * Writes every account's items of each part to that part's own scratch file (`,`-separated JSON), so
 * each account is generated once and only one account's resources are in memory at a time.
 */
function writePartFiles(accounts: number, dir: string): Map<string, string> {
  const files = new Map<string, { path: string; fd: number; empty: boolean }>();
  for (const [service, parts] of Object.entries(SERVICES)) {
    for (const part of parts) {
      const path = join(dir, `${service}.${part}.json`);
      files.set(`${service}.${part}`, { path, fd: openSync(path, 'w'), empty: true });
    }
  }
  for (let index = 0; index < accounts; index += 1) {
    const pieces = new Map<string, string[]>();
    for (const generated of accountParts(index)) {
      for (const [service, parts] of Object.entries(generated as Record<string, Record<string, unknown[]>>)) {
        for (const [part, items] of Object.entries(parts)) {
          const key = `${service}.${part}`;
          const list = pieces.get(key) ?? [];
          for (const item of items) list.push(JSON.stringify(item));
          pieces.set(key, list);
        }
      }
    }
    for (const [key, list] of pieces) {
      const file = files.get(key)!;
      if (list.length === 0) continue;
      writeSync(file.fd, `${file.empty ? '' : ','}${list.join(',')}`);
      file.empty = false;
    }
  }
  for (const file of files.values()) closeSync(file.fd);
  return new Map([...files].map(([key, file]) => [key, file.path]));
}

/** The snapshot's JSON: the organization, then each part's scratch file inside its array. */
async function* snapshotText(
  accounts: number,
  partFiles: Map<string, string>,
): AsyncGenerator<string | Buffer> {
  const { organization: org, accounts: accountList } = organization(accounts);
  yield `{"schemaVersion":${SNAPSHOT_VERSION},"generator":{"name":"wareview","version":"0.1.0"},`;
  yield `"collectedAt":${JSON.stringify(COLLECTED_AT)},"workload":"bench-estate",`;
  yield `"scope":${JSON.stringify({ accounts: accountList.map((a) => a.id), regions: REGIONS, organization: true })},`;
  yield `"organization":${JSON.stringify(org)},"accounts":${JSON.stringify(accountList)}`;
  for (const [service, parts] of Object.entries(SERVICES)) {
    yield `,${JSON.stringify(service)}:{`;
    for (const [partIndex, part] of parts.entries()) {
      yield `${partIndex > 0 ? ',' : ''}${JSON.stringify(part)}:[`;
      for await (const chunk of createReadStream(partFiles.get(`${service}.${part}`)!)) yield chunk as Buffer;
      yield ']';
    }
    yield '}';
  }
  yield ',"coverage":[]}';
}

/** Writes a synthetic snapshot of about `resources` resources to `path` (gzipped JSON). */
export async function writeBenchSnapshot(path: string, resources: number): Promise<number> {
  const accounts = accountsFor(resources);
  const temporary = `${path}.${process.pid}.tmp`;
  const scratch = mkdtempSync(join(tmpdir(), 'wareview-bench-parts-'));
  try {
    const partFiles = writePartFiles(accounts, scratch);
    await pipeline(
      Readable.from(snapshotText(accounts, partFiles)),
      createGzip(),
      createWriteStream(temporary),
    );
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return accounts;
}
