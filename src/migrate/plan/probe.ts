import { randomBytes } from 'node:crypto';
import { userError } from '../../errors.ts';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { leaveSignalsToCommand } from '../../util/interrupt.ts';
import { openConnection, type Queryable, withConnection } from '../connection.ts';
import { type DialectKind, sourcePositionQuery, targetLoadSettings } from '../dialect.ts';
import { type ColumnFacts, qualifiedName, quoteIdentifier, type TableFacts } from '../assess/inspect.ts';
import type { ServerUrl } from '../source-url.ts';
import { splitCreateTable } from './ddl.ts';

/**
 * Measures real throughput on the servers themselves: reads a bounded sample of the largest tables
 * from the source, loads it into a scratch schema on the target with 1, 2, 4… connections (secondary
 * indexes built after the data, as the run does), and watches how fast the source writes binary logs.
 * The scratch schema is always dropped, also after a failure.
 */
export interface ProbeOptions {
  readonly source: ServerUrl;
  readonly target: ServerUrl;
  readonly sourceDialect: DialectKind;
  readonly targetDialect: DialectKind;
  /** Candidate tables; the largest `sampleTables` with rows are sampled. */
  readonly tables: readonly TableFacts[];
  /** Their columns: generated ones are left out of the copy, as the server computes them. */
  readonly columns: readonly ColumnFacts[];
  readonly sampleTables: number;
  readonly sampleRows: number;
  readonly threadCounts: readonly number[];
  /** The source's binlog growth is observed for at least this long. */
  readonly observeSeconds: number;
  readonly log?: (line: string) => void;
}

export interface LoadRate {
  readonly threads: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** In information_schema data bytes (avg row length × rows), the unit of the estimates; the median run. */
  readonly bytesPerSecond: number;
  /** Bytes per second of every timed run, for telling a real gain from noise. */
  readonly runs: readonly number[];
}

export interface ProbeResult {
  readonly sampledTables: readonly string[];
  readonly sampleRows: number;
  readonly sampleBytes: number;
  readonly dumpRowsPerSecond: number;
  readonly dumpBytesPerSecond: number;
  readonly loads: readonly LoadRate[];
  /** Seconds per data byte to build secondary indexes after the data; null when no sampled table has one. */
  readonly indexSecondsPerByte: number | null;
  readonly sourceBinlogBytesPerSecond: number;
  readonly observedSeconds: number;
  /** Tables whose definition the target refused (a real incompatibility), with the server's message. */
  readonly problems: readonly string[];
}

export const PROBE_SCHEMA_PREFIX = 'wareview_plan_probe_';
/** LIKE pattern with the underscores escaped, so only the probe's own schemas match. */
const PROBE_SCHEMA_PATTERN = `${PROBE_SCHEMA_PREFIX.replace(/_/g, '\\_')}%`;
const MAX_STATEMENT_BYTES = 1 << 20;
const MAX_SAMPLE_BYTES_PER_TABLE = 32 * (1 << 20);

interface Sample {
  readonly table: TableFacts;
  readonly scratchName: string;
  /** Quoted, comma-separated stored columns, for the SELECT and the INSERT. */
  readonly columnList: string;
  readonly secondaryIndexes: readonly string[];
  readonly rows: readonly unknown[][];
  readonly avgRowBytes: number;
}

type Row = RowDataPacket & Record<string, unknown>;

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Keeps values writable as they were read: geometry stays binary, and JSON (which the driver parses
 * into objects, also MariaDB's JSON-annotated LONGTEXT) goes back to text.
 */
const rawTypeCast = (field: { type: string; buffer(): Buffer | null }, next: () => unknown): unknown => {
  if (field.type === 'GEOMETRY') return field.buffer();
  const value = next();
  const parsedJson =
    value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date);
  return parsedJson ? JSON.stringify(value) : value;
};

export interface BinlogPosition {
  readonly file: string;
  readonly position: number;
}

