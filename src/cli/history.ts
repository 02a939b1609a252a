import type { CommandModule } from 'yargs';
import { loadConfig, type LoadedConfig } from '../config.ts';
import type { Severity } from '../engine/check.ts';
import { SEVERITIES } from '../engine/check.ts';
import { userError } from '../errors.ts';
import { countAtOrAbove, diffFindings } from '../history/diff.ts';
import { History, type FindingRecord, type RunRecord } from '../history/store.ts';
import { formatColumns, trendTable } from '../history/trend.ts';
import { historyExists, historyLocation } from '../pipeline/settings.ts';
import { configOption, historyOption } from './options.ts';
import { EXIT, ExitCode } from './exit-code.ts';

type HistoryArgs = { config?: string; history?: string };

/** Opens the history the flags and config name, runs `use` on it and closes it. */
export async function withHistory<T>(args: HistoryArgs, use: (history: History) => Promise<T>): Promise<T> {
  const loaded: LoadedConfig = await loadConfig(args.config);
  const location = historyLocation(loaded, args.history);
  if (!historyExists(location)) {
    throw userError(
      'NO_HISTORY',
      `no run history at ${location}`,
      'Run `wareview review` or `wareview evaluate` first.',
    );
  }
  const history = await History.open(location);
  try {
    return await use(history);
  } finally {
    await history.close();
  }
}

function formatRun(run: RunRecord): string {
  return `#${run.id}  ${run.evaluatedAt}  ${run.workload}  score ${run.score ?? '-'}  fail ${run.fail}  error ${run.error}  ${run.outDir}`;
}

const listCommand: CommandModule<object, HistoryArgs & { workload?: string; limit: number }> = {
  command: 'list',
  describe: 'List earlier runs, newest first',
  builder: (yargs) =>
    yargs
      .option('workload', { type: 'string', describe: 'Only runs of this workload' })
      .option('limit', { type: 'number', default: 20 })
      .options({ ...historyOption, ...configOption }) as never,
  handler: (args) =>
    withHistory(args, async (history) => {
      const runs = await history.listRuns({ workload: args.workload, limit: args.limit });
      console.log(runs.length > 0 ? runs.map(formatRun).join('\n') : 'no runs recorded');
    }),
};

type DiffArgs = HistoryArgs & { from?: number; to?: number; workload?: string; 'fail-on-new'?: Severity };

function formatFinding(prefix: string, finding: FindingRecord): string {
  return `  ${prefix} [${finding.severity}] ${finding.checkId}: ${finding.evidence}`;
}

const diffCommand: CommandModule<object, DiffArgs> = {
  command: 'diff',
  describe: 'Show new and resolved findings between two runs (default: the last two of the workload)',
  builder: (yargs) =>
    yargs
      .option('from', { type: 'number', describe: 'Earlier run id (see `history list`)' })
      .option('to', { type: 'number', describe: 'Later run id' })
      .option('workload', { type: 'string', describe: 'Workload whose last two runs to compare' })
      .option('fail-on-new', {
        choices: [...SEVERITIES],
        describe: 'Exit 1 when a new finding has this severity or higher',
      })
      .options({ ...historyOption, ...configOption }) as never,
  handler: (args) =>
    withHistory(args, async (history) => {
      const [to, from] = await pickRuns(history, args);
      const diff = diffFindings(await history.findings(from.id), await history.findings(to.id));
      console.log(`run #${from.id} (${from.evaluatedAt}) → run #${to.id} (${to.evaluatedAt})`);
      console.log(
        `  new ${diff.added.length}, resolved ${diff.resolved.length}, still open ${diff.persisting.length}`,
      );
      for (const finding of diff.added) console.log(formatFinding('+', finding));
      for (const finding of diff.resolved) console.log(formatFinding('-', finding));
      const threshold = args['fail-on-new'];
      if (threshold && countAtOrAbove(diff.added, threshold) > 0) ExitCode.set(EXIT.findings);
    }),
};

async function pickRuns(history: History, args: DiffArgs): Promise<[RunRecord, RunRecord]> {
  const byId = async (id: number) => {
    const run = await history.getRun(id);
    if (!run) throw userError('UNKNOWN_RUN', `no run #${id} in the history`, 'See `wareview history list`.');
    return run;
  };
  if (args.from !== undefined && args.to !== undefined) return [await byId(args.to), await byId(args.from)];
  const latest = await history.listRuns({ workload: args.workload, limit: 2 });
  const to = args.to !== undefined ? await byId(args.to) : latest[0];
  const from = args.from !== undefined ? await byId(args.from) : latest.find((run) => run.id !== to?.id);
  if (!to || !from) {
    throw userError(
      'NOT_ENOUGH_RUNS',
      'the history needs two runs to compare',
      'Run a review again, or give --from and --to.',
    );
  }
  return [to, from];
}

const trendCommand: CommandModule<object, HistoryArgs & { workload?: string; last: number }> = {
  command: 'trend',
  describe: 'Score and open findings per area over the last runs: "score (open)" per run, oldest first',
  builder: (yargs) =>
    yargs
      .option('workload', { type: 'string', describe: 'Only runs of this workload' })
      .option('last', { type: 'number', default: 8, describe: 'How many runs' })
      .options({ ...historyOption, ...configOption }) as never,
  handler: (args) =>
    withHistory(args, async (history) => {
      const runs = await history.listRuns({ workload: args.workload, limit: args.last });
      console.log(runs.length > 0 ? formatColumns(trendTable(runs)) : 'no runs recorded');
    }),
};

export const historyCommand: CommandModule = {
  command: 'history <command>',
  describe: 'Earlier runs and what changed between them',
  builder: (yargs) =>
    yargs.command(listCommand).command(diffCommand).command(trendCommand).demandCommand(1) as never,
  handler: () => {},
};
