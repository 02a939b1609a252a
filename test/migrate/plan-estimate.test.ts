import { describe, expect, it } from 'vitest';
import type { TableFacts } from '../../src/migrate/assess/inspect.ts';
import {
  checkRetention,
  estimateDurations,
  loadRateFor,
  recommendChunkRows,
  recommendLoadInstanceClass,
  recommendThreads,
  RETENTION_MARGIN_SECONDS,
} from '../../src/migrate/plan/estimate.ts';
import { binlogBytesBetween, type LoadRate, type ProbeResult } from '../../src/migrate/plan/probe.ts';

const rate = (threads: number, bytesPerSecond: number, runs = [bytesPerSecond]): LoadRate => ({
  threads,
  seconds: 1,
  rowsPerSecond: bytesPerSecond / 100,
  bytesPerSecond,
  runs,
});

const table = (name: string, rows: number, dataBytes: number, secondaryIndexes = 0): TableFacts => ({
  database: 'shop',
  name,
  engine: 'InnoDB',
  rows,
  dataBytes,
  indexBytes: 0,
  collation: null,
  primaryKey: ['id'],
  uniqueKeys: [],
  secondaryIndexes,
  foreignKeys: 0,
  chunkColumn: 'id',
});

const probe = (overrides: Partial<ProbeResult> = {}): ProbeResult => ({
  sampledTables: ['shop.visits'],
  sampleRows: 1000,
  sampleBytes: 100_000,
  dumpRowsPerSecond: 10_000,
  dumpBytesPerSecond: 1_000_000,
  loads: [rate(1, 100_000), rate(2, 150_000), rate(4, 155_000)],
  indexSecondsPerByte: 1 / 400_000,
  sourceBinlogBytesPerSecond: 10_000,
  observedSeconds: 10,
  problems: [],
  ...overrides,
});

describe('recommendThreads: the smallest count no larger one beats by 10% beyond the noise', () => {
  it.each([
    // Medians 100, 130, 150 but the runs overlap: noise, not a gain, so the answer cannot flip.
    {
      loads: [rate(1, 100, [90, 100, 125]), rate(2, 130, [95, 130, 160]), rate(4, 150, [98, 150, 170])],
      threads: 1,
    },
    {
      loads: [rate(1, 100, [95, 100, 105]), rate(2, 180, [170, 180, 185]), rate(4, 185, [110, 185, 200])],
      threads: 2,
    },
    { loads: [rate(1, 100), rate(2, 150), rate(4, 155)], threads: 2 },
    { loads: [rate(1, 100), rate(2, 105), rate(4, 108)], threads: 1 },
    { loads: [rate(1, 100), rate(2, 120), rate(4, 200)], threads: 4 },
    { loads: [rate(4, 100), rate(1, 100)], threads: 1 },
    { loads: [], threads: 1 },
  ])('$loads.length rates → $threads', ({ loads, threads }) => expect(recommendThreads(loads)).toBe(threads));
});

describe('loadRateFor', () => {
  const loads = [rate(1, 100), rate(2, 150), rate(4, 155)];
  it.each([
    [1, 1],
    [3, 2],
    [8, 4],
  ])('%i threads uses the rate measured with %i', (threads, measured) => {
    expect(loadRateFor(loads, threads)?.threads).toBe(measured);
  });
});

describe('recommendChunkRows: about 64 MiB of the largest table, 10k–1M rows', () => {
  it.each([
    { rows: 10_000_000, bytes: 4_300_000_000, expected: 200_000 },
    { rows: 1_000_000, bytes: 20_000_000, expected: 1_000_000 },
    { rows: 1000, bytes: 1_000_000_000, expected: 10_000 },
  ])('$rows rows in $bytes bytes → $expected', ({ rows, bytes, expected }) => {
    expect(recommendChunkRows([table('small', 10, 1000), table('big', rows, bytes)])).toBe(expected);
  });
});

describe('recommendLoadInstanceClass: about two vCPUs per load thread, at least 8', () => {
  it.each([
    [1, 'db.r6g.2xlarge'],
    [4, 'db.r6g.2xlarge'],
    [6, 'db.r6g.4xlarge'],
    [100, 'db.r6g.16xlarge'],
  ])('%i threads → %s', (threads, expected) => expect(recommendLoadInstanceClass(threads)).toBe(expected));
});

