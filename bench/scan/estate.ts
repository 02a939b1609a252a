import { EMPTY_ANSWERS, identityAnswers, NOT_CONFIGURED_ANSWERS } from '../../test/aws/fake/answers.ts';
import type { FakeRequest, ResponseRow } from '../../test/aws/fake/server.ts';

/**
 * A synthetic organization of realistic shape: 50 accounts × 4 regions, about 100 k resources, generated
 * answer by answer as requests arrive (nothing is held in memory but the counts below).
 */
export const ACCOUNTS = 50;
export const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2'];
export const MANAGEMENT = '100000000000';

/** Resources per account and region (regional) or per account (global). */
export const PER_REGION = {
  instances: 150,
  securityGroups: 40,
  vpcs: 2,
  subnets: 12,
  volumes: 160,
  snapshots: 30,
  dbInstances: 8,
  dbClusters: 2,
  dbSnapshots: 10,
  kmsKeys: 15,
  managedInstances: 100,
};
export const PER_ACCOUNT = { users: 20, roles: 40, buckets: 10 };

/**
 * Two snapshot-heavy account-regions: one whose endpoint answers ~5,000 snapshots of which most belong to
 * other accounts (it ignores OwnerIds=self, as some do), and one that owns ~5,000.
 */
export const SNAPSHOT_HEAVY = {
  foreign: { account: accountId(3), region: REGIONS[1]!, snapshots: 5_000, owned: 200 },
  owned: { account: accountId(4), region: REGIONS[1]!, snapshots: 5_000, owned: 5_000 },
};

function snapshotShape(account: string, region: string): { snapshots: number; owned: number } {
  for (const heavy of Object.values(SNAPSHOT_HEAVY))
    if (heavy.account === account && heavy.region === region) return heavy;
  return { snapshots: PER_REGION.snapshots, owned: PER_REGION.snapshots };
}

/** Snapshot `i` of the account-region: owned ones first, then other accounts'; `snap-0` is public. */
function describeSnapshots(request: FakeRequest): string {
  const shape = snapshotShape(request.account, request.region);
  const publicOnly = request.params['RestorableBy.1'] === 'all';
  // Every public snapshot: the account's snap-0 and, from an endpoint that ignores OwnerIds, every tenth foreign one.
  const indices = publicOnly
    ? range(shape.snapshots).filter((i) => i === 0 || (i >= shape.owned && i % 10 === 0))
    : range(shape.snapshots);
  const { slice, next } = page(indices, request.params.NextToken, pageSize(request, 1000));
  const items = slice.map((i) => {
    const owner = i < shape.owned ? request.account : '999999999999';
    return `<item><snapshotId>snap-${i}</snapshotId><volumeId>vol-${i}</volumeId><status>completed</status><startTime>2026-09-01T00:00:00.000Z</startTime><ownerId>${owner}</ownerId><volumeSize>50</volumeSize><encrypted>${owner === request.account}</encrypted>${tags(`snap-${i}`)}</item>`;
  });
  return `<snapshotSet>${items.join('')}</snapshotSet>${next ? `<nextToken>${next}</nextToken>` : ''}`;
}
const DB_PARAMETERS = 150;

export function accountId(index: number): string {
  return String(100000000000 + index);
}

export function expectedResources(): number {
  const regional = Object.values(PER_REGION).reduce((sum, count) => sum + count, 0);
  const heavySnapshots = Object.values(SNAPSHOT_HEAVY).reduce(
    (sum, heavy) => sum + heavy.owned - PER_REGION.snapshots,
    0,
  );
  // + per region: parameter groups (2), EBS default (1), session preferences (1), instance connect endpoint (1);
  // + per account: account summary, password policy, account public access block; + one trail per account.
  const perRegion = regional + 2 + 1 + 1 + 1;
  const perAccount = PER_ACCOUNT.users + PER_ACCOUNT.roles + PER_ACCOUNT.buckets + 3 + 1;
  return ACCOUNTS * (REGIONS.length * perRegion + perAccount) + heavySnapshots;
}