/** Bytes written to the binary logs between two positions, given the sizes from SHOW BINARY LOGS. */
export function binlogBytesBetween(
  start: BinlogPosition,
  end: BinlogPosition,
  logs: readonly { name: string; size: number }[],
): number {
  if (start.file === end.file) return Math.max(0, end.position - start.position);
  const names = logs.map((log) => log.name);
  const from = names.indexOf(start.file);
  const to = names.indexOf(end.file);
  if (from < 0 || to < 0 || to < from) return Math.max(0, end.position);
  const middle = logs.slice(from + 1, to).reduce((total, log) => total + log.size, 0);
  return Math.max(0, (logs[from]?.size ?? start.position) - start.position) + middle + end.position;
}

async function binlogPosition(connection: Queryable, dialect: DialectKind): Promise<BinlogPosition | null> {
  const query = sourcePositionQuery(dialect);
  const [rows] = await connection.query<Row[]>(query.sql, [...query.params]);
  const row = rows[0];
  return row ? { file: String(row.File), position: Number(row.Position) } : null;
}

async function binaryLogs(connection: Queryable): Promise<{ name: string; size: number }[]> {
  const [rows] = await connection.query<Row[]>('SHOW BINARY LOGS');
  return rows.map((row) => ({ name: String(row.Log_name), size: Number(row.File_size) }));
}

function pickSampleTables(tables: readonly TableFacts[], count: number): TableFacts[] {
  return [...tables]
    .filter((table) => table.rows > 0 || table.dataBytes > 0)
    .sort((a, b) => b.dataBytes - a.dataBytes)
    .slice(0, count);
}

async function readSample(
  source: Connection,
  table: TableFacts,
  columnList: string,
  limit: number,
): Promise<{ rows: unknown[][]; seconds: number }> {
  const order =
    table.primaryKey.length > 0 ? ` ORDER BY ${table.primaryKey.map(quoteIdentifier).join(', ')}` : '';
  const start = process.hrtime.bigint();
  const [rows] = await source.query({
    sql: `SELECT ${columnList} FROM ${qualifiedName(table.database, table.name)}${order} LIMIT ${Math.floor(limit)}`,
    rowsAsArray: true,
    typeCast: rawTypeCast as never,
  });
  return { rows: rows as unknown as unknown[][], seconds: seconds(start) };
}

function batches(rows: readonly unknown[][], avgRowBytes: number): unknown[][][] {
  const size = Math.max(1, Math.min(1000, Math.floor(MAX_STATEMENT_BYTES / Math.max(avgRowBytes, 1))));
  const result: unknown[][][] = [];
  for (let index = 0; index < rows.length; index += size) result.push(rows.slice(index, index + size));
  return result;
}

async function openLoadConnection(target: ServerUrl, dialect: DialectKind): Promise<Connection> {
  const connection = await openConnection(target, 'target');
  // myloader loads under this sql_mode, so zero dates and explicit zero ids load in the probe as in the run.
  await connection.query("SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO'");
  for (const setting of targetLoadSettings(dialect)) {
    if (setting.scope !== 'session' || !setting.statement) continue;
    // sql_log_bin needs SUPER; where it is refused the probe measures with the binlog on, like the run.
    await connection.query(setting.statement.sql).catch(() => undefined);
  }
  return connection;
}

/** Loads every sample with `threads` connections, each taking an equal share of every table's batches. */
async function loadWith(
  target: ServerUrl,
  dialect: DialectKind,
  samples: readonly Sample[],
  threads: number,
): Promise<number> {
  const connections = await Promise.all(
    Array.from({ length: threads }, () => openLoadConnection(target, dialect)),
  );
  try {
    for (const sample of samples) await connections[0]!.query(`TRUNCATE TABLE ${sample.scratchName}`);
    const work = samples.flatMap((sample) =>
      batches(sample.rows, sample.avgRowBytes).map((batch) => ({ sample, batch })),
    );
    const start = process.hrtime.bigint();
    await Promise.all(
      connections.map(async (connection, index) => {
        for (let item = index; item < work.length; item += threads) {
          const { sample, batch } = work[item]!;
          await connection.query(`INSERT INTO ${sample.scratchName} (${sample.columnList}) VALUES ?`, [
            batch,
          ]);
        }
      }),
    );
    return seconds(start);
  } finally {
    await Promise.all(connections.map((connection) => connection.end().catch(() => undefined)));
  }
}

