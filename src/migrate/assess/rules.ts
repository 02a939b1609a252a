import {
  binlogRetentionStatements,
  collationChangeOnMysql80,
  isMysql80ReservedWord,
  MYSQL80_DEFAULT_UTF8MB4_COLLATION,
  SQL_MODES_REMOVED_IN_MYSQL80,
  ZERO_DATE_MODES,
  formatStatement,
  usesRdsProcedures,
} from '../dialect.ts';
import { describeServer, type ServerInfo, versionAtLeast } from '../connection.ts';
import type { Finding } from '../plan-schema.ts';
import { qualifiedName, type SchemaFacts, type ServerFacts, type TableFacts } from './inspect.ts';

/**
 * Compatibility rules: pure functions of what inspect.ts read. Each returns findings with the objects
 * concerned and a concrete fix. `handledByRun` says what `migrate run` does about it by itself, so a
 * plan can carry on with a warning where assess shows a blocker.
 */
export interface RuleContext {
  readonly source: ServerFacts;
  readonly schema: SchemaFacts;
  readonly targetKind: 'aurora' | 'mysql';
  /** Accounts on the target (`user@host`); null when unknown (no target given, or not readable). */
  readonly targetAccounts: ReadonlySet<string> | null;
}

type Rule = (context: RuleContext) => Finding[];

const name = (table: { database: string; name: string }): string => `${table.database}.${table.name}`;
const list = (items: readonly string[], max = 8): string =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;

function finding(
  id: string,
  severity: Finding['severity'],
  objects: string[],
  message: string,
  fix: string,
  extra: { fixStatements?: string[]; handledByRun?: string } = {},
): Finding {
  return { id, severity, objects, message, fix, fixStatements: extra.fixStatements ?? [], ...extra };
}

/** Invisible columns: MariaDB 10.3 and MySQL 8.0.23 (Aurora MySQL 3.01) onwards. */
function supportsInvisibleColumns(info: ServerInfo): boolean {
  return info.flavour === 'mariadb' ? versionAtLeast(info, 10, 3) : versionAtLeast(info, 8, 0, 23);
}

/** Engines `migrate run` can re-create as InnoDB with their data; others need a decision first. */
const CONVERTIBLE_ENGINES = new Set(['myisam', 'memory', 'heap', 'aria', 'archive', 'csv']);

/** Replicating 300 updated rows of a 300k-row key-less table took 18.7 s on the replica vs 0.38 s on the source. */
export const NO_PK_REPLICATION_COST =
  '300 updated rows of a 300k-row table took 0.38 s on the source and 18.7 s on the replica';

const binlogRules: Rule[] = [
  ({ source }) =>
    source.logBin
      ? []
      : [
          finding(
            'binlog-off',
            'blocker',
            ['server'],
            'Binary logging is off on the source, so the target cannot replicate the changes made during the load.',
            usesRdsProcedures(source.dialect)
              ? 'Turn on automated backups (backup retention ≥ 1 day) on RDS, or set binlog_format=ROW in the Aurora cluster parameter group, then reboot.'
              : 'Add log_bin=binlog, server_id=<unique number> and binlog_format=ROW to the [mysqld] section of the server configuration and restart it.',
          ),
        ],
  ({ source }) =>
    !source.logBin || source.binlogFormat.toUpperCase() === 'ROW'
      ? []
      : [
          finding(
            'binlog-format-not-row',
            'blocker',
            ['server'],
            `binlog_format is ${source.binlogFormat}: replicating into Aurora/MySQL 8 safely needs ROW events.`,
            'Set binlog_format=ROW (parameter group on RDS/Aurora, server configuration otherwise), then make existing connections reconnect.',
            { fixStatements: ["SET GLOBAL binlog_format = 'ROW'"] },
          ),
        ],
  ({ source }) =>
    !source.logBin || source.binlogRowImage === '' || source.binlogRowImage.toUpperCase() === 'FULL'
      ? []
      : [
          finding(
            'binlog-row-image-not-full',
            'warning',
            ['server'],
            `binlog_row_image is ${source.binlogRowImage}: row events then carry only some columns, which breaks replication into tables that differ in keys.`,
            'Set binlog_row_image=FULL for the migration.',
            { fixStatements: ["SET GLOBAL binlog_row_image = 'FULL'"] },
          ),
        ],
  ({ source }) =>
    source.serverId > 0
      ? []
      : [
          finding(
            'server-id-zero',
            'blocker',
            ['server'],
            'server_id is 0: a source with server_id 0 refuses replica connections.',
            'Set server_id to a unique non-zero number in the server configuration and restart.',
          ),
        ],
  ({ source }) => {
    if (!source.logBin) return [];
    if (source.retention === null) {
      return [
        finding(
          'binlog-retention-unknown',
          'warning',
          ['server'],
          `The binary log retention could not be read: ${source.retentionError ?? 'unknown error'}.`,
          'Grant the account access to the retention settings, or check it by hand; migrate plan compares it with the estimated load time.',
        ),
      ];
    }
    const day = 86_400;
    if (source.retention.seconds !== null && source.retention.seconds < day) {
      return [
        finding(
          'binlog-retention-short',
          'warning',
          ['server'],
          `Binary logs are kept only ${formatDuration(source.retention.seconds)} (${source.retention.setting}); the dump and load must finish, and the replica catch up, before they are purged.`,
          'migrate plan computes the retention the load needs; keep at least a day meanwhile.',
          {
            fixStatements: binlogRetentionStatements(source.dialect, day, source.retentionVariables).map(
              (statement) => formatStatement(statement),
            ),
          },
        ),
      ];
    }
    return [];
  },
];

