import cliProgress from 'cli-progress';
import type { CoverageGap } from '../inventory/schema.ts';
import type { CollectSummary, ProgressEvent, ProgressSink } from './progress.ts';

/** How progress is shown: a live bar on a terminal, log lines in a pipe or CI, JSON lines, or nothing. */
export type ProgressMode = 'live' | 'lines' | 'json' | 'quiet';

export interface ProgressDisplay {
  sink: ProgressSink;
  stop(): void;
}

/** Live on an interactive terminal outside CI, plain lines otherwise; flags win. */
export function chooseProgressMode(
  flags: { quiet?: boolean; jsonLog?: boolean },
  stream: NodeJS.WriteStream = process.stderr,
): ProgressMode {
  if (flags.quiet) return 'quiet';
  if (flags.jsonLog) return 'json';
  return stream.isTTY && !process.env.CI ? 'live' : 'lines';
}

/** Running totals every display shows. */
class Tally {
  accounts = 0;
  accountsDone = 0;
  regions = 0;
  tasks = 0;
  tasksDone = 0;
  calls = 0;
  retries = 0;
  gaps = 0;

  apply(event: ProgressEvent): void {
    if (event.type === 'scope') {
      this.accounts = event.accounts;
      this.regions = event.regions.length;
      this.tasks = event.tasks;
    } else if (event.type === 'call') {
      if (event.call.attempt === 1) this.calls += 1;
      else this.retries += 1;
    } else if (event.type === 'task-done') this.tasksDone += 1;
    else if (event.type === 'account-done') this.accountsDone += 1;
    else if (event.type === 'gap') this.gaps += 1;
  }
}

export function describeGap(gap: CoverageGap): string {
  const where = gap.region === '*' ? 'all regions' : gap.region;
  const operation = gap.operation ? ` [${gap.operation}]` : '';
  return `could not read ${gap.part === '*' ? 'anything' : gap.part} in ${gap.accountId} (${where}): ${gap.reason}${operation}: ${gap.message}`;
}

export function describeSummary(summary: CollectSummary): string {
  return (
    `${summary.resources} resources from ${summary.accounts} account(s) × ${summary.regions} region(s) in ` +
    `${(summary.elapsedMs / 1000).toFixed(1)} s: ${summary.calls} API calls, ${summary.retries} retries, ` +
    `${summary.gaps} coverage gap(s)`
  );
}

export function createProgressDisplay(
  mode: ProgressMode,
  stream: NodeJS.WritableStream = process.stderr,
): ProgressDisplay {
  const tally = new Tally();
  const write = (line: string) => stream.write(`${line}\n`);
  switch (mode) {
    case 'quiet':
      return { sink: () => {}, stop: () => {} };
    case 'json':
      return {
        // Calls are counted into the other events rather than logged one by one.
        sink: (event) => {
          tally.apply(event);
          if (event.type === 'call') return;
          write(
            JSON.stringify({
              time: new Date().toISOString(),
              ...event,
              calls: tally.calls,
              retries: tally.retries,
            }),
          );
        },
        stop: () => {},
      };
    case 'lines':
      return linesDisplay(tally, write);
    case 'live':
      return liveDisplay(tally, stream);
  }
}

function linesDisplay(tally: Tally, write: (line: string) => void): ProgressDisplay {
  let lastDecile = 0;
  return {
    sink: (event) => {
      tally.apply(event);
      if (event.type === 'scope') {
        write(
          `collect: ${event.accounts} account(s) × ${event.regions.length} region(s) (${event.regions.join(', ')}), ${event.tasks} parts to read`,
        );
      } else if (event.type === 'gap') write(`collect: gap: ${describeGap(event.gap)}`);
      else if (event.type === 'account-done') {
        write(`collect: account ${event.accountId} done (${tally.accountsDone}/${tally.accounts})`);
      } else if (event.type === 'task-done' && tally.tasks > 0) {
        const decile = Math.floor((10 * tally.tasksDone) / tally.tasks);
        if (decile > lastDecile && decile < 10) {
          lastDecile = decile;
          write(
            `collect: ${decile * 10}% (${tally.tasksDone}/${tally.tasks} parts, ${tally.calls} calls, ${tally.retries} retries)`,
          );
        }
      } else if (event.type === 'done') write(`collect: done: ${describeSummary(event.summary)}`);
    },
    stop: () => {},
  };
}

function liveDisplay(tally: Tally, stream: NodeJS.WritableStream): ProgressDisplay {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        'collect |{bar}| {percentage}% | parts {value}/{total} | accounts {accountsDone}/{accounts} × {regions} regions | calls {calls} retries {retries} gaps {gaps} | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const values = () => ({
    accountsDone: tally.accountsDone,
    accounts: tally.accounts,
    regions: tally.regions,
    calls: tally.calls,
    retries: tally.retries,
    gaps: tally.gaps,
  });
  let started = false;
  return {
    sink: (event) => {
      tally.apply(event);
      if (event.type === 'scope') {
        bar.start(event.tasks, 0, values());
        started = true;
      } else if (started && event.type !== 'call') bar.update(tally.tasksDone, values());
    },
    stop: () => {
      if (started) {
        bar.update(tally.tasksDone, values());
        bar.stop();
      }
    },
  };
}
