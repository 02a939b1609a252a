import type { CommandModule } from 'yargs';
import { runMigration } from '../migrate/run/run.ts';
import { RUN_STEPS, type RunStep } from '../migrate/run/state.ts';

interface Args {
  plan: string;
  until?: RunStep;
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
      .example('$0 migrate run --plan plan.json', 'Everything, until the target has caught up')
      .example('$0 migrate run --plan plan.json --until load', 'Dump and load only') as never,
  handler: async (args) => {
    const outcome = await runMigration({ planPath: args.plan, ...(args.until ? { until: args.until } : {}) });
    for (const warning of outcome.warnings) console.error(`warning: ${warning}`);
    console.log(`done: ${outcome.completed.join(' → ')} (state in ${outcome.statePath})`);
  },
};
