import { join } from 'node:path';
import type { LoadedConfig } from '../config.ts';
import { describeError, isWareviewError } from '../errors.ts';
import type { ResultsDocument } from '../engine/results.ts';
import { recordOptionsFromArgs, type RecordingArgs } from '../cli/record-options.ts';
import { EXIT, ExitCode } from '../cli/exit-code.ts';
import { recordResults } from '../watool/record.ts';
import { WELL_ARCHITECTED_ALIAS } from '../watool/record-lens.ts';
import type { ReportSettings } from './review.ts';

/**
 * The `--record` step of `review`. Recording runs once the results exist, but a failure in the WA Tool
 * never costs the run: the snapshot, results and reports are written anyway, and the failure is reported
 * afterwards with its own exit code and the command that finishes the job.
 */
export function recordingStep(args: RecordingArgs, loaded: LoadedConfig, workload: string) {
  let failure: unknown;
  return {
    afterEvaluate: async (
      results: ResultsDocument,
      stagingDir: string,
    ): Promise<ReportSettings['waTool'] | undefined> => {
      try {
        const summary = await recordResults(
          results,
          recordOptionsFromArgs(args, loaded, stagingDir, workload),
        );
        return {
          workloadId: summary.workload.id,
          riskCounts: summary.lenses.find((lens) => lens.alias === WELL_ARCHITECTED_ALIAS)?.riskCounts as
            Record<string, number> | undefined,
          lenses: summary.lenses.flatMap((lens) =>
            lens.riskCounts
              ? [{ alias: lens.alias, riskCounts: lens.riskCounts as Record<string, number> }]
              : [],
          ),
        };
      } catch (error) {
        failure = error;
        return undefined;
      }
    },
    /** After the run folder is in place: says what failed and how to finish, and sets exit code 5. */
    reportFailure(outDir: string): void {
      if (failure === undefined) return;
      if (!isWareviewError(failure) || failure.source === 'tool') throw failure;
      const resultsPath = join(outDir, 'results.json');
      console.error(`wareview: recording in the WA Tool failed: ${describeError(failure)}`);
      if (failure.hint) console.error(`  → ${failure.hint}`);
      console.error(
        `  → The snapshot, results and reports are written to ${outDir}; \`wareview record --results ${resultsPath}\` finishes the recording.`,
      );
      ExitCode.set(EXIT.recording);
    },
  };
}