/** Timed runs per thread count, interleaved (1, 2, 4, 1, 2, 4 …) so a burst of load elsewhere hits all counts. */
const LOAD_ROUNDS = 3;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Times the sample's load LOAD_ROUNDS times per thread count, after an untimed pass that warms the
 * target's buffer pool (so the first timed count is not penalised). Rows the target rejects stop the plan.
 */
async function measureLoads(
  options: ProbeOptions,
  samples: readonly Sample[],
  sampleBytes: number,
  log: (line: string) => void,
): Promise<LoadRate[]> {
  const sampleRows = samples.reduce((total, sample) => total + sample.rows.length, 0);
  const load = async (threads: number): Promise<number> => {
    try {
      return Math.max(await loadWith(options.target, options.targetDialect, samples, threads), 1e-6);
    } catch (error) {
      throw userError(
        'MIGRATE_PROBE_LOAD_FAILED',
        `The target refused rows copied from the source while measuring the load: ${(error as Error).message}`,
        'The full load would fail the same way: fix the data or the table definition on the source (see the ' +
          'message), or align the target sql_mode and character sets, then plan again.',
        error,
      );
    }
  };
  log('  warming up the target');
  await load(Math.max(...options.threadCounts));
  const timings = new Map<number, number[]>(options.threadCounts.map((threads) => [threads, []]));
  for (let round = 1; round <= LOAD_ROUNDS; round += 1) {
    for (const threads of options.threadCounts) {
      log(
        `  loading the sample with ${threads} connection${threads === 1 ? '' : 's'} (${round}/${LOAD_ROUNDS})`,
      );
      timings.get(threads)!.push(await load(threads));
    }
  }
  return options.threadCounts.map((threads) => {
    const took = median(timings.get(threads)!);
    return {
      threads,
      seconds: took,
      rowsPerSecond: sampleRows / took,
      bytesPerSecond: sampleBytes / took,
      runs: timings.get(threads)!.map((seconds) => sampleBytes / seconds),
    };
  });
}