/** Page `token` of `items` of `pageSize`: the slice and the next token. */
function page<T>(items: T[], token: string | undefined, pageSize: number) {
  const start = token ? Number(token.replace(/\D/g, '')) : 0;
  const next = start + pageSize < items.length ? `page${start + pageSize}` : undefined;
  return { slice: items.slice(start, start + pageSize), next };
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);
const pageSize = (request: FakeRequest, fallback: number) =>
  Number(
    request.params.MaxResults ??
      request.params.MaxRecords ??
      request.params.MaxItems ??
      request.params.Limit ??
      fallback,
  );

function ec2List(set: string, count: number, item: (index: number, request: FakeRequest) => string) {
  return (request: FakeRequest) => {
    const { slice, next } = page(range(count), request.params.NextToken, pageSize(request, 1000));
    return `<${set}>${slice.map((index) => item(index, request)).join('')}</${set}>${next ? `<nextToken>${next}</nextToken>` : ''}`;
  };
}

const tags = (name: string) =>
  `<tagSet><item><key>Name</key><value>${name}</value></item><item><key>env</key><value>prod</value></item></tagSet>`;

function ec2Rows(): ResponseRow[] {
  const rows: [string, (request: FakeRequest) => string][] = [
    [
      'DescribeInstances',
      ec2List(
        'reservationSet',
        PER_REGION.instances,
        (i, r) =>
          `<item><reservationId>r-${i}</reservationId><ownerId>${r.account}</ownerId><instancesSet><item><instanceId>i-${i.toString(16).padStart(17, '0')}</instanceId><imageId>ami-0abc</imageId><instanceState><code>16</code><name>running</name></instanceState><instanceType>m6i.large</instanceType><launchTime>2026-10-01T08:00:00.000Z</launchTime><placement><availabilityZone>${r.region}a</availabilityZone></placement><subnetId>subnet-${i % 12}</subnetId><vpcId>vpc-${i % 2}</vpcId><privateIpAddress>10.0.${i % 250}.${i % 200}</privateIpAddress>${i % 10 === 0 ? `<ipAddress>54.0.${i % 250}.1</ipAddress>` : ''}<groupSet><item><groupId>sg-${i % 40}</groupId><groupName>app</groupName></item></groupSet><iamInstanceProfile><arn>arn:aws:iam::${r.account}:instance-profile/app</arn><id>AIPA</id></iamInstanceProfile><metadataOptions><httpTokens>${i % 3 ? 'required' : 'optional'}</httpTokens><httpEndpoint>enabled</httpEndpoint></metadataOptions>${tags(`app-${i}`)}</item></instancesSet></item>`,
      ),
    ],
    [
      'DescribeSecurityGroups',
      ec2List(
        'securityGroupInfo',
        PER_REGION.securityGroups,
        (i, r) =>
          `<item><ownerId>${r.account}</ownerId><groupId>sg-${i}</groupId><groupName>sg-${i}</groupName><groupDescription>tier ${i}</groupDescription><vpcId>vpc-${i % 2}</vpcId><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups><item><groupId>sg-${(i + 1) % 40}</groupId></item></groups><ipRanges><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges></item></ipPermissions><ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissionsEgress>${tags(`sg-${i}`)}</item>`,
      ),
    ],
    [
      'DescribeVpcs',
      ec2List(
        'vpcSet',
        PER_REGION.vpcs,
        (i, r) =>
          `<item><vpcId>vpc-${i}</vpcId><ownerId>${r.account}</ownerId><cidrBlock>10.${i}.0.0/16</cidrBlock><isDefault>${i === 0}</isDefault>${tags(`vpc-${i}`)}</item>`,
      ),
    ],
    [
      'DescribeSubnets',
      ec2List(
        'subnetSet',
        PER_REGION.subnets,
        (i, r) =>
          `<item><subnetId>subnet-${i}</subnetId><ownerId>${r.account}</ownerId><vpcId>vpc-${i % 2}</vpcId><cidrBlock>10.${i % 2}.${i}.0/24</cidrBlock><availabilityZone>${r.region}a</availabilityZone><mapPublicIpOnLaunch>${i < 4}</mapPublicIpOnLaunch>${tags(`subnet-${i}`)}</item>`,
      ),
    ],
    [
      'DescribeRouteTables',
      ec2List(
        'routeTableSet',
        4,
        (i) =>
          `<item><routeTableId>rtb-${i}</routeTableId><vpcId>vpc-${i % 2}</vpcId><routeSet><item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>${i < 2 ? 'igw-1' : 'nat-1'}</gatewayId><state>active</state></item></routeSet><associationSet>${range(
            3,
          )
            .map((k) => `<item><subnetId>subnet-${i * 3 + k}</subnetId><main>false</main></item>`)
            .join('')}</associationSet></item>`,
      ),
    ],
    [
      'DescribeVolumes',
      ec2List(
        'volumeSet',
        PER_REGION.volumes,
        (i, r) =>
          `<item><volumeId>vol-${i}</volumeId><size>${20 + (i % 100)}</size><availabilityZone>${r.region}a</availabilityZone><status>in-use</status><attachmentSet><item><volumeId>vol-${i}</volumeId><instanceId>i-${(i % 150).toString(16).padStart(17, '0')}</instanceId><status>attached</status></item></attachmentSet><volumeType>gp3</volumeType><encrypted>${i % 4 !== 0}</encrypted>${tags(`vol-${i}`)}</item>`,
      ),
    ],
    ['DescribeSnapshots', describeSnapshots],
    [
      'DescribeSnapshotAttribute',
      (r) =>
        `<snapshotId>${r.params.SnapshotId}</snapshotId><createVolumePermission>${r.params.SnapshotId === 'snap-1' ? `<item><userId>${accountId(2)}</userId></item>` : ''}</createVolumePermission>`,
    ],
    [
      'DescribeInstanceConnectEndpoints',
      ec2List(
        'instanceConnectEndpointSet',
        1,
        (i, r) =>
          `<item><instanceConnectEndpointId>eice-${i}</instanceConnectEndpointId><instanceConnectEndpointArn>arn:aws:ec2:${r.region}:${r.account}:instance-connect-endpoint/eice-${i}</instanceConnectEndpointArn><state>create-complete</state><vpcId>vpc-0</vpcId></item>`,
      ),
    ],
    [
      'DescribeRegions',
      () =>
        `<regionInfo>${REGIONS.map((name) => `<item><regionName>${name}</regionName><optInStatus>opt-in-not-required</optInStatus></item>`).join('')}</regionInfo>`,
    ],
  ];
  return rows.map(([operation, body]) => ({ client: 'EC2', operation, body }));
}

