import { userError } from '../errors.ts';

/** One share of an organization's accounts: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The index variables of the job engines that run one process per shard; both count from 0. */
const INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

const SHARD_HINT =
  'Give --shard I/N (1 ≤ I ≤ N), or --shard auto/N in a Kubernetes Indexed Job or an AWS Batch array job ' +
  '(or --shard auto with WAREVIEW_SHARD_COUNT=N).';

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/**
 * `--shard 2/4`, or `auto/4` / `auto` (count from WAREVIEW_SHARD_COUNT) with the index taken from
 * JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job).
 */
export function parseShard(value: string, env: NodeJS.ProcessEnv = process.env): Shard {
  const [first = '', second] = value.split('/');
  const count = wholeNumber(second ?? (first === 'auto' ? env.WAREVIEW_SHARD_COUNT : undefined));
  let index: number | undefined;
  if (first === 'auto') {
    const variable = INDEX_VARIABLES.find((name) => env[name] !== undefined && env[name] !== '');
    if (!variable) {
      throw userError(
        'SHARD_INDEX_UNKNOWN',
        `--shard auto: neither ${INDEX_VARIABLES.join(' nor ')} is set`,
        SHARD_HINT,
      );
    }
    const zeroBased = wholeNumber(env[variable]);
    index = zeroBased === undefined ? undefined : zeroBased + 1;
  } else {
    index = wholeNumber(first);
  }
  if (index === undefined || count === undefined || count < 1 || index < 1 || index > count) {
    throw userError('BAD_SHARD', `--shard ${value}: not a shard of the form I/N with 1 ≤ I ≤ N`, SHARD_HINT);
  }
  return { index, count };
}

/**
 * The accounts a shard reads: every count-th account of the sorted list, starting at its index. The share
 * depends only on the list every shard reads from AWS Organizations, and shards differ by at most one account.
 */
export function shareOf<T extends { id: string }>(accounts: readonly T[], shard: Shard): T[] {
  return [...accounts]
    .sort((a, b) => a.id.localeCompare(b.id))
    .filter((_, position) => position % shard.count === shard.index - 1);
}

/** Shard 1 reads the organization-level data (SCPs, account tags) that the merge takes from it. */
export function readsOrganizationDetails(shard: Shard | undefined): boolean {
  return !shard || shard.index === 1;
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
