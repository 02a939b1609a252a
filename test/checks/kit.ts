/**
 * Fixture kit for check tests: small factories with realistic defaults, and the fixture-table contract.
 * A check `checks/<area>/<id>.ts` has its table in `checks/<area>/<id>.fixtures.ts`:
 *
 *   export default defineFixtures([
 *     { name: 'multi-AZ instance passes', given: (inv) => inv.rds.instances.push(rdsInstance({ multiAz: true })),
 *       expect: [{ status: 'pass' }] },
 *   ]);
 *
 * Every table needs at least one pass, one fail, one not_applicable and one coverage-gap (error) case.
 */
import { emptyInventory, type InventoryInput } from '../../src/inventory/schema.ts';
import type { Status } from '../../src/engine/check.ts';

export const ACCOUNT = '111111111111';
export const OTHER_ACCOUNT = '222222222222';
export const MANAGEMENT_ACCOUNT = '999999999999';
export const REGION = 'eu-west-1';
export const COLLECTED_AT = '2026-11-01T09:00:00.000Z';

export interface ExpectedResult {
  status: Status;
  /** Resource name the result must name, when it matters. */
  resource?: string;
  messageId?: string;
  /** A substring the evidence must contain. */
  evidence?: string;
}

export interface FixtureCase {
  name: string;
  given: (inventory: InventoryInput) => void;
  /** The results expected, in any order. */
  expect: ExpectedResult[];
}

export function defineFixtures(cases: FixtureCase[]): FixtureCase[] {
  return cases;
}

export function baseInventory(): InventoryInput {
  const inventory = emptyInventory('fixture', COLLECTED_AT);
  inventory.scope = { accounts: [ACCOUNT], regions: [REGION], organization: false };
  inventory.accounts = [{ id: ACCOUNT, name: 'workload', tags: {} }];
  return inventory;
}

/** Marks a part as unreadable in the fixture account and region. */
export function gap(inventory: InventoryInput, part: string, region = REGION, accountId = ACCOUNT): void {
  inventory.coverage.push({
    part,
    accountId,
    region,
    reason: 'access-denied',
    message: 'User is not authorized to perform this operation',
  });
}

type Input<T extends keyof InventoryInput, P extends string> =
  InventoryInput[T] extends Record<P, (infer R)[]> ? R : never;

function where(accountId: string | undefined, region: string | undefined) {
  return { accountId: accountId ?? ACCOUNT, region: region ?? REGION };
}

type Overrides<T> = Partial<T> & { accountId?: string; region?: string };

export function ec2Instance(o: Overrides<Input<'ec2', 'instances'>> = {}): Input<'ec2', 'instances'> {
  const { accountId, region } = where(o.accountId, o.region);
  const instanceId = o.instanceId ?? 'i-0a1b2c3d4e5f60001';
  return {
    arn: `arn:aws:ec2:${region}:${accountId}:instance/${instanceId}`,
    accountId,
    region,
    name: 'app-server',
    instanceId,
    state: 'running',
    instanceType: 'm6i.large',
    vpcId: 'vpc-0001',
    subnetId: 'subnet-private-a',
    securityGroupIds: ['sg-app'],
    imdsHttpTokens: 'required',
    ...o,
  };
}

export function securityGroup(
  o: Overrides<Input<'ec2', 'securityGroups'>> = {},
): Input<'ec2', 'securityGroups'> {
  const { accountId, region } = where(o.accountId, o.region);
  const groupId = o.groupId ?? 'sg-app';
  return {
    arn: `arn:aws:ec2:${region}:${accountId}:security-group/${groupId}`,
    accountId,
    region,
    name: groupId,
    groupId,
    vpcId: 'vpc-0001',
    ingress: [],
    ...o,
  };
}

/** An ingress rule from the internet on one port. */
export function openToWorld(port: number) {
  return { protocol: 'tcp', fromPort: port, toPort: port, ipv4Ranges: ['0.0.0.0/0'] };
}

export function subnet(o: Overrides<Input<'ec2', 'subnets'>> = {}): Input<'ec2', 'subnets'> {
  const { accountId, region } = where(o.accountId, o.region);
  const subnetId = o.subnetId ?? 'subnet-private-a';
  return {
    arn: `arn:aws:ec2:${region}:${accountId}:subnet/${subnetId}`,
    accountId,
    region,
    name: subnetId,
    subnetId,
    vpcId: 'vpc-0001',
    availabilityZone: `${region}a`,
    cidrBlock: '10.0.1.0/24',
    public: false,
    ...o,
  };
}

