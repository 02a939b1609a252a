import { EMPTY_ANSWERS, identityAnswers, NOT_CONFIGURED_ANSWERS, regionsAnswer } from './answers.ts';
import type { ResponseRow } from './server.ts';

/**
 * A small organization as AWS describes it, answer by answer: a management account with resources in two
 * regions, a production member, a sandbox member whose role cannot be assumed, and a suspended account.
 * Several lists come in more than one page.
 */
export const MANAGEMENT = '111111111111';
export const PROD = '222222222222';
export const SANDBOX = '333333333333';
export const SUSPENDED = '444444444444';
export const HOME = 'eu-west-1';
/** An opt-in region: enabled for the management account, not for production. */
export const OPT_IN = 'ap-east-1';

const ORG = 'o-a1b2c3d4e5';
const ROOT = 'r-ab12';

type Row = ResponseRow;
const at = (
  client: string,
  operation: string,
  account: string,
  region: string | undefined,
  body: string,
  params?: Record<string, string>,
): Row => ({
  client,
  operation,
  account,
  ...(region ? { region } : {}),
  ...(params ? { params } : {}),
  body,
});

const tagSet = (tags: Record<string, string>) =>
  `<tagSet>${Object.entries(tags)
    .map(([key, value]) => `<item><key>${key}</key><value>${value}</value></item>`)
    .join('')}</tagSet>`;

function instanceXml(o: {
  account: string;
  id: string;
  az: string;
  state?: string;
  type?: string;
  vpc?: string;
  subnet?: string;
  privateIp: string;
  publicIp?: string;
  ipv6?: string;
  groups: string[];
  profile?: string;
  tokens?: string;
  key?: string;
  platform?: string;
  tags: Record<string, string>;
}): string {
  const state = o.state ?? 'running';
  return `<item><reservationId>r-${o.id.slice(2)}</reservationId><ownerId>${o.account}</ownerId><groupSet/><instancesSet><item>
<instanceId>${o.id}</instanceId><imageId>ami-0c1bc246476a5572b</imageId><instanceState><code>${state === 'running' ? 16 : 80}</code><name>${state}</name></instanceState>
<privateDnsName>ip-${o.privateIp.replaceAll('.', '-')}.${o.az.slice(0, -1)}.compute.internal</privateDnsName><dnsName/>${o.key ? `<keyName>${o.key}</keyName>` : ''}<amiLaunchIndex>0</amiLaunchIndex>
<instanceType>${o.type ?? 't3.micro'}</instanceType><launchTime>2026-10-01T08:00:00.000Z</launchTime><placement><availabilityZone>${o.az}</availabilityZone><groupName/><tenancy>default</tenancy></placement>
${o.platform ? `<platform>${o.platform}</platform>` : ''}<monitoring><state>disabled</state></monitoring>${o.subnet ? `<subnetId>${o.subnet}</subnetId><vpcId>${o.vpc}</vpcId>` : ''}<privateIpAddress>${o.privateIp}</privateIpAddress>${o.publicIp ? `<ipAddress>${o.publicIp}</ipAddress>` : ''}${o.ipv6 ? `<networkInterfaceSet><item><networkInterfaceId>eni-${o.id.slice(2)}</networkInterfaceId><subnetId>${o.subnet}</subnetId><ipv6AddressesSet><item><ipv6Address>${o.ipv6}</ipv6Address></item></ipv6AddressesSet></item></networkInterfaceSet>` : ''}
<groupSet>${o.groups.map((group) => `<item><groupId>${group}</groupId><groupName>${group}</groupName></item>`).join('')}</groupSet><architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>
${o.profile ? `<iamInstanceProfile><arn>${o.profile}</arn><id>AIPAEXAMPLEPROFILE</id></iamInstanceProfile>` : ''}
<metadataOptions><state>applied</state><httpTokens>${o.tokens ?? 'required'}</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint><httpProtocolIpv6>disabled</httpProtocolIpv6><instanceMetadataTags>disabled</instanceMetadataTags></metadataOptions>
${tagSet(o.tags)}</item></instancesSet></item>`;
}

function permissionXml(p: {
  protocol: string;
  from?: number;
  to?: number;
  cidrs?: string[];
  groups?: string[];
  account: string;
}) {
  return `<item><ipProtocol>${p.protocol}</ipProtocol>${p.from !== undefined ? `<fromPort>${p.from}</fromPort><toPort>${p.to}</toPort>` : ''}<groups>${(p.groups ?? []).map((group) => `<item><userId>${p.account}</userId><groupId>${group}</groupId></item>`).join('')}</groups><ipRanges>${(p.cidrs ?? []).map((cidr) => `<item><cidrIp>${cidr}</cidrIp></item>`).join('')}</ipRanges><ipv6Ranges/><prefixListIds/></item>`;
}

function securityGroupXml(account: string, id: string, name: string, vpc: string, ingress: string[]) {
  return `<item><ownerId>${account}</ownerId><groupId>${id}</groupId><groupName>${name}</groupName><groupDescription>${name} tier</groupDescription><vpcId>${vpc}</vpcId><ipPermissions>${ingress.join('')}</ipPermissions><ipPermissionsEgress>${permissionXml({ protocol: '-1', cidrs: ['0.0.0.0/0'], account })}</ipPermissionsEgress>${tagSet({ Name: name })}</item>`;
}

/** Public snapshots of another account, which an endpoint that ignores OwnerIds=self returns too. */
export const FOREIGN_OWNER = '999999999999';
function foreignSnapshotsXml(): string {
  return ['snap-0foreign1', 'snap-0foreign2']
    .map(
      (id) =>
        `<item><snapshotId>${id}</snapshotId><volumeId>vol-ffffffff</volumeId><status>completed</status><startTime>2026-01-01T00:00:00.000Z</startTime><progress>100%</progress><ownerId>${FOREIGN_OWNER}</ownerId><volumeSize>8</volumeSize><encrypted>false</encrypted><tagSet/></item>`,
    )
    .join('');
}

