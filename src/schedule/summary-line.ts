import { isOpen } from '../history/diff.ts';
import type { RunOutcome } from '../pipeline/review.ts';

/**
 * The one line a scheduler, CI job or log pipeline reads after an unattended run: JSON, last on stdout,
 * printed when stdout is not a terminal.
 */
export function summaryLine(
  outcome: Pick<RunOutcome, 'results' | 'outDir' | 'failed' | 'history'>,
  exitCode: number,
  extra: Record<string, unknown> = {},
): string {
  const { results } = outcome;
  const { total } = results.summary;
  return JSON.stringify({
    wareview: 'run',
    workload: results.workload,
    evaluatedAt: results.evaluatedAt,
    score: total.score,
    pass: total.pass,
    fail: total.fail,
    error: total.error,
    open: results.results.filter(isOpen).length,
    coverageGaps: results.inventory.coverage.length,
    outDir: outcome.outDir,
    historyRun: outcome.history?.runId ?? null,
    reportsFailed: outcome.failed.map((failure) => failure.format),
    exitCode,
    ...extra,
  });
}
