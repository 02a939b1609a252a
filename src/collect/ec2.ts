import {
  DescribeSnapshotAttributeCommand,
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeInstanceConnectEndpoints,
  paginateDescribeInstances,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
  type IpPermission,
  type RouteTable,
  type Snapshot,
} from '@aws-sdk/client-ec2';
import {
  base,
  collectPages,
  isoOrUndefined,
  mapConcurrently,
  partCollector,
  tagMap,
  type CollectContext,
} from './collector.ts';

const PAGE = { pageSize: 1000 };
const LIVE_INSTANCE_STATES = ['pending', 'running', 'shutting-down', 'stopping', 'stopped'];

function ec2(context: CollectContext) {
  return { client: context.client(EC2Client), ...PAGE };
}

function ec2Arn(context: CollectContext, resource: string, account = context.accountId): string {
  return `arn:${context.partition}:ec2:${context.region}:${account}:${resource}`;
}

function nameTag(tags: readonly { Key?: string; Value?: string }[] | undefined): string {
  return tags?.find((tag) => tag.Key === 'Name')?.Value ?? '';
}

function permission(rule: IpPermission) {
  return {
    protocol: rule.IpProtocol ?? '-1',
    fromPort: rule.FromPort ?? null,
    toPort: rule.ToPort ?? null,
    ipv4Ranges: (rule.IpRanges ?? []).flatMap((range) => (range.CidrIp ? [range.CidrIp] : [])),
    ipv6Ranges: (rule.Ipv6Ranges ?? []).flatMap((range) => (range.CidrIpv6 ? [range.CidrIpv6] : [])),
    sourceGroupIds: (rule.UserIdGroupPairs ?? []).flatMap((pair) => (pair.GroupId ? [pair.GroupId] : [])),
    prefixListIds: (rule.PrefixListIds ?? []).flatMap((list) =>
      list.PrefixListId ? [list.PrefixListId] : [],
    ),
  };
}

/**
 * Whom a snapshot is shared with needs one call per snapshot; it is asked only where a check reads it:
 * a public snapshot is judged as public, a failed one holds no data.
 */
function needsSharingRead(snapshot: Snapshot, isPublic: boolean): boolean {
  return !isPublic && snapshot.State !== 'error';
}

async function sharedWithAccounts(
  context: CollectContext,
  snapshotId: string | undefined,
  arn: string,
): Promise<string[]> {
  try {
    const { CreateVolumePermissions: permissions = [] } = await context
      .client(EC2Client)
      .send(
        new DescribeSnapshotAttributeCommand({ SnapshotId: snapshotId, Attribute: 'createVolumePermission' }),
      );
    return permissions.flatMap((grant) => (grant.UserId ? [grant.UserId] : []));
  } catch (error) {
    context.reportGap(error, { resource: arn, attribute: 'ec2.snapshots.sharedWithAccounts' });
    return [];
  }
}

type Destination = 'ipv4' | 'ipv6';

/** True when the table sends the whole address space of `destination` to an internet gateway. */
function routesToInternet(table: RouteTable, destination: Destination): boolean {
  return (table.Routes ?? []).some(
    (route) =>
      (destination === 'ipv4'
        ? route.DestinationCidrBlock === '0.0.0.0/0'
        : route.DestinationIpv6CidrBlock === '::/0') &&
      (route.GatewayId ?? '').startsWith('igw-') &&
      route.State !== 'blackhole',
  );
}

/**
 * Subnets whose effective route table sends 0.0.0.0/0 (`ipv4`) or ::/0 (`ipv6`) to an internet
 * gateway. A subnet without an explicit association uses its VPC's main route table.
 */
export function publicSubnetIds(
  routeTables: readonly RouteTable[],
  subnets: readonly { SubnetId?: string; VpcId?: string }[],
  destination: Destination = 'ipv4',
) {
  const explicit = new Map<string, boolean>();
  const mainByVpc = new Map<string, boolean>();
  for (const table of routeTables) {
    const reachesInternet = routesToInternet(table, destination);
    for (const association of table.Associations ?? []) {
      if (association.Main && table.VpcId) mainByVpc.set(table.VpcId, reachesInternet);
      if (association.SubnetId) explicit.set(association.SubnetId, reachesInternet);
    }
  }
  return new Set(
    subnets
      .filter((subnet) => explicit.get(subnet.SubnetId ?? '') ?? mainByVpc.get(subnet.VpcId ?? '') ?? false)
      .map((subnet) => subnet.SubnetId ?? ''),
  );
}