describe('estimateDurations', () => {
  const tables = [table('visits', 10_000_000, 4_000_000_000, 1), table('customers', 1000, 1_000_000)];

  it('derives dump, load, index and catch-up time from the measured rates', () => {
    const estimates = estimateDurations(tables, probe(), 2);
    expect(estimates.dumpSeconds).toBeCloseTo(4_001_000_000 / 2_000_000);
    expect(estimates.loadSeconds).toBeCloseTo(4_001_000_000 / 150_000);
    expect(estimates.indexSeconds).toBeCloseTo(4_000_000_000 / 400_000);
    const backlog = 10_000 * (estimates.dumpSeconds + estimates.loadSeconds + estimates.indexSeconds);
    expect(estimates.catchUpSeconds).toBeCloseTo(backlog / (100_000 - 10_000));
    expect(estimates.totalSeconds).toBeCloseTo(
      estimates.dumpSeconds + estimates.loadSeconds + estimates.indexSeconds + estimates.catchUpSeconds,
    );
    expect(estimates.canCatchUp).toBe(true);
  });

  it('says when the source writes faster than the target applies', () => {
    expect(estimateDurations(tables, probe({ sourceBinlogBytesPerSecond: 200_000 }), 2).canCatchUp).toBe(
      false,
    );
  });

  it('estimates nothing for empty tables (no rows to sample)', () => {
    const empty = estimateDurations([table('t', 0, 16_384)], probe({ loads: [], sampleRows: 0 }), 2);
    expect(empty).toMatchObject({ dumpSeconds: 0, loadSeconds: 0, totalSeconds: 0, canCatchUp: true });
  });

  it('needs no catch-up without writes', () => {
    expect(estimateDurations(tables, probe({ sourceBinlogBytesPerSecond: 0 }), 2).catchUpSeconds).toBe(0);
  });
});

describe('checkRetention: total × 1.5 + 1 h must fit', () => {
  const estimates = {
    ...estimateDurations([table('t', 1, 1)], probe({ sourceBinlogBytesPerSecond: 0 }), 1),
    totalSeconds: 7200,
  };
  const required = 7200 * 1.5 + RETENTION_MARGIN_SECONDS;
  it.each([
    { name: 'never purged', retention: { seconds: null, setting: 'x = 0' }, sufficient: true, fix: [] },
    { name: 'a week', retention: { seconds: 604_800, setting: 'x' }, sufficient: true, fix: [] },
    {
      name: 'one hour on MariaDB',
      retention: { seconds: 3600, setting: 'x' },
      sufficient: false,
      fix: ['SET GLOBAL binlog_expire_logs_seconds = 14400'],
    },
    {
      name: 'exactly the requirement',
      retention: { seconds: required, setting: 'x' },
      sufficient: true,
      fix: [],
    },
    {
      name: 'unknown',
      retention: null,
      sufficient: false,
      fix: ['SET GLOBAL binlog_expire_logs_seconds = 14400'],
    },
  ])('$name', ({ retention, sufficient, fix }) => {
    const check = checkRetention(retention, estimates, {
      dialect: 'mariadb',
      retentionVariables: ['binlog_expire_logs_seconds'],
    });
    expect(check).toMatchObject({ requiredSeconds: required, sufficient, fixStatements: fix });
  });

  it('on Aurora asks for binlog retention hours', () => {
    const check = checkRetention({ seconds: 0, setting: 'NULL' }, estimates, {
      dialect: 'aurora',
      retentionVariables: [],
    });
    expect(check.fixStatements).toEqual(["CALL mysql.rds_set_configuration('binlog retention hours', 4)"]);
  });
});

describe('binlogBytesBetween', () => {
  const logs = [
    { name: 'b.000001', size: 1000 },
    { name: 'b.000002', size: 500 },
    { name: 'b.000003', size: 300 },
  ];
  it.each([
    { start: { file: 'b.000002', position: 100 }, end: { file: 'b.000002', position: 400 }, bytes: 300 },
    {
      start: { file: 'b.000001', position: 900 },
      end: { file: 'b.000003', position: 50 },
      bytes: 100 + 500 + 50,
    },
    { start: { file: 'b.000009', position: 5 }, end: { file: 'b.000003', position: 50 }, bytes: 50 },
  ])('$start.file:$start.position → $end.file:$end.position', ({ start, end, bytes }) => {
    expect(binlogBytesBetween(start, end, logs)).toBe(bytes);
  });
});
