import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadConfig, type LoadedConfig } from '../config.ts';
import { userError } from '../errors.ts';
import { loadDemoEstate } from '../inventory/demo.ts';
import type { Inventory } from '../inventory/schema.ts';
import { readInventory } from '../inventory/store.ts';
import { reviewInventory } from '../pipeline/review.ts';
import { failOnThreshold, selectedChecks } from '../pipeline/settings.ts';
import { recordingOptions, recordOptionsFromArgs, type RecordingArgs } from './record-options.ts';
import { recordResults } from '../watool/record.ts';
import { collectForChecks } from '../pipeline/collect-run.ts';
import type { LoadedCheck } from '../engine/loader.ts';
import { collectionOptions, type CollectionArgs } from './collect-options.ts';
import {
  configOption,
  failOnOption,
  reportOptions,
  selectionOptions,
  type ReportArgs,
  type SelectionArgs,
} from './options.ts';
import { finishRun } from './run-output.ts';
import { collectShard, shardOption, type ShardArgs } from './shard-options.ts';
import { reportsRoot } from '../pipeline/settings.ts';
import { channelsFromArgs, finishUnattended, unattendedOptions, type UnattendedArgs } from './unattended.ts';

type Args = SelectionArgs &
  ShardArgs &
  UnattendedArgs &
  CollectionArgs &
  RecordingArgs &
  ReportArgs & {
    demo?: boolean;
    inventory?: string;
    workload?: string;
    record?: boolean;
  };

/** The bundled estate, a snapshot from disk, or a fresh collection from AWS. */
async function obtainInventory(
  args: Args,
  loaded: LoadedConfig,
  checks: LoadedCheck[],
  workload: string | undefined,
): Promise<Inventory> {
  if (args.demo && args.inventory) {
    throw userError('USAGE', '--demo and --inventory exclude each other', 'Give one of them.');
  }
  if (args.demo) return loadDemoEstate();
  if (args.inventory) return readInventory(resolve(args.inventory));
  return collectForChecks(args, loaded, checks, workload ?? 'workload');
}

export const reviewCommand: CommandModule<object, Args> = {
  command: 'review',
  describe: 'Collect from AWS (or take --demo / --inventory), evaluate and report in one run',
  builder: (yargs) =>
    yargs
      .option('demo', {
        type: 'boolean',
        describe: 'Review the bundled e-commerce estate (no AWS account needed)',
      })
      .option('inventory', { type: 'string', describe: 'Review an existing snapshot instead of collecting' })
      .option('workload', {
        type: 'string',
        describe: 'Workload name (default: from the config or the snapshot)',
      })
      .option('record', {
        type: 'boolean',
        describe: 'Also record the results in the AWS Well-Architected Tool',
      })
      .options({
        ...collectionOptions,
        ...shardOption,
        ...unattendedOptions,
        ...recordingOptions,
        ...selectionOptions,
        ...reportOptions,
        ...failOnOption,
        ...configOption,
      })
      .example('$0 review --demo', 'Review the bundled estate')
      .example(
        '$0 review --org --regions eu-central-1,eu-west-1',
        'Collect the whole organization, then report',
      )
      .example(
        '$0 review --demo --format html,pdf --fail-on high',
        'PDF too; exit 1 on high findings',
      ) as never,
  handler: async (args) => {
    const loaded = await loadConfig(args.config);
    channelsFromArgs(args);
    const checks = await selectedChecks(args, loaded);
    const named = args.workload ?? loaded.config.workload?.name;
    if (args.shard) {
      const out = args.out ?? reportsRoot(loaded);
      await collectShard({ args, loaded, checks, workload: named ?? 'workload', out });
      return;
    }
    const collected = await obtainInventory(args, loaded, checks, named);
    const workload = named ?? collected.workload;
    const outcome = await reviewInventory({
      loaded,
      inventory: workload === collected.workload ? collected : { ...collected, workload },
      checks,
      args,
      afterEvaluate: args.record
        ? async (results, stagingDir) => {
            const summary = await recordResults(
              results,
              recordOptionsFromArgs(args, loaded, stagingDir, workload),
            );
            const riskCounts = summary.lenses.find((lens) => lens.alias === 'wellarchitected')?.riskCounts;
            return {
              workloadId: summary.workload.id,
              riskCounts: riskCounts as Record<string, number> | undefined,
            };
          }
        : undefined,
    });
    finishRun(outcome, failOnThreshold(args, loaded));
    await finishUnattended(args, outcome);
  },
};