function ec2Rows(): Row[] {
  const m = MANAGEMENT;
  return [
    // Management, home region: instances in two pages.
    at(
      'EC2',
      'DescribeInstances',
      m,
      HOME,
      `<reservationSet>${instanceXml({ account: m, id: 'i-0a1b2c3d4e5f60001', az: 'eu-west-1a', vpc: 'vpc-0m1', subnet: 'subnet-0mpub', privateIp: '10.0.1.10', publicIp: '54.170.1.10', ipv6: '2a05:d018:abc:1::10', groups: ['sg-0web'], profile: `arn:aws:iam::${m}:instance-profile/web`, key: 'ops', tags: { Name: 'web-1', team: 'platform' } })}</reservationSet><nextToken>inst-page-2</nextToken>`,
    ),
    at(
      'EC2',
      'DescribeInstances',
      m,
      HOME,
      `<reservationSet>${instanceXml({ account: m, id: 'i-0a1b2c3d4e5f60002', az: 'eu-west-1b', type: 'm6i.large', vpc: 'vpc-0m1', subnet: 'subnet-0mprv', privateIp: '10.0.2.20', groups: ['sg-0app'], tokens: 'optional', platform: 'windows', tags: { Name: 'app-1' } })}${instanceXml({ account: m, id: 'i-0a1b2c3d4e5f60003', az: 'eu-west-1b', state: 'stopped', vpc: 'vpc-0m1', subnet: 'subnet-0mprv', privateIp: '10.0.2.30', groups: ['sg-0app'], tags: {} })}</reservationSet>`,
      { NextToken: 'inst-page-2' },
    ),
    at(
      'EC2',
      'DescribeSecurityGroups',
      m,
      HOME,
      `<securityGroupInfo>${securityGroupXml(m, 'sg-0web', 'web', 'vpc-0m1', [permissionXml({ protocol: 'tcp', from: 443, to: 443, cidrs: ['0.0.0.0/0'], account: m })])}${securityGroupXml(m, 'sg-0app', 'app', 'vpc-0m1', [permissionXml({ protocol: 'tcp', from: 8080, to: 8080, groups: ['sg-0web'], account: m })])}</securityGroupInfo>`,
    ),
    at(
      'EC2',
      'DescribeVpcs',
      m,
      HOME,
      `<vpcSet><item><vpcId>vpc-0m1</vpcId><ownerId>${m}</ownerId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock><dhcpOptionsId>dopt-1</dhcpOptionsId><instanceTenancy>default</instanceTenancy><isDefault>false</isDefault>${tagSet({ Name: 'main' })}</item></vpcSet>`,
    ),
    at(
      'EC2',
      'DescribeSubnets',
      m,
      HOME,
      `<subnetSet>${[
        ['subnet-0mpub', 'eu-west-1a', '10.0.1.0/24', 'true', 'public-a'],
        ['subnet-0mprv', 'eu-west-1b', '10.0.2.0/24', 'false', 'private-b'],
      ]
        .map(
          ([id, az, cidr, mapPublic, name]) =>
            `<item><subnetId>${id}</subnetId><subnetArn>arn:aws:ec2:${HOME}:${m}:subnet/${id}</subnetArn><state>available</state><ownerId>${m}</ownerId><vpcId>vpc-0m1</vpcId><cidrBlock>${cidr}</cidrBlock><availableIpAddressCount>250</availableIpAddressCount><availabilityZone>${az}</availabilityZone><defaultForAz>false</defaultForAz><mapPublicIpOnLaunch>${mapPublic}</mapPublicIpOnLaunch>${tagSet({ Name: name! })}</item>`,
        )
        .join('')}</subnetSet>`,
    ),
    // The public subnet is explicitly associated with a table routing to the internet gateway; the private one uses the main table (NAT only).
    at(
      'EC2',
      'DescribeRouteTables',
      m,
      HOME,
      `<routeTableSet><item><routeTableId>rtb-0main</routeTableId><vpcId>vpc-0m1</vpcId><ownerId>${m}</ownerId><routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable</origin></item><item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><natGatewayId>nat-0abc</natGatewayId><state>active</state><origin>CreateRoute</origin></item></routeSet><associationSet><item><routeTableAssociationId>rtbassoc-0main</routeTableAssociationId><routeTableId>rtb-0main</routeTableId><main>true</main><associationState><state>associated</state></associationState></item></associationSet><tagSet/></item><item><routeTableId>rtb-0pub</routeTableId><vpcId>vpc-0m1</vpcId><ownerId>${m}</ownerId><routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable</origin></item><item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>igw-0m1</gatewayId><state>active</state><origin>CreateRoute</origin></item><item><destinationIpv6CidrBlock>::/0</destinationIpv6CidrBlock><gatewayId>igw-0m1</gatewayId><state>active</state><origin>CreateRoute</origin></item></routeSet><associationSet><item><routeTableAssociationId>rtbassoc-0pub</routeTableAssociationId><routeTableId>rtb-0pub</routeTableId><subnetId>subnet-0mpub</subnetId><main>false</main><associationState><state>associated</state></associationState></item></associationSet><tagSet/></item></routeTableSet>`,
    ),
    at(
      'EC2',
      'DescribeVolumes',
      m,
      HOME,
      `<volumeSet><item><volumeId>vol-0m1</volumeId><size>8</size><snapshotId/><availabilityZone>eu-west-1a</availabilityZone><status>in-use</status><createTime>2026-10-01T08:00:00.000Z</createTime><attachmentSet><item><volumeId>vol-0m1</volumeId><instanceId>i-0a1b2c3d4e5f60001</instanceId><device>/dev/xvda</device><status>attached</status><attachTime>2026-10-01T08:00:00.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></item></attachmentSet><volumeType>gp3</volumeType><iops>3000</iops><encrypted>true</encrypted><kmsKeyId>arn:aws:kms:${HOME}:${m}:key/k-0001</kmsKeyId>${tagSet({ Name: 'web-1-root' })}</item><item><volumeId>vol-0m2</volumeId><size>100</size><availabilityZone>eu-west-1b</availabilityZone><status>available</status><createTime>2026-09-01T08:00:00.000Z</createTime><attachmentSet/><volumeType>gp2</volumeType><encrypted>false</encrypted><tagSet/></item></volumeSet>`,
    ),
    at(
      'EC2',
      'DescribeSnapshots',
      m,
      HOME,
      `<snapshotSet><item><snapshotId>snap-0pub</snapshotId><volumeId>vol-0m2</volumeId><status>completed</status><startTime>2026-09-15T10:00:00.000Z</startTime><progress>100%</progress><ownerId>${m}</ownerId><volumeSize>100</volumeSize><description>export</description><encrypted>false</encrypted>${tagSet({ Name: 'export' })}</item><item><snapshotId>snap-0shared</snapshotId><volumeId>vol-0m1</volumeId><status>completed</status><startTime>2026-09-16T10:00:00.000Z</startTime><progress>100%</progress><ownerId>${m}</ownerId><volumeSize>8</volumeSize><encrypted>true</encrypted><kmsKeyId>arn:aws:kms:${HOME}:${m}:key/k-0001</kmsKeyId><tagSet/></item>${foreignSnapshotsXml()}</snapshotSet>`,
    ),
    // Public snapshots: the one of the account and, as the endpoint ignores OwnerIds=self, another account's.
    at(
      'EC2',
      'DescribeSnapshots',
      m,
      HOME,
      `<snapshotSet><item><snapshotId>snap-0pub</snapshotId><volumeId>vol-0m2</volumeId><status>completed</status><startTime>2026-09-15T10:00:00.000Z</startTime><progress>100%</progress><ownerId>${m}</ownerId><volumeSize>100</volumeSize><description>export</description><encrypted>false</encrypted>${tagSet({ Name: 'export' })}</item>${foreignSnapshotsXml()}</snapshotSet>`,
      { 'RestorableBy.1': 'all' },
    ),
    at(
      'EC2',
      'DescribeSnapshotAttribute',
      m,
      HOME,
      '<snapshotId>snap-0pub</snapshotId><createVolumePermission><item><group>all</group></item></createVolumePermission>',
      { SnapshotId: 'snap-0pub' },
    ),
    at(
      'EC2',
      'DescribeSnapshotAttribute',
      m,
      HOME,
      `<snapshotId>snap-0shared</snapshotId><createVolumePermission><item><userId>${PROD}</userId></item></createVolumePermission>`,
      { SnapshotId: 'snap-0shared' },
    ),
    at(
      'EC2',
      'GetEbsEncryptionByDefault',
      m,
      HOME,
      '<ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-ebs</sseType>',
    ),
    at('EC2', 'GetEbsDefaultKmsKeyId', m, HOME, `<kmsKeyId>arn:aws:kms:${HOME}:${m}:key/k-0001</kmsKeyId>`),
    at(
      'EC2',
      'DescribeInstanceConnectEndpoints',
      m,
      HOME,
      `<instanceConnectEndpointSet><item><ownerId>${m}</ownerId><instanceConnectEndpointId>eice-0m1</instanceConnectEndpointId><instanceConnectEndpointArn>arn:aws:ec2:${HOME}:${m}:instance-connect-endpoint/eice-0m1</instanceConnectEndpointArn><state>create-complete</state><vpcId>vpc-0m1</vpcId><subnetId>subnet-0mprv</subnetId>${tagSet({ Name: 'eice' })}</item></instanceConnectEndpointSet>`,
    ),
    // Management, opt-in region: one stopped instance, nothing else.
    at(
      'EC2',
      'DescribeInstances',
      m,
      OPT_IN,
      `<reservationSet>${instanceXml({ account: m, id: 'i-0b1b2c3d4e5f60009', az: 'ap-east-1a', state: 'stopped', privateIp: '172.31.0.9', groups: [], tokens: 'optional', tags: { Name: 'old-batch' } })}</reservationSet>`,
    ),
    // Production: a default VPC with an instance open to SSH from anywhere.
    at(
      'EC2',
      'DescribeInstances',
      PROD,
      HOME,
      `<reservationSet>${instanceXml({ account: PROD, id: 'i-0c1b2c3d4e5f60001', az: 'eu-west-1c', vpc: 'vpc-0p1', subnet: 'subnet-0pdef', privateIp: '172.31.32.5', publicIp: '34.240.0.5', groups: ['sg-0ssh'], tokens: 'optional', key: 'legacy', tags: { Name: 'bastion' } })}</reservationSet>`,
    ),
    at(
      'EC2',
      'DescribeSecurityGroups',
      PROD,
      HOME,
      `<securityGroupInfo>${securityGroupXml(PROD, 'sg-0ssh', 'ssh', 'vpc-0p1', [permissionXml({ protocol: 'tcp', from: 22, to: 22, cidrs: ['0.0.0.0/0'], account: PROD })])}</securityGroupInfo>`,
    ),
    at(
      'EC2',
      'DescribeVpcs',
      PROD,
      HOME,
      `<vpcSet><item><vpcId>vpc-0p1</vpcId><ownerId>${PROD}</ownerId><state>available</state><cidrBlock>172.31.0.0/16</cidrBlock><isDefault>true</isDefault><tagSet/></item></vpcSet>`,
    ),
    at(
      'EC2',
      'DescribeSubnets',
      PROD,
      HOME,
      `<subnetSet><item><subnetId>subnet-0pdef</subnetId><subnetArn>arn:aws:ec2:${HOME}:${PROD}:subnet/subnet-0pdef</subnetArn><state>available</state><ownerId>${PROD}</ownerId><vpcId>vpc-0p1</vpcId><cidrBlock>172.31.32.0/20</cidrBlock><availabilityZone>eu-west-1c</availabilityZone><defaultForAz>true</defaultForAz><mapPublicIpOnLaunch>true</mapPublicIpOnLaunch><tagSet/></item></subnetSet>`,
    ),
    at(
      'EC2',
      'DescribeRouteTables',
      PROD,
      HOME,
      `<routeTableSet><item><routeTableId>rtb-0pmain</routeTableId><vpcId>vpc-0p1</vpcId><ownerId>${PROD}</ownerId><routeSet><item><destinationCidrBlock>172.31.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state></item><item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>igw-0p1</gatewayId><state>active</state></item></routeSet><associationSet><item><routeTableAssociationId>rtbassoc-0p</routeTableAssociationId><routeTableId>rtb-0pmain</routeTableId><main>true</main></item></associationSet><tagSet/></item></routeTableSet>`,
    ),
    at(
      'EC2',
      'DescribeVolumes',
      PROD,
      HOME,
      `<volumeSet><item><volumeId>vol-0p1</volumeId><size>30</size><availabilityZone>eu-west-1c</availabilityZone><status>in-use</status><attachmentSet><item><volumeId>vol-0p1</volumeId><instanceId>i-0c1b2c3d4e5f60001</instanceId><device>/dev/xvda</device><status>attached</status></item></attachmentSet><volumeType>gp2</volumeType><encrypted>false</encrypted><tagSet/></item></volumeSet>`,
    ),
  ];
}