function rdsList(
  list: string,
  member: string,
  count: number,
  item: (index: number, request: FakeRequest) => string,
) {
  return (request: FakeRequest) => {
    const { slice, next } = page(range(count), request.params.Marker, pageSize(request, 100));
    return `<${list}>${slice.map((index) => `<${member}>${item(index, request)}</${member}>`).join('')}</${list}>${next ? `<Marker>${next}</Marker>` : ''}`;
  };
}

function rdsRows(): ResponseRow[] {
  const rows: [string, (request: FakeRequest) => string][] = [
    [
      'DescribeDBInstances',
      rdsList(
        'DBInstances',
        'DBInstance',
        PER_REGION.dbInstances,
        (i, r) =>
          `<DBInstanceIdentifier>db-${i}</DBInstanceIdentifier><DBInstanceClass>db.r6g.large</DBInstanceClass><Engine>${i < 4 ? 'aurora-mysql' : 'mysql'}</Engine><DBInstanceStatus>available</DBInstanceStatus><AllocatedStorage>100</AllocatedStorage><BackupRetentionPeriod>7</BackupRetentionPeriod><DBParameterGroups><DBParameterGroup><DBParameterGroupName>pg-0</DBParameterGroupName></DBParameterGroup></DBParameterGroups><AvailabilityZone>${r.region}${i % 2 ? 'a' : 'b'}</AvailabilityZone><MultiAZ>${i % 2 === 0}</MultiAZ><EngineVersion>8.0.39</EngineVersion><PubliclyAccessible>false</PubliclyAccessible>${i < 4 ? `<DBClusterIdentifier>cluster-${i % 2}</DBClusterIdentifier>` : ''}<StorageEncrypted>true</StorageEncrypted><DBInstanceArn>arn:aws:rds:${r.region}:${r.account}:db:db-${i}</DBInstanceArn><DeletionProtection>true</DeletionProtection><TagList><Tag><Key>env</Key><Value>prod</Value></Tag></TagList>`,
      ),
    ],
    [
      'DescribeDBClusters',
      rdsList(
        'DBClusters',
        'DBCluster',
        PER_REGION.dbClusters,
        (i, r) =>
          `<DBClusterIdentifier>cluster-${i}</DBClusterIdentifier><Engine>aurora-mysql</Engine><EngineVersion>8.0.mysql_aurora.3.05.2</EngineVersion><Status>available</Status><MultiAZ>true</MultiAZ><BackupRetentionPeriod>7</BackupRetentionPeriod><StorageEncrypted>true</StorageEncrypted><DeletionProtection>true</DeletionProtection><DBClusterParameterGroup>cpg-0</DBClusterParameterGroup><DBClusterMembers><DBClusterMember><DBInstanceIdentifier>db-${i}</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter><PromotionTier>1</PromotionTier></DBClusterMember><DBClusterMember><DBInstanceIdentifier>db-${i + 2}</DBInstanceIdentifier><IsClusterWriter>false</IsClusterWriter><PromotionTier>1</PromotionTier></DBClusterMember></DBClusterMembers><DBClusterArn>arn:aws:rds:${r.region}:${r.account}:cluster:cluster-${i}</DBClusterArn>`,
      ),
    ],
    [
      'DescribeDBSnapshots',
      rdsList(
        'DBSnapshots',
        'DBSnapshot',
        PER_REGION.dbSnapshots,
        (i, r) =>
          `<DBSnapshotIdentifier>snap-${i}</DBSnapshotIdentifier><DBInstanceIdentifier>db-${i % 8}</DBInstanceIdentifier><SnapshotType>${i % 2 ? 'manual' : 'automated'}</SnapshotType><Encrypted>true</Encrypted><SnapshotCreateTime>2026-10-01T03:00:00.000Z</SnapshotCreateTime><DBSnapshotArn>arn:aws:rds:${r.region}:${r.account}:snapshot:snap-${i}</DBSnapshotArn>`,
      ),
    ],
    [
      'DescribeDBSnapshotAttributes',
      (r) =>
        `<DBSnapshotAttributesResult><DBSnapshotIdentifier>${r.params.DBSnapshotIdentifier}</DBSnapshotIdentifier><DBSnapshotAttributes><DBSnapshotAttribute><AttributeName>restore</AttributeName><AttributeValues/></DBSnapshotAttribute></DBSnapshotAttributes></DBSnapshotAttributesResult>`,
    ],
    [
      'DescribeDBParameterGroups',
      rdsList(
        'DBParameterGroups',
        'DBParameterGroup',
        1,
        (i, r) =>
          `<DBParameterGroupName>pg-${i}</DBParameterGroupName><DBParameterGroupFamily>mysql8.0</DBParameterGroupFamily><DBParameterGroupArn>arn:aws:rds:${r.region}:${r.account}:pg:pg-${i}</DBParameterGroupArn>`,
      ),
    ],
    [
      'DescribeDBClusterParameterGroups',
      rdsList(
        'DBClusterParameterGroups',
        'DBClusterParameterGroup',
        1,
        (i, r) =>
          `<DBClusterParameterGroupName>cpg-${i}</DBClusterParameterGroupName><DBParameterGroupFamily>aurora-mysql8.0</DBParameterGroupFamily><DBClusterParameterGroupArn>arn:aws:rds:${r.region}:${r.account}:cluster-pg:cpg-${i}</DBClusterParameterGroupArn>`,
      ),
    ],
  ];
  const parameters = rdsList('Parameters', 'Parameter', DB_PARAMETERS, (i) =>
    i === 7
      ? '<ParameterName>require_secure_transport</ParameterName><ParameterValue>1</ParameterValue>'
      : `<ParameterName>param_${i}</ParameterName><ParameterValue>${i}</ParameterValue>`,
  );
  rows.push(['DescribeDBParameters', parameters], ['DescribeDBClusterParameters', parameters]);
  return rows.map(([operation, body]) => ({ client: 'RDS', operation, body }));
}

