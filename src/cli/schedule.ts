import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadConfig } from '../config.ts';
import { userError } from '../errors.ts';
import { isPostgresUrl } from '../history/postgres.ts';
import { historyLocation, reportsRoot } from '../pipeline/settings.ts';
import { flagValue, runWareview } from '../schedule/child-run.ts';
import { acquireLock } from '../schedule/lock.ts';
import { parseCron, runSchedule } from '../schedule/scheduler.ts';
import { EXIT, ExitCode } from './exit-code.ts';
import { leaveSignalsToCommand } from '../util/interrupt.ts';

type Args = { cron: string; timezone?: string; 'max-runs'?: number; '--'?: (string | number)[] };

const SCHEDULED_COMMANDS = ['review', 'evaluate', 'collect'];

/** The lock beside the history the runs write: a second scheduler on the same history refuses to start. */
async function lockPathFor(command: readonly string[]): Promise<string> {
  const loaded = await loadConfig(flagValue(command, 'config'));
  const location = historyLocation(loaded, flagValue(command, 'history'));
  return isPostgresUrl(location) ? join(reportsRoot(loaded), '.history.lock') : `${location}.lock`;
}

export const scheduleCommand: CommandModule<object, Args> = {
  command: 'schedule',
  describe: 'Run a wareview command on a cron schedule until stopped, one run at a time',
  builder: (yargs) =>
    yargs
      .parserConfiguration({ 'populate--': true })
      .option('cron', {
        type: 'string',
        demandOption: true,
        describe: 'When to run: cron fields "minute hour day month weekday" (e.g. "0 6 * * 1-5")',
      })
      .option('timezone', {
        type: 'string',
        describe: 'Time zone of the cron fields (default: the machine’s)',
      })
      .option('max-runs', { type: 'number', describe: 'Stop after this many runs' })
      .example(
        '$0 schedule --cron "0 6 * * 1-5" -- review --org --fail-on high',
        'Review the organization at 06:00 every weekday',
      ) as never,
  handler: async (args) => {
    const command = (args['--'] ?? []).map(String);
    if (!SCHEDULED_COMMANDS.includes(command[0] ?? '')) {
      throw userError(
        'USAGE',
        `schedule needs the command to run after --, one of ${SCHEDULED_COMMANDS.join(', ')}`,
        'For example: wareview schedule --cron "0 6 * * 1-5" -- review --org',
      );
    }
    parseCron(args.cron, args.timezone).stop();
    const lock = acquireLock(await lockPathFor(command), 'the run history');
    const controller = new AbortController();
    const stop = () => controller.abort();
    const release = leaveSignalsToCommand();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    try {
      console.log(`schedule: "${args.cron}": wareview ${command.join(' ')}`);
      const runs = await runSchedule({
        cron: args.cron,
        timezone: args.timezone,
        maxRuns: args['max-runs'],
        run: () => runWareview(command),
        log: (line) => console.log(line),
        signal: controller.signal,
      });
      // Failed runs were logged; the scheduler itself did its job unless every run failed to start.
      if (runs.some((run) => run.exitCode < 0)) ExitCode.set(EXIT.internal);
    } finally {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      release();
      lock.release();
    }
  },
};