const dbTags = (tags: Record<string, string>) =>
  `<TagList>${Object.entries(tags)
    .map(([key, value]) => `<Tag><Key>${key}</Key><Value>${value}</Value></Tag>`)
    .join('')}</TagList>`;

function dbInstanceXml(o: {
  id: string;
  engine: string;
  version: string;
  cls: string;
  az: string;
  cluster?: string;
  multiAz?: boolean;
  encrypted: boolean;
  storage: number;
  group: string;
  publicly?: boolean;
  retention: number;
  tags?: Record<string, string>;
}) {
  const m = MANAGEMENT;
  return `<DBInstance><DBInstanceIdentifier>${o.id}</DBInstanceIdentifier><DBInstanceClass>${o.cls}</DBInstanceClass><Engine>${o.engine}</Engine><DBInstanceStatus>available</DBInstanceStatus><MasterUsername>admin</MasterUsername><Endpoint><Address>${o.id}.cabc123.eu-west-1.rds.amazonaws.com</Address><Port>3306</Port></Endpoint><AllocatedStorage>${o.storage}</AllocatedStorage><InstanceCreateTime>2025-03-01T10:00:00.000Z</InstanceCreateTime><BackupRetentionPeriod>${o.retention}</BackupRetentionPeriod><DBParameterGroups><DBParameterGroup><DBParameterGroupName>${o.group}</DBParameterGroupName><ParameterApplyStatus>in-sync</ParameterApplyStatus></DBParameterGroup></DBParameterGroups><AvailabilityZone>${o.az}</AvailabilityZone><MultiAZ>${o.multiAz ?? false}</MultiAZ><EngineVersion>${o.version}</EngineVersion><AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade><ReadReplicaDBInstanceIdentifiers/><PubliclyAccessible>${o.publicly ?? false}</PubliclyAccessible><StorageType>${o.cluster ? 'aurora' : 'gp2'}</StorageType>${o.cluster ? `<DBClusterIdentifier>${o.cluster}</DBClusterIdentifier>` : ''}<StorageEncrypted>${o.encrypted}</StorageEncrypted>${o.encrypted ? `<KmsKeyId>arn:aws:kms:${HOME}:${m}:key/k-0003</KmsKeyId>` : ''}<DbiResourceId>db-${o.id.toUpperCase()}</DbiResourceId><DBInstanceArn>arn:aws:rds:${HOME}:${m}:db:${o.id}</DBInstanceArn><IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled><PerformanceInsightsEnabled>${Boolean(o.cluster)}</PerformanceInsightsEnabled><MonitoringInterval>${o.cluster ? 60 : 0}</MonitoringInterval><DeletionProtection>${Boolean(o.cluster)}</DeletionProtection>${dbTags(o.tags ?? {})}</DBInstance>`;
}