function kmsRows(): ResponseRow[] {
  const keyId = (i: number) => `key-${String(i).padStart(4, '0')}`;
  return [
    {
      client: 'KMS',
      operation: 'ListKeys',
      body: (r) => {
        const { slice, next } = page(range(PER_REGION.kmsKeys), r.params.Marker, pageSize(r, 1000));
        return JSON.stringify({
          Keys: slice.map((i) => ({
            KeyId: keyId(i),
            KeyArn: `arn:aws:kms:${r.region}:${r.account}:key/${keyId(i)}`,
          })),
          Truncated: Boolean(next),
          ...(next ? { NextMarker: next } : {}),
        });
      },
    },
    {
      client: 'KMS',
      operation: 'ListAliases',
      body: (r) =>
        JSON.stringify({
          Aliases: range(5).map((i) => ({
            AliasName: `alias/app-${i}`,
            TargetKeyId: keyId(i),
            AliasArn: `arn:aws:kms:${r.region}:${r.account}:alias/app-${i}`,
          })),
          Truncated: false,
        }),
    },
    {
      client: 'KMS',
      operation: 'DescribeKey',
      body: (r) => {
        const index = Number((r.params.KeyId ?? '').replace(/\D/g, ''));
        return JSON.stringify({
          KeyMetadata: {
            KeyId: r.params.KeyId,
            Arn: `arn:aws:kms:${r.region}:${r.account}:key/${r.params.KeyId}`,
            KeyManager: index < 10 ? 'CUSTOMER' : 'AWS',
            KeyState: 'Enabled',
            KeySpec: 'SYMMETRIC_DEFAULT',
            Origin: 'AWS_KMS',
            Description: 'synthetic',
            CreationDate: 1_700_000_000,
          },
        });
      },
    },
    {
      client: 'KMS',
      operation: 'GetKeyRotationStatus',
      body: (r) =>
        JSON.stringify({ KeyRotationEnabled: !r.params.KeyId?.endsWith('3'), KeyId: r.params.KeyId }),
    },
    {
      client: 'KMS',
      operation: 'ListResourceTags',
      body: () => JSON.stringify({ Tags: [{ TagKey: 'env', TagValue: 'prod' }], Truncated: false }),
    },
  ];
}

