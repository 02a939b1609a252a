import mysql from 'mysql2';
import type { ServerInfo } from './connection.ts';
import { versionAtLeast } from './connection.ts';

/**
 * The one place where Aurora/RDS, MySQL 8 and MariaDB differ in SQL. Every function is pure and
 * returns statements with parameters; run them with `connection.query(sql, params)` (client-side
 * placeholders: CHANGE MASTER and CALL mysql.rds_* cannot be server-side prepared).
 */
export type DialectKind = 'aurora' | 'aurora-2' | 'rds' | 'rds-8.4' | 'mysql' | 'mysql-legacy' | 'mariadb';

export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly (string | number)[];
}

const statement = (sql: string, params: readonly (string | number)[] = []): SqlStatement => ({ sql, params });

/**
 * Aurora and RDS manage replication through stored procedures; MySQL 8.0.23 renamed MASTER/SLAVE to
 * SOURCE/REPLICA (8.4 dropped the old words); MariaDB keeps CHANGE MASTER and adds GTID positions.
 * Aurora MySQL 3 (MySQL 8.0) names its procedures `*_source`, Aurora MySQL 2 (5.7) `*_master`;
 * RDS for MySQL switched to `*_source` with 8.4.
 */
export function dialectKindOf(info: ServerInfo): DialectKind {
  switch (info.flavour) {
    case 'aurora-mysql':
      return (info.auroraVersion ?? '').startsWith('2.') || !versionAtLeast(info, 8) ? 'aurora-2' : 'aurora';
    case 'rds-mysql':
      return versionAtLeast(info, 8, 4) ? 'rds-8.4' : 'rds';
    case 'mariadb':
      return 'mariadb';
    case 'mysql':
      return versionAtLeast(info, 8, 0, 23) ? 'mysql' : 'mysql-legacy';
  }
}

const RDS_PROCEDURE_KINDS: ReadonlySet<DialectKind> = new Set(['aurora', 'aurora-2', 'rds', 'rds-8.4']);

/** Aurora and RDS refuse CHANGE MASTER, SUPER and server variables: they take `mysql.rds_*` procedures. */
export const usesRdsProcedures = (kind: DialectKind): boolean => RDS_PROCEDURE_KINDS.has(kind);

export const isAurora = (kind: DialectKind): boolean => kind === 'aurora' || kind === 'aurora-2';

type RdsProcedure =
  | 'setExternal'
  | 'setExternalWithAutoPosition'
  | 'setExternalWithDelay'
  | 'resetExternal'
  | 'setAutoPosition'
  | 'nextLog';

/**
 * The replication procedures of the Aurora MySQL and RDS for MySQL stored-procedure references: Aurora
 * MySQL 3 and RDS for MySQL 8.4 use the `*_source` names, Aurora MySQL 2 and RDS for MySQL up to 8.0
 * the `*_master` ones.
 */
const RDS_PROCEDURE_NAMES: Record<'source' | 'master', Record<RdsProcedure, string>> = {
  source: {
    setExternal: 'mysql.rds_set_external_source',
    setExternalWithAutoPosition: 'mysql.rds_set_external_source_with_auto_position',
    setExternalWithDelay: 'mysql.rds_set_external_source_with_delay',
    resetExternal: 'mysql.rds_reset_external_source',
    setAutoPosition: 'mysql.rds_set_source_auto_position',
    nextLog: 'mysql.rds_next_source_log',
  },
  master: {
    setExternal: 'mysql.rds_set_external_master',
    setExternalWithAutoPosition: 'mysql.rds_set_external_master_with_auto_position',
    setExternalWithDelay: 'mysql.rds_set_external_master_with_delay',
    resetExternal: 'mysql.rds_reset_external_master',
    setAutoPosition: 'mysql.rds_set_master_auto_position',
    nextLog: 'mysql.rds_next_master_log',
  },
};

