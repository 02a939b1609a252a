import type { Severity } from '../engine/check.ts';
import { failuresAtOrAbove, type RunOutcome } from '../pipeline/review.ts';
import { formatRunSummary } from '../pipeline/summary.ts';
import { EXIT, ExitCode } from './exit-code.ts';

/** Prints the run summary and the files, and sets the exit code: 2 if a format failed, 1 over --fail-on. */
export function finishRun(
  outcome: Pick<RunOutcome, 'results' | 'written' | 'failed'>,
  failOn: Severity | undefined,
): void {
  console.log(formatRunSummary(outcome.results));
  for (const path of outcome.written) console.log(`  wrote ${path}`);
  for (const { format, error } of outcome.failed) {
    console.error(`wareview: ${format} report not written: ${error.message}`);
    if (error.hint) console.error(`  → ${error.hint}`);
  }
  if (outcome.failed.length > 0) ExitCode.set(EXIT.usage);
  else if (failOn) {
    const count = failuresAtOrAbove(outcome.results, failOn);
    if (count > 0) {
      console.error(`wareview: ${count} failing finding(s) at or above ${failOn} (--fail-on)`);
      ExitCode.set(EXIT.findings);
    }
  }
}
