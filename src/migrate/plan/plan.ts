import { userError } from '../../errors.ts';
import {
  gatherSourceFacts,
  gatherTargetFacts,
  type SourceFacts,
  type TargetFacts,
} from '../assess/assessment.ts';
import { existingTables, type TableFacts } from '../assess/inspect.ts';
import { evaluateRules, formatDuration, targetKindFindings } from '../assess/rules.ts';
import { withConnection } from '../connection.ts';
import { formatStatement, targetLoadSettings } from '../dialect.ts';
import {
  type Finding,
  type MigrationPlan,
  PLAN_SCHEMA_VERSION,
  type PlanTable,
  planSchema,
  type PlanTargetSetting,
} from '../plan-schema.ts';
import type { ServerUrl } from '../source-url.ts';
import {
  checkRetention,
  describeEstimates,
  estimateDurations,
  recommendChunkRows,
  recommendLoadInstanceClass,
  recommendThreads,
} from './estimate.ts';
import { probeThroughput, type ProbeResult } from './probe.ts';
import { planSteps } from './steps.ts';

export interface PlanOptions {
  readonly source: ServerUrl;
  readonly target: ServerUrl;
  readonly targetKind: 'aurora' | 'mysql';
  /** Fixed thread count; default: the smallest measured count that loads fastest. */
  readonly threads?: number;
  readonly chunkRows?: number;
  /** File name the runbook refers to (`wareview migrate run --plan <planFile>`). */
  readonly planFile: string;
  readonly sampleTables?: number;
  readonly sampleRows?: number;
  readonly observeSeconds?: number;
  readonly log?: (line: string) => void;
  readonly now?: () => Date;
}

/** Thread counts the probe measures: 1, 2 and 4, plus the one asked for. */
const PROBE_THREADS = [1, 2, 4];

const CONVERTIBLE = 'engine-to-innodb';

function planTable(table: TableFacts, findings: readonly Finding[]): PlanTable {
  const id = `${table.database}.${table.name}`;
  return {
    database: table.database,
    name: table.name,
    engine: table.engine,
    rows: table.rows,
    dataBytes: table.dataBytes,
    indexBytes: table.indexBytes,
    primaryKey: [...table.primaryKey],
    uniqueKey: [...(table.uniqueKeys[0] ?? [])],
    chunkColumn: table.chunkColumn,
    secondaryIndexes: table.secondaryIndexes,
    foreignKeys: table.foreignKeys,
    conversion: table.engine.toLowerCase() === 'innodb' ? 'none' : CONVERTIBLE,
    notes: findings.filter((finding) => finding.objects.includes(id)).map((finding) => finding.id),
  };
}

/** Blockers `migrate run` handles by itself become warnings that say how. */
function demoteHandled(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) =>
    finding.severity === 'blocker' && finding.handledByRun
      ? { ...finding, severity: 'warning' as const }
      : finding,
  );
}

function compatibilityFindings(
  source: SourceFacts,
  target: TargetFacts,
  targetKind: 'aurora' | 'mysql',
  tablesOnTarget: readonly string[],
): Finding[] {
  const findings = demoteHandled([
    ...targetKindFindings(targetKind, target.server.info),
    ...evaluateRules({
      source: source.server,
      schema: source.schema,
      targetKind,
      targetAccounts: target.accounts,
    }),
  ]);
  if (source.server.serverId === target.server.serverId) {
    findings.unshift({
      id: 'same-server-id',
      severity: 'blocker',
      objects: ['server'],
      message: `Source and target both have server_id ${source.server.serverId}; a replica ignores events carrying its own id.`,
      fix: 'Give the target another server_id (parameter group on Aurora/RDS, server configuration otherwise).',
      fixStatements: [`SET GLOBAL server_id = ${source.server.serverId + 1}`],
    });
  }
  if (tablesOnTarget.length > 0) {
    findings.unshift({
      id: 'target-not-empty',
      severity: 'blocker',
      objects: [...tablesOnTarget],
      message: `The target already has ${tablesOnTarget.length} table(s) in ${source.databases.join(', ')}: ${tablesOnTarget.slice(0, 8).join(', ')}${tablesOnTarget.length > 8 ? ' …' : ''}. Loading into them would mix old and new rows.`,
      fix: 'Point the plan at an empty target, or drop those databases on the target after making sure nothing there is needed.',
      fixStatements: source.databases.map((database) => `DROP DATABASE \`${database}\``),
    });
  }
  return findings;
}