function parameterXml(name: string, value?: string) {
  return `<Parameter><ParameterName>${name}</ParameterName>${value !== undefined ? `<ParameterValue>${value}</ParameterValue>` : ''}<Description>${name}</Description><Source>${value !== undefined ? 'user' : 'engine-default'}</Source><ApplyType>dynamic</ApplyType><DataType>string</DataType><IsModifiable>true</IsModifiable><ApplyMethod>pending-reboot</ApplyMethod></Parameter>`;
}

function rdsRows(): Row[] {
  const m = MANAGEMENT;
  return [
    at(
      'RDS',
      'DescribeDBInstances',
      m,
      HOME,
      `<DBInstances>${dbInstanceXml({ id: 'orders-1', engine: 'aurora-mysql', version: '8.0.mysql_aurora.3.05.2', cls: 'db.r6g.large', az: 'eu-west-1a', cluster: 'orders', encrypted: true, storage: 1, group: 'default.aurora-mysql8.0', retention: 7, tags: { app: 'orders' } })}</DBInstances><Marker>db-page-2</Marker>`,
    ),
    at(
      'RDS',
      'DescribeDBInstances',
      m,
      HOME,
      `<DBInstances>${dbInstanceXml({ id: 'orders-2', engine: 'aurora-mysql', version: '8.0.mysql_aurora.3.05.2', cls: 'db.r6g.large', az: 'eu-west-1b', cluster: 'orders', encrypted: true, storage: 1, group: 'default.aurora-mysql8.0', retention: 7 })}${dbInstanceXml({ id: 'legacy-mysql', engine: 'mysql', version: '5.7.44', cls: 'db.m5.xlarge', az: 'eu-west-1a', encrypted: false, storage: 500, group: 'legacy-mysql57', publicly: true, retention: 1 })}</DBInstances>`,
      { Marker: 'db-page-2' },
    ),
    at(
      'RDS',
      'DescribeDBClusters',
      m,
      HOME,
      `<DBClusters><DBCluster><AllocatedStorage>1</AllocatedStorage><AvailabilityZones><AvailabilityZone>eu-west-1a</AvailabilityZone><AvailabilityZone>eu-west-1b</AvailabilityZone></AvailabilityZones><BackupRetentionPeriod>7</BackupRetentionPeriod><DBClusterIdentifier>orders</DBClusterIdentifier><DBClusterParameterGroup>orders-aurora</DBClusterParameterGroup><Status>available</Status><Engine>aurora-mysql</Engine><EngineVersion>8.0.mysql_aurora.3.05.2</EngineVersion><Port>3306</Port><MultiAZ>true</MultiAZ><DBClusterMembers><DBClusterMember><DBInstanceIdentifier>orders-1</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter><DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1</PromotionTier></DBClusterMember><DBClusterMember><DBInstanceIdentifier>orders-2</DBInstanceIdentifier><IsClusterWriter>false</IsClusterWriter><DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>0</PromotionTier></DBClusterMember></DBClusterMembers><StorageEncrypted>true</StorageEncrypted><KmsKeyId>arn:aws:kms:${HOME}:${m}:key/k-0003</KmsKeyId><DBClusterArn>arn:aws:rds:${HOME}:${m}:cluster:orders</DBClusterArn><IAMDatabaseAuthenticationEnabled>true</IAMDatabaseAuthenticationEnabled><EngineMode>provisioned</EngineMode><DeletionProtection>true</DeletionProtection>${dbTags({ app: 'orders' })}</DBCluster></DBClusters>`,
    ),
    at(
      'RDS',
      'DescribeDBSnapshots',
      m,
      HOME,
      `<DBSnapshots><DBSnapshot><DBSnapshotIdentifier>legacy-before-upgrade</DBSnapshotIdentifier><DBInstanceIdentifier>legacy-mysql</DBInstanceIdentifier><SnapshotCreateTime>2026-08-01T03:00:00.000Z</SnapshotCreateTime><Engine>mysql</Engine><AllocatedStorage>500</AllocatedStorage><Status>available</Status><SnapshotType>manual</SnapshotType><Encrypted>false</Encrypted><DBSnapshotArn>arn:aws:rds:${HOME}:${m}:snapshot:legacy-before-upgrade</DBSnapshotArn></DBSnapshot></DBSnapshots>`,
    ),
    at(
      'RDS',
      'DescribeDBSnapshotAttributes',
      m,
      HOME,
      '<DBSnapshotAttributesResult><DBSnapshotIdentifier>legacy-before-upgrade</DBSnapshotIdentifier><DBSnapshotAttributes><DBSnapshotAttribute><AttributeName>restore</AttributeName><AttributeValues><AttributeValue>all</AttributeValue></AttributeValues></DBSnapshotAttribute></DBSnapshotAttributes></DBSnapshotAttributesResult>',
      { DBSnapshotIdentifier: 'legacy-before-upgrade' },
    ),
    at(
      'RDS',
      'DescribeDBClusterSnapshots',
      m,
      HOME,
      `<DBClusterSnapshots><DBClusterSnapshot><DBClusterSnapshotIdentifier>rds:orders-2026-11-01-03-00</DBClusterSnapshotIdentifier><DBClusterIdentifier>orders</DBClusterIdentifier><SnapshotCreateTime>2026-11-01T03:00:00.000Z</SnapshotCreateTime><Engine>aurora-mysql</Engine><Status>available</Status><SnapshotType>automated</SnapshotType><StorageEncrypted>true</StorageEncrypted><KmsKeyId>arn:aws:kms:${HOME}:${m}:key/k-0003</KmsKeyId><DBClusterSnapshotArn>arn:aws:rds:${HOME}:${m}:cluster-snapshot:rds:orders-2026-11-01-03-00</DBClusterSnapshotArn></DBClusterSnapshot></DBClusterSnapshots>`,
    ),
    at(
      'RDS',
      'DescribeDBParameterGroups',
      m,
      HOME,
      `<DBParameterGroups><DBParameterGroup><DBParameterGroupName>legacy-mysql57</DBParameterGroupName><DBParameterGroupFamily>mysql5.7</DBParameterGroupFamily><Description>legacy</Description><DBParameterGroupArn>arn:aws:rds:${HOME}:${m}:pg:legacy-mysql57</DBParameterGroupArn></DBParameterGroup></DBParameterGroups>`,
    ),
    at(
      'RDS',
      'DescribeDBParameters',
      m,
      HOME,
      `<Parameters>${parameterXml('autocommit')}${parameterXml('binlog_format', 'ROW')}</Parameters><Marker>params-page-2</Marker>`,
      { DBParameterGroupName: 'legacy-mysql57' },
    ),
    at(
      'RDS',
      'DescribeDBParameters',
      m,
      HOME,
      `<Parameters>${parameterXml('require_secure_transport', '0')}${parameterXml('tls_version', 'TLSv1.2')}${parameterXml('wait_timeout')}</Parameters>`,
      { DBParameterGroupName: 'legacy-mysql57', Marker: 'params-page-2' },
    ),
    at(
      'RDS',
      'DescribeDBClusterParameterGroups',
      m,
      HOME,
      `<DBClusterParameterGroups><DBClusterParameterGroup><DBClusterParameterGroupName>orders-aurora</DBClusterParameterGroupName><DBParameterGroupFamily>aurora-mysql8.0</DBParameterGroupFamily><Description>orders</Description><DBClusterParameterGroupArn>arn:aws:rds:${HOME}:${m}:cluster-pg:orders-aurora</DBClusterParameterGroupArn></DBClusterParameterGroup></DBClusterParameterGroups>`,
    ),
    at(
      'RDS',
      'DescribeDBClusterParameters',
      m,
      HOME,
      `<Parameters>${parameterXml('require_secure_transport', 'ON')}${parameterXml('binlog_format', 'ROW')}</Parameters>`,
      { DBClusterParameterGroupName: 'orders-aurora' },
    ),
  ];
}

