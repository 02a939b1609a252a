import type { Connection, Pool } from 'mysql2/promise';
import pLimit from 'p-limit';
import { userError } from '../../errors.ts';
import { openConnection, openPool, type Queryable } from '../connection.ts';
import type { DialectKind } from '../dialect.ts';
import { readPlan } from '../plan-schema.ts';
import { resolvePlanServers } from '../run/plan-servers.ts';
import {
  comparePositions,
  executedPosition,
  readReplicaStatus,
  readSourcePosition,
  type BinlogPosition,
} from '../run/replication-control.ts';
import type { ServerUrl } from '../source-url.ts';
import { checksumChunk, sameChecksum, type ChunkChecksum } from './checksum.ts';
import { describeRange, keyRanges, readTableShapes, type KeyRange, type TableShape } from './chunks.ts';

/**
 * `migrate validate`: every table's primary-key ranges checksummed on source and target in
 * parallel while replication runs. A range that differs is checked again a few times, each after the
 * target caught up (see recheckWithoutLocks), so a change still in flight is not reported as a difference.
 * Only ranges that still differ are reported.
 */
export interface ChunkDifference {
  readonly table: string;
  readonly range: string;
  readonly source: ChunkChecksum | null;
  readonly target: ChunkChecksum | null;
}

export interface TableResult {
  readonly table: string;
  readonly sourceRows: number;
  readonly targetRows: number;
  readonly chunks: number;
  readonly differences: readonly ChunkDifference[];
}

export interface ValidationResult {
  readonly tables: readonly TableResult[];
  readonly equal: boolean;
  readonly rows: number;
  readonly seconds: number;
  /** How the rechecked ranges were made consistent (or why they could not be). */
  readonly consistency: string;
}

export interface ValidateOptions {
  readonly planPath: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly chunkRows?: number;
  readonly threads?: number;
  /** How long the target may take to reach a recheck position. */
  readonly catchUpTimeoutMs?: number;
  /** Rounds of rechecking a differing range before it counts as a difference, and the pause between them. */
  readonly recheckRounds?: number;
  readonly recheckPauseMs?: number;
  readonly log?: (line: string) => void;
}

interface ChunkTask {
  readonly shape: TableShape;
  readonly range: KeyRange;
  source: ChunkChecksum | null;
  target: ChunkChecksum | null;
}

export async function validateMigration(options: ValidateOptions): Promise<ValidationResult> {
  const startedAt = Date.now();
  const plan = await readPlan(options.planPath);
  const { source, target } = await resolvePlanServers(plan, options.env ?? process.env);
  const threads = options.threads ?? plan.threads;
  const chunkRows = options.chunkRows ?? plan.chunkRows;
  const log = options.log ?? (() => undefined);
  const sourcePool = await openPool(source, 'source', { connectionLimit: threads });
  let targetPool: Pool | undefined;
  try {
    targetPool = await openPool(target, 'target', { connectionLimit: threads });
    const shapes = await readTableShapes(sourcePool, plan.databases);
    const limit = pLimit(threads);
    const rangesByTable = await Promise.all(
      shapes.map((shape) => limit(() => keyRanges(sourcePool, shape, chunkRows))),
    );
    const tasks: ChunkTask[] = shapes.flatMap((shape, index) =>
      rangesByTable[index]!.map((range) => ({ shape, range, source: null, target: null })),
    );
    log(`validate: ${shapes.length} tables, ${tasks.length} key ranges, ${threads} threads`);
    const pools = { source: sourcePool, target: targetPool };
    await Promise.all(tasks.map((task) => limit(() => checksumTask(pools, task))));

    let mismatched = tasks.filter((task) => !tasksEqual(task));
    let consistency = 'every range matched on the first pass';
    if (mismatched.length > 0) {
      log(
        `validate: ${mismatched.length} range(s) differ on the first pass; checking them again at a consistent point`,
      );
      consistency = await recheckWithoutLocks(
        { source, target, sourceKind: plan.source.dialect, targetKind: plan.target.dialect },
        mismatched,
        {
          timeoutMs: options.catchUpTimeoutMs ?? 120_000,
          rounds: options.recheckRounds ?? 4,
          pauseMs: options.recheckPauseMs ?? 500,
        },
      );
      mismatched = mismatched.filter((task) => !tasksEqual(task));
    }
    const tables = shapes.map((shape) => tableResult(shape, tasks, mismatched));
    return {
      tables,
      equal: mismatched.length === 0,
      rows: tables.reduce((sum, table) => sum + table.sourceRows, 0),
      seconds: (Date.now() - startedAt) / 1000,
      consistency,
    };
  } finally {
    await sourcePool.end().catch(() => undefined);
    await targetPool?.end().catch(() => undefined);
  }
}

