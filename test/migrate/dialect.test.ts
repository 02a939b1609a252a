import { describe, expect, it } from 'vitest';
import { classifyServer } from '../../src/migrate/connection.ts';
import {
  binlogRetentionQuery,
  binlogRetentionStatements,
  canPauseSqlThread,
  collationChangeOnMysql80,
  dialectKindOf,
  type DialectKind,
  formatStatement,
  isMysql80ReservedWord,
  normalizeReplicaStatus,
  parseBinlogRetention,
  replicaStatusQuery,
  rdsProcedureName,
  replicationSetupStatements,
  resetReplication,
  startReplication,
  stopReplicaSqlThread,
  stopReplication,
  targetLoadSettings,
} from '../../src/migrate/dialect.ts';

const source = {
  host: 'src.example.com',
  port: 3306,
  user: 'repl',
  password: 'pw',
  file: 'binlog.000042',
  position: 1234,
};

describe('dialectKindOf: server variables to dialect', () => {
  it.each([
    { version: '10.11.19-MariaDB-0+deb12u1', versionComment: 'Debian 12', kind: 'mariadb' },
    { version: '8.0.32', versionComment: 'MySQL Community Server - GPL', kind: 'mysql' },
    { version: '8.0.22', versionComment: 'MySQL Community Server - GPL', kind: 'mysql-legacy' },
    { version: '5.7.44-log', versionComment: 'MySQL Community Server (GPL)', kind: 'mysql-legacy' },
    {
      version: '8.0.28',
      versionComment: 'Source distribution',
      basedir: '/rdsdbbin/mysql-8.0.28/',
      kind: 'rds',
    },
    { version: '8.0.28', versionComment: 'Source distribution', auroraVersion: '3.04.0', kind: 'aurora' },
    {
      version: '5.7.12',
      versionComment: 'MySQL Community Server',
      auroraVersion: '2.11.2',
      kind: 'aurora-2',
    },
    {
      version: '8.4.3',
      versionComment: 'Source distribution',
      basedir: '/rdsdbbin/mysql-8.4.3/',
      kind: 'rds-8.4',
    },
  ])('$version $versionComment → $kind', ({ kind, ...variables }) => {
    expect(dialectKindOf(classifyServer(variables))).toBe(kind);
  });
});

describe('replicationSetupStatements', () => {
  it.each<{ kind: DialectKind; extra?: object; expected: [string, unknown[]][] }>([
    {
      kind: 'aurora',
      expected: [
        [
          'CALL mysql.rds_set_external_source(?, ?, ?, ?, ?, ?, ?)',
          ['src.example.com', 3306, 'repl', 'pw', 'binlog.000042', 1234, 0],
        ],
      ],
    },
    {
      kind: 'aurora-2',
      expected: [
        [
          'CALL mysql.rds_set_external_master(?, ?, ?, ?, ?, ?, ?)',
          ['src.example.com', 3306, 'repl', 'pw', 'binlog.000042', 1234, 0],
        ],
      ],
    },
    {
      kind: 'rds-8.4',
      extra: { ssl: true },
      expected: [
        [
          'CALL mysql.rds_set_external_source(?, ?, ?, ?, ?, ?, ?)',
          ['src.example.com', 3306, 'repl', 'pw', 'binlog.000042', 1234, 1],
        ],
      ],
    },
    {
      kind: 'rds',
      extra: { ssl: true },
      expected: [
        [
          'CALL mysql.rds_set_external_master(?, ?, ?, ?, ?, ?, ?)',
          ['src.example.com', 3306, 'repl', 'pw', 'binlog.000042', 1234, 1],
        ],
      ],
    },
    {
      kind: 'mariadb',
      expected: [
        [
          'CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?, MASTER_LOG_FILE = ?, MASTER_LOG_POS = ?',
          ['src.example.com', 3306, 'repl', 'pw', 'binlog.000042', 1234],
        ],
      ],
    },
    {
      kind: 'mariadb',
      extra: { gtid: '0-1-77' },
      expected: [
        ['SET GLOBAL gtid_slave_pos = ?', ['0-1-77']],
        [
          'CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?, MASTER_USE_GTID = slave_pos',
          ['src.example.com', 3306, 'repl', 'pw'],
        ],
      ],
    },
    {
      kind: 'mysql-legacy',
      expected: [
        [
          'CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?, MASTER_LOG_FILE = ?, MASTER_LOG_POS = ?',
          ['src.example.com', 3306, 'repl', 'pw', 'binlog.000042', 1234],
        ],
      ],
    },
    {
      kind: 'mysql',
      extra: { ssl: true },
      expected: [
        [
          'CHANGE REPLICATION SOURCE TO SOURCE_HOST = ?, SOURCE_PORT = ?, SOURCE_USER = ?, SOURCE_PASSWORD = ?, SOURCE_LOG_FILE = ?, SOURCE_LOG_POS = ?, SOURCE_SSL = 1',
          ['src.example.com', 3306, 'repl', 'pw', 'binlog.000042', 1234],
        ],
      ],
    },
  ])('$kind $extra', ({ kind, extra, expected }) => {
    const statements = replicationSetupStatements(kind, { ...source, ...extra });
    expect(statements.map((s) => [s.sql, s.params])).toEqual(expected);
  });

  it('formats a statement for a runbook with the password masked', () => {
    const [setup] = replicationSetupStatements('aurora', source);
    expect(formatStatement(setup!, { maskPasswordAt: 3 })).toBe(
      "CALL mysql.rds_set_external_source('src.example.com', 3306, 'repl', '****', 'binlog.000042', 1234, 0)",
    );
  });
});