const json = (value: unknown) => JSON.stringify(value);

function keyMetadata(id: string, manager: 'CUSTOMER' | 'AWS', state: string, description: string) {
  return json({
    KeyMetadata: {
      AWSAccountId: MANAGEMENT,
      KeyId: id,
      Arn: `arn:aws:kms:${HOME}:${MANAGEMENT}:key/${id}`,
      CreationDate: 1_727_000_000,
      Enabled: state === 'Enabled',
      Description: description,
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: state,
      Origin: 'AWS_KMS',
      KeyManager: manager,
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      MultiRegion: false,
    },
  });
}

function kmsRows(): Row[] {
  const m = MANAGEMENT;
  const key = (id: string) => ({ KeyId: id, KeyArn: `arn:aws:kms:${HOME}:${m}:key/${id}` });
  return [
    at(
      'KMS',
      'ListKeys',
      m,
      HOME,
      json({ Keys: [key('k-0001')], NextMarker: 'keys-page-2', Truncated: true }),
    ),
    at('KMS', 'ListKeys', m, HOME, json({ Keys: [key('k-0002'), key('k-0003')], Truncated: false }), {
      Marker: 'keys-page-2',
    }),
    at(
      'KMS',
      'ListAliases',
      m,
      HOME,
      json({
        Aliases: [
          {
            AliasName: 'alias/platform',
            AliasArn: `arn:aws:kms:${HOME}:${m}:alias/platform`,
            TargetKeyId: 'k-0001',
          },
          {
            AliasName: 'alias/aws/rds',
            AliasArn: `arn:aws:kms:${HOME}:${m}:alias/aws/rds`,
            TargetKeyId: 'k-0003',
          },
          { AliasName: 'alias/aws/s3', AliasArn: `arn:aws:kms:${HOME}:${m}:alias/aws/s3` },
        ],
        Truncated: false,
      }),
    ),
    at('KMS', 'DescribeKey', m, HOME, keyMetadata('k-0001', 'CUSTOMER', 'Enabled', 'platform data'), {
      KeyId: 'k-0001',
    }),
    at('KMS', 'DescribeKey', m, HOME, keyMetadata('k-0002', 'CUSTOMER', 'Disabled', 'old exports'), {
      KeyId: 'k-0002',
    }),
    at(
      'KMS',
      'DescribeKey',
      m,
      HOME,
      // The key behind alias/aws/rds, answered as a customer key (as some endpoints do).
      keyMetadata(
        'k-0003',
        'CUSTOMER',
        'Enabled',
        'Default key that protects my RDS database volumes when no other key is defined',
      ),
      { KeyId: 'k-0003' },
    ),
    at(
      'KMS',
      'GetKeyRotationStatus',
      m,
      HOME,
      json({ KeyRotationEnabled: true, KeyId: 'k-0001', RotationPeriodInDays: 365 }),
      { KeyId: 'k-0001' },
    ),
    at('KMS', 'GetKeyRotationStatus', m, HOME, json({ KeyRotationEnabled: false, KeyId: 'k-0002' }), {
      KeyId: 'k-0002',
    }),
    at(
      'KMS',
      'ListResourceTags',
      m,
      HOME,
      json({ Tags: [{ TagKey: 'team', TagValue: 'platform' }], Truncated: false }),
      { KeyId: 'k-0001' },
    ),
    at('KMS', 'ListResourceTags', m, HOME, json({ Tags: [], Truncated: false }), { KeyId: 'k-0002' }),
  ];
}

