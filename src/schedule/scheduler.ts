import { Cron } from 'croner';
import { userError } from '../errors.ts';

export interface ScheduledRun {
  number: number;
  startedAt: Date;
  exitCode: number;
  durationMs: number;
}

export interface ScheduleOptions {
  /** Cron pattern (five fields, or six with seconds first), in `timezone` or the machine's zone. */
  cron: string;
  timezone?: string;
  /** Stop after this many runs (default: run until stopped). */
  maxRuns?: number;
  /** One run; resolves to its exit code. A rejected run counts as failed, and the schedule goes on. */
  run: (number: number) => Promise<number>;
  log: (line: string) => void;
  /** Aborting stops the schedule: at once between runs, after the current run otherwise. */
  signal: AbortSignal;
}

export function parseCron(pattern: string, timezone?: string): Cron {
  try {
    return new Cron(pattern, { paused: true, timezone });
  } catch (error) {
    throw userError(
      'BAD_CRON',
      `--cron "${pattern}": ${error instanceof Error ? error.message : String(error)}`,
      'Give five fields (minute hour day-of-month month day-of-week), e.g. "0 6 * * 1-5" for 06:00 on weekdays.',
    );
  }
}

/**
 * Starts a run at every tick of the cron pattern, never two at once: a tick that comes while a run is
 * still going is skipped (and logged). A failed run is logged and the schedule goes on.
 */
export function runSchedule(options: ScheduleOptions): Promise<ScheduledRun[]> {
  const runs: ScheduledRun[] = [];
  const stamp = () => new Date().toISOString();
  return new Promise((resolve) => {
    let current: Promise<void> | undefined;
    let stopping = false;
    const finish = () => {
      job.stop();
      options.signal.removeEventListener('abort', stop);
      options.log(`schedule: ${stamp()} stopped after ${runs.length} run(s)`);
      resolve(runs);
    };
    const stop = () => {
      if (stopping) return;
      stopping = true;
      job.stop();
      if (current) options.log(`schedule: ${stamp()} stopping after the current run`);
      else finish();
    };
    const announceNext = () => {
      const next = job.nextRun();
      if (next && !stopping) options.log(`schedule: next run at ${next.toISOString()}`);
    };
    const tick = () => {
      if (stopping) return;
      if (current) {
        options.log(`schedule: ${stamp()} tick skipped: run ${runs.length + 1} is still going`);
        return;
      }
      const number = runs.length + 1;
      const startedAt = new Date();
      options.log(`schedule: ${startedAt.toISOString()} run ${number} started`);
      current = options
        .run(number)
        .catch((error: unknown) => {
          options.log(`schedule: run ${number}: ${error instanceof Error ? error.message : String(error)}`);
          return -1;
        })
        .then((exitCode) => {
          const durationMs = Date.now() - startedAt.getTime();
          runs.push({ number, startedAt, exitCode, durationMs });
          options.log(
            `schedule: ${stamp()} run ${number} ${exitCode === 0 ? 'finished' : 'failed'}: exit ${exitCode} after ${(durationMs / 1000).toFixed(1)} s`,
          );
          current = undefined;
          if (options.maxRuns !== undefined && runs.length >= options.maxRuns) stopping = true;
          if (stopping) finish();
          else announceNext();
        });
    };
    const job = new Cron(options.cron, { timezone: options.timezone, paused: true }, tick);
    options.signal.addEventListener('abort', stop);
    if (options.signal.aborted) return stop();
    job.resume();
    announceNext();
  });
}