function ssmAndTrailRows(): ResponseRow[] {
  return [
    {
      client: 'SSM',
      operation: 'DescribeInstanceInformation',
      body: (r) => {
        const { slice, next } = page(range(PER_REGION.managedInstances), r.params.NextToken, pageSize(r, 50));
        return JSON.stringify({
          InstanceInformationList: slice.map((i) => ({
            InstanceId: `i-${i.toString(16).padStart(17, '0')}`,
            PingStatus: 'Online',
            AgentVersion: '3.3.1142.0',
            PlatformType: 'Linux',
            ComputerName: `app-${i}`,
          })),
          ...(next ? { NextToken: next } : {}),
        });
      },
    },
    {
      client: 'SSM',
      operation: 'GetDocument',
      body: () =>
        JSON.stringify({
          Name: 'SSM-SessionManagerRunShell',
          Content: JSON.stringify({
            inputs: { s3BucketName: 'logs', s3EncryptionEnabled: true, idleSessionTimeout: '20' },
          }),
        }),
    },
    {
      client: 'CloudTrail',
      operation: 'DescribeTrails',
      body: () =>
        JSON.stringify({
          trailList: [
            {
              Name: 'org',
              TrailARN: `arn:aws:cloudtrail:${REGIONS[0]}:${MANAGEMENT}:trail/org`,
              HomeRegion: REGIONS[0],
              IsMultiRegionTrail: true,
              IsOrganizationTrail: true,
              LogFileValidationEnabled: true,
              S3BucketName: 'org-logs',
            },
          ],
        }),
    },
    { client: 'CloudTrail', operation: 'GetTrailStatus', body: () => JSON.stringify({ IsLogging: true }) },
  ];
}

