import { resolve } from 'node:path';
import type { Options } from 'yargs';
import { countResources } from '../collect/index.ts';
import type { LoadedConfig } from '../config.ts';
import type { LoadedCheck } from '../engine/loader.ts';
import { writeInventory } from '../inventory/store.ts';
import { collectForChecks } from '../pipeline/collect-run.ts';
import { parseShard, type Shard } from '../shard/shard.ts';
import type { CollectionArgs } from './collect-options.ts';

export const shardOption = {
  shard: {
    type: 'string',
    describe:
      'With --org: read only share I of N of the accounts into a partial snapshot (I/N, or auto/N in a ' +
      'Kubernetes Indexed Job or AWS Batch array job); `wareview merge` joins the shards',
  },
} satisfies Record<string, Options>;

export interface ShardArgs {
  shard?: string;
}

/** `--out` as a file (.json / .json.gz), else the folder for `inventory-shard-I-of-N.json.gz`. */
export function shardSnapshotPath(out: string, shard: Shard): string {
  const target = resolve(out);
  return /\.json(\.gz)?$/.test(target)
    ? target
    : resolve(target, `inventory-shard-${shard.index}-of-${shard.count}.json.gz`);
}

/** Collects one shard of the organization and writes its partial snapshot; nothing is evaluated. */
export async function collectShard(options: {
  args: CollectionArgs & ShardArgs;
  loaded: LoadedConfig;
  checks: LoadedCheck[];
  workload: string;
  out: string;
}): Promise<string> {
  const shard = parseShard(options.args.shard ?? '');
  const inventory = await collectForChecks(
    options.args,
    options.loaded,
    options.checks,
    options.workload,
    shard,
  );
  const path = shardSnapshotPath(options.out, shard);
  await writeInventory(path, inventory);
  console.log(
    `wrote ${path}: shard ${shard.index}/${shard.count}, ${inventory.scope.accounts.length} of ` +
      `${inventory.shard?.accounts.length ?? 0} account(s), ${countResources(inventory)} resources, ` +
      `${inventory.coverage.length} coverage gap(s)`,
  );
  return path;
}
