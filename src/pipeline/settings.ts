import { resolve } from 'node:path';
import type { LoadedConfig } from '../config.ts';
import type { Severity } from '../engine/check.ts';
import { loadChecks, type LoadedCheck } from '../engine/loader.ts';
import { selectChecks } from '../engine/select.ts';
import { userError } from '../errors.ts';
import { DEFAULT_REVIEW_FORMATS, REPORT_FORMATS, type ReportFormat } from '../report/index.ts';
import { list, type ReportArgs, type SelectionArgs } from '../cli/options.ts';
import type { ReportSettings } from './review.ts';
import { readResults } from '../engine/results-store.ts';
import type { ResultsDocument } from '../engine/results.ts';
import { describeError } from '../errors.ts';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { History } from '../history/store.ts';
import { isPostgresUrl, redactedUrl } from '../history/postgres.ts';

/** Loads the built-in and user checks and applies the selection: flags override the config file. */
export async function selectedChecks(args: SelectionArgs, loaded: LoadedConfig): Promise<LoadedCheck[]> {
  const fromConfig = loaded.config.checks ?? {};
  const dirs = [
    ...(fromConfig.dirs ?? []).map((dir) => resolve(loaded.baseDir, dir)),
    ...(list(args['checks-dir']) ?? []),
  ];
  const checks = await loadChecks({ extraDirs: dirs });
  const selected = selectChecks(checks, {
    ids: list(args.checks) ?? fromConfig.ids,
    areas: list(args.area) ?? fromConfig.areas,
    pillars: list(args.pillar) ?? fromConfig.pillars,
    severities: list(args.severity) ?? fromConfig.severities,
  });
  if (selected.length === 0) {
    throw userError(
      'NO_CHECKS_SELECTED',
      'the selection matches no check',
      'Widen --checks/--area/--pillar/--severity.',
    );
  }
  return selected;
}

export function reportSettings(args: ReportArgs, loaded: LoadedConfig): ReportSettings {
  const output = loaded.config.output ?? {};
  const requested = list(args.format) ?? output.formats ?? [...DEFAULT_REVIEW_FORMATS];
  const unknown = requested.filter((format) => !(REPORT_FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0) {
    throw userError(
      'UNKNOWN_FORMAT',
      `unknown report format: ${unknown.join(', ')}`,
      `Choose from ${REPORT_FORMATS.join(', ')}.`,
    );
  }
  return {
    formats: requested as ReportFormat[],
    language: args.language ?? output.language,
    browserPath: args['browser-path'] ?? output.browserPath,
    branding: output.branding,
    baseDir: loaded.baseDir,
  };
}

/** When a finished run exits 1: a failing finding at or above `severity`, or (with `gaps`) any error result. */
export interface FailOn {
  severity: Severity | undefined;
  gaps: boolean;
}

export function failOnPolicy(args: ReportArgs, loaded: LoadedConfig): FailOn {
  return {
    severity: (args['fail-on'] as Severity | undefined) ?? loaded.config.output?.failOn,
    gaps: args['fail-on-gaps'] ?? loaded.config.output?.failOnGaps ?? false,
  };
}

export function reportsRoot(loaded: LoadedConfig): string {
  return resolve(loaded.baseDir, loaded.config.output?.dir ?? 'reports');
}

/** The default history: `history.sqlite` beside the run folders (in the folder that holds `--out`, else `output.dir`). */
export function historyPath(loaded: LoadedConfig, outDir?: string): string {
  return join(outDir ? dirname(outDir) : reportsRoot(loaded), 'history.sqlite');
}

/**
 * The history a run uses: `--history`, else the config's `history` (a SQLite file relative to the config, or
 * a postgres:// URL), else the SQLite file beside the run folders.
 */
export function historyLocation(loaded: LoadedConfig, flag?: string, outDir?: string): string {
  if (flag) return isPostgresUrl(flag) ? flag : resolve(flag);
  const configured = loaded.config.history;
  if (configured) return isPostgresUrl(configured) ? configured : resolve(loaded.baseDir, configured);
  return historyPath(loaded, outDir);
}

/** Whether there is a history to read yet (a PostgreSQL history is created on first use). */
export function historyExists(location: string): boolean {
  return isPostgresUrl(location) || existsSync(location);
}

/** The newest earlier run of the workload, for "what changed"; an unreadable one is skipped with a warning. */
export async function previousResults(
  location: string,
  workload: string,
): Promise<ResultsDocument | undefined> {
  if (!historyExists(location)) return undefined;
  let history: History | undefined;
  try {
    history = await History.open(location);
    const previous = (await history.listRuns({ workload })).find((run) =>
      existsSync(join(run.outDir, 'results.json')),
    );
    return previous ? await readResults(join(previous.outDir, 'results.json')) : undefined;
  } catch (error) {
    console.warn(`warning: previous run not compared: ${describeError(error)}`);
    return undefined;
  } finally {
    await history?.close();
  }
}

/**
 * Adds a finished run to the history; returns its id there. The run folder is already complete, so a
 * history that cannot be opened (a folder the user may not write, a database that is down) is a warning,
 * not a failed run.
 */
export async function recordInHistory(
  location: string,
  results: ResultsDocument,
  outDir: string,
): Promise<number | undefined> {
  let history: History;
  try {
    history = await History.open(location);
  } catch (error) {
    console.warn(
      `warning: run not added to the history ${isPostgresUrl(location) ? redactedUrl(location) : location}: ${describeError(error)}`,
    );
    return undefined;
  }
  try {
    return await history.recordRun(results, outDir);
  } finally {
    await history.close();
  }
}