/** Stops `plan` with every blocker and its fix (exit 2). */
function refuse(blockers: readonly Finding[]): never {
  const lines = blockers.flatMap((blocker) => [
    `  ✗ [${blocker.id}] ${blocker.message}`,
    `      fix: ${blocker.fix}`,
    ...blocker.fixStatements.map((statement) => `        ${statement};`),
  ]);
  throw userError(
    'MIGRATE_PLAN_BLOCKED',
    `The migration cannot be planned: ${blockers.length} blocker${blockers.length === 1 ? '' : 's'}.\n${lines.join('\n')}`,
    'Apply the fixes above on the servers, then run `wareview migrate plan` again.',
  );
}

function settingsForPlan(targetFacts: TargetFacts): PlanTargetSetting[] {
  return targetLoadSettings(targetFacts.server.dialect).map((setting) => ({
    name: setting.name,
    value: setting.value,
    scope: setting.scope,
    sql: setting.statement ? formatStatement(setting.statement) : null,
    why: setting.why,
    restore: setting.restore,
  }));
}

function timingFindings(
  estimates: ReturnType<typeof estimateDurations>,
  retention: ReturnType<typeof checkRetention>,
  probe: ProbeResult,
): Finding[] {
  const findings: Finding[] = [];
  if (!estimates.canCatchUp) {
    findings.push({
      id: 'cannot-catch-up',
      severity: 'blocker',
      objects: ['server'],
      message: `The source writes ${Math.round(probe.sourceBinlogBytesPerSecond).toLocaleString('en-US')} bytes/s of binary log, more than the target applied on one thread in the probe: the replica would never catch up.`,
      fix: 'Plan the migration for a quieter period, or give the target more CPU (a larger instance class) and plan again.',
      fixStatements: [],
    });
  }
  if (!retention.sufficient) {
    findings.push({
      id: 'binlog-retention-too-short',
      severity: 'blocker',
      objects: ['server'],
      message:
        `The source keeps binary logs for ${retention.seconds === null ? 'an unknown time' : formatDuration(retention.seconds)} (${retention.setting}), ` +
        `but dump, load and catch-up need ${formatDuration(retention.requiredSeconds)} (${describeEstimates(estimates)}, ×${estimates.safetyFactor} plus 1 h): ` +
        'the binlogs the replica starts from would be purged before it reads them.',
      fix: `Keep binary logs for at least ${formatDuration(Math.ceil(retention.requiredSeconds / 3600) * 3600)} on the source, then plan again.`,
      fixStatements: retention.fixStatements,
    });
  }
  for (const problem of probe.problems) {
    findings.push({
      id: 'target-refuses-table',
      severity: 'blocker',
      objects: [problem.split(':')[0] ?? 'table'],
      message: problem,
      fix: 'Change the table definition on the source so the target accepts it (see the error), then plan again.',
      fixStatements: [],
    });
  }
  return findings;
}