describe('rdsProcedureName: the *_source family on Aurora MySQL 3, *_master only on Aurora MySQL 2', () => {
  it.each<{ kind: DialectKind; names: string[] }>([
    {
      kind: 'aurora',
      names: [
        'mysql.rds_set_external_source',
        'mysql.rds_set_external_source_with_auto_position',
        'mysql.rds_set_external_source_with_delay',
        'mysql.rds_reset_external_source',
        'mysql.rds_set_source_auto_position',
        'mysql.rds_next_source_log',
      ],
    },
    {
      kind: 'aurora-2',
      names: [
        'mysql.rds_set_external_master',
        'mysql.rds_set_external_master_with_auto_position',
        'mysql.rds_set_external_master_with_delay',
        'mysql.rds_reset_external_master',
        'mysql.rds_set_master_auto_position',
        'mysql.rds_next_master_log',
      ],
    },
  ])('$kind', ({ kind, names }) => {
    const procedures = [
      'setExternal',
      'setExternalWithAutoPosition',
      'setExternalWithDelay',
      'resetExternal',
      'setAutoPosition',
      'nextLog',
    ] as const;
    expect(procedures.map((procedure) => rdsProcedureName(kind, procedure))).toEqual(names);
  });

  it('refuses servers without the procedures', () => {
    expect(() => rdsProcedureName('mariadb', 'setExternal')).toThrow(/no mysql.rds_\* procedures/);
  });
});

describe('replication control statements', () => {
  it.each<{
    kind: DialectKind;
    start: string;
    stop: string;
    reset: string;
    status: string;
    pause: string | null;
  }>([
    {
      kind: 'aurora',
      start: 'CALL mysql.rds_start_replication',
      stop: 'CALL mysql.rds_stop_replication',
      reset: 'CALL mysql.rds_reset_external_source',
      status: 'SHOW REPLICA STATUS',
      pause: null,
    },
    {
      kind: 'aurora-2',
      start: 'CALL mysql.rds_start_replication',
      stop: 'CALL mysql.rds_stop_replication',
      reset: 'CALL mysql.rds_reset_external_master',
      status: 'SHOW SLAVE STATUS',
      pause: null,
    },
    {
      kind: 'rds-8.4',
      start: 'CALL mysql.rds_start_replication',
      stop: 'CALL mysql.rds_stop_replication',
      reset: 'CALL mysql.rds_reset_external_source',
      status: 'SHOW REPLICA STATUS',
      pause: null,
    },
    {
      kind: 'rds',
      start: 'CALL mysql.rds_start_replication',
      stop: 'CALL mysql.rds_stop_replication',
      reset: 'CALL mysql.rds_reset_external_master',
      status: 'SHOW SLAVE STATUS',
      pause: null,
    },
    {
      kind: 'mysql',
      start: 'START REPLICA',
      stop: 'STOP REPLICA',
      reset: 'RESET REPLICA ALL',
      status: 'SHOW REPLICA STATUS',
      pause: 'STOP REPLICA SQL_THREAD',
    },
    {
      kind: 'mysql-legacy',
      start: 'START SLAVE',
      stop: 'STOP SLAVE',
      reset: 'RESET SLAVE ALL',
      status: 'SHOW SLAVE STATUS',
      pause: 'STOP SLAVE SQL_THREAD',
    },
    {
      kind: 'mariadb',
      start: 'START SLAVE',
      stop: 'STOP SLAVE',
      reset: 'RESET SLAVE ALL',
      status: 'SHOW SLAVE STATUS',
      pause: 'STOP SLAVE SQL_THREAD',
    },
  ])('$kind', ({ kind, start, stop, reset, status, pause }) => {
    expect(startReplication(kind).sql).toBe(start);
    expect(stopReplication(kind).sql).toBe(stop);
    expect(resetReplication(kind).sql).toBe(reset);
    expect(replicaStatusQuery(kind).sql).toBe(status);
    expect(canPauseSqlThread(kind)).toBe(pause !== null);
    if (pause) expect(stopReplicaSqlThread(kind).sql).toBe(pause);
    else expect(() => stopReplicaSqlThread(kind)).toThrow(/not available/);
  });
});