function ssmRows(): Row[] {
  const m = MANAGEMENT;
  return [
    at(
      'SSM',
      'DescribeInstanceInformation',
      m,
      HOME,
      json({
        InstanceInformationList: [
          {
            InstanceId: 'i-0a1b2c3d4e5f60001',
            PingStatus: 'Online',
            LastPingDateTime: 1_730_000_000,
            AgentVersion: '3.3.1142.0',
            IsLatestVersion: false,
            PlatformType: 'Linux',
            PlatformName: 'Amazon Linux',
            ComputerName: 'ip-10-0-1-10.eu-west-1.compute.internal',
            ResourceType: 'EC2Instance',
          },
        ],
        NextToken: 'ssm-page-2',
      }),
    ),
    at(
      'SSM',
      'DescribeInstanceInformation',
      m,
      HOME,
      json({
        InstanceInformationList: [
          {
            InstanceId: 'mi-0123456789abcdef0',
            PingStatus: 'ConnectionLost',
            AgentVersion: '3.2.582.0',
            PlatformType: 'Windows',
            ComputerName: 'onprem-db',
            ResourceType: 'ManagedInstance',
          },
        ],
      }),
      { NextToken: 'ssm-page-2' },
    ),
    at(
      'SSM',
      'GetDocument',
      m,
      HOME,
      json({
        Name: 'SSM-SessionManagerRunShell',
        DocumentType: 'Session',
        DocumentFormat: 'JSON',
        Status: 'Active',
        Content: json({
          schemaVersion: '1.0',
          description: 'Document to hold regional settings for Session Manager',
          sessionType: 'Standard_Stream',
          inputs: {
            s3BucketName: 'acme-logs',
            s3KeyPrefix: 'ssm',
            s3EncryptionEnabled: true,
            cloudWatchLogGroupName: '',
            cloudWatchEncryptionEnabled: true,
            kmsKeyId: 'alias/platform',
            runAsEnabled: false,
            idleSessionTimeout: '20',
            shellProfile: { linux: '', windows: '' },
          },
        }),
      }),
      { Name: 'SSM-SessionManagerRunShell' },
    ),
  ];
}

function cloudtrailRows(): Row[] {
  const trail = {
    Name: 'org-trail',
    S3BucketName: 'acme-logs',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: true,
    HomeRegion: HOME,
    TrailARN: `arn:aws:cloudtrail:${HOME}:${MANAGEMENT}:trail/org-trail`,
    LogFileValidationEnabled: true,
    KmsKeyId: `arn:aws:kms:${HOME}:${MANAGEMENT}:key/k-0001`,
    HasCustomEventSelectors: false,
    IsOrganizationTrail: true,
  };
  return [
    // A multi-region organization trail is visible (as a shadow trail) in every region of every member.
    { client: 'CloudTrail', operation: 'DescribeTrails', body: json({ trailList: [trail] }) },
    {
      client: 'CloudTrail',
      operation: 'GetTrailStatus',
      params: { Name: trail.TrailARN },
      body: json({ IsLogging: true, LatestDeliveryTime: 1_730_000_000 }),
    },
  ];
}