async function dropLeftoverProbes(target: Connection): Promise<void> {
  const [rows] = await target.query<Row[]>(
    'SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?',
    [PROBE_SCHEMA_PATTERN],
  );
  for (const row of rows) await target.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(String(row.name))}`);
}

export async function probeThroughput(options: ProbeOptions): Promise<ProbeResult> {
  const log = options.log ?? (() => undefined);
  const scratch = `${PROBE_SCHEMA_PREFIX}${randomBytes(4).toString('hex')}`;
  const observeStart = process.hrtime.bigint();
  const source = await openConnection(options.source, 'source');
  const target = await openLoadConnection(options.target, options.targetDialect);
  const stopCleanupOnInterrupt = dropOnInterrupt(options.target, scratch);
  try {
    const binlogStart = await binlogPosition(source, options.sourceDialect).catch(() => null);
    await dropLeftoverProbes(target);
    await target.query(`CREATE DATABASE ${quoteIdentifier(scratch)}`);

    const samples: Sample[] = [];
    const problems: string[] = [];
    let readSeconds = 0;
    for (const [index, table] of pickSampleTables(options.tables, options.sampleTables).entries()) {
      const [[created]] = await source.query<Row[]>(
        `SHOW CREATE TABLE ${qualifiedName(table.database, table.name)}`,
      );
      const scratchName = `${quoteIdentifier(scratch)}.${quoteIdentifier(`t${index}`)}`;
      const split = splitCreateTable(String(created?.['Create Table'] ?? ''), {
        engine: 'InnoDB',
        name: scratchName,
      });
      try {
        await target.query(split.create);
      } catch (error) {
        problems.push(
          `${table.database}.${table.name}: the target refused its definition: ${(error as Error).message}`,
        );
        continue;
      }
      const columnList = options.columns
        .filter(
          (column) => column.database === table.database && column.table === table.name && !column.generated,
        )
        .map((column) => quoteIdentifier(column.name))
        .join(', ');
      const avgRowBytes = table.rows > 0 ? table.dataBytes / table.rows : 100;
      // Wide rows (BLOBs, long JSON) are sampled by size, so the sample fits comfortably in memory.
      const limit = Math.min(
        options.sampleRows,
        Math.max(100, Math.floor(MAX_SAMPLE_BYTES_PER_TABLE / avgRowBytes)),
      );
      log(`  sampling ${table.database}.${table.name} (up to ${limit.toLocaleString('en-US')} rows)`);
      const { rows, seconds: took } = await readSample(source, table, columnList, limit);
      readSeconds += took;
      samples.push({
        table,
        scratchName,
        columnList,
        secondaryIndexes: split.secondaryIndexes,
        rows,
        avgRowBytes,
      });
    }
    const sampleRows = samples.reduce((total, sample) => total + sample.rows.length, 0);
    const sampleBytes = samples.reduce((total, sample) => total + sample.rows.length * sample.avgRowBytes, 0);

    const loads = sampleRows > 0 ? await measureLoads(options, samples, sampleBytes, log) : [];

    let indexSeconds = 0;
    let indexedBytes = 0;
    for (const sample of samples.filter(
      (candidate) => candidate.secondaryIndexes.length > 0 && candidate.rows.length > 0,
    )) {
      const start = process.hrtime.bigint();
      await target.query(
        `ALTER TABLE ${sample.scratchName} ${sample.secondaryIndexes.map((clause) => `ADD ${clause}`).join(', ')}`,
      );
      indexSeconds += seconds(start);
      indexedBytes += sample.rows.length * sample.avgRowBytes;
    }

    const elapsed = seconds(observeStart);
    if (elapsed < options.observeSeconds) {
      log(`  watching the source's binary log for ${Math.ceil(options.observeSeconds - elapsed)} s more`);
      await new Promise((resolve) => setTimeout(resolve, (options.observeSeconds - elapsed) * 1000));
    }
    const observedSeconds = seconds(observeStart);
    const binlogEnd = await binlogPosition(source, options.sourceDialect).catch(() => null);
    const binlogBytes =
      binlogStart && binlogEnd ? binlogBytesBetween(binlogStart, binlogEnd, await binaryLogs(source)) : 0;

    return {
      sampledTables: samples.map((sample) => `${sample.table.database}.${sample.table.name}`),
      sampleRows,
      sampleBytes: Math.round(sampleBytes),
      dumpRowsPerSecond: sampleRows / Math.max(readSeconds, 1e-6),
      dumpBytesPerSecond: sampleBytes / Math.max(readSeconds, 1e-6),
      loads,
      indexSecondsPerByte: indexedBytes > 0 ? indexSeconds / indexedBytes : null,
      sourceBinlogBytesPerSecond: binlogBytes / observedSeconds,
      observedSeconds,
      problems,
    };
  } finally {
    stopCleanupOnInterrupt();
    await target.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(scratch)}`).catch(() => undefined);
    await Promise.all([source.end().catch(() => undefined), target.end().catch(() => undefined)]);
  }
}

/**
 * Ctrl-C or a kill while probing must not leave the scratch schema on the target: drop it over a new
 * connection (the probe's own may be busy), then exit as interrupted. Returns the un-install function.
 */
function dropOnInterrupt(target: ServerUrl, scratch: string): () => void {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const handler = (signal: NodeJS.Signals): void => {
    void withConnection(target, 'target', (connection) =>
      connection.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(scratch)}`),
    )
      .catch(() => undefined)
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  const release = leaveSignalsToCommand();
  for (const signal of signals) process.once(signal, handler);
  return () => {
    release();
    for (const signal of signals) process.off(signal, handler);
  };
}

/** Probe schemas present on the server (none after a plan, finished or failed). */
export function probeSchemasLeft(target: ServerUrl): Promise<string[]> {
  return withConnection(target, 'target', async (connection) => {
    const [rows] = await connection.query<Row[]>(
      'SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?',
      [PROBE_SCHEMA_PATTERN],
    );
    return rows.map((row) => String(row.name));
  });
}
