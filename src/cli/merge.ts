import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { countResources } from '../collect/index.ts';
import { readInventory, writeInventory } from '../inventory/store.ts';
import { mergeShards } from '../shard/merge.ts';

type Args = { parts: string[]; out: string };

export const mergeCommand: CommandModule<object, Args> = {
  command: 'merge <parts..>',
  describe: 'Join the partial snapshots of a sharded scan (--shard I/N) into one snapshot',
  builder: (yargs) =>
    yargs
      .positional('parts', { type: 'string', array: true, describe: 'Partial snapshots, one per shard' })
      .option('out', { type: 'string', demandOption: true, describe: 'Merged snapshot file (.json.gz)' })
      .example(
        '$0 merge scans/inventory-shard-*.json.gz --out scans/inventory.json.gz',
        'Join four shards, then `wareview review --inventory scans/inventory.json.gz`',
      ) as never,
  handler: async (args) => {
    const parts = await Promise.all(
      args.parts.map(async (source) => ({ source, inventory: await readInventory(resolve(source)) })),
    );
    const merged = mergeShards(parts);
    const path = resolve(args.out);
    await writeInventory(path, merged);
    console.log(
      `wrote ${path}: ${parts.length} shards, ${merged.scope.accounts.length} account(s), ` +
        `${countResources(merged)} resources, ${merged.coverage.length} coverage gap(s)`,
    );
  },
};
