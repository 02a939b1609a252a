import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadConfig } from '../config.ts';
import { readResults } from '../engine/results-store.ts';
import { assertWaToolReachable } from '../watool/preflight.ts';
import { recordResults } from '../watool/record.ts';
import { configOption, grouped } from './options.ts';
import { recordingOptions, recordOptionsFromArgs, type RecordingArgs } from './record-options.ts';

type Args = RecordingArgs & { results: string; config?: string };

export const recordCommand: CommandModule<object, Args> = {
  command: 'record',
  describe:
    'Record an earlier run in the AWS Well-Architected Tool (answers, notes, milestone, lens review PDF)',
  builder: (yargs) =>
    grouped(
      yargs
        .option('results', {
          type: 'string',
          demandOption: true,
          describe: 'results.json of the run to record',
        })
        .options({ ...recordingOptions, ...configOption })
        .example('$0 record --results reports/shop-20261127T090000Z/results.json --dry-run', '')
        .example('AWS_REGION=eu-west-1 $0 record --results reports/shop-20261127T090000Z/results.json', ''),
    ) as never,
  handler: async (args) => {
    const loaded = await loadConfig(args.config);
    const resultsPath = resolve(args.results);
    const results = await readResults(resultsPath);
    await assertWaToolReachable({ profile: args.profile });
    await recordResults(results, recordOptionsFromArgs(args, loaded, dirname(resultsPath)));
  },
};
