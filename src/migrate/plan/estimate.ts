import type { TableFacts } from '../assess/inspect.ts';
import { formatDuration } from '../assess/rules.ts';
import {
  type BinlogRetention,
  binlogRetentionStatements,
  type DialectKind,
  formatStatement,
} from '../dialect.ts';
import type { LoadRate, ProbeResult } from './probe.ts';

/** The whole path must fit into the binlog retention with this factor plus a fixed margin. */
export const SAFETY_FACTOR = 1.5;
/** Time for validation and for a human to react between steps. */
export const RETENTION_MARGIN_SECONDS = 3600;
/** A thread count is worth it only when it loads at least this share faster than the next smaller one. */
const WORTHWHILE_GAIN = 1.1;
/** mydumper chunks of about this size keep every thread busy without huge files. */
const CHUNK_TARGET_BYTES = 64 * 1024 * 1024;
const CHUNK_ROWS_MIN = 10_000;
const CHUNK_ROWS_MAX = 1_000_000;

/**
 * The smallest measured thread count that no larger count beats by WORTHWHILE_GAIN beyond the noise:
 * a larger count wins only when its slowest run beats the current choice's fastest run by that much.
 * Counts whose runs overlap keep the smaller one, so the same data on the same servers gets the same
 * answer from one plan to the next.
 */
export function recommendThreads(loads: readonly LoadRate[]): number {
  const sorted = [...loads].sort((a, b) => a.threads - b.threads);
  const slowest = (load: LoadRate): number => Math.min(...load.runs);
  const fastest = (load: LoadRate): number => Math.max(...load.runs);
  let best = sorted[0];
  for (const load of sorted.slice(1)) {
    if (best && slowest(load) >= fastest(best) * WORTHWHILE_GAIN) best = load;
  }
  return best?.threads ?? 1;
}

/** The measured rate for `threads`; beyond the largest measured count, no further gain is assumed. */
export function loadRateFor(loads: readonly LoadRate[], threads: number): LoadRate | undefined {
  const sorted = [...loads].sort((a, b) => a.threads - b.threads);
  return sorted.filter((load) => load.threads <= threads).at(-1) ?? sorted[0];
}

export function recommendChunkRows(tables: readonly TableFacts[]): number {
  const largest = [...tables].sort((a, b) => b.dataBytes - a.dataBytes)[0];
  const avgRowBytes = largest && largest.rows > 0 ? largest.dataBytes / largest.rows : 200;
  const rows = Math.min(CHUNK_ROWS_MAX, Math.max(CHUNK_ROWS_MIN, CHUNK_TARGET_BYTES / avgRowBytes));
  const magnitude = 10 ** Math.floor(Math.log10(rows));
  return Math.round(rows / magnitude) * magnitude;
}

const AURORA_CLASSES: readonly { name: string; vcpus: number }[] = [
  { name: 'db.r6g.large', vcpus: 2 },
  { name: 'db.r6g.xlarge', vcpus: 4 },
  { name: 'db.r6g.2xlarge', vcpus: 8 },
  { name: 'db.r6g.4xlarge', vcpus: 16 },
  { name: 'db.r6g.8xlarge', vcpus: 32 },
  { name: 'db.r6g.16xlarge', vcpus: 64 },
];

/**
 * The load is bound by the target's apply CPU (dumping was ~9× faster than loading), so the load
 * class gets about two vCPUs per load thread, at least 8.
 */
export function recommendLoadInstanceClass(threads: number): string {
  const wanted = Math.max(8, threads * 2);
  return (AURORA_CLASSES.find((candidate) => candidate.vcpus >= wanted) ?? AURORA_CLASSES.at(-1)!).name;
}

export interface Estimates {
  readonly threads: number;
  readonly dumpSeconds: number;
  readonly loadSeconds: number;
  readonly indexSeconds: number;
  readonly catchUpSeconds: number;
  readonly totalSeconds: number;
  readonly safetyFactor: number;
  /** False when the source writes binary logs faster than the target applies them. */
  readonly canCatchUp: boolean;
}

