import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadConfig } from '../config.ts';
import { readResults } from '../engine/results-store.ts';
import { renderReports } from '../report/index.ts';
import { failOnPolicy, reportSettings } from '../pipeline/settings.ts';
import { configOption, failOnOption, reportOptions, type ReportArgs, grouped } from './options.ts';
import { finishRun } from './run-output.ts';

type Args = ReportArgs & { results: string; previous?: string; config?: string };

export const reportCommand: CommandModule<object, Args> = {
  command: 'report',
  describe: 'Render reports from an earlier results.json (into its folder unless --out is given)',
  builder: (yargs) =>
    grouped(
      yargs
        .option('results', {
          type: 'string',
          demandOption: true,
          describe: 'results.json written by evaluate or review',
        })
        .option('previous', {
          type: 'string',
          describe: "An earlier run's results.json: the summary shows what changed",
        })
        .options({
          ...reportOptions,
          out: { ...reportOptions.out, describe: 'Output folder (default: the folder of --results)' },
          ...failOnOption,
          ...configOption,
        })
        .example('$0 report --results reports/shop-20261127T090000Z/results.json --format pdf,sarif', ''),
    ) as never,
  handler: async (args) => {
    const loaded = await loadConfig(args.config);
    const results = await readResults(resolve(args.results));
    const previous = args.previous ? await readResults(resolve(args.previous)) : undefined;
    const settings = reportSettings(args, loaded);
    const rendered = await renderReports(results, {
      ...settings,
      previous,
      outDir: resolve(args.out ?? dirname(resolve(args.results))),
    });
    finishRun({ results, ...rendered }, failOnPolicy(args, loaded));
  },
};
