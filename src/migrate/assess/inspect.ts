import type { RowDataPacket } from 'mysql2/promise';
import { userError } from '../../errors.ts';
import { detectServer, type Queryable, type ServerInfo } from '../connection.ts';
import {
  binlogRetentionQuery,
  type BinlogRetention,
  type DialectKind,
  dialectKindOf,
  parseBinlogRetention,
} from '../dialect.ts';

/** What assess and plan know about a server, read once through information_schema and variables. */
export interface ServerFacts {
  readonly url: string;
  readonly info: ServerInfo;
  readonly dialect: DialectKind;
  readonly logBin: boolean;
  readonly binlogFormat: string;
  readonly binlogRowImage: string;
  /** MySQL's gtid_mode, or `MariaDB GTID (domain N)` (MariaDB always writes GTIDs). */
  readonly gtidMode: string;
  readonly serverId: number;
  readonly sqlMode: readonly string[];
  readonly collationServer: string;
  readonly logReplicaUpdates: boolean;
  /** null when the server would not tell (e.g. rds_show_configuration denied). */
  readonly retention: BinlogRetention | null;
  readonly retentionError?: string;
  /** Names of the retention variables the server has (MySQL 8.4 lacks expire_logs_days, old MariaDB the other). */
  readonly retentionVariables: readonly string[];
  readonly lowerCaseTableNames: number;
  /** The zone NOW() and TIMESTAMP columns use: time_zone, or the system zone when it is SYSTEM. */
  readonly timeZone: string;
  readonly maxAllowedPacket: number;
}

export interface TableFacts {
  readonly database: string;
  readonly name: string;
  readonly engine: string;
  /** information_schema estimate for InnoDB. */
  readonly rows: number;
  readonly dataBytes: number;
  readonly indexBytes: number;
  readonly collation: string | null;
  readonly primaryKey: readonly string[];
  /** Unique keys whose columns are all NOT NULL (usable as a row identity). */
  readonly uniqueKeys: readonly (readonly string[])[];
  readonly secondaryIndexes: number;
  readonly foreignKeys: number;
  /** Leading primary-key (else unique-key) column when it is an integer: chunks by range. */
  readonly chunkColumn: string | null;
}

export interface ColumnFacts {
  readonly database: string;
  readonly table: string;
  readonly name: string;
  readonly dataType: string;
  readonly collation: string | null;
  readonly defaultValue: string | null;
  /** VIRTUAL or STORED generated columns: computed by the server, never written. */
  readonly generated: boolean;
}

export type ProgramKind = 'trigger' | 'view' | 'procedure' | 'function' | 'event';

export interface ProgramFacts {
  readonly database: string;
  readonly name: string;
  readonly kind: ProgramKind;
  /** `user@host` as information_schema reports it. */
  readonly definer: string;
  readonly detail: string;
}

export interface ZeroDateFacts {
  readonly database: string;
  readonly table: string;
  readonly column: string;
  readonly zeroDefault: boolean;
  /** Rows holding a zero date or zero month/day (counted up to a cap); null when the table was too big to scan. */
  readonly rowsFound: number | null;
}

/** The longest row of a table's BLOB/TEXT/JSON columns together, in bytes (each row is one packet in a dump). */
export interface LargeValueFacts {
  readonly database: string;
  readonly table: string;
  readonly maxRowBytes: number;
}

export interface SchemaFacts {
  readonly databases: readonly { name: string; collation: string }[];
  readonly tables: readonly TableFacts[];
  readonly columns: readonly ColumnFacts[];
  readonly programs: readonly ProgramFacts[];
  readonly zeroDates: readonly ZeroDateFacts[];
  /** Tables with large-object columns small enough to scan (see ZERO_DATE_SCAN_MAX_ROWS). */
  readonly largeValues: readonly LargeValueFacts[];
}

export const SYSTEM_DATABASES: readonly string[] = [
  'mysql',
  'information_schema',
  'performance_schema',
  'sys',
];
/** Tables above this size are not scanned for zero dates (a full scan per date column). */
export const ZERO_DATE_SCAN_MAX_ROWS = 1_000_000;
const ZERO_DATE_COUNT_CAP = 1000;
const DATE_TYPES = new Set(['date', 'datetime', 'timestamp']);
const LARGE_OBJECT_TYPES = new Set([
  'blob',
  'mediumblob',
  'longblob',
  'text',
  'mediumtext',
  'longtext',
  'json',
]);
const INTEGER_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint']);

type Row = RowDataPacket & Record<string, unknown>;

async function rows(connection: Queryable, sql: string, params: unknown[] = []): Promise<Row[]> {
  const [result] = await connection.query<Row[]>(sql, params);
  return result;
}