const tableRules: Rule[] = [
  ({ schema }) => {
    const byEngine = new Map<string, TableFacts[]>();
    for (const table of schema.tables.filter((candidate) => candidate.engine.toLowerCase() !== 'innodb')) {
      byEngine.set(table.engine, [...(byEngine.get(table.engine) ?? []), table]);
    }
    return [...byEngine.entries()].map(([engine, tables]) => {
      const convertible = CONVERTIBLE_ENGINES.has(engine.toLowerCase());
      return finding(
        'non-innodb-table',
        'blocker',
        tables.map(name),
        `${tables.length} ${engine} table(s): ${list(tables.map(name))}. Aurora MySQL keeps only InnoDB, and ${engine} is not ` +
          'transactional: a change inside a rolled-back transaction survives on the source and is replicated.',
        convertible
          ? 'Convert them on the source before the migration (ALTER TABLE … ENGINE=InnoDB, then test the application), ' +
              'or let migrate run create them as InnoDB on the target.'
          : `No automatic conversion for ${engine}: replace these tables with InnoDB tables, or exclude them from the migration.`,
        {
          fixStatements: tables.map(
            (table) => `ALTER TABLE ${qualifiedName(table.database, table.name)} ENGINE=InnoDB`,
          ),
          ...(convertible ? { handledByRun: 'the target gets these tables as InnoDB, with their data' } : {}),
        },
      );
    });
  },
  ({ source, schema }) =>
    schema.tables
      .filter((table) => table.primaryKey.length === 0)
      .map((table) => {
        const identity = table.uniqueKeys[0];
        const invisible = supportsInvisibleColumns(source.info);
        return identity
          ? finding(
              'no-primary-key',
              'warning',
              [name(table)],
              `${name(table)} has no primary key; replication uses its NOT NULL unique key (${identity.join(', ')}).`,
              'Promote the unique key to the primary key before the migration.',
              {
                fixStatements: [
                  `ALTER TABLE ${qualifiedName(table.database, table.name)} ADD PRIMARY KEY (${identity.map((column) => `\`${column}\``).join(', ')})`,
                ],
                handledByRun: 'the table is copied as it is',
              },
            )
          : finding(
              'no-primary-key',
              'blocker',
              [name(table)],
              `${name(table)} (≈${table.rows.toLocaleString('en-US')} rows) has no primary key: with row-based replication every ` +
                `updated or deleted row is a full table scan on the replica (measured: ${NO_PK_REPLICATION_COST}), ` +
                'and the dump cannot be split into chunks.',
              invisible
                ? 'Add a primary key on the source before the dump: an INVISIBLE auto-increment column changes no query (SELECT * and INSERT without a column list ignore it).'
                : 'Add a primary key on the source before the dump (an auto-increment column; check INSERTs without a column list, this server has no invisible columns).',
              {
                fixStatements: [
                  `ALTER TABLE ${qualifiedName(table.database, table.name)} ADD COLUMN migration_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT${invisible ? ' INVISIBLE' : ''}, ADD PRIMARY KEY (migration_id)`,
                ],
                handledByRun:
                  'the table is copied without a key; expect replica lag on its updates until one is added',
              },
            );
      }),
  ({ schema }) => {
    const tables = schema.tables.filter((table) => table.foreignKeys > 0);
    return tables.length === 0
      ? []
      : [
          finding(
            'foreign-keys',
            'info',
            tables.map(name),
            `${tables.length} table(s) have foreign keys: ${list(tables.map(name))}.`,
            'The load runs with foreign_key_checks=0 (tables arrive in parallel, not in key order); replication applies ' +
              'changes in source order, so the keys hold again once the replica has caught up. Validate before cutover.',
          ),
        ];
  },
];

function programRule(
  kind: 'trigger' | 'event' | 'procedure' | 'function' | 'view',
  id: string,
  severity: Finding['severity'],
  message: (objects: string) => string,
  fix: string,
  fixStatement?: (database: string, program: string) => string,
): Rule {
  return ({ schema }) => {
    const programs = schema.programs.filter((program) => program.kind === kind);
    if (programs.length === 0) return [];
    const names = programs.map((program) => `${program.database}.${program.name}`);
    return [
      finding(id, severity, names, message(list(names)), fix, {
        fixStatements: fixStatement
          ? programs.map((program) => fixStatement(program.database, program.name))
          : [],
      }),
    ];
  };
}

const programRules: Rule[] = [
  programRule(
    'trigger',
    'triggers',
    'warning',
    (names) =>
      `Triggers: ${names}. With row-based replication they do not fire on the replica (their effects arrive as rows).`,
    'Keep them; check after cutover that they fire on the target and that their DEFINER exists there.',
  ),
  programRule(
    'event',
    'events',
    'warning',
    (names) =>
      `Scheduled events: ${names}. Enabled on the target before cutover they would run twice (on both servers).`,
    'Disable them on the target until cutover, then enable them there and disable them on the old source; Aurora needs event_scheduler=ON in the parameter group.',
    (database, event) => `ALTER EVENT ${qualifiedName(database, event)} DISABLE`,
  ),
  programRule(
    'procedure',
    'routines',
    'warning',
    (names) => `Stored procedures: ${names}.`,
    'They are copied with the schema; test them on MySQL 8.0 (reserved words, removed functions) and check their DEFINER.',
  ),
  programRule(
    'function',
    'stored-functions',
    'warning',
    (names) =>
      `Stored functions: ${names}. With binary logging on, Aurora refuses to create them unless allowed.`,
    'Set log_bin_trust_function_creators=1 in the target parameter group before the load.',
  ),
  programRule(
    'view',
    'views',
    'info',
    (names) => `Views: ${names}.`,
    'They are copied with the schema; check their DEFINER exists on the target.',
  ),
  definerRule,
];

/** `user@host` as MySQL quotes an account: 'user'@'host'. */
function quotedAccount(account: string): string {
  const at = account.lastIndexOf('@');
  return `'${account.slice(0, at)}'@'${account.slice(at + 1)}'`;
}

/**
 * Accounts Aurora does not let anyone create: `root` and the RDS-internal ones are reserved, and a
 * host of localhost never matches, since clients reach Aurora over the network.
 */
export function accountImpossibleOnAurora(account: string): boolean {
  const at = account.lastIndexOf('@');
  const user = account.slice(0, at);
  const host = account.slice(at + 1).toLowerCase();
  return (
    user === 'root' ||
    user === 'rdsadmin' ||
    user.startsWith('mysql.') ||
    ['localhost', '127.0.0.1', '::1'].includes(host)
  );
}

function definerRule({ schema, targetAccounts, targetKind }: RuleContext): Finding[] {
  const byDefiner = new Map<string, string[]>();
  for (const program of schema.programs) {
    const objects = byDefiner.get(program.definer) ?? [];
    byDefiner.set(program.definer, [...objects, `${program.database}.${program.name} (${program.kind})`]);
  }
  const missing = [...byDefiner.entries()].filter(
    ([definer]) => targetAccounts === null || !targetAccounts.has(definer),
  );
  if (missing.length === 0) return [];
  const impossible = (definer: string): boolean =>
    targetKind === 'aurora' && accountImpossibleOnAurora(definer);
  const creatable = missing.filter(([definer]) => !impossible(definer));
  const rewritten = missing.filter(([definer]) => impossible(definer));
  const fixes = [
    ...(creatable.length > 0
      ? ['Create the accounts on the target with the same grants before the load (passwords are not copied).']
      : []),
    ...(rewritten.length > 0
      ? [
          `Aurora does not allow ${list(rewritten.map(([definer]) => quotedAccount(definer)))} (root and RDS-internal ` +
            'accounts are reserved, and localhost never matches a network client): recreate those objects with a ' +
            'DEFINER that exists on the target, such as the cluster master user.',
        ]
      : []),
  ];
  return [
    finding(
      'definer-missing',
      'warning',
      missing.map(([definer]) => quotedAccount(definer)),
      (targetAccounts === null
        ? 'Objects run as DEFINER accounts that must exist on the target: '
        : 'DEFINER accounts missing on the target: ') +
        missing.map(([definer, objects]) => `${quotedAccount(definer)} (${list(objects, 4)})`).join('; ') +
        '. Views, triggers and routines whose definer does not exist fail when used.',
      fixes.join(' '),
      {
        fixStatements: creatable.map(
          ([definer]) => `CREATE USER ${quotedAccount(definer)} IDENTIFIED BY '<password>'`,
        ),
      },
    ),
  ];
}

const mysql80Rules: Rule[] = [
  ({ schema }) => {
    const identifiers = [
      ...schema.tables
        .filter((table) => isMysql80ReservedWord(table.name))
        .map((table) => `table ${name(table)}`),
      ...schema.columns
        .filter((column) => isMysql80ReservedWord(column.name))
        .map((column) => `column ${column.database}.${column.table}.${column.name}`),
      ...schema.programs
        .filter((program) => isMysql80ReservedWord(program.name))
        .map((program) => `${program.kind} ${program.database}.${program.name}`),
    ];
    return identifiers.length === 0
      ? []
      : [
          finding(
            'reserved-words',
            'warning',
            identifiers,
            `Identifiers that are reserved words in MySQL 8.0: ${list(identifiers)}. Unquoted in application SQL they are syntax errors on Aurora MySQL 3.`,
            'Quote them with backticks everywhere the application uses them, or rename them before cutover.',
          ),
        ];
  },
  ({ schema }) => {
    const changes = [
      ...schema.databases.map((database) => ({
        object: `database ${database.name}`,
        collation: database.collation,
      })),
      ...schema.tables.map((table) => ({ object: `table ${name(table)}`, collation: table.collation ?? '' })),
      ...schema.columns.map((column) => ({
        object: `column ${column.database}.${column.table}.${column.name}`,
        collation: column.collation ?? '',
      })),
    ]
      .map((item) => ({ ...item, change: collationChangeOnMysql80(item.collation) }))
      .filter((item) => item.change !== null);
    const unsupported = changes.filter((item) => item.change?.change === 'unsupported');
    const renamed = changes.filter((item) => item.change?.change === 'renamed');
    const describe = (items: typeof changes): string =>
      list(
        items.map((item) => `${item.object} (${item.collation} → ${item.change?.replacement})`),
        6,
      );
    return [
      ...(unsupported.length > 0
        ? [
            finding(
              'collation-unsupported',
              'blocker',
              unsupported.map((item) => item.object),
              `Collations that MySQL 8.0 does not have: ${describe(unsupported)}.`,
              'Change them on the source (ALTER TABLE … CONVERT TO CHARACTER SET … COLLATE …) before the dump.',
            ),
          ]
        : []),
      ...(renamed.length > 0
        ? [
            finding(
              'charset-utf8mb3',
              'warning',
              renamed.map((item) => item.object),
              `utf8 (utf8mb3) is deprecated on MySQL 8.0 and cannot store 4-byte characters: ${describe(renamed)}.`,
              'Convert to utf8mb4 on the source before the migration, or after it on the target (index length limits change).',
            ),
          ]
        : []),
    ];
  },
  ({ schema }) => {
    const differing = schema.databases.filter(
      (database) =>
        database.collation.startsWith('utf8mb4_') && database.collation !== MYSQL80_DEFAULT_UTF8MB4_COLLATION,
    );
    return differing.length === 0
      ? []
      : [
          finding(
            'default-collation-changes',
            'warning',
            differing.map((database) => database.name),
            `MySQL 8.0 defaults utf8mb4 to ${MYSQL80_DEFAULT_UTF8MB4_COLLATION}; these databases use another default: ` +
              `${list(differing.map((database) => `${database.name} (${database.collation})`))}. Tables created later without ` +
              'a collation would differ, and joins across them fail with "Illegal mix of collations".',
            'Keep the database default on the target explicitly, and set collation_server in the target parameter group.',
            {
              fixStatements: differing.map(
                (database) => `ALTER DATABASE \`${database.name}\` COLLATE ${database.collation}`,
              ),
            },
          ),
        ];
  },
  ({ source, schema }) => {
    const zeroDatesAllowed = !ZERO_DATE_MODES.every((mode) => source.sqlMode.includes(mode));
    const found = schema.zeroDates.filter((column) => column.zeroDefault || (column.rowsFound ?? 0) > 0);
    const unchecked = zeroDatesAllowed ? schema.zeroDates.filter((column) => column.rowsFound === null) : [];
    if (found.length === 0 && unchecked.length === 0) return [];
    const describe = (column: (typeof found)[number]): string =>
      `${column.database}.${column.table}.${column.column}` +
      (column.zeroDefault ? ' (default 0000-00-00)' : '') +
      (column.rowsFound ? ` (${column.rowsFound >= 1000 ? '≥1000' : column.rowsFound} rows)` : '');
    return [
      finding(
        'zero-dates',
        'warning',
        [...found, ...unchecked].map((column) => `${column.database}.${column.table}.${column.column}`),
        (found.length > 0 ? `Zero dates in ${list(found.map(describe))}. ` : '') +
          (unchecked.length > 0
            ? `Not scanned (too large): ${list(unchecked.map((column) => `${column.database}.${column.table}.${column.column}`))}. `
            : '') +
          'MySQL 8.0 rejects zero dates under its default sql_mode (NO_ZERO_DATE, NO_ZERO_IN_DATE): the load works, ' +
          "but the application's inserts and ALTER TABLE on those tables fail.",
        'Replace zero dates with NULL or a real date and drop zero defaults before cutover, or keep the source sql_mode in the target parameter group.',
      ),
    ];
  },
  ({ source }) => {
    const removed = source.sqlMode.filter((mode) => SQL_MODES_REMOVED_IN_MYSQL80.has(mode));
    const missingStrict = ['STRICT_TRANS_TABLES', 'ONLY_FULL_GROUP_BY', ...ZERO_DATE_MODES].filter(
      (mode) => !source.sqlMode.includes(mode),
    );
    if (removed.length === 0 && missingStrict.length === 0) return [];
    const kept = source.sqlMode.filter((mode) => !SQL_MODES_REMOVED_IN_MYSQL80.has(mode));
    return [
      finding(
        'sql-mode',
        'warning',
        ['server'],
        `The source sql_mode is "${source.sqlMode.join(',')}". ` +
          (removed.length > 0 ? `MySQL 8.0 no longer knows ${removed.join(', ')}. ` : '') +
          (missingStrict.length > 0
            ? `MySQL 8.0 adds ${missingStrict.join(', ')} by default, which rejects queries and values the source accepts.`
            : ''),
        `Test the application under MySQL 8.0's sql_mode, or set sql_mode="${kept.join(',')}" in the target parameter group.`,
      ),
    ];
  },
  ({ source, targetKind }) =>
    source.info.flavour === 'mariadb' && targetKind === 'aurora'
      ? [
          finding(
            'mariadb-to-mysql',
            'warning',
            ['server'],
            `The source is ${source.info.version}: MariaDB and MySQL 8.0 differ in GTIDs, JSON (LONGTEXT on MariaDB), ` +
              'system tables and some SQL, and neither vendor supports a MySQL replica of a MariaDB source.',
            'Replicate by binlog file and position (not GTID), set binlog_annotate_row_events=OFF and binlog_checksum=NONE on the source if the replica stops on unknown events, and rehearse the whole run on a copy first.',
          ),
        ]
      : [],
];