/** The procedure's qualified name on this server; throws for servers without the RDS procedures. */
export function rdsProcedureName(kind: DialectKind, procedure: RdsProcedure): string {
  if (!usesRdsProcedures(kind)) throw new Error(`${kind} has no mysql.rds_* procedures`);
  const words = kind === 'aurora' || kind === 'rds-8.4' ? 'source' : 'master';
  return RDS_PROCEDURE_NAMES[words][procedure];
}

// ---------------------------------------------------------------------------------------------
// Replication

export interface ReplicationSource {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Binary log file and position on the source where the replica starts (from the dump's metadata). */
  readonly file: string;
  readonly position: number;
  /** MariaDB GTID position (e.g. `0-1-1234`); used on MariaDB targets instead of file/position. */
  readonly gtid?: string;
  /** Require TLS to the source (Aurora/RDS procedures take it as an argument). */
  readonly ssl?: boolean;
}

/** Statements that point the target at the source; replication is started separately. */
export function replicationSetupStatements(kind: DialectKind, source: ReplicationSource): SqlStatement[] {
  const connection = [source.host, source.port, source.user, source.password] as const;
  switch (kind) {
    case 'aurora':
    case 'aurora-2':
    case 'rds':
    case 'rds-8.4':
      return [
        statement(`CALL ${rdsProcedureName(kind, 'setExternal')}(?, ?, ?, ?, ?, ?, ?)`, [
          ...connection,
          source.file,
          source.position,
          source.ssl ? 1 : 0,
        ]),
      ];
    case 'mariadb':
      if (source.gtid) {
        return [
          statement('SET GLOBAL gtid_slave_pos = ?', [source.gtid]),
          statement(
            'CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?, ' +
              `MASTER_USE_GTID = slave_pos${source.ssl ? ', MASTER_SSL = 1' : ''}`,
            connection,
          ),
        ];
      }
      return [changeMasterTo(source)];
    case 'mysql-legacy':
      return [changeMasterTo(source)];
    case 'mysql':
      return [
        statement(
          'CHANGE REPLICATION SOURCE TO SOURCE_HOST = ?, SOURCE_PORT = ?, SOURCE_USER = ?, SOURCE_PASSWORD = ?, ' +
            `SOURCE_LOG_FILE = ?, SOURCE_LOG_POS = ?${source.ssl ? ', SOURCE_SSL = 1' : ''}`,
          [...connection, source.file, source.position],
        ),
      ];
  }
}

function changeMasterTo(source: ReplicationSource): SqlStatement {
  return statement(
    'CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?, ' +
      `MASTER_LOG_FILE = ?, MASTER_LOG_POS = ?${source.ssl ? ', MASTER_SSL = 1' : ''}`,
    [source.host, source.port, source.user, source.password, source.file, source.position],
  );
}

type ReplicationAction = 'start' | 'stop' | 'reset' | 'status' | 'stopSqlThread' | 'startSqlThread';

function rdsActions(kind: DialectKind, status: string): Record<ReplicationAction, string | null> {
  return {
    start: 'CALL mysql.rds_start_replication',
    stop: 'CALL mysql.rds_stop_replication',
    reset: `CALL ${rdsProcedureName(kind, 'resetExternal')}`,
    status,
    stopSqlThread: null,
    startSqlThread: null,
  };
}

const SLAVE_ACTIONS: Record<ReplicationAction, string> = {
  start: 'START SLAVE',
  stop: 'STOP SLAVE',
  reset: 'RESET SLAVE ALL',
  status: 'SHOW SLAVE STATUS',
  stopSqlThread: 'STOP SLAVE SQL_THREAD',
  startSqlThread: 'START SLAVE SQL_THREAD',
};

/**
 * One row per kind; null where the platform offers no such statement (Aurora and RDS cannot stop
 * only the SQL thread: the whole replication stops).
 */
const REPLICATION_ACTIONS: Record<DialectKind, Record<ReplicationAction, string | null>> = {
  aurora: rdsActions('aurora', 'SHOW REPLICA STATUS'),
  'aurora-2': rdsActions('aurora-2', 'SHOW SLAVE STATUS'),
  rds: rdsActions('rds', 'SHOW SLAVE STATUS'),
  'rds-8.4': rdsActions('rds-8.4', 'SHOW REPLICA STATUS'),
  mysql: {
    start: 'START REPLICA',
    stop: 'STOP REPLICA',
    reset: 'RESET REPLICA ALL',
    status: 'SHOW REPLICA STATUS',
    stopSqlThread: 'STOP REPLICA SQL_THREAD',
    startSqlThread: 'START REPLICA SQL_THREAD',
  },
  'mysql-legacy': SLAVE_ACTIONS,
  mariadb: SLAVE_ACTIONS,
};

function replicationAction(kind: DialectKind, action: ReplicationAction): SqlStatement {
  const sql = REPLICATION_ACTIONS[kind][action];
  if (sql === null) throw new Error(`${action} is not available on ${kind}`);
  return statement(sql);
}

export const startReplication = (kind: DialectKind): SqlStatement => replicationAction(kind, 'start');
export const stopReplication = (kind: DialectKind): SqlStatement => replicationAction(kind, 'stop');
/** Forgets the source entirely (after cutover, or before pointing the target somewhere else). */
export const resetReplication = (kind: DialectKind): SqlStatement => replicationAction(kind, 'reset');
export const replicaStatusQuery = (kind: DialectKind): SqlStatement => replicationAction(kind, 'status');

/** Pausing only the SQL thread keeps a consistent point while the IO thread keeps fetching. */
export function canPauseSqlThread(kind: DialectKind): boolean {
  return REPLICATION_ACTIONS[kind].stopSqlThread !== null;
}
export const stopReplicaSqlThread = (kind: DialectKind): SqlStatement =>
  replicationAction(kind, 'stopSqlThread');
export const startReplicaSqlThread = (kind: DialectKind): SqlStatement =>
  replicationAction(kind, 'startSqlThread');

/**
 * Where the source currently writes (File, Position; MariaDB adds @@gtid_binlog_pos separately).
 * SHOW MASTER STATUS works on MariaDB, MySQL 5.7–8.3, RDS up to 8.0 and Aurora; 8.4 renamed it.
 */
export function sourcePositionQuery(kind: DialectKind): SqlStatement {
  return statement(kind === 'rds-8.4' ? 'SHOW BINARY LOG STATUS' : 'SHOW MASTER STATUS');
}

export interface ReplicaStatus {
  readonly ioRunning: boolean;
  readonly sqlRunning: boolean;
  /** Age of the event being applied; not the work left (a 20 MB backlog showed 433 s yet drained in 5 s). */
  readonly secondsBehind: number | null;
  /** The source's file and position the IO thread has read up to. */
  readonly readFile: string;
  readonly readPosition: number;
  /** The source's file and position the SQL thread has applied up to: compare these to judge catch-up. */
  readonly executedFile: string;
  readonly executedPosition: number;
  readonly lastError: string;
  readonly gtidPosition?: string;
}

/** One shape for SHOW SLAVE STATUS (Master_*) and SHOW REPLICA STATUS (Source_*) rows; null when not a replica. */
export function normalizeReplicaStatus(row: Record<string, unknown> | undefined): ReplicaStatus | null {
  if (!row) return null;
  const pick = (...names: string[]): unknown => names.map((name) => row[name]).find((value) => value != null);
  const text = (...names: string[]): string => String(pick(...names) ?? '');
  const running = (...names: string[]): boolean => /^yes$/i.test(text(...names));
  const secondsBehind = pick('Seconds_Behind_Master', 'Seconds_Behind_Source');
  const errors = [text('Last_IO_Error'), text('Last_SQL_Error')].filter(Boolean);
  const gtid = text('Gtid_IO_Pos', 'Retrieved_Gtid_Set');
  return {
    ioRunning: running('Slave_IO_Running', 'Replica_IO_Running'),
    sqlRunning: running('Slave_SQL_Running', 'Replica_SQL_Running'),
    secondsBehind: secondsBehind == null ? null : Number(secondsBehind),
    readFile: text('Master_Log_File', 'Source_Log_File'),
    readPosition: Number(pick('Read_Master_Log_Pos', 'Read_Source_Log_Pos') ?? 0),
    executedFile: text('Relay_Master_Log_File', 'Relay_Source_Log_File'),
    executedPosition: Number(pick('Exec_Master_Log_Pos', 'Exec_Source_Log_Pos') ?? 0),
    lastError: errors.join('; '),
    ...(gtid ? { gtidPosition: gtid } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Binary log retention

export function binlogRetentionQuery(kind: DialectKind): SqlStatement {
  return usesRdsProcedures(kind)
    ? statement('CALL mysql.rds_show_configuration')
    : statement(
        "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('binlog_expire_logs_seconds', 'expire_logs_days')",
      );
}

export interface BinlogRetention {
  /** How long binary logs are kept; null means they are never purged automatically. */
  readonly seconds: number | null;
  /** Where the figure comes from, for reports (e.g. `binlog_expire_logs_seconds = 86400`). */
  readonly setting: string;
}

/**
 * Interprets the rows of binlogRetentionQuery. RDS/Aurora: `binlog retention hours` (NULL = purged as
 * soon as possible, treated as 0). MySQL 8: binlog_expire_logs_seconds wins when non-zero, else
 * expire_logs_days; 0 means never. MariaDB 10.6+ keeps the two in step.
 */
export function parseBinlogRetention(
  kind: DialectKind,
  rows: readonly Record<string, unknown>[],
): BinlogRetention {
  if (usesRdsProcedures(kind)) {
    const row = rows.find((candidate) => String(candidate.name).toLowerCase() === 'binlog retention hours');
    const hours = row?.value == null || row.value === '' ? null : Number(row.value);
    return hours === null
      ? { seconds: 0, setting: 'binlog retention hours = NULL (purged as soon as possible)' }
      : { seconds: hours * 3600, setting: `binlog retention hours = ${hours}` };
  }
  const variable = (name: string): number | undefined => {
    const row = rows.find((candidate) => String(candidate.Variable_name).toLowerCase() === name);
    return row === undefined ? undefined : Number(row.Value);
  };
  const seconds = variable('binlog_expire_logs_seconds');
  const days = variable('expire_logs_days');
  if (seconds !== undefined && seconds > 0)
    return { seconds, setting: `binlog_expire_logs_seconds = ${seconds}` };
  if (days !== undefined && days > 0)
    return { seconds: Math.round(days * 86400), setting: `expire_logs_days = ${days}` };
  const zeros = [
    seconds === undefined ? null : 'binlog_expire_logs_seconds',
    days === undefined ? null : 'expire_logs_days',
  ];
  return { seconds: null, setting: `${zeros.filter(Boolean).join(' and ') || 'no expiry setting'} = 0` };
}

/**
 * Statements that keep binary logs for at least `seconds`. `variables` are the names the server
 * reported (MySQL 8.4 has no expire_logs_days; MariaDB before 10.6 has no binlog_expire_logs_seconds).
 */
export function binlogRetentionStatements(
  kind: DialectKind,
  seconds: number,
  variables: readonly string[] = ['binlog_expire_logs_seconds'],
): SqlStatement[] {
  if (usesRdsProcedures(kind)) {
    // RDS and Aurora allow at most 2160 hours (90 days).
    const hours = Math.min(2160, Math.ceil(seconds / 3600));
    return [statement("CALL mysql.rds_set_configuration('binlog retention hours', ?)", [hours])];
  }
  if (variables.includes('binlog_expire_logs_seconds')) {
    return [statement('SET GLOBAL binlog_expire_logs_seconds = ?', [Math.ceil(seconds)])];
  }
  return [statement('SET GLOBAL expire_logs_days = ?', [Math.ceil(seconds / 86400)])];
}

// ---------------------------------------------------------------------------------------------
// Settings for a fast load into the target

export interface TargetLoadSetting {
  readonly name: string;
  readonly value: string;
  /** Where to change it: in the loading session, globally on the server, or in the DB parameter group. */
  readonly scope: 'session' | 'global' | 'parameter-group';
  /** The statement, when SQL can change it (null for parameter-group settings). */
  readonly statement: SqlStatement | null;
  readonly why: string;
  /** What to set back after the load. */
  readonly restore: string;
}

/**
 * Target settings that made the measured load ~1.8× faster (binlog off, unique and FK checks off)
 * and the usual InnoDB bulk-load setting. Aurora and RDS change server settings in parameter groups.
 */
export function targetLoadSettings(kind: DialectKind): TargetLoadSetting[] {
  const managed = usesRdsProcedures(kind);
  const session = (name: string, value: string, why: string, restore: string): TargetLoadSetting => ({
    name,
    value,
    scope: 'session',
    statement: statement(`SET SESSION ${name} = ${value}`),
    why,
    restore,
  });
  const server = (name: string, value: string, why: string, restore: string): TargetLoadSetting => ({
    name,
    value,
    scope: managed ? 'parameter-group' : 'global',
    statement: managed ? null : statement(`SET GLOBAL ${name} = ${value}`),
    why,
    restore,
  });
  const settings: TargetLoadSetting[] = [
    session('foreign_key_checks', '0', 'rows arrive table by table, not in FK order', '1 (session ends)'),
    session('unique_checks', '0', 'the source already enforced uniqueness', '1 (session ends)'),
    server(
      'innodb_flush_log_at_trx_commit',
      '2',
      'one redo-log flush per second instead of per commit',
      '1 before replication starts',
    ),
  ];
  if (isAurora(kind)) {
    settings.push({
      name: 'binlog_format',
      value: 'OFF',
      scope: 'parameter-group',
      statement: null,
      why: 'binary logging on the target cost ~1.8× on the load; Aurora turns it off with binlog_format=OFF',
      restore: 'ROW before a roll-forward replica is attached (needs a reboot)',
    });
  } else if (managed) {
    settings.push({
      name: 'backup_retention_period',
      value: '0',
      scope: 'parameter-group',
      statement: null,
      why: 'RDS for MySQL writes binary logs while automated backups are on',
      restore: 'the previous retention right after the load',
    });
  } else {
    settings.push(
      session(
        'sql_log_bin',
        '0',
        'binary logging on the target cost ~1.8× on the load (needs SUPER)',
        '1 (session ends)',
      ),
    );
  }
  if (kind === 'mariadb') {
    settings.push(
      server(
        'binlog_annotate_row_events',
        'OFF',
        'MariaDB logs each INSERT text beside its rows: a 4.2 GiB load wrote 7.5 GB of binlog',
        'ON after the load',
      ),
    );
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Compatibility with MySQL 8.0 (Aurora MySQL 3)

/** Words reserved in MySQL 8.0 that were not reserved in MySQL 5.7 (MySQL 8.0 manual, "Keywords"). */
export const MYSQL80_NEW_RESERVED_WORDS: ReadonlySet<string> = new Set([
  'ARRAY',
  'CUBE',
  'CUME_DIST',
  'DENSE_RANK',
  'EMPTY',
  'EXCEPT',
  'FIRST_VALUE',
  'FUNCTION',
  'GROUPING',
  'GROUPS',
  'INTERSECT',
  'JSON_TABLE',
  'LAG',
  'LAST_VALUE',
  'LATERAL',
  'LEAD',
  'MEMBER',
  'NTH_VALUE',
  'NTILE',
  'OF',
  'OVER',
  'PERCENT_RANK',
  'RANK',
  'RECURSIVE',
  'ROW',
  'ROWS',
  'ROW_NUMBER',
  'SYSTEM',
  'WINDOW',
]);

export function isMysql80ReservedWord(identifier: string): boolean {
  return MYSQL80_NEW_RESERVED_WORDS.has(identifier.toUpperCase());
}

/** The default collation of utf8mb4 on MySQL 8.0 / Aurora MySQL 3 (5.7 and MariaDB: utf8mb4_general_ci). */
export const MYSQL80_DEFAULT_UTF8MB4_COLLATION = 'utf8mb4_0900_ai_ci';

export interface CollationChange {
  /** `renamed`: works but under another name / deprecated; `unsupported`: MySQL 8.0 has no such collation. */
  readonly change: 'renamed' | 'unsupported';
  readonly replacement: string;
  readonly reason: string;
}

/** Rules, first match wins: MariaDB-only collations and the deprecated utf8/utf8mb3 alias. */
const COLLATION_RULES: readonly {
  readonly test: RegExp;
  readonly change: CollationChange['change'];
  readonly replacement: (collation: string) => string;
  readonly reason: string;
}[] = [
  {
    test: /_uca1400_/,
    change: 'unsupported',
    replacement: () => MYSQL80_DEFAULT_UTF8MB4_COLLATION,
    reason: 'the UCA 14.0 collations exist only in MariaDB',
  },
  {
    test: /_nopad_/,
    change: 'unsupported',
    replacement: (collation) => collation.replace('_nopad', '').replace(/^utf8(mb3)?_/, 'utf8mb4_'),
    reason: 'NO PAD collations of this name exist only in MariaDB',
  },
  {
    test: /^utf8(mb3)?_/,
    change: 'renamed',
    replacement: (collation) => collation.replace(/^utf8(mb3)?_/, 'utf8mb4_'),
    reason: 'utf8 (utf8mb3) is deprecated in MySQL 8.0 and stores no 4-byte characters (emoji)',
  },
];

export function collationChangeOnMysql80(collation: string): CollationChange | null {
  const rule = COLLATION_RULES.find((candidate) => candidate.test.test(collation.toLowerCase()));
  return rule
    ? { change: rule.change, replacement: rule.replacement(collation.toLowerCase()), reason: rule.reason }
    : null;
}

/** sql_mode flags that MySQL 8.0 no longer knows (setting them is an error there). */
export const SQL_MODES_REMOVED_IN_MYSQL80: ReadonlySet<string> = new Set([
  'NO_AUTO_CREATE_USER',
  'DB2',
  'MAXDB',
  'MSSQL',
  'MYSQL323',
  'MYSQL40',
  'ORACLE',
  'POSTGRESQL',
  'NO_FIELD_OPTIONS',
  'NO_KEY_OPTIONS',
  'NO_TABLE_OPTIONS',
]);

/** sql_mode flags that reject zero dates on MySQL 8.0 defaults. */
export const ZERO_DATE_MODES: readonly string[] = ['NO_ZERO_DATE', 'NO_ZERO_IN_DATE'];

/**
 * For hints and runbooks: the statement with its parameters filled in, the password masked, and
 * `placeholders` (parameter index → text) written as-is, e.g. `<position from the dump>`.
 */
export function formatStatement(
  sqlStatement: SqlStatement,
  options: { maskPasswordAt?: number; placeholders?: Readonly<Record<number, string>> } = {},
): string {
  const params = sqlStatement.params.map((param, index) => {
    if (index === options.maskPasswordAt) return '****';
    const placeholder = options.placeholders?.[index];
    return placeholder === undefined ? param : mysql.raw(placeholder);
  });
  return mysql.format(sqlStatement.sql, params as (string | number)[]);
}