const text = (value: unknown): string => (value == null ? '' : String(value));
const count = (value: unknown): number => (value == null ? 0 : Number(value));
export const quoteIdentifier = (name: string): string => `\`${name.replace(/`/g, '``')}\``;
export const qualifiedName = (database: string, name: string): string =>
  `${quoteIdentifier(database)}.${quoteIdentifier(name)}`;

const SERVER_VARIABLES = [
  'log_bin',
  'binlog_format',
  'binlog_row_image',
  'gtid_mode',
  'gtid_domain_id',
  'server_id',
  'sql_mode',
  'collation_server',
  'log_slave_updates',
  'log_replica_updates',
  'binlog_expire_logs_seconds',
  'expire_logs_days',
  'lower_case_table_names',
  'time_zone',
  'system_time_zone',
  'max_allowed_packet',
];

export async function inspectServer(connection: Queryable, redactedUrl: string): Promise<ServerFacts> {
  const info = await detectServer(connection);
  const dialect = dialectKindOf(info);
  const variableRows = await rows(connection, 'SHOW GLOBAL VARIABLES WHERE Variable_name IN (?)', [
    SERVER_VARIABLES,
  ]);
  const variables = new Map(
    variableRows.map((row) => [text(row.Variable_name).toLowerCase(), text(row.Value)]),
  );
  const on = (name: string): boolean => /^(on|1)$/i.test(variables.get(name) ?? '');
  let retention: BinlogRetention | null = null;
  let retentionError: string | undefined;
  try {
    const query = binlogRetentionQuery(dialect);
    const [result] = await connection.query<Row[]>(query.sql, [...query.params]);
    // CALL returns [rows, OkPacket]; SHOW returns rows.
    const retentionRows = (Array.isArray(result[0]) ? result[0] : result) as Row[];
    retention = parseBinlogRetention(dialect, retentionRows);
  } catch (error) {
    retentionError = (error as Error).message;
  }
  return {
    url: redactedUrl,
    info,
    dialect,
    logBin: on('log_bin'),
    binlogFormat: variables.get('binlog_format') ?? '',
    binlogRowImage: variables.get('binlog_row_image') ?? '',
    gtidMode:
      info.flavour === 'mariadb'
        ? `MariaDB GTID (domain ${variables.get('gtid_domain_id') ?? '0'})`
        : (variables.get('gtid_mode') ?? 'OFF'),
    serverId: count(variables.get('server_id')),
    sqlMode: (variables.get('sql_mode') ?? '').split(',').filter(Boolean),
    collationServer: variables.get('collation_server') ?? '',
    logReplicaUpdates: on('log_slave_updates') || on('log_replica_updates'),
    retention,
    ...(retentionError ? { retentionError } : {}),
    retentionVariables: ['binlog_expire_logs_seconds', 'expire_logs_days'].filter((name) =>
      variables.has(name),
    ),
    lowerCaseTableNames: count(variables.get('lower_case_table_names')),
    timeZone: /^system$/i.test(variables.get('time_zone') ?? 'SYSTEM')
      ? variables.get('system_time_zone') || 'SYSTEM'
      : (variables.get('time_zone') ?? ''),
    maxAllowedPacket: count(variables.get('max_allowed_packet')),
  };
}

/** The user databases to look at: those named in the URL (which must exist), else all of them. */
export async function resolveDatabases(connection: Queryable, named: readonly string[]): Promise<string[]> {
  const existing = (
    await rows(connection, 'SELECT schema_name AS name FROM information_schema.schemata ORDER BY schema_name')
  ).map((row) => text(row.name));
  if (named.length === 0) {
    const user = existing.filter((name) => !SYSTEM_DATABASES.includes(name.toLowerCase()));
    if (user.length === 0) {
      throw userError(
        'MIGRATE_NO_DATABASES',
        'The source server has no user databases.',
        'Name them in the URL.',
      );
    }
    return user;
  }
  const missing = named.filter((name) => !existing.includes(name));
  if (missing.length > 0) {
    throw userError(
      'MIGRATE_DATABASE_MISSING',
      `The source server has no database ${missing.join(', ')}.`,
      `Existing databases: ${existing.filter((name) => !SYSTEM_DATABASES.includes(name)).join(', ') || 'none'}.`,
    );
  }
  return [...named];
}