export function volume(o: Overrides<Input<'ec2', 'volumes'>> = {}): Input<'ec2', 'volumes'> {
  const { accountId, region } = where(o.accountId, o.region);
  const volumeId = o.volumeId ?? 'vol-0001';
  return {
    arn: `arn:aws:ec2:${region}:${accountId}:volume/${volumeId}`,
    accountId,
    region,
    name: volumeId,
    volumeId,
    sizeGiB: 100,
    encrypted: true,
    state: 'in-use',
    ...o,
  };
}

export function ebsSnapshot(o: Overrides<Input<'ec2', 'snapshots'>> = {}): Input<'ec2', 'snapshots'> {
  const { accountId, region } = where(o.accountId, o.region);
  const snapshotId = o.snapshotId ?? 'snap-0001';
  return {
    arn: `arn:aws:ec2:${region}::snapshot/${snapshotId}`,
    accountId,
    region,
    name: snapshotId,
    snapshotId,
    state: 'completed',
    encrypted: true,
    public: false,
    ...o,
  };
}

export function ebsDefault(o: Overrides<Input<'ec2', 'ebsEncryptionByDefault'>> = {}) {
  const { accountId, region } = where(o.accountId, o.region);
  return {
    arn: `arn:aws:ec2:${region}:${accountId}:ebs-encryption-by-default`,
    accountId,
    region,
    enabled: true,
    ...o,
  };
}

export function managedInstance(
  o: Overrides<Input<'ssm', 'managedInstances'>> = {},
): Input<'ssm', 'managedInstances'> {
  const { accountId, region } = where(o.accountId, o.region);
  const instanceId = o.instanceId ?? 'i-0a1b2c3d4e5f60001';
  return {
    arn: `arn:aws:ssm:${region}:${accountId}:managed-instance/${instanceId}`,
    accountId,
    region,
    instanceId,
    pingStatus: 'Online',
    ...o,
  };
}

export function sessionPreferences(o: Overrides<Input<'ssm', 'sessionPreferences'>> = {}) {
  const { accountId, region } = where(o.accountId, o.region);
  return {
    arn: `arn:aws:ssm:${region}:${accountId}:document/SSM-SessionManagerRunShell`,
    accountId,
    region,
    configured: true,
    ...o,
  };
}

export function rdsInstance(o: Overrides<Input<'rds', 'instances'>> = {}): Input<'rds', 'instances'> {
  const { accountId, region } = where(o.accountId, o.region);
  const identifier = o.identifier ?? 'orders-db';
  return {
    arn: `arn:aws:rds:${region}:${accountId}:db:${identifier}`,
    accountId,
    region,
    name: identifier,
    identifier,
    engine: 'mysql',
    engineVersion: '8.0.39',
    instanceClass: 'db.r6g.xlarge',
    multiAz: true,
    availabilityZone: `${region}a`,
    storageEncrypted: true,
    allocatedStorageGiB: 500,
    backupRetentionDays: 14,
    deletionProtection: true,
    publiclyAccessible: false,
    ...o,
  };
}

export function rdsCluster(o: Overrides<Input<'rds', 'clusters'>> = {}): Input<'rds', 'clusters'> {
  const { accountId, region } = where(o.accountId, o.region);
  const identifier = o.identifier ?? 'catalog-aurora';
  return {
    arn: `arn:aws:rds:${region}:${accountId}:cluster:${identifier}`,
    accountId,
    region,
    name: identifier,
    identifier,
    engine: 'aurora-mysql',
    engineVersion: '8.0.mysql_aurora.3.08.0',
    multiAz: true,
    storageEncrypted: true,
    backupRetentionDays: 14,
    deletionProtection: true,
    members: [
      {
        instanceIdentifier: `${identifier}-1`,
        isWriter: true,
        availabilityZone: `${region}a`,
        promotionTier: 1,
      },
      {
        instanceIdentifier: `${identifier}-2`,
        isWriter: false,
        availabilityZone: `${region}b`,
        promotionTier: 1,
      },
    ],
    ...o,
  };
}

export function rdsSnapshot(o: Overrides<Input<'rds', 'snapshots'>> = {}): Input<'rds', 'snapshots'> {
  const { accountId, region } = where(o.accountId, o.region);
  const identifier = o.identifier ?? 'rds:orders-db-2026-11-01';
  return {
    arn: `arn:aws:rds:${region}:${accountId}:snapshot:${identifier}`,
    accountId,
    region,
    name: identifier,
    identifier,
    sourceIdentifier: 'orders-db',
    kind: 'instance',
    snapshotType: 'automated',
    encrypted: true,
    ...o,
  };
}

export function parameterGroup(
  o: Overrides<Input<'rds', 'parameterGroups'>> = {},
): Input<'rds', 'parameterGroups'> {
  const { accountId, region } = where(o.accountId, o.region);
  const name = o.name ?? 'orders-mysql80';
  return {
    arn: `arn:aws:rds:${region}:${accountId}:pg:${name}`,
    accountId,
    region,
    name,
    kind: 'instance',
    family: 'mysql8.0',
    parameters: { require_secure_transport: '1' },
    ...o,
  };
}