describe('normalizeReplicaStatus', () => {
  it.each([
    {
      name: 'SHOW SLAVE STATUS (MariaDB)',
      row: {
        Slave_IO_Running: 'Yes',
        Slave_SQL_Running: 'No',
        Seconds_Behind_Master: null,
        Master_Log_File: 'b.000002',
        Read_Master_Log_Pos: '900',
        Relay_Master_Log_File: 'b.000001',
        Exec_Master_Log_Pos: '400',
        Last_IO_Error: '',
        Last_SQL_Error: 'Duplicate entry',
        Gtid_IO_Pos: '0-1-9',
      },
      expected: {
        ioRunning: true,
        sqlRunning: false,
        secondsBehind: null,
        readFile: 'b.000002',
        readPosition: 900,
        executedFile: 'b.000001',
        executedPosition: 400,
        lastError: 'Duplicate entry',
        gtidPosition: '0-1-9',
      },
    },
    {
      name: 'SHOW REPLICA STATUS (MySQL 8)',
      row: {
        Replica_IO_Running: 'Yes',
        Replica_SQL_Running: 'Yes',
        Seconds_Behind_Source: 0,
        Source_Log_File: 'b.000003',
        Read_Source_Log_Pos: 10,
        Relay_Source_Log_File: 'b.000003',
        Exec_Source_Log_Pos: 10,
        Last_IO_Error: '',
        Last_SQL_Error: '',
      },
      expected: {
        ioRunning: true,
        sqlRunning: true,
        secondsBehind: 0,
        readFile: 'b.000003',
        readPosition: 10,
        executedFile: 'b.000003',
        executedPosition: 10,
        lastError: '',
      },
    },
  ])('$name', ({ row, expected }) => {
    expect(normalizeReplicaStatus(row)).toEqual(expected);
  });
  it('is null for a server that is not a replica', () =>
    expect(normalizeReplicaStatus(undefined)).toBeNull());
});

