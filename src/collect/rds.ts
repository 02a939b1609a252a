import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBClusterParameterGroups,
  paginateDescribeDBClusterParameters,
  paginateDescribeDBClusters,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBInstances,
  paginateDescribeDBParameterGroups,
  paginateDescribeDBParameters,
  paginateDescribeDBSnapshots,
  RDSClient,
  type DBSnapshotAttribute,
  type Parameter,
} from '@aws-sdk/client-rds';
import {
  base,
  collectPages,
  isoOrUndefined,
  mapConcurrently,
  partCollector,
  tagMap,
  type CollectContext,
} from './collector.ts';

/** Parameters whose values checks judge; everything else in a parameter group is left out of the snapshot. */
export const RELEVANT_DB_PARAMETERS = [
  'require_secure_transport',
  'rds.force_ssl',
  'tls_version',
  'ssl_min_protocol_version',
  'binlog_format',
  'binlog_retention_hours',
] as const;

function rds(context: CollectContext) {
  return { client: context.client(RDSClient), pageSize: 100 };
}

/** DB instances of the account and region, listed once for both the instances and the cluster members. */
function listInstances(context: CollectContext) {
  return context.shared('rds:DescribeDBInstances', () =>
    collectPages(paginateDescribeDBInstances(rds(context), {}), (page) => page.DBInstances),
  );
}

function regionOfArn(arn: string | undefined): string[] {
  const region = arn?.split(':')[3];
  return region ? [region] : [];
}

function relevantParameters(parameters: readonly Parameter[]): Record<string, string> {
  const relevant: Record<string, string> = {};
  for (const parameter of parameters) {
    const name = parameter.ParameterName ?? '';
    if (
      (RELEVANT_DB_PARAMETERS as readonly string[]).includes(name) &&
      parameter.ParameterValue !== undefined
    ) {
      relevant[name] = parameter.ParameterValue;
    }
  }
  return relevant;
}

/** A snapshot is public when its `restore` attribute lists `all`. */
function isPublic(attributes: readonly DBSnapshotAttribute[] | undefined): boolean {
  return (attributes ?? []).some(
    (attribute) => attribute.AttributeName === 'restore' && attribute.AttributeValues?.includes('all'),
  );
}