export function estimateDurations(
  tables: readonly TableFacts[],
  probe: ProbeResult,
  threads: number,
): Estimates {
  const dataBytes = tables.reduce((total, table) => total + table.dataBytes, 0);
  const indexedBytes = tables
    .filter((table) => table.secondaryIndexes > 0)
    .reduce((total, table) => total + table.dataBytes, 0);
  const load = loadRateFor(probe.loads, threads);
  const single = loadRateFor(probe.loads, 1);
  if (!load) {
    // Nothing had rows to sample: the tables are empty, there is nothing to copy.
    return {
      threads,
      dumpSeconds: 0,
      loadSeconds: 0,
      indexSeconds: 0,
      catchUpSeconds: 0,
      totalSeconds: 0,
      safetyFactor: SAFETY_FACTOR,
      canCatchUp: true,
    };
  }
  const loadBytesPerSecond = load.bytesPerSecond;
  // The source reads scale with threads (mydumper opens one connection each).
  const dumpSeconds = dataBytes / Math.max(probe.dumpBytesPerSecond * threads, 1);
  const loadSeconds = dataBytes / Math.max(loadBytesPerSecond, 1);
  // Unmeasured (no sampled table had secondary indexes): assume a third of a single-threaded load.
  const indexSecondsPerByte = probe.indexSecondsPerByte ?? 1 / (3 * Math.max(single?.bytesPerSecond ?? 1, 1));
  const indexSeconds = indexedBytes * indexSecondsPerByte;
  // Replication applies on one SQL thread; the backlog grows while dump, load and index builds run.
  const applyBytesPerSecond = single?.bytesPerSecond ?? loadBytesPerSecond;
  const writeRate = probe.sourceBinlogBytesPerSecond;
  const backlog = writeRate * (dumpSeconds + loadSeconds + indexSeconds);
  const canCatchUp = writeRate < applyBytesPerSecond;
  const catchUpSeconds =
    backlog === 0 ? 0 : canCatchUp ? backlog / (applyBytesPerSecond - writeRate) : Infinity;
  return {
    threads,
    dumpSeconds,
    loadSeconds,
    indexSeconds,
    catchUpSeconds: Number.isFinite(catchUpSeconds) ? catchUpSeconds : 0,
    totalSeconds:
      dumpSeconds + loadSeconds + indexSeconds + (Number.isFinite(catchUpSeconds) ? catchUpSeconds : 0),
    safetyFactor: SAFETY_FACTOR,
    canCatchUp,
  };
}

export interface RetentionCheck {
  readonly seconds: number | null;
  readonly setting: string;
  readonly requiredSeconds: number;
  readonly sufficient: boolean;
  readonly fixStatements: string[];
}

/** The source must keep its binary logs from the dump's position until the replica has read them. */
export function checkRetention(
  retention: BinlogRetention | null,
  estimates: Estimates,
  source: { dialect: DialectKind; retentionVariables: readonly string[] },
): RetentionCheck {
  const requiredSeconds = Math.ceil(
    estimates.totalSeconds * estimates.safetyFactor + RETENTION_MARGIN_SECONDS,
  );
  // Round up to whole hours: that is how RDS counts, and how people set it.
  const fixSeconds = Math.ceil(requiredSeconds / 3600) * 3600;
  const sufficient =
    retention !== null && (retention.seconds === null || retention.seconds >= requiredSeconds);
  return {
    seconds: retention?.seconds ?? null,
    setting: retention?.setting ?? 'unknown',
    requiredSeconds,
    sufficient,
    fixStatements: sufficient
      ? []
      : binlogRetentionStatements(source.dialect, fixSeconds, source.retentionVariables).map((statement) =>
          formatStatement(statement),
        ),
  };
}

export function describeEstimates(estimates: Estimates): string {
  return [
    `dump ${formatDuration(estimates.dumpSeconds)}`,
    `load ${formatDuration(estimates.loadSeconds)}`,
    `index builds ${formatDuration(estimates.indexSeconds)}`,
    `catch-up ${formatDuration(estimates.catchUpSeconds)}`,
    `total ${formatDuration(estimates.totalSeconds)}`,
  ].join(', ');
}