function iamAndS3Rows(): ResponseRow[] {
  const user = (i: number, account: string) =>
    `<member><UserName>user-${i}</UserName><UserId>AIDA${i}</UserId><Arn>arn:aws:iam::${account}:user/user-${i}</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate><PasswordLastUsed>2026-10-01T00:00:00Z</PasswordLastUsed><AttachedManagedPolicies><member><PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn></member></AttachedManagedPolicies><Tags><member><Key>team</Key><Value>t${i % 5}</Value></member></Tags></member>`;
  const role = (i: number, account: string) =>
    `<member><RoleName>role-${i}</RoleName><Arn>arn:aws:iam::${account}:role/role-${i}</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${encodeURIComponent('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}')}</AssumeRolePolicyDocument><AttachedManagedPolicies><member><PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn></member></AttachedManagedPolicies><RoleLastUsed><LastUsedDate>2026-10-01T00:00:00Z</LastUsedDate></RoleLastUsed></member>`;
  const truncated = (next: string | undefined) =>
    next ? `<IsTruncated>true</IsTruncated><Marker>${next}</Marker>` : '<IsTruncated>false</IsTruncated>';
  const bucket = (name: string) => name.replace(/^bucket-\d+-/, '');
  return [
    {
      client: 'IAM',
      operation: 'GetAccountSummary',
      body: () =>
        '<SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry><entry><key>AccountAccessKeysPresent</key><value>0</value></entry><entry><key>Users</key><value>20</value></entry><entry><key>Roles</key><value>40</value></entry></SummaryMap>',
    },
    {
      client: 'IAM',
      operation: 'GetAccountPasswordPolicy',
      body: () =>
        '<PasswordPolicy><MinimumPasswordLength>14</MinimumPasswordLength><RequireSymbols>true</RequireSymbols></PasswordPolicy>',
    },
    {
      client: 'IAM',
      operation: 'ListUsers',
      body: (r) => {
        const { slice, next } = page(range(PER_ACCOUNT.users), r.params.Marker, pageSize(r, 100));
        return `<Users>${slice.map((i) => user(i, r.account)).join('')}</Users>${truncated(next)}`;
      },
    },
    {
      client: 'IAM',
      operation: 'GetAccountAuthorizationDetails',
      body: (r) => {
        const isUser = r.params['Filter.member.1'] === 'User';
        const { slice, next } = page(
          range(isUser ? PER_ACCOUNT.users : PER_ACCOUNT.roles),
          r.params.Marker,
          pageSize(r, 100),
        );
        return isUser
          ? `<UserDetailList>${slice.map((i) => user(i, r.account)).join('')}</UserDetailList>${truncated(next)}`
          : `<RoleDetailList>${slice.map((i) => role(i, r.account)).join('')}</RoleDetailList>${truncated(next)}`;
      },
    },
    {
      client: 'IAM',
      operation: 'ListAccessKeys',
      body: (r) =>
        `<AccessKeyMetadata><member><UserName>${r.params.UserName}</UserName><AccessKeyId>AKIA${r.params.UserName}</AccessKeyId><Status>Active</Status><CreateDate>2025-01-01T00:00:00Z</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>`,
    },
    {
      client: 'IAM',
      operation: 'GetAccessKeyLastUsed',
      body: () =>
        '<AccessKeyLastUsed><LastUsedDate>2026-10-01T00:00:00Z</LastUsedDate><ServiceName>s3</ServiceName><Region>eu-west-1</Region></AccessKeyLastUsed>',
    },
    {
      client: 'IAM',
      operation: 'ListMFADevices',
      body: (r) =>
        `<MFADevices><member><UserName>${r.params.UserName}</UserName><SerialNumber>arn:aws:iam::${r.account}:mfa/${r.params.UserName}</SerialNumber><EnableDate>2025-01-01T00:00:00Z</EnableDate></member></MFADevices><IsTruncated>false</IsTruncated>`,
    },
    {
      client: 'IAM',
      operation: 'GetLoginProfile',
      body: (r) =>
        `<LoginProfile><UserName>${r.params.UserName}</UserName><CreateDate>2025-01-01T00:00:00Z</CreateDate></LoginProfile>`,
    },
    {
      client: 'S3',
      operation: 'ListBuckets',
      body: (r) =>
        `<ListAllMyBucketsResult><Owner><ID>o</ID></Owner><Buckets>${range(PER_ACCOUNT.buckets)
          .map(
            (i) =>
              `<Bucket><Name>bucket-${r.account}-${i}</Name><CreationDate>2025-01-01T00:00:00.000Z</CreationDate><BucketRegion>${REGIONS[i % REGIONS.length]}</BucketRegion></Bucket>`,
          )
          .join('')}</Buckets></ListAllMyBucketsResult>`,
    },
    {
      client: 'S3',
      operation: 'GetBucketEncryption',
      body: () =>
        '<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>',
    },
    {
      client: 'S3',
      operation: 'GetPublicAccessBlock',
      body: () =>
        '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
    },
    {
      client: 'S3',
      operation: 'GetBucketPolicy',
      body: (r) =>
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: `arn:aws:s3:::${bucket(r.params.Bucket ?? '')}/*`,
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        }),
    },
    {
      client: 'S3',
      operation: 'GetBucketPolicyStatus',
      body: () => '<PolicyStatus><IsPublic>false</IsPublic></PolicyStatus>',
    },
    {
      client: 'S3',
      operation: 'GetBucketVersioning',
      body: () => '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>',
    },
    {
      client: 'S3',
      operation: 'GetBucketTagging',
      body: () => '<Tagging><TagSet><Tag><Key>env</Key><Value>prod</Value></Tag></TagSet></Tagging>',
    },
    {
      client: 'S3Control',
      operation: 'GetPublicAccessBlock',
      body: () =>
        '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
    },
  ];
}

