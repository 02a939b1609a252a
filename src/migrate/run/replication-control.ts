import type { Connection } from 'mysql2/promise';
import {
  normalizeReplicaStatus,
  replicaStatusQuery,
  sourcePositionQuery,
  type DialectKind,
  type ReplicaStatus,
  type SqlStatement,
} from '../dialect.ts';
import { queryRows } from './script-connection.ts';

/**
 * Replication helpers for run and validate beyond the dialect's setup/start/stop: a filter to the
 * migrated databases, positions, and reading both servers' status.
 */
export interface BinlogPosition {
  readonly file: string;
  readonly position: number;
}

/**
 * Only the migrated databases replicate: account statements and other schemas on the source would
 * otherwise fail on the target (CREATE USER of an account that exists there stops the SQL thread).
 * Null where the filter lives in the parameter group (RDS, Aurora: `replicate-wild-do-table`).
 */
export function replicationFilterStatement(
  kind: DialectKind,
  databases: readonly string[],
): SqlStatement | null {
  const patterns = databases.map((database) => `${database}.%`);
  switch (kind) {
    case 'mariadb':
      return { sql: 'SET GLOBAL replicate_wild_do_table = ?', params: [patterns.join(',')] };
    case 'mysql':
    case 'mysql-legacy':
      return {
        sql: `CHANGE REPLICATION FILTER REPLICATE_WILD_DO_TABLE = (${patterns.map(() => '?').join(', ')})`,
        params: patterns,
      };
    case 'aurora':
    case 'aurora-2':
    case 'rds':
    case 'rds-8.4':
      return null;
  }
}

export async function runStatement(
  connection: Pick<Connection, 'query'>,
  statement: SqlStatement,
): Promise<void> {
  await connection.query(statement.sql, [...statement.params]);
}

export async function readReplicaStatus(
  connection: Connection,
  kind: DialectKind,
): Promise<ReplicaStatus | null> {
  const statement = replicaStatusQuery(kind);
  const rows = await queryRows<Record<string, unknown>>(connection, statement.sql);
  return normalizeReplicaStatus(rows[0]);
}

export async function readSourcePosition(
  connection: Connection,
  kind: DialectKind,
): Promise<BinlogPosition | null> {
  const rows = await queryRows<Record<string, unknown>>(connection, sourcePositionQuery(kind).sql);
  const row = rows[0];
  if (!row) return null;
  return { file: String(row.File), position: Number(row.Position) };
}

/** Orders binlog positions: file names end in a sequence number, so they compare as strings of equal length. */
export function comparePositions(a: BinlogPosition, b: BinlogPosition): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.position - b.position;
}

/** Bytes the replica still has to apply, or null when it is in an older file (the size is unknown). */
export function lagBytes(executed: BinlogPosition, source: BinlogPosition): number | null {
  if (comparePositions(executed, source) >= 0) return 0;
  return executed.file === source.file ? source.position - executed.position : null;
}

export function executedPosition(status: ReplicaStatus): BinlogPosition {
  return { file: status.executedFile, position: status.executedPosition };
}
