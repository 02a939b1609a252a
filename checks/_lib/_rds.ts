import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { whereEqual } from './_index.ts';

export type RdsInstance = Inventory['rds']['instances'][number];
export type RdsCluster = Inventory['rds']['clusters'][number];

/** What a customer calls "a database": a standalone DB instance, or a cluster judged as a whole. */
export type Database = (RdsInstance & { kind: 'instance' }) | (RdsCluster & { kind: 'cluster' });

export type EngineFamily = 'mysql' | 'postgres' | 'sqlserver' | 'oracle' | 'db2' | 'other';

/** `aurora-mysql` and `mariadb` speak MySQL; `aurora-postgresql` speaks PostgreSQL. */
export function engineFamily(engine: string): EngineFamily {
  if (engine === 'mysql' || engine === 'mariadb' || engine === 'aurora' || engine === 'aurora-mysql') {
    return 'mysql';
  }
  if (engine === 'postgres' || engine === 'aurora-postgresql') return 'postgres';
  for (const family of ['sqlserver', 'oracle', 'db2'] as const) if (engine.startsWith(family)) return family;
  return 'other';
}

export function isAurora(engine: string): boolean {
  return engine.startsWith('aurora');
}

/**
 * The major version as AWS names it in its support calendars: `5.7` and `8.0` for MySQL, `10.6` for
 * MariaDB, `16` for PostgreSQL, and the Aurora MySQL generation (`2`, `3`) from `8.0.mysql_aurora.3.08.0`.
 */
export function majorVersion(engine: string, engineVersion: string): string {
  const aurora = /mysql_aurora\.(\d+)\./.exec(engineVersion);
  if (aurora?.[1]) return aurora[1];
  const parts = engineVersion.split('.');
  const postgresStyle = engineFamily(engine) === 'postgres' && Number(parts[0]) >= 10;
  return postgresStyle ? (parts[0] ?? engineVersion) : parts.slice(0, 2).join('.');
}

export function describeDatabase(db: Database): string {
  return `${db.engine} ${db.engineVersion} ${db.kind === 'cluster' ? 'cluster' : 'instance'} ${db.identifier}`;
}

/** Instances that are not cluster members, then clusters: each database once. */
export function databases(inventory: Inventory): Database[] {
  return [
    ...inventory.rds.instances
      .filter((instance) => !instance.clusterIdentifier)
      .map((instance) => ({ ...instance, kind: 'instance' as const })),
    ...inventory.rds.clusters.map((cluster) => ({ ...cluster, kind: 'cluster' as const })),
  ];
}

/** A cluster member's storage, backups and settings belong to its cluster, which is judged instead. */
export function judgedWithCluster(instance: RdsInstance): CheckOutcome {
  return notApplicable(
    instance,
    `${instance.identifier} is a member of cluster ${instance.clusterIdentifier}; the cluster is judged instead`,
  );
}

/** Cluster storage belongs to the cluster (Aurora grows it by itself), so storage checks skip members. */
export function clusterStorageMember(instance: RdsInstance): CheckOutcome {
  return notApplicable(
    instance,
    `${instance.identifier} is a member of cluster ${instance.clusterIdentifier}, whose storage is not per instance`,
  );
}

/** Runs `judge` on every database and marks cluster members not applicable. */
export function judgeDatabases(inventory: Inventory, judge: (db: Database) => CheckOutcome): CheckOutcome[] {
  return [
    ...inventory.rds.instances.filter((instance) => instance.clusterIdentifier).map(judgedWithCluster),
    ...databases(inventory).map(judge),
  ];
}

/** The cluster's member instance records (instance class, monitoring) from `rds.instances`. */
export function memberInstance(inventory: Inventory, cluster: RdsCluster, identifier: string) {
  return whereEqual(inventory.rds.instances, {
    identifier,
    accountId: cluster.accountId,
    region: cluster.region,
  })[0];
}