function organizationRows(): ResponseRow[] {
  const org = 'o-bench00001';
  const json = (body: unknown) => () => JSON.stringify(body);
  const accounts = range(ACCOUNTS).map((i) => ({
    Id: accountId(i),
    Arn: `arn:aws:organizations::${MANAGEMENT}:account/${org}/${accountId(i)}`,
    Name: `account-${i}`,
    Email: `a${i}@example.com`,
    Status: 'ACTIVE',
  }));
  return [
    {
      client: 'Organizations',
      operation: 'DescribeOrganization',
      body: json({
        Organization: {
          Id: org,
          Arn: `arn:aws:organizations::${MANAGEMENT}:organization/${org}`,
          FeatureSet: 'ALL',
          MasterAccountId: MANAGEMENT,
        },
      }),
    },
    {
      client: 'Organizations',
      operation: 'ListRoots',
      body: json({ Roots: [{ Id: 'r-root', Arn: 'arn:aws:organizations::root', Name: 'Root' }] }),
    },
    {
      client: 'Organizations',
      operation: 'ListOrganizationalUnitsForParent',
      params: { ParentId: 'r-root' },
      body: json({
        OrganizationalUnits: [{ Id: 'ou-work', Arn: 'arn:aws:organizations::ou/ou-work', Name: 'Workloads' }],
      }),
    },
    {
      client: 'Organizations',
      operation: 'ListOrganizationalUnitsForParent',
      body: json({ OrganizationalUnits: [] }),
    },
    {
      client: 'Organizations',
      operation: 'ListAccountsForParent',
      params: { ParentId: 'r-root' },
      body: json({ Accounts: accounts.slice(0, 1) }),
    },
    {
      client: 'Organizations',
      operation: 'ListAccountsForParent',
      params: { ParentId: 'ou-work' },
      body: (r) => {
        const { slice, next } = page(accounts.slice(1), r.params.NextToken, pageSize(r, 20));
        return JSON.stringify({ Accounts: slice, ...(next ? { NextToken: next } : {}) });
      },
    },
    {
      client: 'Organizations',
      operation: 'ListTagsForResource',
      body: json({ Tags: [{ Key: 'env', Value: 'prod' }] }),
    },
    {
      client: 'Organizations',
      operation: 'ListPolicies',
      body: json({
        Policies: [
          {
            Id: 'p-full',
            Arn: 'arn:aws:organizations::aws:policy/p-full',
            Name: 'FullAWSAccess',
            Type: 'SERVICE_CONTROL_POLICY',
            AwsManaged: true,
          },
        ],
      }),
    },
    {
      client: 'Organizations',
      operation: 'ListTargetsForPolicy',
      body: json({ Targets: [{ TargetId: 'r-root', Type: 'ROOT' }] }),
    },
  ];
}

export function syntheticEstateRows(): ResponseRow[] {
  return [
    ...identityAnswers(MANAGEMENT),
    ...organizationRows(),
    ...ec2Rows(),
    ...rdsRows(),
    ...kmsRows(),
    ...ssmAndTrailRows(),
    ...iamAndS3Rows(),
    {
      client: 'EC2',
      operation: 'GetEbsEncryptionByDefault',
      body: '<ebsEncryptionByDefault>true</ebsEncryptionByDefault>',
    },
    ...EMPTY_ANSWERS,
    ...NOT_CONFIGURED_ANSWERS,
  ];
}