describe('binary log retention', () => {
  it.each<{ kind: DialectKind; rows: Record<string, unknown>[]; seconds: number | null; setting: string }>([
    {
      kind: 'aurora',
      rows: [{ name: 'binlog retention hours', value: '24' }],
      seconds: 86400,
      setting: 'binlog retention hours = 24',
    },
    {
      kind: 'rds',
      rows: [{ name: 'binlog retention hours', value: null }],
      seconds: 0,
      setting: 'binlog retention hours = NULL (purged as soon as possible)',
    },
    {
      kind: 'mysql',
      rows: [
        { Variable_name: 'binlog_expire_logs_seconds', Value: '3600' },
        { Variable_name: 'expire_logs_days', Value: '7' },
      ],
      seconds: 3600,
      setting: 'binlog_expire_logs_seconds = 3600',
    },
    {
      kind: 'mysql-legacy',
      rows: [{ Variable_name: 'expire_logs_days', Value: '2' }],
      seconds: 172800,
      setting: 'expire_logs_days = 2',
    },
    {
      kind: 'mariadb',
      rows: [
        { Variable_name: 'binlog_expire_logs_seconds', Value: '0' },
        { Variable_name: 'expire_logs_days', Value: '0.000000' },
      ],
      seconds: null,
      setting: 'binlog_expire_logs_seconds and expire_logs_days = 0',
    },
  ])('$kind $setting', ({ kind, rows, seconds, setting }) => {
    expect(parseBinlogRetention(kind, rows)).toEqual({ seconds, setting });
  });

  it.each<{ kind: DialectKind; variables?: string[]; expected: string }>([
    { kind: 'aurora', expected: "CALL mysql.rds_set_configuration('binlog retention hours', 31)" },
    { kind: 'rds', expected: "CALL mysql.rds_set_configuration('binlog retention hours', 31)" },
    { kind: 'mysql', expected: 'SET GLOBAL binlog_expire_logs_seconds = 108001' },
    { kind: 'mariadb', variables: ['expire_logs_days'], expected: 'SET GLOBAL expire_logs_days = 2' },
  ])('retention statement on $kind', ({ kind, variables, expected }) => {
    expect(binlogRetentionStatements(kind, 108_001, variables).map((s) => formatStatement(s))).toEqual([
      expected,
    ]);
  });

  it('caps RDS retention at 2160 hours', () => {
    expect(binlogRetentionStatements('aurora', 10_000 * 3600)[0]!.params).toEqual([2160]);
  });

  it.each<{ kind: DialectKind; sql: string }>([
    { kind: 'aurora', sql: 'CALL mysql.rds_show_configuration' },
    {
      kind: 'mariadb',
      sql: "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('binlog_expire_logs_seconds', 'expire_logs_days')",
    },
  ])('retention query on $kind', ({ kind, sql }) => expect(binlogRetentionQuery(kind).sql).toBe(sql));
});

describe('target load settings', () => {
  const names = (kind: DialectKind) => targetLoadSettings(kind).map((s) => `${s.scope}:${s.name}=${s.value}`);
  it.each<{ kind: DialectKind; expected: string[] }>([
    {
      kind: 'aurora',
      expected: [
        'session:foreign_key_checks=0',
        'session:unique_checks=0',
        'parameter-group:innodb_flush_log_at_trx_commit=2',
        'parameter-group:binlog_format=OFF',
      ],
    },
    {
      kind: 'mariadb',
      expected: [
        'session:foreign_key_checks=0',
        'session:unique_checks=0',
        'global:innodb_flush_log_at_trx_commit=2',
        'session:sql_log_bin=0',
        'global:binlog_annotate_row_events=OFF',
      ],
    },
  ])('$kind', ({ kind, expected }) => expect(names(kind)).toEqual(expected));

  it('gives SQL only where SQL can change the setting', () => {
    for (const setting of targetLoadSettings('aurora')) {
      expect(setting.statement === null).toBe(setting.scope === 'parameter-group');
    }
    expect(
      targetLoadSettings('mysql').find((s) => s.name === 'innodb_flush_log_at_trx_commit')?.statement?.sql,
    ).toBe('SET GLOBAL innodb_flush_log_at_trx_commit = 2');
  });
});

describe('MySQL 8.0 compatibility tables', () => {
  it.each([
    ['rank', true],
    ['Window', true],
    ['groups', true],
    ['customers', false],
    ['select', false],
  ] as const)('reserved word %s → %s', (word, reserved) =>
    expect(isMysql80ReservedWord(word)).toBe(reserved),
  );

  it.each([
    ['utf8mb4_general_ci', null],
    ['latin1_swedish_ci', null],
    ['utf8mb4_0900_ai_ci', null],
    ['utf8_general_ci', { change: 'renamed', replacement: 'utf8mb4_general_ci' }],
    ['utf8mb3_unicode_ci', { change: 'renamed', replacement: 'utf8mb4_unicode_ci' }],
    ['utf8mb4_uca1400_ai_ci', { change: 'unsupported', replacement: 'utf8mb4_0900_ai_ci' }],
    ['utf8mb4_unicode_nopad_ci', { change: 'unsupported', replacement: 'utf8mb4_unicode_ci' }],
    ['utf8mb3_general_nopad_ci', { change: 'unsupported', replacement: 'utf8mb4_general_ci' }],
  ] as const)('collation %s', (collation, expected) => {
    const change = collationChangeOnMysql80(collation);
    if (expected === null) expect(change).toBeNull();
    else expect(change).toMatchObject(expected);
  });
});