export async function inspectSchema(
  connection: Queryable,
  databases: readonly string[],
): Promise<SchemaFacts> {
  const [schemata, tableRows, keyRows, columnRows, foreignKeyRows, programs] = await Promise.all([
    rows(
      connection,
      'SELECT schema_name AS name, default_collation_name AS collation FROM information_schema.schemata WHERE schema_name IN (?)',
      [databases],
    ),
    rows(
      connection,
      `SELECT table_schema AS db, table_name AS name, engine, table_rows AS row_count, data_length, index_length,
              table_collation AS collation
         FROM information_schema.tables
        WHERE table_schema IN (?) AND table_type = 'BASE TABLE' ORDER BY table_schema, table_name`,
      [databases],
    ),
    rows(
      connection,
      `SELECT s.table_schema AS db, s.table_name AS tbl, s.index_name, s.non_unique, s.column_name, s.seq_in_index,
              c.is_nullable, c.data_type
         FROM information_schema.statistics s
         JOIN information_schema.columns c
           ON c.table_schema = s.table_schema AND c.table_name = s.table_name AND c.column_name = s.column_name
        WHERE s.table_schema IN (?) ORDER BY s.table_schema, s.table_name, s.index_name, s.seq_in_index`,
      [databases],
    ),
    rows(
      connection,
      `SELECT c.table_schema AS db, c.table_name AS tbl, c.column_name AS name, c.data_type, c.collation_name AS collation,
              c.column_default AS default_value, c.extra
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema IN (?) AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_schema, c.table_name, c.ordinal_position`,
      [databases],
    ),
    rows(
      connection,
      `SELECT constraint_schema AS db, table_name AS tbl, COUNT(*) AS n
         FROM information_schema.referential_constraints WHERE constraint_schema IN (?)
        GROUP BY constraint_schema, table_name`,
      [databases],
    ),
    inspectPrograms(connection, databases),
  ]);

  const keysByTable = groupKeys(keyRows);
  const foreignKeys = new Map(
    foreignKeyRows.map((row) => [`${text(row.db)}.${text(row.tbl)}`, count(row.n)]),
  );
  const tables: TableFacts[] = tableRows.map((row) => {
    const id = `${text(row.db)}.${text(row.name)}`;
    const keys = keysByTable.get(id) ?? new Map<string, KeyInfo>();
    const primary = keys.get('PRIMARY');
    const uniqueKeys = [...keys.entries()]
      .filter(([name, key]) => name !== 'PRIMARY' && key.unique && key.notNull)
      .map(([, key]) => key.columns);
    const chunkKey = primary ?? [...keys.values()].find((key) => key.unique && key.notNull);
    return {
      database: text(row.db),
      name: text(row.name),
      engine: text(row.engine),
      rows: count(row.row_count),
      dataBytes: count(row.data_length),
      indexBytes: count(row.index_length),
      collation: row.collation == null ? null : text(row.collation),
      primaryKey: primary?.columns ?? [],
      uniqueKeys,
      secondaryIndexes: [...keys.keys()].filter((name) => name !== 'PRIMARY').length,
      foreignKeys: foreignKeys.get(id) ?? 0,
      chunkColumn: chunkKey && INTEGER_TYPES.has(chunkKey.leadingType) ? (chunkKey.columns[0] ?? null) : null,
    };
  });
  const columns: ColumnFacts[] = columnRows.map((row) => ({
    database: text(row.db),
    table: text(row.tbl),
    name: text(row.name),
    dataType: text(row.data_type).toLowerCase(),
    collation: row.collation == null ? null : text(row.collation),
    defaultValue: row.default_value == null ? null : text(row.default_value),
    generated: /\bGENERATED\b/i.test(text(row.extra)),
  }));
  return {
    databases: schemata.map((row) => ({ name: text(row.name), collation: text(row.collation) })),
    tables,
    columns,
    programs,
    zeroDates: await inspectZeroDates(connection, tables, columns),
    largeValues: await inspectLargeValues(connection, tables, columns),
  };
}

async function inspectLargeValues(
  connection: Queryable,
  tables: readonly TableFacts[],
  columns: readonly ColumnFacts[],
): Promise<LargeValueFacts[]> {
  const found: LargeValueFacts[] = [];
  for (const table of tables.filter((candidate) => candidate.rows <= ZERO_DATE_SCAN_MAX_ROWS)) {
    const large = columns.filter(
      (column) =>
        column.database === table.database &&
        column.table === table.name &&
        !column.generated &&
        LARGE_OBJECT_TYPES.has(column.dataType),
    );
    if (large.length === 0) continue;
    const lengths = large.map((column) => `COALESCE(LENGTH(${quoteIdentifier(column.name)}), 0)`).join(' + ');
    const [result] = await rows(
      connection,
      `SELECT COALESCE(MAX(${lengths}), 0) AS n FROM ${qualifiedName(table.database, table.name)}`,
    );
    found.push({ database: table.database, table: table.name, maxRowBytes: count(result?.n) });
  }
  return found;
}