function iamRows(): Row[] {
  const m = MANAGEMENT;
  const user = (name: string, created: string, passwordLastUsed?: string) =>
    `<member><Path>/</Path><UserName>${name}</UserName><UserId>AIDA${name.toUpperCase().replace('-', '')}</UserId><Arn>arn:aws:iam::${m}:user/${name}</Arn><CreateDate>${created}</CreateDate>${passwordLastUsed ? `<PasswordLastUsed>${passwordLastUsed}</PasswordLastUsed>` : ''}</member>`;
  const detail = (name: string, policies: string[], tags: Record<string, string>) =>
    `<member><Path>/</Path><UserName>${name}</UserName><UserId>AIDA${name.toUpperCase().replace('-', '')}</UserId><Arn>arn:aws:iam::${m}:user/${name}</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate><UserPolicyList/><GroupList/><AttachedManagedPolicies>${policies.map((policy) => `<member><PolicyName>${policy.split('/').pop()}</PolicyName><PolicyArn>${policy}</PolicyArn></member>`).join('')}</AttachedManagedPolicies><Tags>${Object.entries(
      tags,
    )
      .map(([key, value]) => `<member><Key>${key}</Key><Value>${value}</Value></member>`)
      .join('')}</Tags></member>`;
  const trust = (principal: Record<string, string>) =>
    encodeURIComponent(
      json({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
      }),
    );
  const role = (
    account: string,
    name: string,
    principal: Record<string, string>,
    policy: string,
    lastUsed?: string,
  ) =>
    `<member><Path>/</Path><RoleName>${name}</RoleName><RoleId>AROA${name.length}</RoleId><Arn>arn:aws:iam::${account}:role/${name}</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${trust(principal)}</AssumeRolePolicyDocument><InstanceProfileList/><RolePolicyList/><AttachedManagedPolicies><member><PolicyName>${policy.split('/').pop()}</PolicyName><PolicyArn>${policy}</PolicyArn></member></AttachedManagedPolicies><Tags/><RoleLastUsed>${lastUsed ? `<LastUsedDate>${lastUsed}</LastUsedDate><Region>eu-west-1</Region>` : ''}</RoleLastUsed></member>`;
  const summary = (entries: Record<string, number>) =>
    `<SummaryMap>${Object.entries(entries)
      .map(([key, value]) => `<entry><key>${key}</key><value>${value}</value></entry>`)
      .join('')}</SummaryMap>`;
  return [
    at(
      'IAM',
      'ListAccountAliases',
      m,
      undefined,
      '<AccountAliases><member>acme-management</member></AccountAliases><IsTruncated>false</IsTruncated>',
    ),
    at(
      'IAM',
      'GetAccountSummary',
      m,
      undefined,
      summary({
        Users: 3,
        Roles: 2,
        Policies: 4,
        AccountMFAEnabled: 1,
        AccountAccessKeysPresent: 0,
        MFADevices: 2,
      }),
    ),
    at(
      'IAM',
      'GetAccountSummary',
      PROD,
      undefined,
      summary({ Users: 0, Roles: 1, AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 }),
    ),
    at(
      'IAM',
      'GetAccountPasswordPolicy',
      m,
      undefined,
      '<PasswordPolicy><MinimumPasswordLength>14</MinimumPasswordLength><RequireSymbols>true</RequireSymbols><RequireNumbers>true</RequireNumbers><RequireUppercaseCharacters>true</RequireUppercaseCharacters><RequireLowercaseCharacters>true</RequireLowercaseCharacters><AllowUsersToChangePassword>true</AllowUsersToChangePassword><ExpirePasswords>true</ExpirePasswords><MaxPasswordAge>90</MaxPasswordAge><PasswordReusePrevention>24</PasswordReusePrevention></PasswordPolicy>',
    ),
    at(
      'IAM',
      'ListUsers',
      m,
      undefined,
      `<Users>${user('alice', '2025-01-10T09:00:00Z', '2026-10-30T08:00:00Z')}${user('bob', '2025-02-10T09:00:00Z')}</Users><IsTruncated>true</IsTruncated><Marker>users-page-2</Marker>`,
    ),
    at(
      'IAM',
      'ListUsers',
      m,
      undefined,
      `<Users>${user('ci-deploy', '2025-03-10T09:00:00Z')}</Users><IsTruncated>false</IsTruncated>`,
      { Marker: 'users-page-2' },
    ),
    at(
      'IAM',
      'GetAccountAuthorizationDetails',
      m,
      undefined,
      `<UserDetailList>${detail('alice', ['arn:aws:iam::aws:policy/AdministratorAccess'], { team: 'platform' })}${detail('bob', [], {})}${detail('ci-deploy', ['arn:aws:iam::aws:policy/PowerUserAccess'], { purpose: 'ci' })}</UserDetailList><IsTruncated>false</IsTruncated>`,
      { 'Filter.member.1': 'User' },
    ),
    at(
      'IAM',
      'GetAccountAuthorizationDetails',
      m,
      undefined,
      `<RoleDetailList>${role(m, 'web', { Service: 'ec2.amazonaws.com' }, 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', '2026-10-31T12:00:00Z')}</RoleDetailList><IsTruncated>true</IsTruncated><Marker>roles-page-2</Marker>`,
      { 'Filter.member.1': 'Role' },
    ),
    at(
      'IAM',
      'GetAccountAuthorizationDetails',
      m,
      undefined,
      `<RoleDetailList>${role(m, 'auditor', { AWS: 'arn:aws:iam::999999999999:root' }, 'arn:aws:iam::aws:policy/SecurityAudit')}</RoleDetailList><IsTruncated>false</IsTruncated>`,
      { 'Filter.member.1': 'Role', Marker: 'roles-page-2' },
    ),
    at(
      'IAM',
      'GetAccountAuthorizationDetails',
      PROD,
      undefined,
      `<RoleDetailList>${role(PROD, 'OrganizationAccountAccessRole', { AWS: `arn:aws:iam::${m}:root` }, 'arn:aws:iam::aws:policy/AdministratorAccess', '2026-11-01T09:00:00Z')}</RoleDetailList><IsTruncated>false</IsTruncated>`,
      { 'Filter.member.1': 'Role' },
    ),
    at(
      'IAM',
      'ListAccessKeys',
      m,
      undefined,
      '<AccessKeyMetadata><member><UserName>alice</UserName><AccessKeyId>AKIAALICE0001</AccessKeyId><Status>Active</Status><CreateDate>2025-01-10T09:05:00Z</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>',
      { UserName: 'alice' },
    ),
    at(
      'IAM',
      'ListAccessKeys',
      m,
      undefined,
      '<AccessKeyMetadata><member><UserName>ci-deploy</UserName><AccessKeyId>AKIACIDEPLOY01</AccessKeyId><Status>Active</Status><CreateDate>2025-03-10T09:05:00Z</CreateDate></member><member><UserName>ci-deploy</UserName><AccessKeyId>AKIACIDEPLOY02</AccessKeyId><Status>Inactive</Status><CreateDate>2025-03-11T09:05:00Z</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>',
      { UserName: 'ci-deploy' },
    ),
    at('IAM', 'ListAccessKeys', m, undefined, '<AccessKeyMetadata/><IsTruncated>false</IsTruncated>'),
    at(
      'IAM',
      'GetAccessKeyLastUsed',
      m,
      undefined,
      '<UserName>alice</UserName><AccessKeyLastUsed><LastUsedDate>2026-10-29T17:00:00Z</LastUsedDate><ServiceName>s3</ServiceName><Region>eu-west-1</Region></AccessKeyLastUsed>',
      { AccessKeyId: 'AKIAALICE0001' },
    ),
    at(
      'IAM',
      'GetAccessKeyLastUsed',
      m,
      undefined,
      '<UserName>ci-deploy</UserName><AccessKeyLastUsed><ServiceName>N/A</ServiceName><Region>N/A</Region></AccessKeyLastUsed>',
    ),
    at(
      'IAM',
      'ListMFADevices',
      m,
      undefined,
      '<MFADevices><member><UserName>alice</UserName><SerialNumber>arn:aws:iam::111111111111:mfa/alice</SerialNumber><EnableDate>2025-01-10T09:10:00Z</EnableDate></member></MFADevices><IsTruncated>false</IsTruncated>',
      { UserName: 'alice' },
    ),
    at('IAM', 'ListMFADevices', m, undefined, '<MFADevices/><IsTruncated>false</IsTruncated>'),
    at(
      'IAM',
      'GetLoginProfile',
      m,
      undefined,
      '<LoginProfile><UserName>alice</UserName><CreateDate>2025-01-10T09:00:00Z</CreateDate><PasswordResetRequired>false</PasswordResetRequired></LoginProfile>',
      { UserName: 'alice' },
    ),
    at(
      'IAM',
      'GetLoginProfile',
      m,
      undefined,
      '<LoginProfile><UserName>bob</UserName><CreateDate>2025-02-10T09:00:00Z</CreateDate><PasswordResetRequired>false</PasswordResetRequired></LoginProfile>',
      { UserName: 'bob' },
    ),
  ];
}