export function kmsKey(o: Overrides<Input<'kms', 'keys'>> = {}): Input<'kms', 'keys'> {
  const { accountId, region } = where(o.accountId, o.region);
  const keyId = o.keyId ?? '1234abcd-12ab-34cd-56ef-1234567890ab';
  return {
    arn: `arn:aws:kms:${region}:${accountId}:key/${keyId}`,
    accountId,
    region,
    name: keyId,
    keyId,
    manager: 'CUSTOMER',
    state: 'Enabled',
    rotationEnabled: true,
    ...o,
  };
}

export function bucket(o: Overrides<Input<'s3', 'buckets'>> = {}): Input<'s3', 'buckets'> {
  const { accountId, region } = where(o.accountId, o.region);
  const name = o.name ?? 'shop-assets';
  return {
    arn: `arn:aws:s3:::${name}`,
    accountId,
    region,
    name,
    encryption: { algorithm: 'aws:kms', kmsKeyId: null },
    publicAccessBlock: {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    },
    tlsOnlyPolicy: true,
    ...o,
  };
}

export function trail(o: Overrides<Input<'cloudtrail', 'trails'>> = {}): Input<'cloudtrail', 'trails'> {
  const { accountId, region } = where(o.accountId, o.region);
  const name = o.name ?? 'org-trail';
  return {
    arn: `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`,
    accountId,
    region,
    name,
    homeRegion: region,
    isMultiRegion: true,
    isOrganizationTrail: true,
    logFileValidation: true,
    isLogging: true,
    ...o,
  };
}

export function iamUser(o: Overrides<Input<'iam', 'users'>> = {}): Input<'iam', 'users'> {
  const accountId = o.accountId ?? ACCOUNT;
  const name = o.name ?? 'deploy-bot';
  return {
    arn: `arn:aws:iam::${accountId}:user/${name}`,
    accountId,
    region: 'global',
    name,
    createdAt: '2024-01-10T08:00:00.000Z',
    passwordEnabled: false,
    mfaDevices: 0,
    accessKeys: [],
    ...o,
  };
}

export function accountSummary(o: Overrides<Input<'iam', 'accountSummaries'>> = {}) {
  const accountId = o.accountId ?? ACCOUNT;
  return {
    arn: `arn:aws:iam::${accountId}:root`,
    accountId,
    region: 'global',
    name: accountId,
    rootMfaEnabled: true,
    rootAccessKeysPresent: false,
    users: 3,
    ...o,
  };
}

/** An AWS Organization with a management account, Prod and NonProd OUs and the given extra SCPs. */
export function organization(o: Partial<NonNullable<InventoryInput['organization']>> = {}) {
  return {
    id: 'o-exampleorgid',
    arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:organization/o-exampleorgid`,
    managementAccountId: MANAGEMENT_ACCOUNT,
    featureSet: 'ALL' as const,
    rootId: 'r-root',
    organizationalUnits: [
      {
        id: 'ou-prod',
        arn: 'arn:aws:organizations::999999999999:ou/o-exampleorgid/ou-prod',
        name: 'Prod',
        parentId: 'r-root',
      },
      {
        id: 'ou-dev',
        arn: 'arn:aws:organizations::999999999999:ou/o-exampleorgid/ou-dev',
        name: 'NonProd',
        parentId: 'r-root',
      },
    ],
    policies: [
      {
        id: 'p-FullAWSAccess',
        arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
        name: 'FullAWSAccess',
        awsManaged: true,
        targets: ['r-root'],
      },
    ],
    ...o,
  };
}

type PrefixListInput = NonNullable<InventoryInput['ec2']['prefixLists']>[number];

export function prefixList(o: Overrides<PrefixListInput> = {}): PrefixListInput {
  const { accountId, region } = where(o.accountId, o.region);
  const prefixListId = o.prefixListId ?? 'pl-0anywhere';
  return {
    arn: `arn:aws:ec2:${region}:${accountId}:prefix-list/${prefixListId}`,
    accountId,
    region,
    name: prefixListId,
    prefixListId,
    cidrs: ['0.0.0.0/0'],
    ...o,
  };
}

/** A subnet whose route table sends 0.0.0.0/0 (and, with `ipv6`, ::/0) to an internet gateway. */
export function publicSubnet(o: Overrides<Input<'ec2', 'subnets'>> = {}): Input<'ec2', 'subnets'> {
  return subnet({ subnetId: 'subnet-public-a', name: 'public-a', public: true, ...o });
}
