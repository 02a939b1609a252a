import { describe, expect, it } from 'vitest';
import type { ProgramFacts, SchemaFacts, ServerFacts, TableFacts } from '../../src/migrate/assess/inspect.ts';
import { evaluateRules, type RuleContext } from '../../src/migrate/assess/rules.ts';
import { classifyServer } from '../../src/migrate/connection.ts';

const server: ServerFacts = {
  url: 'mysql://admin@db:3306/shop',
  info: classifyServer({ version: '8.0.36', versionComment: 'MySQL Community Server - GPL' }),
  dialect: 'mysql',
  logBin: true,
  binlogFormat: 'ROW',
  binlogRowImage: 'FULL',
  gtidMode: 'OFF',
  serverId: 1,
  sqlMode: [
    'ONLY_FULL_GROUP_BY',
    'STRICT_TRANS_TABLES',
    'NO_ZERO_IN_DATE',
    'NO_ZERO_DATE',
    'ERROR_FOR_DIVISION_BY_ZERO',
    'NO_ENGINE_SUBSTITUTION',
  ],
  collationServer: 'utf8mb4_0900_ai_ci',
  logReplicaUpdates: false,
  retention: { seconds: 604_800, setting: 'binlog_expire_logs_seconds = 604800' },
  retentionVariables: ['binlog_expire_logs_seconds', 'expire_logs_days'],
  lowerCaseTableNames: 0,
  timeZone: 'UTC',
  maxAllowedPacket: 67_108_864,
};

const table = (name: string, overrides: Partial<TableFacts> = {}): TableFacts => ({
  database: 'shop',
  name,
  engine: 'InnoDB',
  rows: 10,
  dataBytes: 16_384,
  indexBytes: 0,
  collation: 'utf8mb4_0900_ai_ci',
  primaryKey: ['id'],
  uniqueKeys: [],
  secondaryIndexes: 0,
  foreignKeys: 0,
  chunkColumn: 'id',
  ...overrides,
});

const schema: SchemaFacts = {
  databases: [{ name: 'shop', collation: 'utf8mb4_0900_ai_ci' }],
  tables: [table('items')],
  columns: [],
  programs: [],
  zeroDates: [],
  largeValues: [],
};

const context = (
  overrides: { source?: Partial<ServerFacts>; schema?: Partial<SchemaFacts>; accounts?: string[] } = {},
): RuleContext => ({
  source: { ...server, ...overrides.source },
  schema: { ...schema, ...overrides.schema },
  targetKind: 'aurora',
  targetAccounts: overrides.accounts ? new Set(overrides.accounts) : null,
});

const program = (kind: ProgramFacts['kind'], name: string, definer = 'app@%'): ProgramFacts => ({
  database: 'shop',
  name,
  kind,
  definer,
  detail: '',
});

const summary = (ctx: RuleContext) =>
  evaluateRules(ctx).map((finding) => `${finding.severity}:${finding.id}`);