/** Measures, estimates and builds the plan; refuses (exit 2) when a blocker stands. */
export async function buildPlan(options: PlanOptions): Promise<MigrationPlan> {
  const log = options.log ?? (() => undefined);
  log('Reading the source and the target …');
  const [source, target] = await Promise.all([
    gatherSourceFacts(options.source),
    gatherTargetFacts(options.target),
  ]);
  const tablesOnTarget = await withConnection(options.target, 'target', (connection) =>
    existingTables(connection, source.databases),
  );
  const findings = compatibilityFindings(source, target, options.targetKind, tablesOnTarget);
  const compatibilityBlockers = findings.filter((finding) => finding.severity === 'blocker');
  if (compatibilityBlockers.length > 0) refuse(compatibilityBlockers);

  log('Measuring throughput on a sample of the largest tables …');
  const threadCounts = [...new Set([...PROBE_THREADS, ...(options.threads ? [options.threads] : [])])].sort(
    (a, b) => a - b,
  );
  const probe = await probeThroughput({
    source: options.source,
    target: options.target,
    sourceDialect: source.server.dialect,
    targetDialect: target.server.dialect,
    tables: source.schema.tables,
    columns: source.schema.columns,
    sampleTables: options.sampleTables ?? 3,
    sampleRows: options.sampleRows ?? 20_000,
    threadCounts,
    observeSeconds: options.observeSeconds ?? 10,
    log,
  });
  const recommendedThreads = recommendThreads(probe.loads);
  const threads = options.threads ?? recommendedThreads;
  const recommendedChunkRows = recommendChunkRows(source.schema.tables);
  const chunkRows = options.chunkRows ?? recommendedChunkRows;
  const estimates = estimateDurations(source.schema.tables, probe, threads);
  const retention = checkRetention(source.server.retention, estimates, source.server);
  const timing = timingFindings(estimates, retention, probe);
  const blockers = timing.filter((finding) => finding.severity === 'blocker');
  if (blockers.length > 0) refuse(blockers);

  const warnings = findings.filter((finding) => finding.severity !== 'blocker');
  const targetSettings = settingsForPlan(target);
  const loadInstanceClass = options.targetKind === 'aurora' ? recommendLoadInstanceClass(threads) : null;
  const best = probe.loads.find((load) => load.threads === recommendedThreads);
  const plan: MigrationPlan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    source: {
      url: options.source.redacted,
      flavour: source.server.info.flavour,
      version: source.server.info.version,
      dialect: source.server.dialect,
      serverId: source.server.serverId,
      binlog: {
        enabled: source.server.logBin,
        format: source.server.binlogFormat,
        rowImage: source.server.binlogRowImage,
        gtidMode: source.server.gtidMode,
      },
    },
    target: {
      url: options.target.redacted,
      flavour: target.server.info.flavour,
      version: target.server.info.version,
      dialect: target.server.dialect,
      serverId: target.server.serverId,
      kind: options.targetKind,
    },
    databases: [...source.databases],
    tables: source.schema.tables.map((table) => planTable(table, findings)),
    threads,
    chunkRows,
    measurements: {
      sampledTables: [...probe.sampledTables],
      sampleRows: probe.sampleRows,
      sampleBytes: probe.sampleBytes,
      dumpRowsPerSecond: Math.max(probe.dumpRowsPerSecond, 1e-6),
      loadRowsPerSecond: Math.max(best?.rowsPerSecond ?? 1e-6, 1e-6),
      dumpBytesPerSecond: Math.max(probe.dumpBytesPerSecond, 1e-6),
      loadBytesPerSecond: Math.max(best?.bytesPerSecond ?? 1e-6, 1e-6),
      sourceBinlogBytesPerSecond: probe.sourceBinlogBytesPerSecond,
      observedSeconds: probe.observedSeconds,
    },
    estimates: {
      threads: estimates.threads,
      dumpSeconds: estimates.dumpSeconds,
      loadSeconds: estimates.loadSeconds,
      indexSeconds: estimates.indexSeconds,
      catchUpSeconds: estimates.catchUpSeconds,
      totalSeconds: estimates.totalSeconds,
      safetyFactor: estimates.safetyFactor,
    },
    retention,
    blockers: [],
    warnings,
    recommendations: {
      threads: recommendedThreads,
      chunkRows: recommendedChunkRows,
      loadInstanceClass,
      steadyInstanceClass: null,
      reasons: [
        `Measured load rates on the target: ${probe.loads
          .map(
            (load) =>
              `${load.threads} thread${load.threads === 1 ? '' : 's'} ${Math.round(load.rowsPerSecond).toLocaleString('en-US')} rows/s`,
          )
          .join(
            ', ',
          )} (median of ${best?.runs.length ?? 0} interleaved runs); ${recommendedThreads} is the smallest count that no larger one beats by 10% in every run.`,
        `Chunks of ${recommendedChunkRows.toLocaleString('en-US')} rows are about 64 MiB of the largest table.`,
        probe.indexSecondsPerByte === null
          ? 'Secondary indexes are built after the data (no sampled table had one, so their time is estimated).'
          : `Secondary indexes are built after the data, sorted in one pass per table: ${formatDuration(probe.indexSecondsPerByte * 1024 ** 3)} per GiB of table data on the target.`,
        ...(loadInstanceClass
          ? [
              `${loadInstanceClass} for the load: applying rows is CPU-bound on the target (dumping was ~9× faster than loading), about 2 vCPUs per load thread. Scale back after catch-up to the class sized for production.`,
            ]
          : []),
      ],
    },
    targetSettings,
    steps: planSteps({
      planFile: options.planFile,
      source: options.source,
      targetDialect: target.server.dialect,
      targetKind: options.targetKind,
      threads,
      chunkRows,
      estimates,
      warnings,
      targetSettings,
      loadInstanceClass,
      requiredRetentionSeconds: retention.requiredSeconds,
    }),
  };
  return planSchema.parse(plan);
}
