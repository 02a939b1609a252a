import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadConfig } from '../config.ts';
import { readInventory } from '../inventory/store.ts';
import { reviewInventory } from '../pipeline/review.ts';
import { failOnPolicy, selectedChecks } from '../pipeline/settings.ts';
import {
  configOption,
  failOnOption,
  reportOptions,
  selectionOptions,
  type ReportArgs,
  type SelectionArgs,
  grouped,
} from './options.ts';
import { finishRun } from './run-output.ts';

type Args = SelectionArgs & ReportArgs & { inventory: string };

export const evaluateCommand: CommandModule<object, Args> = {
  command: 'evaluate',
  describe: 'Evaluate the checks over an inventory snapshot, offline, and write results and reports',
  builder: (yargs) =>
    grouped(
      yargs
        .option('inventory', {
          type: 'string',
          demandOption: true,
          describe: 'Snapshot (inventory.json.gz) to evaluate',
        })
        .options({ ...selectionOptions, ...reportOptions, ...failOnOption, ...configOption })
        .example('$0 evaluate --inventory reports/shop-20261127T090000Z/inventory.json.gz', ''),
    ) as never,
  handler: async (args) => {
    const loaded = await loadConfig(args.config);
    const inventory = await readInventory(resolve(args.inventory));
    const checks = await selectedChecks(args, loaded);
    const outcome = await reviewInventory({ loaded, inventory, checks, args });
    finishRun(outcome, failOnPolicy(args, loaded));
  },
};
