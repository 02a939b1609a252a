import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadConfig, type LoadedConfig } from '../config.ts';
import { userError } from '../errors.ts';
import { loadDemoEstate } from '../inventory/demo.ts';
import type { Inventory } from '../inventory/schema.ts';
import { readInventory } from '../inventory/store.ts';
import { reviewInventory } from '../pipeline/review.ts';
import { failOnPolicy, selectedChecks } from '../pipeline/settings.ts';
import { recordingStep } from '../pipeline/record-step.ts';
import { recordingOptions, type RecordingArgs } from './record-options.ts';
import { assertWaToolReachable } from '../watool/preflight.ts';
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
  grouped,
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
  refuseScopeWithoutCollection(args);
  if (args.demo) return loadDemoEstate();
  if (args.inventory) return readInventory(resolve(args.inventory));
  return collectForChecks(args, loaded, checks, workload ?? 'workload');
}

/** The scope flags choose what to collect; with a snapshot already given they would be silently ignored. */
function refuseScopeWithoutCollection(args: Args): void {
  const source = args.demo ? '--demo' : args.inventory ? '--inventory' : undefined;
  if (!source) return;
  const given = (['regions', 'accounts', 'org', 'profile'] as const).filter(
    (flag) => args[flag] !== undefined,
  );
  if (given.length === 0) return;
  throw userError(
    'SCOPE_WITHOUT_COLLECTION',
    `${given.map((flag) => `--${flag}`).join(', ')} cannot be used with ${source}: ${
      source === '--demo' ? 'the bundled estate is fixed' : 'the snapshot is already collected'
    }, nothing is read from AWS`,
    `Leave out ${given.map((flag) => `--${flag}`).join(', ')}, or leave out ${source} to collect from AWS.`,
  );
}

export const reviewCommand: CommandModule<object, Args> = {
  command: 'review',
  describe: 'Collect from AWS (or take --demo / --inventory), evaluate and report in one run',
  builder: (yargs) =>
    grouped(
      yargs
        .option('demo', {
          type: 'boolean',
          describe: 'Review the bundled e-commerce estate (no AWS account needed)',
        })
        .option('inventory', {
          type: 'string',
          describe: 'Review an existing snapshot instead of collecting',
        })
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
        .example('$0 review --demo --format html,pdf --fail-on high', 'PDF too; exit 1 on high findings'),
    ) as never,
  handler: async (args) => {
    const loaded = await loadConfig(args.config);
    channelsFromArgs(args);
    const checks = await selectedChecks(args, loaded);
    if (args.record) await assertWaToolReachable({ profile: args.profile });
    const named = args.workload ?? loaded.config.workload?.name;
    if (args.shard) {
      const out = args.out ?? reportsRoot(loaded);
      await collectShard({ args, loaded, checks, workload: named ?? 'workload', out });
      return;
    }
    const collected = await obtainInventory(args, loaded, checks, named);
    const workload = named ?? collected.workload;
    const recording = args.record ? recordingStep(args, loaded, workload) : undefined;
    const outcome = await reviewInventory({
      loaded,
      inventory: workload === collected.workload ? collected : { ...collected, workload },
      checks,
      args,
      afterEvaluate: recording?.afterEvaluate,
    });
    finishRun(outcome, failOnPolicy(args, loaded));
    recording?.reportFailure(outcome.outDir);
    await finishUnattended(args, outcome);
  },
};
