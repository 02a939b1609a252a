import type { CommandModule } from 'yargs';
import { runMigration } from '../migrate/run/run.ts';
import { RUN_STEPS, type RunStep } from '../migrate/run/state.ts';
import { DEFAULT_SUPERVISION } from '../migrate/run/watchdog.ts';

interface Args {
  plan: string;
  until?: RunStep;
  'stall-timeout': number;
  'stall-retries': number;
}

export const migrateRunCommand: CommandModule<object, Args> = {
  command: 'run',
  describe: 'Dump, load, replicate and catch up as the plan says; resumes where a previous run stopped',
  builder: (yargs) =>
    yargs
      .option('plan', { type: 'string', demandOption: true, describe: 'plan.json written by `migrate plan`' })
      .option('until', {
        choices: RUN_STEPS,
        describe: 'Stop after this step (dump, load, replicate, caught-up)',
      })
      .option('stall-timeout', {
        type: 'number',
        default: DEFAULT_SUPERVISION.stallMs / 1000,
        describe: 'Seconds mydumper or myloader may show no progress before it is stopped and started again',
      })
      .option('stall-retries', {
        type: 'number',
        default: DEFAULT_SUPERVISION.retries,
        describe: 'How often a stalled mydumper or myloader is started again before the run stops',
      })
      .check((args) => {
        if (!(args['stall-timeout'] > 0))
          throw new Error('--stall-timeout must be a number of seconds above 0');
        if (!Number.isInteger(args['stall-retries']) || args['stall-retries'] < 0)
          throw new Error('--stall-retries must be a whole number, 0 or more');
        return true;
      })
      .example('$0 migrate run --plan plan.json', 'Everything, until the target has caught up')
      .example('$0 migrate run --plan plan.json --until load', 'Dump and load only')
      .epilog(
        "The plan keeps no passwords: the source's comes from WAREVIEW_SOURCE_PASSWORD, the target's from " +
          'WAREVIEW_TARGET_PASSWORD, else they are asked on a terminal. Dump and load need mydumper and myloader ' +
          "on PATH (Debian's mydumper package has both: apt-get install mydumper).",
      ) as never,
  handler: async (args) => {
    const outcome = await runMigration({
      planPath: args.plan,
      ...(args.until ? { until: args.until } : {}),
      supervision: { stallMs: args['stall-timeout'] * 1000, retries: args['stall-retries'] },
    });
    for (const warning of outcome.warnings) console.error(`warning: ${warning}`);
    console.log(`done: ${outcome.completed.join(' → ')} (state in ${outcome.statePath})`);
  },
};
