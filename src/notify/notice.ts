import { diffFindings } from '../history/diff.ts';
import { History } from '../history/store.ts';
import { isOpen } from '../history/diff.ts';
import type { RunOutcome } from '../pipeline/review.ts';
import type { RunNotice } from './message.ts';

/** The notice of a recorded run: its counts, and what changed since the workload's previous run in the history. */
export async function noticeFor(
  outcome: Pick<RunOutcome, 'results' | 'outDir' | 'history'>,
  exitCode: number,
  reportLocation: string,
): Promise<RunNotice> {
  const { results } = outcome;
  const notice: RunNotice = {
    workload: results.workload,
    score: results.summary.total.score,
    open: results.results.filter(isOpen).length,
    fail: results.summary.total.fail,
    error: results.summary.total.error,
    exitCode,
    reportLocation,
    added: [],
    resolved: [],
    compared: false,
  };
  if (!outcome.history) return notice;
  const history = await History.open(outcome.history.location);
  try {
    const runId = outcome.history.runId;
    const previous = (await history.listRuns({ workload: results.workload, limit: 2 })).find(
      (run) => run.id !== runId,
    );
    if (!previous) return notice;
    const diff = diffFindings(await history.findings(previous.id), await history.findings(runId));
    return { ...notice, added: diff.added, resolved: diff.resolved, compared: true };
  } finally {
    await history.close();
  }
}
