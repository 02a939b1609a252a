import { basename, dirname, extname, join } from 'node:path';
import { renderHtml, renderMarkdown, type ReportDocument, type Section } from '../assess/document.ts';
import { writeReportFile } from '../assess/output.ts';
import { findingBadges, findingLines, formatBytes, formatCount } from '../assess/render.ts';
import { formatDuration } from '../assess/rules.ts';
import type { MigrationPlan } from '../plan-schema.ts';

const duration = (seconds: number | null): string => (seconds === null ? '—' : formatDuration(seconds));

function retentionText(plan: MigrationPlan): string {
  const kept = plan.retention.seconds === null ? 'never purged' : formatDuration(plan.retention.seconds);
  return `${kept} (${plan.retention.setting}); needed ${formatDuration(plan.retention.requiredSeconds)} — ${plan.retention.sufficient ? 'enough' : 'TOO SHORT'}`;
}

function summaryFacts(plan: MigrationPlan): (readonly [string, string])[] {
  const { estimates, measurements } = plan;
  return [
    ['Source', `${plan.source.url} (${plan.source.flavour} ${plan.source.version})`],
    [
      'Target',
      `${plan.target.url} (${plan.target.flavour} ${plan.target.version}, planned as ${plan.target.kind})`,
    ],
    ['Databases', plan.databases.join(', ')],
    [
      'Data',
      `${plan.tables.length} tables, ≈${formatCount(plan.tables.reduce((total, table) => total + table.rows, 0))} rows, ${formatBytes(plan.tables.reduce((total, table) => total + table.dataBytes, 0))}`,
    ],
    ['Threads / chunk', `${plan.threads} threads, ${formatCount(plan.chunkRows)} rows per chunk`],
    [
      'Measured',
      `read ${formatCount(measurements.dumpRowsPerSecond)} rows/s per thread, load ${formatCount(measurements.loadRowsPerSecond)} rows/s (${formatBytes(measurements.loadBytesPerSecond)}/s) on ${measurements.sampledTables.join(', ') || 'no table'}; source binlog ${formatBytes(measurements.sourceBinlogBytesPerSecond)}/s over ${formatDuration(measurements.observedSeconds)}`,
    ],
    [
      'Estimate',
      `dump ${duration(estimates.dumpSeconds)}, load ${duration(estimates.loadSeconds)}, index builds ${duration(estimates.indexSeconds)}, catch-up ${duration(estimates.catchUpSeconds)} — total ${duration(estimates.totalSeconds)}`,
    ],
    ['Binlog retention', retentionText(plan)],
    ...(plan.recommendations.loadInstanceClass
      ? [['Load instance class', plan.recommendations.loadInstanceClass] as const]
      : []),
  ];
}

export function runbookDocument(plan: MigrationPlan): ReportDocument {
  const stepSections: Section[] = plan.steps.map((step, index) => ({
    heading: `${index + 1}. ${step.title} (${step.by === 'wareview' ? 'wareview' : 'by hand'}${step.estimatedSeconds === null ? '' : `, ≈${formatDuration(step.estimatedSeconds)}`})`,
    blocks: [
      ...step.details.map((text) => ({ kind: 'paragraph' as const, text })),
      ...(step.commands.length > 0 ? [{ kind: 'code' as const, lines: step.commands }] : []),
    ],
  }));
  return {
    title: 'Migration runbook',
    subtitle: `${plan.source.url} → ${plan.target.url} · ${plan.createdAt}`,
    badges: [
      ...findingBadges(
        plan.blockers.length,
        plan.warnings.filter((finding) => finding.severity === 'warning').length,
      ),
      { label: `≈${formatDuration(plan.estimates.totalSeconds)} until caught up`, tone: 'neutral' },
    ],
    sections: [
      { heading: 'Summary', blocks: [{ kind: 'facts', items: summaryFacts(plan) }] },
      {
        heading: 'Recommendations',
        blocks: plan.recommendations.reasons.map((text) => ({ kind: 'paragraph' as const, text })),
      },
      {
        heading: 'Target settings for the load',
        blocks: [
          {
            kind: 'table',
            columns: ['Setting', 'Value', 'Where', 'Why', 'Afterwards'],
            rows: plan.targetSettings.map((setting) => [
              setting.name,
              setting.value,
              setting.sql ?? setting.scope,
              setting.why,
              setting.restore,
            ]),
          },
        ],
      },
      ...stepSections,
      {
        heading: 'Warnings',
        blocks: [{ kind: 'findings', findings: plan.warnings, empty: 'No warnings.' }],
      },
      {
        heading: 'Tables',
        blocks: [
          {
            kind: 'table',
            columns: ['Table', 'Engine', 'Rows (≈)', 'Data', 'Key', 'Chunk by', 'On the target'],
            rows: plan.tables.map((table) => [
              `${table.database}.${table.name}`,
              table.engine,
              formatCount(table.rows),
              formatBytes(table.dataBytes),
              table.primaryKey.join(', ') || table.uniqueKey.join(', ') || 'none',
              table.chunkColumn ?? 'whole table',
              table.conversion === 'none' ? 'as is' : 'created as InnoDB',
            ]),
          },
        ],
      },
    ],
  };
}

/** Terminal summary after `plan`. */
export function planText(plan: MigrationPlan, files: readonly string[]): string {
  const facts = summaryFacts(plan);
  const width = Math.max(...facts.map(([label]) => label.length));
  const warnings = plan.warnings.filter((finding) => finding.severity === 'warning');
  return [
    'Migration plan',
    '',
    ...facts.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    `Warnings: ${warnings.length}`,
    ...findingLines(warnings, { statements: false }),
    '',
    'Steps:',
    ...plan.steps.map(
      (step, index) =>
        `  ${index + 1}. ${step.title}${step.estimatedSeconds === null ? '' : ` (≈${formatDuration(step.estimatedSeconds)})`}${step.by === 'wareview' && step.commands[0] ? ` — ${step.commands[0]}` : ''}`,
    ),
    '',
    ...files.map((file) => `Wrote ${file}`),
    '',
  ].join('\n');
}

/** plan.json plus its runbook beside it: plan.runbook.md and plan.runbook.html. */
export function runbookPaths(planPath: string): { markdown: string; html: string } {
  const stem = join(dirname(planPath), basename(planPath, extname(planPath)));
  return { markdown: `${stem}.runbook.md`, html: `${stem}.runbook.html` };
}

/** Writes the three files, each atomically; the plan last, so a plan on disk always has its runbook. */
export async function writePlanFiles(plan: MigrationPlan, planPath: string): Promise<string[]> {
  const paths = runbookPaths(planPath);
  const document = runbookDocument(plan);
  await writeReportFile(paths.markdown, renderMarkdown(document));
  await writeReportFile(paths.html, renderHtml(document));
  await writeReportFile(planPath, `${JSON.stringify(plan, null, 2)}\n`);
  return [planPath, paths.markdown, paths.html];
}
