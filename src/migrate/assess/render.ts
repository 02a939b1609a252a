import type { Finding } from '../plan-schema.ts';
import type { Assessment } from './assessment.ts';
import type { ReportDocument } from './document.ts';
import type { TableFacts } from './inspect.ts';
import { formatDuration } from './rules.ts';

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export const formatCount = (value: number): string => Math.round(value).toLocaleString('en-US');

export function describeRetention(retention: Assessment['source']['retention']): string {
  if (retention === null) return 'unknown (could not be read)';
  if (retention.seconds === null) return `never purged (${retention.setting})`;
  return `${formatDuration(retention.seconds)} (${retention.setting})`;
}

function keyOf(table: TableFacts): string {
  if (table.primaryKey.length > 0) return `PRIMARY (${table.primaryKey.join(', ')})`;
  if (table.uniqueKeys[0]) return `UNIQUE (${table.uniqueKeys[0].join(', ')})`;
  return 'none';
}

function serverFacts(assessment: Assessment): (readonly [string, string])[] {
  const { source } = assessment;
  return [
    ['Server', `${source.server} (${source.version})`],
    ['URL', source.url],
    ['Binary log', source.logBin ? `on, ${source.binlogFormat}, row image ${source.binlogRowImage}` : 'OFF'],
    ['Binlog retention', describeRetention(source.retention)],
    ['GTID', source.gtidMode],
    ['server_id', String(source.serverId)],
    ['sql_mode', source.sqlMode.join(',') || '(empty)'],
    ['Server collation', source.collationServer],
    [
      'Target',
      assessment.target
        ? `${assessment.target.server} — ${assessment.target.url}`
        : `not given (rules for ${assessment.targetKind === 'aurora' ? 'Aurora MySQL 3' : 'MySQL 8.0'})`,
    ],
  ];
}

const TABLE_COLUMNS = ['Table', 'Engine', 'Rows (≈)', 'Data', 'Indexes', 'Key', 'FKs'];
const tableRow = (table: TableFacts): string[] => [
  `${table.database}.${table.name}`,
  table.engine,
  formatCount(table.rows),
  formatBytes(table.dataBytes),
  formatBytes(table.indexBytes),
  keyOf(table),
  String(table.foreignKeys),
];

export function findingBadges(blockers: number, warnings: number): ReportDocument['badges'] {
  return [
    { label: `${blockers} blocker${blockers === 1 ? '' : 's'}`, tone: blockers > 0 ? 'bad' : 'good' },
    { label: `${warnings} warning${warnings === 1 ? '' : 's'}`, tone: warnings > 0 ? 'warn' : 'good' },
  ];
}

export function assessmentDocument(assessment: Assessment): ReportDocument {
  const { totals } = assessment;
  return {
    title: 'Migration assessment',
    subtitle: `${assessment.source.url} · ${assessment.databases.join(', ')} · ${assessment.createdAt}`,
    badges: findingBadges(assessment.blockers.length, assessment.warnings.length),
    sections: [
      { heading: 'Source server', blocks: [{ kind: 'facts', items: serverFacts(assessment) }] },
      {
        heading: 'Blockers',
        blocks: [{ kind: 'findings', findings: assessment.blockers, empty: 'Nothing blocks the migration.' }],
      },
      {
        heading: 'Warnings',
        blocks: [{ kind: 'findings', findings: assessment.warnings, empty: 'No warnings.' }],
      },
      { heading: 'Notes', blocks: [{ kind: 'findings', findings: assessment.info, empty: 'No notes.' }] },
      {
        heading: `Tables (${totals.tables}, ≈${formatCount(totals.rows)} rows, ${formatBytes(totals.dataBytes)} data, ${formatBytes(totals.indexBytes)} indexes)`,
        blocks: [
          {
            kind: 'table',
            columns: TABLE_COLUMNS,
            rows: assessment.tables.map(tableRow),
            note: 'Row counts are InnoDB estimates from information_schema.',
          },
        ],
      },
      {
        heading: 'Views, triggers, routines and events',
        blocks: [
          {
            kind: 'table',
            columns: ['Object', 'Kind', 'Definer', 'Detail'],
            rows: assessment.programs.map((program) => [
              `${program.database}.${program.name}`,
              program.kind,
              program.definer,
              program.detail,
            ]),
          },
        ],
      },
    ],
  };
}

const SYMBOL: Record<Finding['severity'], string> = { blocker: '✗', warning: '!', info: 'i' };

const TERMINAL_STATEMENT_LIMIT = 5;

function statementLines(statements: readonly string[]): string[] {
  const shown = statements.slice(0, TERMINAL_STATEMENT_LIMIT).map((statement) => `        ${statement};`);
  const more = statements.length - shown.length;
  return more > 0 ? [...shown, `        … ${more} more in the report`] : shown;
}

export function findingLines(findings: readonly Finding[], options: { statements?: boolean } = {}): string[] {
  return findings.flatMap((finding) => [
    `  ${SYMBOL[finding.severity]} [${finding.id}] ${finding.message}`,
    `      fix: ${finding.fix}`,
    ...(finding.handledByRun ? [`      handled by migrate run: ${finding.handledByRun}`] : []),
    ...(options.statements === false ? [] : statementLines(finding.fixStatements)),
  ]);
}

function columns(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]?.map((_, index) => Math.max(...rows.map((row) => (row[index] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, index) =>
        rightAligned.has(index) ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

const TERMINAL_TABLE_LIMIT = 15;

/** The terminal summary: server facts, the largest tables, then blockers and warnings with their fixes. */
export function assessmentText(assessment: Assessment): string {
  const facts = serverFacts(assessment);
  const labelWidth = Math.max(...facts.map(([label]) => label.length));
  const { totals } = assessment;
  const shown = assessment.tables.slice(0, TERMINAL_TABLE_LIMIT);
  const lines = [
    `Migration assessment of ${assessment.databases.join(', ')}`,
    '',
    ...facts.map(([label, value]) => `  ${label.padEnd(labelWidth)}  ${value}`),
    '',
    `Tables: ${totals.tables}, ≈${formatCount(totals.rows)} rows, ${formatBytes(totals.dataBytes)} data + ${formatBytes(totals.indexBytes)} indexes`,
    ...columns([TABLE_COLUMNS, ...shown.map(tableRow)], new Set([2, 3, 4, 6])).map((line) => `  ${line}`),
    ...(assessment.tables.length > shown.length
      ? [`  … ${assessment.tables.length - shown.length} smaller tables in the report`]
      : []),
    '',
    `Blockers: ${assessment.blockers.length}`,
    ...findingLines(assessment.blockers),
    '',
    `Warnings: ${assessment.warnings.length}`,
    ...findingLines(assessment.warnings),
    ...(assessment.info.length > 0 ? ['', 'Notes:', ...findingLines(assessment.info)] : []),
  ];
  return `${lines.join('\n')}\n`;
}