describe('compatibility rules', () => {
  it('a MySQL 8 source with InnoDB tables and primary keys has nothing to report', () => {
    expect(evaluateRules(context())).toEqual([]);
  });

  it.each<{ name: string; ctx: RuleContext; expected: string[] }>([
    { name: 'binlog off', ctx: context({ source: { logBin: false } }), expected: ['blocker:binlog-off'] },
    {
      name: 'MIXED binlog',
      ctx: context({ source: { binlogFormat: 'MIXED' } }),
      expected: ['blocker:binlog-format-not-row'],
    },
    {
      name: 'minimal row image',
      ctx: context({ source: { binlogRowImage: 'MINIMAL' } }),
      expected: ['warning:binlog-row-image-not-full'],
    },
    { name: 'server_id 0', ctx: context({ source: { serverId: 0 } }), expected: ['blocker:server-id-zero'] },
    {
      name: 'case-insensitive table names',
      ctx: context({ source: { lowerCaseTableNames: 1 } }),
      expected: ['warning:lower-case-table-names'],
    },
    {
      name: 'a source in a named time zone',
      ctx: context({ source: { timeZone: 'Europe/Berlin' } }),
      expected: ['warning:time-zone'],
    },
    { name: 'a source in UTC by offset', ctx: context({ source: { timeZone: '+00:00' } }), expected: [] },
    {
      name: 'rows of 40 MiB in BLOBs',
      ctx: context({
        schema: { largeValues: [{ database: 'shop', table: 'files', maxRowBytes: 40 * 1024 ** 2 }] },
      }),
      expected: ['warning:large-values-vs-max-allowed-packet'],
    },
    {
      name: 'a row of 600 MiB',
      ctx: context({
        schema: { largeValues: [{ database: 'shop', table: 'files', maxRowBytes: 600 * 1024 ** 2 }] },
      }),
      expected: ['blocker:large-values-vs-max-allowed-packet'],
    },
    {
      name: 'small BLOBs',
      ctx: context({ schema: { largeValues: [{ database: 'shop', table: 'files', maxRowBytes: 4096 }] } }),
      expected: [],
    },
    {
      name: 'retention of an hour',
      ctx: context({ source: { retention: { seconds: 3600, setting: 'x' } } }),
      expected: ['warning:binlog-retention-short'],
    },
    {
      name: 'unreadable retention',
      ctx: context({ source: { retention: null, retentionError: 'denied' } }),
      expected: ['warning:binlog-retention-unknown'],
    },
    {
      name: 'a MEMORY table (convertible)',
      ctx: context({ schema: { tables: [table('sessions', { engine: 'MEMORY' })] } }),
      expected: ['blocker:non-innodb-table'],
    },
    {
      name: 'a table keyed only by a NOT NULL unique key',
      ctx: context({ schema: { tables: [table('links', { primaryKey: [], uniqueKeys: [['a', 'b']] })] } }),
      expected: ['warning:no-primary-key'],
    },
    {
      name: 'a stored function',
      ctx: context({
        schema: { programs: [program('function', 'price_of', 'admin@%')] },
        accounts: ['admin@%'],
      }),
      expected: ['warning:stored-functions'],
    },
    {
      name: 'a definer the target has',
      ctx: context({ schema: { programs: [program('view', 'v', 'admin@%')] }, accounts: ['admin@%'] }),
      expected: ['info:views'],
    },
    {
      name: 'a MariaDB-only collation',
      ctx: context({ schema: { tables: [table('t', { collation: 'utf8mb4_uca1400_ai_ci' })] } }),
      expected: ['blocker:collation-unsupported'],
    },
    {
      name: 'a utf8mb3 column',
      ctx: context({
        schema: {
          columns: [
            {
              database: 'shop',
              table: 'items',
              name: 'label',
              dataType: 'varchar',
              collation: 'utf8mb3_general_ci',
              defaultValue: null,
              generated: false,
            },
          ],
        },
      }),
      expected: ['warning:charset-utf8mb3'],
    },
    {
      name: 'a table named with a new reserved word',
      ctx: context({ schema: { tables: [table('window')] } }),
      expected: ['warning:reserved-words'],
    },
    {
      name: 'zero dates found in data',
      ctx: context({
        schema: {
          zeroDates: [{ database: 'shop', table: 'items', column: 'at', zeroDefault: false, rowsFound: 3 }],
        },
      }),
      expected: ['warning:zero-dates'],
    },
    {
      name: 'an unscanned large table when sql_mode allows zero dates',
      ctx: context({
        source: {
          sqlMode: [
            'ONLY_FULL_GROUP_BY',
            'STRICT_TRANS_TABLES',
            'NO_ZERO_DATE',
            'NO_ZERO_IN_DATE',
            'NO_AUTO_CREATE_USER',
          ],
        },
        schema: {
          zeroDates: [
            { database: 'shop', table: 'items', column: 'at', zeroDefault: false, rowsFound: null },
          ],
        },
      }),
      expected: ['warning:sql-mode'],
    },
  ])('$name → $expected', ({ ctx, expected }) => {
    expect(summary(ctx)).toEqual(expected);
  });

  it.each([
    { version: '8.0.36', invisible: true },
    { version: '8.0.22', invisible: false },
    { version: '5.7.44-log', invisible: false },
  ])(
    'adds the key as an invisible column where MySQL $version has them: $invisible',
    ({ version, invisible }) => {
      const ctx = context({
        source: { info: classifyServer({ version, versionComment: 'MySQL Community Server - GPL' }) },
        schema: { tables: [table('log', { primaryKey: [], chunkColumn: null })] },
      });
      expect(evaluateRules(ctx)[0]?.fixStatements[0]?.includes(' INVISIBLE,')).toBe(invisible);
    },
  );

  it('offers no automatic conversion for engines the run cannot convert', () => {
    const [finding] = evaluateRules(
      context({ schema: { tables: [table('remote', { engine: 'FEDERATED' })] } }),
    );
    expect(finding).toMatchObject({ id: 'non-innodb-table', severity: 'blocker' });
    expect(finding?.handledByRun).toBeUndefined();
    expect(finding?.fix).toContain('No automatic conversion for FEDERATED');
  });

  it.each<{ targetKind: RuleContext['targetKind']; statements: string[]; fix: RegExp }>([
    {
      targetKind: 'aurora',
      statements: ["CREATE USER 'app'@'%' IDENTIFIED BY '<password>'"],
      fix: /Aurora does not allow 'root'@'localhost', 'report'@'127\.0\.0\.1'.*DEFINER that exists/,
    },
    {
      targetKind: 'mysql',
      statements: [
        "CREATE USER 'app'@'%' IDENTIFIED BY '<password>'",
        "CREATE USER 'root'@'localhost' IDENTIFIED BY '<password>'",
        "CREATE USER 'report'@'127.0.0.1' IDENTIFIED BY '<password>'",
      ],
      fix: /^Create the accounts on the target/,
    },
  ])(
    'never suggests creating root or a localhost account on $targetKind Aurora',
    ({ targetKind, statements, fix }) => {
      const [finding] = evaluateRules({
        ...context({
          schema: {
            programs: [
              program('view', 'totals'),
              program('trigger', 'audit', 'root@localhost'),
              program('procedure', 'report', 'report@127.0.0.1'),
            ],
          },
        }),
        targetKind,
      }).filter((candidate) => candidate.id === 'definer-missing');
      expect(finding?.fixStatements).toEqual(statements);
      expect(finding?.fix).toMatch(fix);
    },
  );

  it('sizes max_allowed_packet from the largest row and names the time zone to set', () => {
    const findings = evaluateRules(
      context({
        source: { timeZone: 'Europe/Berlin' },
        schema: { largeValues: [{ database: 'shop', table: 'files', maxRowBytes: 40 * 1024 ** 2 }] },
      }),
    );
    const fix = (id: string) => findings.find((finding) => finding.id === id)?.fix;
    expect(fix('large-values-vs-max-allowed-packet')).toContain('at least 80 MiB');
    expect(fix('time-zone')).toContain(
      'Set time_zone to Europe/Berlin in the Aurora cluster parameter group',
    );
  });

  it('gives the statements that apply the fixes', () => {
    const findings = evaluateRules(
      context({
        source: { binlogFormat: 'STATEMENT' },
        schema: {
          tables: [table('log', { primaryKey: [], chunkColumn: null })],
          programs: [program('event', 'nightly')],
        },
      }),
    );
    expect(Object.fromEntries(findings.map((finding) => [finding.id, finding.fixStatements]))).toEqual({
      'binlog-format-not-row': ["SET GLOBAL binlog_format = 'ROW'"],
      'no-primary-key': [
        'ALTER TABLE `shop`.`log` ADD COLUMN migration_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT INVISIBLE, ADD PRIMARY KEY (migration_id)',
      ],
      events: ['ALTER EVENT `shop`.`nightly` DISABLE'],
      'definer-missing': ["CREATE USER 'app'@'%' IDENTIFIED BY '<password>'"],
    });
  });
});