interface KeyInfo {
  unique: boolean;
  notNull: boolean;
  columns: string[];
  leadingType: string;
}

function groupKeys(keyRows: readonly Row[]): Map<string, Map<string, KeyInfo>> {
  const byTable = new Map<string, Map<string, KeyInfo>>();
  for (const row of keyRows) {
    const id = `${text(row.db)}.${text(row.tbl)}`;
    const keys = byTable.get(id) ?? new Map<string, KeyInfo>();
    byTable.set(id, keys);
    const name = text(row.index_name);
    const key = keys.get(name) ?? {
      unique: count(row.non_unique) === 0,
      notNull: true,
      columns: [],
      leadingType: text(row.data_type).toLowerCase(),
    };
    key.columns.push(text(row.column_name));
    key.notNull &&= text(row.is_nullable) === 'NO';
    keys.set(name, key);
  }
  return byTable;
}

async function inspectPrograms(connection: Queryable, databases: readonly string[]): Promise<ProgramFacts[]> {
  const queries: readonly [ProgramKind | null, string][] = [
    [
      'trigger',
      `SELECT trigger_schema AS db, trigger_name AS name, definer,
              CONCAT(action_timing, ' ', event_manipulation, ' ON ', event_object_table) AS detail
         FROM information_schema.triggers WHERE trigger_schema IN (?)`,
    ],
    [
      'view',
      `SELECT table_schema AS db, table_name AS name, definer, CONCAT('SQL SECURITY ', security_type) AS detail
         FROM information_schema.views WHERE table_schema IN (?)`,
    ],
    [
      null,
      `SELECT routine_schema AS db, routine_name AS name, definer, LOWER(routine_type) AS kind,
              CONCAT('SQL SECURITY ', security_type) AS detail
         FROM information_schema.routines WHERE routine_schema IN (?)`,
    ],
    [
      'event',
      `SELECT event_schema AS db, event_name AS name, definer, CONCAT(status, ' ', COALESCE(interval_value, ''), ' ',
              COALESCE(interval_field, '')) AS detail
         FROM information_schema.events WHERE event_schema IN (?)`,
    ],
  ];
  const results = await Promise.all(
    queries.map(async ([kind, sql]) =>
      (await rows(connection, sql, [databases])).map((row): ProgramFacts => ({
        database: text(row.db),
        name: text(row.name),
        kind: kind ?? (text(row.kind) as ProgramKind),
        definer: text(row.definer),
        detail: text(row.detail).trim(),
      })),
    ),
  );
  return results.flat();
}

async function inspectZeroDates(
  connection: Queryable,
  tables: readonly TableFacts[],
  columns: readonly ColumnFacts[],
): Promise<ZeroDateFacts[]> {
  const found: ZeroDateFacts[] = [];
  for (const column of columns.filter((candidate) => DATE_TYPES.has(candidate.dataType))) {
    const table = tables.find(
      (candidate) => candidate.database === column.database && candidate.name === column.table,
    );
    const zeroDefault = /^'?0000-00-00/.test(column.defaultValue ?? '');
    let rowsFound: number | null = null;
    if (table && table.rows <= ZERO_DATE_SCAN_MAX_ROWS) {
      const field = quoteIdentifier(column.name);
      const [result] = await rows(
        connection,
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${qualifiedName(column.database, column.table)}
          WHERE ${field} IS NOT NULL AND (MONTH(${field}) = 0 OR DAYOFMONTH(${field}) = 0) LIMIT ${ZERO_DATE_COUNT_CAP}) AS zero_dates`,
      );
      rowsFound = count(result?.n);
    }
    if (zeroDefault || rowsFound !== 0) {
      found.push({
        database: column.database,
        table: column.table,
        column: column.name,
        zeroDefault,
        rowsFound,
      });
    }
  }
  return found;
}

/** Accounts that exist on a server, as `user@host`; null when mysql.user cannot be read. */
export async function listAccounts(connection: Queryable): Promise<Set<string> | null> {
  try {
    const accounts = await rows(connection, 'SELECT user, host FROM mysql.user');
    return new Set(accounts.map((row) => `${text(row.user ?? row.User)}@${text(row.host ?? row.Host)}`));
  } catch {
    return null;
  }
}

/** Tables that already exist on a server in the given databases, as `db.table`. */
export async function existingTables(connection: Queryable, databases: readonly string[]): Promise<string[]> {
  if (databases.length === 0) return [];
  const found = await rows(
    connection,
    `SELECT CONCAT(table_schema, '.', table_name) AS name FROM information_schema.tables
      WHERE table_schema IN (?) ORDER BY table_schema, table_name`,
    [databases],
  );
  return found.map((row) => text(row.name));
}
