import { join } from 'node:path';
import type { WaToolSettings } from '../report/wa-tool-view.ts';
import type { Config } from '../config.ts';
import { severityRank, type Severity } from '../engine/check.ts';
import { evaluateChecks } from '../engine/evaluate.ts';
import type { LoadedCheck } from '../engine/loader.ts';
import type { ResultsDocument } from '../engine/results.ts';
import { writeResults } from '../engine/results-store.ts';
import type { WareviewError } from '../errors.ts';
import type { Inventory } from '../inventory/schema.ts';
import { writeInventory } from '../inventory/store.ts';
import { renderReports, type ReportFormat } from '../report/index.ts';
import { writeDirectoryAtomic } from '../util/fs-atomic.ts';
import { assertReplaceable, runDirectory } from './output-dir.ts';
import type { LoadedConfig } from '../config.ts';
import type { ReportArgs } from '../cli/options.ts';
import {
  historyLocation,
  previousResults,
  recordInHistory,
  reportSettings,
  reportsRoot,
} from './settings.ts';

export interface ReportSettings {
  formats: ReportFormat[];
  language?: 'en' | 'de';
  browserPath?: string;
  branding?: NonNullable<Config['output']>['branding'];
  /** Folder relative branding paths resolve against. */
  baseDir?: string;
  previous?: ResultsDocument;
  waTool?: WaToolSettings;
}

export interface RunOutcome {
  outDir: string;
  results: ResultsDocument;
  written: string[];
  failed: { format: string; error: WareviewError }[];
  /** Where the run was recorded, once it was. */
  history?: { location: string; runId: number };
}

/** Failing, unsuppressed results at or above the threshold: what `--fail-on` counts. */
export function failuresAtOrAbove(results: ResultsDocument, threshold: Severity): number {
  return results.results.filter(
    (result) =>
      result.status === 'fail' &&
      !result.suppressed &&
      severityRank(result.severity) >= severityRank(threshold),
  ).length;
}

/**
 * Evaluates a snapshot and writes the run folder: inventory.json.gz, results.json and the reports.
 * The folder appears only when the snapshot and results are written; a report format that fails
 * (no browser for the PDF) is returned in `failed` while the others are kept.
 * `afterReports` runs inside the staging folder (recording in the WA Tool saves its PDF there).
 */
export async function writeReviewRun(options: {
  inventory: Inventory;
  checks: LoadedCheck[];
  suppressions: NonNullable<Config['suppressions']>;
  outDir: string;
  report: ReportSettings;
  now?: Date;
  afterEvaluate?: (
    results: ResultsDocument,
    stagingDir: string,
  ) => Promise<ReportSettings['waTool'] | undefined>;
}): Promise<RunOutcome> {
  assertReplaceable(options.outDir);
  const results = evaluateChecks(options.checks, options.inventory, {
    suppressions: options.suppressions,
    now: options.now,
  });
  return writeDirectoryAtomic(options.outDir, async (staging) => {
    await writeInventory(join(staging, 'inventory.json.gz'), options.inventory);
    await writeResults(join(staging, 'results.json'), results);
    const waTool = (await options.afterEvaluate?.(results, staging)) ?? options.report.waTool;
    const rendered = await renderReports(results, { ...options.report, waTool, outDir: staging });
    return {
      outDir: options.outDir,
      results,
      written: rendered.written.map((path) => join(options.outDir, path.slice(staging.length + 1))),
      failed: rendered.failed,
    };
  });
}

/**
 * The shared tail of `review` and `evaluate`: evaluate the snapshot into a new run folder (compared with
 * the workload's previous run) and add the run to the history.
 */
export async function reviewInventory(options: {
  loaded: LoadedConfig;
  inventory: Inventory;
  checks: LoadedCheck[];
  args: ReportArgs;
  afterEvaluate?: Parameters<typeof writeReviewRun>[0]['afterEvaluate'];
}): Promise<RunOutcome> {
  const { loaded, inventory } = options;
  const now = new Date();
  const outDir = runDirectory({
    out: options.args.out,
    reportsDir: reportsRoot(loaded),
    workload: inventory.workload,
    at: now,
  });
  const history = historyLocation(loaded, options.args.history, outDir);
  const outcome = await writeReviewRun({
    inventory,
    checks: options.checks,
    suppressions: loaded.config.suppressions ?? [],
    outDir,
    report: {
      ...reportSettings(options.args, loaded),
      previous: await previousResults(history, inventory.workload),
    },
    now,
    afterEvaluate: options.afterEvaluate,
  });
  const runId = await recordInHistory(history, outcome.results, outcome.outDir);
  return runId === undefined ? outcome : { ...outcome, history: { location: history, runId } };
}
