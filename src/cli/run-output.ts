import { failuresAtOrAbove, type RunOutcome } from '../pipeline/review.ts';
import type { FailOn } from '../pipeline/settings.ts';
import { formatRunSummary } from '../pipeline/summary.ts';
import { EXIT, ExitCode } from './exit-code.ts';

/**
 * Prints the run summary and the files, and sets the exit code: 2 if a format failed, 1 over --fail-on
 * or, with --fail-on-gaps, when a check could not be evaluated.
 */
export function finishRun(outcome: Pick<RunOutcome, 'results' | 'written' | 'failed'>, failOn: FailOn): void {
  console.log(formatRunSummary(outcome.results));
  for (const path of outcome.written) console.log(`  wrote ${path}`);
  for (const { format, error } of outcome.failed) {
    console.error(`wareview: ${format} report not written: ${error.message}`);
    if (error.hint) console.error(`  → ${error.hint}`);
  }
  if (outcome.failed.length > 0) {
    ExitCode.set(EXIT.usage);
    return;
  }
  const failing = failOn.severity ? failuresAtOrAbove(outcome.results, failOn.severity) : 0;
  if (failing > 0) {
    console.error(`wareview: ${failing} failing finding(s) at or above ${failOn.severity} (--fail-on)`);
    ExitCode.set(EXIT.findings);
  }
  const errors = outcome.results.results.filter((result) => result.status === 'error').length;
  if (failOn.gaps && errors > 0) {
    console.error(
      `wareview: ${errors} result(s) could not be evaluated (error; see the coverage gaps) (--fail-on-gaps)`,
    );
    ExitCode.set(EXIT.findings);
  }
}