export const rdsCollectors = [
  partCollector('rds', 'instances', {
    scope: 'regional',
    actions: ['rds:DescribeDBInstances'],
    async collect(context) {
      const instances = await listInstances(context);
      return instances.map((db) => ({
        ...base(context, db.DBInstanceArn ?? '', db.DBInstanceIdentifier ?? ''),
        identifier: db.DBInstanceIdentifier ?? '',
        engine: db.Engine ?? '',
        engineVersion: db.EngineVersion ?? '',
        instanceClass: db.DBInstanceClass ?? '',
        status: db.DBInstanceStatus ?? 'unknown',
        clusterIdentifier: db.DBClusterIdentifier ?? null,
        multiAz: db.MultiAZ ?? false,
        availabilityZone: db.AvailabilityZone ?? null,
        secondaryAvailabilityZone: db.SecondaryAvailabilityZone ?? null,
        storageEncrypted: db.StorageEncrypted ?? false,
        kmsKeyId: db.KmsKeyId ?? null,
        allocatedStorageGiB: db.AllocatedStorage ?? 0,
        maxAllocatedStorageGiB: db.MaxAllocatedStorage ?? null,
        storageType: db.StorageType ?? 'unknown',
        backupRetentionDays: db.BackupRetentionPeriod ?? 0,
        deletionProtection: db.DeletionProtection ?? false,
        publiclyAccessible: db.PubliclyAccessible ?? false,
        performanceInsightsEnabled: db.PerformanceInsightsEnabled ?? false,
        monitoringIntervalSeconds: db.MonitoringInterval ?? 0,
        iamDatabaseAuthenticationEnabled: db.IAMDatabaseAuthenticationEnabled ?? false,
        parameterGroups: (db.DBParameterGroups ?? []).map((group) => group.DBParameterGroupName ?? ''),
        readReplicaSourceIdentifier: db.ReadReplicaSourceDBInstanceIdentifier ?? null,
        readReplicaIdentifiers: db.ReadReplicaDBInstanceIdentifiers ?? [],
        backupReplicationRegions: (db.DBInstanceAutomatedBackupsReplications ?? []).flatMap((replication) =>
          regionOfArn(replication.DBInstanceAutomatedBackupsArn),
        ),
        tags: tagMap(db.TagList),
      }));
    },
  }),

  partCollector('rds', 'clusters', {
    scope: 'regional',
    // Members' Availability Zones are only on the instances.
    actions: ['rds:DescribeDBClusters', 'rds:DescribeDBInstances'],
    async collect(context) {
      const [clusters, instances] = await Promise.all([
        collectPages(paginateDescribeDBClusters(rds(context), {}), (page) => page.DBClusters),
        listInstances(context),
      ]);
      const zoneOf = new Map(instances.map((db) => [db.DBInstanceIdentifier, db.AvailabilityZone ?? null]));
      return clusters.map((cluster) => ({
        ...base(context, cluster.DBClusterArn ?? '', cluster.DBClusterIdentifier ?? ''),
        identifier: cluster.DBClusterIdentifier ?? '',
        engine: cluster.Engine ?? '',
        engineVersion: cluster.EngineVersion ?? '',
        engineMode: cluster.EngineMode ?? 'provisioned',
        status: cluster.Status ?? 'unknown',
        multiAz: cluster.MultiAZ ?? false,
        storageEncrypted: cluster.StorageEncrypted ?? false,
        kmsKeyId: cluster.KmsKeyId ?? null,
        backupRetentionDays: cluster.BackupRetentionPeriod ?? 0,
        deletionProtection: cluster.DeletionProtection ?? false,
        iamDatabaseAuthenticationEnabled: cluster.IAMDatabaseAuthenticationEnabled ?? false,
        parameterGroup: cluster.DBClusterParameterGroup ?? null,
        members: (cluster.DBClusterMembers ?? []).map((member) => ({
          instanceIdentifier: member.DBInstanceIdentifier ?? '',
          isWriter: member.IsClusterWriter ?? false,
          availabilityZone: zoneOf.get(member.DBInstanceIdentifier) ?? null,
          promotionTier: member.PromotionTier ?? 1,
        })),
        backupReplicationRegions: [],
        globalClusterIdentifier: cluster.GlobalClusterIdentifier ?? null,
        tags: tagMap(cluster.TagList),
      }));
    },
  }),

  partCollector('rds', 'snapshots', {
    scope: 'regional',
    actions: [
      'rds:DescribeDBSnapshots',
      'rds:DescribeDBClusterSnapshots',
      'rds:DescribeDBSnapshotAttributes',
      'rds:DescribeDBClusterSnapshotAttributes',
    ],
    async collect(context) {
      const client = context.client(RDSClient);
      const [instanceSnapshots, clusterSnapshots] = await Promise.all([
        collectPages(paginateDescribeDBSnapshots(rds(context), {}), (page) => page.DBSnapshots),
        collectPages(paginateDescribeDBClusterSnapshots(rds(context), {}), (page) => page.DBClusterSnapshots),
      ]);
      // Only manual snapshots can be shared, so only they need their restore attribute read.
      const fromInstances = mapConcurrently(instanceSnapshots, async (snapshot) => {
        const attributes =
          snapshot.SnapshotType === 'manual'
            ? (
                await client.send(
                  new DescribeDBSnapshotAttributesCommand({
                    DBSnapshotIdentifier: snapshot.DBSnapshotIdentifier,
                  }),
                )
              ).DBSnapshotAttributesResult?.DBSnapshotAttributes
            : undefined;
        return {
          ...base(context, snapshot.DBSnapshotArn ?? '', snapshot.DBSnapshotIdentifier ?? ''),
          identifier: snapshot.DBSnapshotIdentifier ?? '',
          sourceIdentifier: snapshot.DBInstanceIdentifier ?? '',
          kind: 'instance' as const,
          snapshotType: snapshot.SnapshotType ?? 'unknown',
          encrypted: snapshot.Encrypted ?? false,
          kmsKeyId: snapshot.KmsKeyId ?? null,
          public: isPublic(attributes),
          createdAt: isoOrUndefined(snapshot.SnapshotCreateTime),
        };
      });
      const fromClusters = mapConcurrently(clusterSnapshots, async (snapshot) => {
        const attributes =
          snapshot.SnapshotType === 'manual'
            ? (
                await client.send(
                  new DescribeDBClusterSnapshotAttributesCommand({
                    DBClusterSnapshotIdentifier: snapshot.DBClusterSnapshotIdentifier,
                  }),
                )
              ).DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes
            : undefined;
        return {
          ...base(context, snapshot.DBClusterSnapshotArn ?? '', snapshot.DBClusterSnapshotIdentifier ?? ''),
          identifier: snapshot.DBClusterSnapshotIdentifier ?? '',
          sourceIdentifier: snapshot.DBClusterIdentifier ?? '',
          kind: 'cluster' as const,
          snapshotType: snapshot.SnapshotType ?? 'unknown',
          encrypted: snapshot.StorageEncrypted ?? false,
          kmsKeyId: snapshot.KmsKeyId ?? null,
          public: isPublic(attributes),
          createdAt: isoOrUndefined(snapshot.SnapshotCreateTime),
        };
      });
      return [...(await fromInstances), ...(await fromClusters)];
    },
  }),

  partCollector('rds', 'parameterGroups', {
    scope: 'regional',
    actions: [
      'rds:DescribeDBParameterGroups',
      'rds:DescribeDBParameters',
      'rds:DescribeDBClusterParameterGroups',
      'rds:DescribeDBClusterParameters',
    ],
    async collect(context) {
      const [instanceGroups, clusterGroups] = await Promise.all([
        collectPages(paginateDescribeDBParameterGroups(rds(context), {}), (page) => page.DBParameterGroups),
        collectPages(
          paginateDescribeDBClusterParameterGroups(rds(context), {}),
          (page) => page.DBClusterParameterGroups,
        ),
      ]);
      const instanceKind = mapConcurrently(instanceGroups, async (group) => ({
        ...base(context, group.DBParameterGroupArn ?? '', group.DBParameterGroupName ?? ''),
        kind: 'instance' as const,
        family: group.DBParameterGroupFamily ?? '',
        parameters: relevantParameters(
          await collectPages(
            paginateDescribeDBParameters(rds(context), { DBParameterGroupName: group.DBParameterGroupName }),
            (page) => page.Parameters,
          ),
        ),
      }));
      const clusterKind = mapConcurrently(clusterGroups, async (group) => ({
        ...base(context, group.DBClusterParameterGroupArn ?? '', group.DBClusterParameterGroupName ?? ''),
        kind: 'cluster' as const,
        family: group.DBParameterGroupFamily ?? '',
        parameters: relevantParameters(
          await collectPages(
            paginateDescribeDBClusterParameters(rds(context), {
              DBClusterParameterGroupName: group.DBClusterParameterGroupName,
            }),
            (page) => page.Parameters,
          ),
        ),
      }));
      return [...(await instanceKind), ...(await clusterKind)];
    },
  }),
];