function s3Rows(): Row[] {
  const m = MANAGEMENT;
  const tlsOnly = json({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowCloudTrail',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::acme-logs/*',
      },
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::acme-logs', 'arn:aws:s3:::acme-logs/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
  const publicRead = json({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::acme-public-site/*',
      },
    ],
  });
  const bucket = (name: string, operation: string, body: string): Row => ({
    client: 'S3',
    operation,
    account: m,
    params: { Bucket: name },
    body,
  });
  const block = (on: boolean) =>
    `<PublicAccessBlockConfiguration><BlockPublicAcls>${on}</BlockPublicAcls><IgnorePublicAcls>${on}</IgnorePublicAcls><BlockPublicPolicy>${on}</BlockPublicPolicy><RestrictPublicBuckets>${on}</RestrictPublicBuckets></PublicAccessBlockConfiguration>`;
  return [
    at(
      'S3',
      'ListBuckets',
      m,
      undefined,
      `<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>owner-id</ID></Owner><Buckets><Bucket><Name>acme-logs</Name><CreationDate>2025-01-05T10:00:00.000Z</CreationDate><BucketRegion>eu-west-1</BucketRegion></Bucket><Bucket><Name>acme-public-site</Name><CreationDate>2025-06-05T10:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>`,
    ),
    bucket(
      'acme-public-site',
      'GetBucketLocation',
      `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${OPT_IN}</LocationConstraint>`,
    ),
    bucket(
      'acme-logs',
      'GetBucketEncryption',
      `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:${HOME}:${m}:key/k-0001</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
    ),
    bucket(
      'acme-public-site',
      'GetBucketEncryption',
      '<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>',
    ),
    bucket('acme-logs', 'GetPublicAccessBlock', block(true)),
    bucket('acme-logs', 'GetBucketPolicy', tlsOnly),
    bucket('acme-public-site', 'GetBucketPolicy', publicRead),
    bucket('acme-logs', 'GetBucketPolicyStatus', '<PolicyStatus><IsPublic>false</IsPublic></PolicyStatus>'),
    bucket(
      'acme-public-site',
      'GetBucketPolicyStatus',
      '<PolicyStatus><IsPublic>true</IsPublic></PolicyStatus>',
    ),
    bucket(
      'acme-logs',
      'GetBucketVersioning',
      '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status></VersioningConfiguration>',
    ),
    bucket(
      'acme-public-site',
      'GetBucketVersioning',
      '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>',
    ),
    bucket(
      'acme-logs',
      'GetBucketTagging',
      '<Tagging><TagSet><Tag><Key>purpose</Key><Value>audit-logs</Value></Tag></TagSet></Tagging>',
    ),
    { client: 'S3Control', operation: 'GetPublicAccessBlock', account: m, body: block(true) },
  ];
}

function organizationRows(): Row[] {
  const m = MANAGEMENT;
  const account = (id: string, name: string, status = 'ACTIVE') => ({
    Id: id,
    Arn: `arn:aws:organizations::${m}:account/${ORG}/${id}`,
    Email: `aws+${name}@acme.example`,
    Name: name,
    Status: status,
    State: status === 'ACTIVE' ? 'ACTIVE' : 'SUSPENDED',
    JoinedMethod: id === m ? 'CREATED' : 'INVITED',
    JoinedTimestamp: 1_700_000_000,
  });
  const unit = (id: string, name: string) => ({
    Id: id,
    Arn: `arn:aws:organizations::${m}:ou/${ORG}/${id}`,
    Name: name,
  });
  const org = (operation: string, body: unknown, params?: Record<string, string>) =>
    at('Organizations', operation, m, undefined, json(body), params);
  return [
    org('DescribeOrganization', {
      Organization: {
        Id: ORG,
        Arn: `arn:aws:organizations::${m}:organization/${ORG}`,
        FeatureSet: 'ALL',
        MasterAccountArn: `arn:aws:organizations::${m}:account/${ORG}/${m}`,
        MasterAccountId: m,
        MasterAccountEmail: 'aws@acme.example',
        AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      },
    }),
    org('ListRoots', {
      Roots: [
        {
          Id: ROOT,
          Arn: `arn:aws:organizations::${m}:root/${ORG}/${ROOT}`,
          Name: 'Root',
          PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
        },
      ],
    }),
    org(
      'ListOrganizationalUnitsForParent',
      { OrganizationalUnits: [unit('ou-ab12-work0001', 'Workloads'), unit('ou-ab12-sand0001', 'Sandbox')] },
      { ParentId: ROOT },
    ),
    org(
      'ListOrganizationalUnitsForParent',
      { OrganizationalUnits: [unit('ou-ab12-prod0001', 'Prod')] },
      { ParentId: 'ou-ab12-work0001' },
    ),
    org('ListOrganizationalUnitsForParent', { OrganizationalUnits: [] }),
    org(
      'ListAccountsForParent',
      { Accounts: [account(m, 'acme-management')], NextToken: 'accounts-page-2' },
      { ParentId: ROOT },
    ),
    org(
      'ListAccountsForParent',
      { Accounts: [account(SUSPENDED, 'acme-old', 'SUSPENDED')] },
      { ParentId: ROOT, NextToken: 'accounts-page-2' },
    ),
    org(
      'ListAccountsForParent',
      { Accounts: [account(PROD, 'acme-prod')] },
      { ParentId: 'ou-ab12-prod0001' },
    ),
    org(
      'ListAccountsForParent',
      { Accounts: [account(SANDBOX, 'acme-sandbox')] },
      { ParentId: 'ou-ab12-sand0001' },
    ),
    org('ListAccountsForParent', { Accounts: [] }),
    org(
      'ListTagsForResource',
      {
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'owner', Value: 'payments' },
        ],
      },
      { ResourceId: PROD },
    ),
    org('ListTagsForResource', { Tags: [] }),
    org(
      'ListPolicies',
      {
        Policies: [
          {
            Id: 'p-FullAWSAccess',
            Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
            Name: 'FullAWSAccess',
            Type: 'SERVICE_CONTROL_POLICY',
            AwsManaged: true,
          },
          {
            Id: 'p-abcd1234',
            Arn: `arn:aws:organizations::${m}:policy/${ORG}/service_control_policy/p-abcd1234`,
            Name: 'DenyLeaveOrganization',
            Type: 'SERVICE_CONTROL_POLICY',
            AwsManaged: false,
          },
        ],
      },
      { Filter: 'SERVICE_CONTROL_POLICY' },
    ),
    org(
      'ListTargetsForPolicy',
      { Targets: [{ TargetId: ROOT, Type: 'ROOT', Name: 'Root' }] },
      { PolicyId: 'p-FullAWSAccess' },
    ),
    org(
      'ListTargetsForPolicy',
      {
        Targets: [
          { TargetId: 'ou-ab12-work0001', Type: 'ORGANIZATIONAL_UNIT', Name: 'Workloads' },
          { TargetId: SANDBOX, Type: 'ACCOUNT', Name: 'acme-sandbox' },
        ],
      },
      { PolicyId: 'p-abcd1234' },
    ),
  ];
}

/** Every answer of the organization, including the denied role of the sandbox account. */
export function orgEstateRows(): ResponseRow[] {
  return [
    ...identityAnswers(MANAGEMENT),
    {
      client: 'STS',
      operation: 'AssumeRole',
      params: { RoleArn: `arn:aws:iam::${SANDBOX}:role/OrganizationAccountAccessRole` },
      error: {
        status: 403,
        code: 'AccessDenied',
        message: `User: arn:aws:iam::${MANAGEMENT}:user/consultant is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${SANDBOX}:role/OrganizationAccountAccessRole`,
      },
    },
    regionsAnswer(MANAGEMENT, [HOME, 'us-east-1', OPT_IN], []),
    regionsAnswer(PROD, [HOME, 'us-east-1'], [OPT_IN]),
    ...organizationRows(),
    ...ec2Rows(),
    ...rdsRows(),
    ...kmsRows(),
    ...ssmRows(),
    ...cloudtrailRows(),
    ...iamRows(),
    ...s3Rows(),
    ...EMPTY_ANSWERS,
    ...NOT_CONFIGURED_ANSWERS,
  ];
}
