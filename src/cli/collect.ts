import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { countResources } from '../collect/index.ts';
import { loadConfig } from '../config.ts';
import { writeInventory } from '../inventory/store.ts';
import { selectedChecks } from '../pipeline/settings.ts';
import { collectForChecks } from '../pipeline/collect-run.ts';
import { collectionOptions, type CollectionArgs } from './collect-options.ts';
import { configOption, selectionOptions, type SelectionArgs, grouped } from './options.ts';
import { collectShard, shardOption, type ShardArgs } from './shard-options.ts';

type Args = CollectionArgs & SelectionArgs & ShardArgs & { out?: string; workload?: string };

export const SNAPSHOT_FILE = 'inventory.json.gz';

/** `--out` names a file when it ends in .json or .json.gz, otherwise the folder to write inventory.json.gz into. */
export function snapshotPath(out: string | undefined): string {
  const target = resolve(out ?? '.');
  return /\.json(\.gz)?$/.test(target) ? target : resolve(target, SNAPSHOT_FILE);
}

export const collectCommand: CommandModule<object, Args> = {
  command: 'collect',
  describe: 'Read the AWS estate (read-only) into an inventory snapshot for offline evaluation',
  builder: (yargs) =>
    grouped(
      yargs
        .option('out', {
          type: 'string',
          describe: `Snapshot file, or folder for ${SNAPSHOT_FILE} (default: .)`,
        })
        .option('workload', {
          type: 'string',
          describe: 'Workload name (default: from the config, else "workload")',
        })
        .options({ ...collectionOptions, ...shardOption, ...selectionOptions, ...configOption })
        .example(
          '$0 collect --profile audit --regions eu-west-1,eu-central-1 --out scans/',
          'One account, two regions',
        )
        .example(
          '$0 collect --org --role-name ReadOnlyAudit --out scans/acme.json.gz',
          'Every account of the organization',
        ),
    ) as never,
  handler: async (args) => {
    const loaded = await loadConfig(args.config);
    const checks = await selectedChecks(args, loaded);
    const workload = args.workload ?? loaded.config.workload?.name ?? 'workload';
    if (args.shard) {
      await collectShard({ args, loaded, checks, workload, out: args.out ?? '.' });
      return;
    }
    const inventory = await collectForChecks(args, loaded, checks, workload);
    const path = snapshotPath(args.out);
    await writeInventory(path, inventory);
    console.log(
      `wrote ${path}: ${countResources(inventory)} resources, ${inventory.coverage.length} coverage gap(s)`,
    );
  },
};