/**
 * `--target-kind` checked against what the target server says it is: planning "as Aurora" against
 * another server would apply Aurora's procedures, parameter groups and instance classes to it.
 */
export function targetKindFindings(targetKind: RuleContext['targetKind'], target: ServerInfo): Finding[] {
  const isAuroraServer = target.flavour === 'aurora-mysql';
  if (targetKind === 'aurora' && !isAuroraServer) {
    return [
      finding(
        'target-kind-mismatch',
        'blocker',
        ['server'],
        `--target-kind aurora was given, but the target is ${describeServer(target)}, not Aurora MySQL.`,
        'Point --target at the Aurora cluster writer endpoint, or pass --target-kind mysql for a self-managed target.',
      ),
    ];
  }
  if (targetKind === 'mysql' && isAuroraServer) {
    return [
      finding(
        'target-kind-mismatch',
        'warning',
        ['server'],
        `--target-kind mysql was given, but the target is ${describeServer(target)}: Aurora's rules (InnoDB only) apply.`,
        'Pass --target-kind aurora so the plan applies Aurora MySQL rules and sizing.',
      ),
    ];
  }
  return [];
}

/** MySQL 8.0's and Aurora MySQL 3's default max_allowed_packet, and the largest it can be set to. */
export const DEFAULT_MAX_ALLOWED_PACKET = 64 * 1024 * 1024;
const MAX_ALLOWED_PACKET_LIMIT = 1024 * 1024 * 1024;
const UTC_ZONES = new Set(['utc', '+00:00', 'etc/utc', 'gmt', 'utc0', 'z']);
const mebibytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024))} MiB`;

const serverSettingRules: Rule[] = [
  ({ source, targetKind }) =>
    source.lowerCaseTableNames === 0
      ? []
      : [
          finding(
            'lower-case-table-names',
            'warning',
            ['server'],
            `The source runs with lower_case_table_names=${source.lowerCaseTableNames}; MySQL 8.0 fixes this setting when the data directory is created and defaults to 0 (names are case-sensitive), so queries naming tables in another case would fail.`,
            targetKind === 'aurora'
              ? 'Create the Aurora cluster with lower_case_table_names=1 in its cluster parameter group: it cannot be changed after the cluster exists.'
              : 'Initialise the target with lower_case_table_names=1 in its configuration (mysqld --initialize); it cannot be changed afterwards.',
          ),
        ],
  ({ source, targetKind }) =>
    UTC_ZONES.has(source.timeZone.toLowerCase())
      ? []
      : [
          finding(
            'time-zone',
            'warning',
            ['server'],
            `The source's time zone is ${source.timeZone}; ${targetKind === 'aurora' ? 'Aurora runs in UTC' : 'the target may run in another zone'} unless told otherwise, so NOW(), CURDATE() and the TIMESTAMP values the application sees would shift.`,
            targetKind === 'aurora'
              ? `Set time_zone to ${source.timeZone} in the Aurora cluster parameter group (named zones are supported there), or move the application to UTC first.`
              : `Set time_zone (default-time-zone) to ${source.timeZone} on the target, or move the application to UTC first.`,
          ),
        ],
  ({ schema }) => {
    const large = schema.largeValues.filter((table) => table.maxRowBytes > DEFAULT_MAX_ALLOWED_PACKET / 2);
    if (large.length === 0) return [];
    const largest = Math.max(...large.map((table) => table.maxRowBytes));
    const tooLarge = largest > MAX_ALLOWED_PACKET_LIMIT / 2;
    return [
      finding(
        'large-values-vs-max-allowed-packet',
        tooLarge ? 'blocker' : 'warning',
        large.map((table) => `${table.database}.${table.table}`),
        `Rows with up to ${mebibytes(largest)} of BLOB/TEXT/JSON data (${list(large.map((table) => `${table.database}.${table.table} ${mebibytes(table.maxRowBytes)}`))}); ` +
          `each row travels as one packet in the load and in replication, and MySQL 8.0 accepts ${mebibytes(DEFAULT_MAX_ALLOWED_PACKET)} by default.`,
        tooLarge
          ? `A row over ${mebibytes(MAX_ALLOWED_PACKET_LIMIT / 2)} leaves no room under the 1 GiB maximum of max_allowed_packet: move those values to object storage (e.g. S3) first.`
          : `Set max_allowed_packet to at least ${mebibytes(Math.min(MAX_ALLOWED_PACKET_LIMIT, largest * 2))} on the target (its parameter group on Aurora/RDS) and on the source, and slave_max_allowed_packet on the target.`,
      ),
    ];
  },
];

export const RULES: readonly Rule[] = [
  ...binlogRules,
  ...tableRules,
  ...programRules,
  ...mysql80Rules,
  ...serverSettingRules,
];

const SEVERITY_ORDER: Record<Finding['severity'], number> = { blocker: 0, warning: 1, info: 2 };

export function evaluateRules(context: RuleContext): Finding[] {
  return RULES.flatMap((rule) => rule(context)).sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}