export const ec2Collectors = [
  partCollector('ec2', 'instances', {
    scope: 'regional',
    actions: ['ec2:DescribeInstances'],
    async collect(context) {
      const reservations = await collectPages(
        paginateDescribeInstances(ec2(context), {
          Filters: [{ Name: 'instance-state-name', Values: LIVE_INSTANCE_STATES }],
        }),
        (page) => page.Reservations,
      );
      return reservations.flatMap((reservation) =>
        (reservation.Instances ?? []).map((instance) => ({
          ...base(
            context,
            ec2Arn(context, `instance/${instance.InstanceId}`, reservation.OwnerId),
            nameTag(instance.Tags),
          ),
          instanceId: instance.InstanceId ?? '',
          state: instance.State?.Name ?? 'unknown',
          instanceType: instance.InstanceType ?? 'unknown',
          platform: instance.Platform ?? 'linux',
          vpcId: instance.VpcId ?? null,
          subnetId: instance.SubnetId ?? null,
          availabilityZone: instance.Placement?.AvailabilityZone,
          publicIp: instance.PublicIpAddress ?? null,
          privateIp: instance.PrivateIpAddress ?? null,
          ipv6Addresses: (instance.NetworkInterfaces ?? []).flatMap((networkInterface) =>
            (networkInterface.Ipv6Addresses ?? []).flatMap((address) =>
              address.Ipv6Address ? [address.Ipv6Address] : [],
            ),
          ),
          securityGroupIds: (instance.SecurityGroups ?? []).flatMap((group) =>
            group.GroupId ? [group.GroupId] : [],
          ),
          iamInstanceProfileArn: instance.IamInstanceProfile?.Arn ?? null,
          imdsHttpTokens: instance.MetadataOptions?.HttpTokens === 'required' ? 'required' : 'optional',
          imdsHttpEndpoint: instance.MetadataOptions?.HttpEndpoint === 'disabled' ? 'disabled' : 'enabled',
          keyName: instance.KeyName ?? null,
          launchedAt: isoOrUndefined(instance.LaunchTime),
          tags: tagMap(instance.Tags),
        })),
      );
    },
  }),

  partCollector('ec2', 'securityGroups', {
    scope: 'regional',
    actions: ['ec2:DescribeSecurityGroups'],
    async collect(context) {
      const groups = await collectPages(
        paginateDescribeSecurityGroups(ec2(context), {}),
        (page) => page.SecurityGroups,
      );
      return groups.map((group) => ({
        ...base(
          context,
          ec2Arn(context, `security-group/${group.GroupId}`, group.OwnerId),
          group.GroupName ?? '',
        ),
        groupId: group.GroupId ?? '',
        vpcId: group.VpcId ?? null,
        description: group.Description ?? '',
        ingress: (group.IpPermissions ?? []).map(permission),
        egress: (group.IpPermissionsEgress ?? []).map(permission),
        tags: tagMap(group.Tags),
      }));
    },
  }),

  partCollector('ec2', 'vpcs', {
    scope: 'regional',
    actions: ['ec2:DescribeVpcs'],
    async collect(context) {
      const vpcs = await collectPages(paginateDescribeVpcs(ec2(context), {}), (page) => page.Vpcs);
      return vpcs.map((vpc) => ({
        ...base(context, ec2Arn(context, `vpc/${vpc.VpcId}`, vpc.OwnerId), nameTag(vpc.Tags)),
        vpcId: vpc.VpcId ?? '',
        cidrBlock: vpc.CidrBlock ?? '',
        isDefault: vpc.IsDefault ?? false,
        tags: tagMap(vpc.Tags),
      }));
    },
  }),

  partCollector('ec2', 'subnets', {
    scope: 'regional',
    actions: ['ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
    async collect(context) {
      const [subnets, routeTables] = await Promise.all([
        collectPages(paginateDescribeSubnets(ec2(context), {}), (page) => page.Subnets),
        collectPages(
          paginateDescribeRouteTables({ ...ec2(context), pageSize: 100 }, {}),
          (page) => page.RouteTables,
        ),
      ]);
      const publicIds = publicSubnetIds(routeTables, subnets, 'ipv4');
      const publicIpv6Ids = publicSubnetIds(routeTables, subnets, 'ipv6');
      return subnets.map((subnet) => ({
        ...base(
          context,
          subnet.SubnetArn ?? ec2Arn(context, `subnet/${subnet.SubnetId}`, subnet.OwnerId),
          nameTag(subnet.Tags),
        ),
        subnetId: subnet.SubnetId ?? '',
        vpcId: subnet.VpcId ?? '',
        availabilityZone: subnet.AvailabilityZone ?? '',
        cidrBlock: subnet.CidrBlock ?? '',
        mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch ?? false,
        public: publicIds.has(subnet.SubnetId ?? ''),
        publicIpv6: publicIpv6Ids.has(subnet.SubnetId ?? ''),
        tags: tagMap(subnet.Tags),
      }));
    },
  }),

  partCollector('ec2', 'volumes', {
    scope: 'regional',
    actions: ['ec2:DescribeVolumes'],
    async collect(context) {
      const volumes = await collectPages(paginateDescribeVolumes(ec2(context), {}), (page) => page.Volumes);
      return volumes.map((volume) => ({
        ...base(context, ec2Arn(context, `volume/${volume.VolumeId}`), nameTag(volume.Tags)),
        volumeId: volume.VolumeId ?? '',
        sizeGiB: volume.Size ?? 0,
        encrypted: volume.Encrypted ?? false,
        kmsKeyId: volume.KmsKeyId ?? null,
        state: volume.State ?? 'unknown',
        attachedInstanceIds: (volume.Attachments ?? []).flatMap((attachment) =>
          attachment.InstanceId ? [attachment.InstanceId] : [],
        ),
        tags: tagMap(volume.Tags),
      }));
    },
  }),

  partCollector('ec2', 'snapshots', {
    scope: 'regional',
    actions: ['ec2:DescribeSnapshots', 'ec2:DescribeSnapshotAttribute'],
    async collect(context) {
      const owned = (snapshots: readonly Snapshot[] | undefined) =>
        // An endpoint may ignore OwnerIds=self: a snapshot of another account is not this account's evidence.
        (snapshots ?? []).filter((snapshot) => snapshot.OwnerId === context.accountId);
      const [snapshots, publicSnapshots] = await Promise.all([
        collectPages(paginateDescribeSnapshots(ec2(context), { OwnerIds: ['self'] }), (page) =>
          owned(page.Snapshots),
        ),
        // One filtered list answers "public?" for every snapshot at once.
        collectPages(
          paginateDescribeSnapshots(ec2(context), { OwnerIds: ['self'], RestorableByUserIds: ['all'] }),
          (page) => owned(page.Snapshots),
        ),
      ]);
      const publicIds = new Set(publicSnapshots.map((snapshot) => snapshot.SnapshotId));
      return mapConcurrently(snapshots, async (snapshot) => {
        const arn = `arn:${context.partition}:ec2:${context.region}::snapshot/${snapshot.SnapshotId}`;
        const isPublic = publicIds.has(snapshot.SnapshotId);
        return {
          ...base(context, arn, nameTag(snapshot.Tags)),
          snapshotId: snapshot.SnapshotId ?? '',
          ownerId: snapshot.OwnerId ?? null,
          state: snapshot.State ?? 'completed',
          volumeId: snapshot.VolumeId ?? null,
          encrypted: snapshot.Encrypted ?? false,
          kmsKeyId: snapshot.KmsKeyId ?? null,
          public: isPublic,
          sharedWithAccounts: needsSharingRead(snapshot, isPublic)
            ? await sharedWithAccounts(context, snapshot.SnapshotId, arn)
            : [],
          startedAt: isoOrUndefined(snapshot.StartTime),
          tags: tagMap(snapshot.Tags),
        };
      });
    },
  }),

  partCollector('ec2', 'ebsEncryptionByDefault', {
    scope: 'regional',
    actions: ['ec2:GetEbsEncryptionByDefault', 'ec2:GetEbsDefaultKmsKeyId'],
    async collect(context) {
      const client = context.client(EC2Client);
      const arn = `arn:${context.partition}:ec2:${context.region}:${context.accountId}:ebs-encryption-by-default`;
      // Two settings, two reads: the key id failing must not lose whether encryption is on.
      const [byDefault, defaultKey] = await Promise.allSettled([
        client.send(new GetEbsEncryptionByDefaultCommand({})),
        client.send(new GetEbsDefaultKmsKeyIdCommand({})),
      ]);
      if (byDefault.status === 'rejected' && defaultKey.status === 'rejected') throw byDefault.reason;
      if (byDefault.status === 'rejected')
        context.reportGap(byDefault.reason, {
          resource: arn,
          attribute: 'ec2.ebsEncryptionByDefault.enabled',
        });
      if (defaultKey.status === 'rejected')
        context.reportGap(defaultKey.reason, {
          resource: arn,
          attribute: 'ec2.ebsEncryptionByDefault.kmsKeyId',
        });
      return [
        {
          ...base(context, arn),
          enabled:
            byDefault.status === 'fulfilled' ? (byDefault.value.EbsEncryptionByDefault ?? false) : false,
          kmsKeyId: defaultKey.status === 'fulfilled' ? (defaultKey.value.KmsKeyId ?? null) : null,
        },
      ];
    },
  }),

  partCollector('ec2', 'instanceConnectEndpoints', {
    scope: 'regional',
    actions: ['ec2:DescribeInstanceConnectEndpoints'],
    async collect(context) {
      const endpoints = await collectPages(
        paginateDescribeInstanceConnectEndpoints({ client: context.client(EC2Client), pageSize: 50 }, {}),
        (page) => page.InstanceConnectEndpoints,
      );
      return endpoints.map((endpoint) => ({
        ...base(
          context,
          endpoint.InstanceConnectEndpointArn ??
            ec2Arn(context, `instance-connect-endpoint/${endpoint.InstanceConnectEndpointId}`),
          nameTag(endpoint.Tags),
        ),
        endpointId: endpoint.InstanceConnectEndpointId ?? '',
        vpcId: endpoint.VpcId ?? '',
        state: endpoint.State ?? 'unknown',
      }));
    },
  }),
];
