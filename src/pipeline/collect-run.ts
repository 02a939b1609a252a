import { collectInventory } from '../collect/index.ts';
import type { LoadedConfig } from '../config.ts';
import type { LoadedCheck } from '../engine/loader.ts';
import type { Inventory } from '../inventory/schema.ts';
import type { Shard } from '../shard/shard.ts';
import { userError } from '../errors.ts';
import { collectOptionsFromArgs, progressFromArgs, type CollectionArgs } from '../cli/collect-options.ts';

/** The inventory parts the selected checks read: only these are collected. */
export function partsNeeded(checks: readonly LoadedCheck[]): string[] {
  return [...new Set(checks.flatMap((check) => check.needs))].sort();
}

/** Collects what the selected checks need, with the progress display the flags and terminal ask for. */
export async function collectForChecks(
  args: CollectionArgs,
  loaded: LoadedConfig,
  checks: readonly LoadedCheck[],
  workload: string,
  shard?: Shard,
): Promise<Inventory> {
  const options = {
    ...collectOptionsFromArgs(args, { workload, needs: partsNeeded(checks), scope: loaded.config.scope }),
    shard,
  };
  if (shard && !options.org) {
    throw userError('SHARD_WITHOUT_ORG', '--shard splits the accounts of an organization', 'Add --org.');
  }
  const display = progressFromArgs(args);
  try {
    return await collectInventory(options, display.sink);
  } finally {
    display.stop();
  }
}