const tasksEqual = (task: ChunkTask): boolean =>
  task.source !== null && task.target !== null && sameChecksum(task.source, task.target);

async function checksumTask(pools: { source: Pool; target: Pool }, task: ChunkTask): Promise<void> {
  const [source, target] = await Promise.all([
    checksumChunk(pools.source, task.shape, task.range),
    targetChecksum(pools.target, task.shape, task.range),
  ]);
  task.source = source;
  task.target = target;
}

/** A table missing on the target is a difference to report, not a failure of the validation. */
async function targetChecksum(
  target: Queryable,
  shape: TableShape,
  range: KeyRange,
): Promise<ChunkChecksum | null> {
  try {
    return await checksumChunk(target, shape, range);
  } catch (error) {
    if ((error as { code?: string }).code === 'ER_NO_SUCH_TABLE') return null;
    throw error;
  }
}

function tableResult(
  shape: TableShape,
  tasks: readonly ChunkTask[],
  mismatched: readonly ChunkTask[],
): TableResult {
  const own = tasks.filter((task) => task.shape === shape);
  const name = `${shape.database}.${shape.table}`;
  return {
    table: name,
    sourceRows: own.reduce((sum, task) => sum + (task.source?.rows ?? 0), 0),
    targetRows: own.reduce((sum, task) => sum + (task.target?.rows ?? 0), 0),
    chunks: own.length,
    differences: mismatched
      .filter((task) => task.shape === shape)
      .map((task) => ({
        table: name,
        range: describeRange(shape, task.range),
        source: task.source,
        target: task.target,
      })),
  };
}

/**
 * Never locks the source (a read lock on a busy table is an outage). Each round checksums the
 * differing ranges on the source, reads the source's binlog position after that, waits until the
 * target has applied up to it (so it holds every change the source checksum saw), then checksums
 * the target. A change in flight matches in a later round; a range that differs in every round
 * differs for real. Hot ranges rewritten faster than a round can still differ: the message says so.
 */
async function recheckWithoutLocks(
  servers: { source: ServerUrl; target: ServerUrl; sourceKind: DialectKind; targetKind: DialectKind },
  mismatched: readonly ChunkTask[],
  options: { timeoutMs: number; rounds: number; pauseMs: number },
): Promise<string> {
  const target = await openConnection(servers.target, 'target');
  const source = await openConnection(servers.source, 'source');
  try {
    const status = await readReplicaStatus(target, servers.targetKind);
    const replicating = status !== null && status.sqlRunning;
    let rounds = 0;
    for (let pending = mismatched; pending.length > 0 && rounds < options.rounds; rounds += 1) {
      if (rounds > 0) await new Promise((resolve) => setTimeout(resolve, options.pauseMs * rounds));
      for (const task of pending) task.source = await checksumChunk(source, task.shape, task.range);
      const position = replicating ? await readSourcePosition(source, servers.sourceKind) : null;
      if (position) await waitForReplica(target, servers.targetKind, position, options.timeoutMs);
      for (const task of pending) task.target = await targetChecksum(target, task.shape, task.range);
      pending = pending.filter((task) => !tasksEqual(task));
    }
    const how = `differing ranges were checked again in ${rounds} round${rounds === 1 ? '' : 's'} without locking the source`;
    return replicating
      ? `${how}, each time after the target caught up to the source's position (a range rewritten in every round can still differ: validate again when writes are quieter)`
      : `${how}; the target is not a replica, so there is no common point`;
  } finally {
    await source.end().catch(() => undefined);
    await target.end().catch(() => undefined);
  }
}

async function waitForReplica(
  target: Connection,
  kind: DialectKind,
  position: BinlogPosition,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await readReplicaStatus(target, kind);
    if (!status || comparePositions(executedPosition(status), position) >= 0) return;
    if (!status.sqlRunning) {
      throw userError(
        'MIGRATE_REPLICATION_STOPPED',
        `Replication on the target is stopped${status.lastError ? `: ${status.lastError}` : ''}; ranges that differ cannot be checked again.`,
        'Start it again with `wareview migrate run --plan …` and validate once it has caught up.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw userError(
    'MIGRATE_REPLICA_BEHIND',
    `The target did not reach the source position ${position.file}:${position.position} within ${timeoutMs / 1000} s.`,
    'Let it catch up (`wareview migrate run --plan …` waits for that) and validate again.',
  );
}
