import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadConfig } from '../config.ts';
import { readResults } from '../engine/results-store.ts';
import { recordResults } from '../watool/record.ts';
import { configOption, list } from './options.ts';

interface Args {
  results: string;
  'workload-name'?: string;
  'workload-id'?: string;
  'dry-run'?: boolean;
  authoritative?: boolean;
  lens?: string[];
  config?: string;
}

export const recordCommand: CommandModule<object, Args> = {
  command: 'record',
  describe:
    'Record an earlier run in the AWS Well-Architected Tool (answers, notes, milestone, lens review PDF)',
  builder: (yargs) =>
    yargs
      .option('results', {
        type: 'string',
        demandOption: true,
        describe: 'results.json of the run to record',
      })
      .option('workload-name', {
        type: 'string',
        describe: 'WA Tool workload (found by exact name, else created)',
      })
      .option('workload-id', { type: 'string', describe: 'WA Tool workload id (32 hex characters)' })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe: 'Print the answer changes, write nothing',
      })
      .option('authoritative', {
        type: 'boolean',
        default: false,
        describe: "Unselect choices the evidence disproves, even a person's",
      })
      .option('lens', {
        type: 'string',
        array: true,
        describe: 'Lens alias to record into as well (repeatable)',
      })
      .options(configOption)
      .example('$0 record --results reports/shop-20261127T090000Z/results.json --dry-run', '')
      .example(
        'AWS_REGION=eu-west-1 $0 record --results reports/shop-20261127T090000Z/results.json',
        '',
      ) as never,
  handler: async (args) => {
    const loaded = await loadConfig(args.config);
    const resultsPath = resolve(args.results);
    const results = await readResults(resultsPath);
    const workload = loaded.config.workload;
    await recordResults(results, {
      workloadName: args['workload-name'] ?? workload?.name,
      workloadId: args['workload-id'] ?? workload?.waToolWorkloadId,
      dryRun: args['dry-run'],
      authoritative: args.authoritative,
      lenses: list(args.lens),
      outDir: dirname(resultsPath),
      config: workload,
      logger: {
        info: (message) => console.log(message),
        warn: (message) => console.warn(`warning: ${message}`),
      },
    });
  },
};
