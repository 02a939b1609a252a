import { compareGaps, sortParts } from '../collect/run.ts';
import { userError } from '../errors.ts';
import { INVENTORY_SERVICES, type Inventory } from '../inventory/schema.ts';
import { shardLabel } from './shard.ts';

/** A partial snapshot and where it came from (a path), for the messages. */
export interface ShardPart {
  source: string;
  inventory: Inventory;
}

const MERGE_HINT =
  'Give the snapshot of every shard of one run exactly once: `wareview merge PART... --out FILE`.';

function refuse(code: string, message: string): never {
  throw userError(code, `merge refused: ${message}`, MERGE_HINT);
}

/** The value every part must share, or a refusal naming the parts that differ. */
function sameIn(parts: readonly ShardPart[], what: string, valueOf: (inventory: Inventory) => unknown): void {
  const first = JSON.stringify(valueOf(parts[0]!.inventory));
  const differing = parts.filter((part) => JSON.stringify(valueOf(part.inventory)) !== first);
  if (differing.length > 0) {
    refuse(
      'SHARDS_DIFFER',
      `${differing.map((part) => part.source).join(', ')} differ from ${parts[0]!.source} in ${what}: ` +
        'the shards are not of the same organization and run',
    );
  }
}

/** Refuses parts that are not shards of one run, a shard given twice, a missing shard, an account read twice. */
function checkShards(parts: readonly ShardPart[]): void {
  if (parts.length === 0) refuse('NO_SHARDS', 'no partial snapshots given');
  const unsharded = parts.filter((part) => !part.inventory.shard);
  if (unsharded.length > 0) {
    refuse(
      'NOT_A_SHARD',
      `${unsharded.map((part) => part.source).join(', ')} is not a partial snapshot (collected without --shard)`,
    );
  }
  sameIn(parts, 'the organization', (inventory) => inventory.organization?.id ?? null);
  sameIn(parts, 'the workload', (inventory) => inventory.workload);
  sameIn(parts, 'the regions', (inventory) => inventory.scope.regions);
  sameIn(parts, 'the shard count', (inventory) => inventory.shard?.count);
  sameIn(parts, 'the accounts in scope', (inventory) => inventory.shard?.accounts);

  const count = parts[0]!.inventory.shard!.count;
  const byIndex = new Map<number, string[]>();
  for (const part of parts) {
    const index = part.inventory.shard!.index;
    byIndex.set(index, [...(byIndex.get(index) ?? []), part.source]);
  }
  const duplicated = [...byIndex].filter(([, sources]) => sources.length > 1);
  if (duplicated.length > 0) {
    refuse(
      'SHARD_DUPLICATED',
      duplicated
        .map(
          ([index, sources]) =>
            `shard ${shardLabel({ index, count })} is given twice (${sources.join(', ')})`,
        )
        .join('; '),
    );
  }
  const missing = Array.from({ length: count }, (_, position) => position + 1).filter(
    (index) => !byIndex.has(index),
  );
  if (missing.length > 0) {
    refuse(
      'SHARD_MISSING',
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => shardLabel({ index, count })).join(', ')} ` +
        `missing: ${parts.length} of ${count} given`,
    );
  }
  const readBy = new Map<string, string[]>();
  for (const part of parts)
    for (const account of part.inventory.scope.accounts)
      readBy.set(account, [...(readBy.get(account) ?? []), part.source]);
  const twice = [...readBy].filter(([, sources]) => sources.length > 1);
  const inScope = parts[0]!.inventory.shard!.accounts;
  const unread = inScope.filter((account) => !readBy.has(account));
  if (twice.length > 0 || unread.length > 0) {
    refuse(
      'SHARD_ACCOUNTS',
      [
        ...twice.map(([account, sources]) => `account ${account} was read by ${sources.join(' and ')}`),
        ...(unread.length > 0 ? [`account(s) ${unread.join(', ')} read by no shard`] : []),
      ].join('; '),
    );
  }
}

/**
 * Joins the partial snapshots of one sharded run into the snapshot an unsharded run would have written.
 * Member-account data and coverage gaps are concatenated (each account was read by exactly one shard);
 * the organization and the account list, with the SCPs and tags only shard 1 reads, come from shard 1.
 */
export function mergeShards(parts: readonly ShardPart[]): Inventory {
  checkShards(parts);
  const ordered = [...parts].sort((a, b) => a.inventory.shard!.index - b.inventory.shard!.index);
  const first = ordered[0]!.inventory;
  const merged = structuredClone({ ...first, shard: undefined }) as Inventory;
  delete merged.shard;
  merged.collectedAt = ordered
    .map((part) => part.inventory.collectedAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0]!;
  merged.scope = { ...first.scope, accounts: [...first.shard!.accounts] };
  for (const service of INVENTORY_SERVICES) {
    const parts = merged[service] as Record<string, unknown[]>;
    for (const key of Object.keys(parts)) {
      parts[key] = ordered.flatMap(
        (part) => (part.inventory[service] as Record<string, unknown[]>)[key] ?? [],
      );
    }
  }
  merged.coverage = ordered.flatMap((part) => part.inventory.coverage).sort(compareGaps);
  sortParts(merged);
  return merged;
}
