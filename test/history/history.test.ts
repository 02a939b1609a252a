import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../src/engine/evaluate.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import { diffFindings } from '../../src/history/diff.ts';
import { History } from '../../src/history/store.ts';
import { loadDemoEstate } from '../../src/inventory/demo.ts';
import { runCli } from '../helpers/cli.ts';
import { usePostgresDatabase } from '../helpers/postgres.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const checks = (await loadChecks()).filter((check) => check.id === 'rds-multi-az');

function resultsFor(multiAz: boolean, at: string) {
  const estate = loadDemoEstate();
  const orders = estate.rds.instances.find((db) => db.identifier === 'shop-orders-mysql')!;
  orders.multiAz = multiAz;
  return evaluateChecks(checks, estate, { now: new Date(at) });
}

describe('diffFindings', () => {
  const finding = (findingKey: string, status = 'fail', suppressed?: object) => ({
    findingKey,
    status,
    severity: 'high',
    suppressed,
  });
  it.each([
    ['a new failure is added', [], [finding('a')], { added: ['a'], resolved: [], persisting: [] }],
    [
      'a fixed failure is resolved',
      [finding('a')],
      [finding('a', 'pass')],
      { added: [], resolved: ['a'], persisting: [] },
    ],
    [
      'a failure in both persists',
      [finding('a')],
      [finding('a')],
      { added: [], resolved: [], persisting: ['a'] },
    ],
    [
      'a newly suppressed failure is resolved',
      [finding('a')],
      [finding('a', 'fail', { reason: 'x' })],
      { added: [], resolved: ['a'], persisting: [] },
    ],
    ['errors are not findings', [], [finding('a', 'error')], { added: [], resolved: [], persisting: [] }],
  ])('%s', (_name, previous, current, expected) => {
    const diff = diffFindings(previous, current);
    expect({
      added: diff.added.map((f) => f.findingKey),
      resolved: diff.resolved.map((f) => f.findingKey),
      persisting: diff.persisting.map((f) => f.findingKey),
    }).toEqual(expected);
  });
});

const newPostgresDatabase = usePostgresDatabase();

/** Every history test runs against both engines: the embedded file and a real PostgreSQL server. */
const backends: [string, () => Promise<string>][] = [
  ['SQLite', async () => join(tempDir(), 'history.sqlite')],
  ['PostgreSQL', newPostgresDatabase],
];

describe.each(backends)('History in %s', (_engine, newHistory) => {
  it('records runs with their failing findings and lists them newest first', async () => {
    const history = await History.open(await newHistory());
    const first = await history.recordRun(resultsFor(false, '2026-11-01T00:00:00Z'), '/runs/1');
    const second = await history.recordRun(resultsFor(true, '2026-11-08T00:00:00Z'), '/runs/2');
    expect((await history.listRuns({ workload: 'shop-platform' })).map((run) => run.id)).toEqual([
      second,
      first,
    ]);
    expect((await history.listRuns({ workload: 'another' })).map((run) => run.id)).toEqual([]);
    expect((await history.findings(first)).map((finding) => finding.checkId)).toEqual(['rds-multi-az']);
    expect(await history.findings(second)).toEqual([]);
    expect((await history.getRun(first))?.areas['database-ha']).toMatchObject({ open: 1 });
    expect((await history.getRun(second))?.areas['database-ha']).toEqual({ score: 100, open: 0 });
    await history.markStored(first, 's3://archive/runs/1/');
    expect((await history.getRun(first))?.storedAt).toBe('s3://archive/runs/1/');
    await history.close();
  });

  it('opens an existing history again without migrating it twice', async () => {
    const location = await newHistory();
    const first = await History.open(location);
    await first.recordRun(resultsFor(false, '2026-11-01T00:00:00Z'), '/runs/1');
    await first.close();
    const again = await History.open(location);
    expect(await again.listRuns()).toHaveLength(1);
    await again.close();
  });

  it('wareview history diff exits 1 with --fail-on-new when a new finding reaches the threshold; trend lists the areas per run', async () => {
    const location = await newHistory();
    const history = await History.open(location);
    await history.recordRun(resultsFor(true, '2026-11-01T00:00:00Z'), '/runs/1');
    await history.recordRun(resultsFor(false, '2026-11-08T00:00:00Z'), '/runs/2');
    await history.close();
    const run = await runCli(['history', 'diff', '--fail-on-new', 'high', '--history', location], {
      cwd: tempDir(),
    });
    expect(run.stdout).toContain('new 1, resolved 0');
    expect(run.stdout).toContain('+ [high] rds-multi-az: single-AZ mysql shop-orders-mysql');
    expect(run.code).toBe(1);
    const trend = await runCli(['history', 'trend', '--history', location], { cwd: tempDir() });
    expect(trend.code).toBe(0);
    const lines = trend.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^area +#1 2026-11-01 +#2 2026-11-08$/);
    expect(lines.find((line) => line.startsWith('database-ha'))).toMatch(
      /^database-ha +\d+ \(0\) +\d+ \(1\)$/,
    );
  }, 180_000);
});

describe('History files', () => {
  it('refuses a damaged history file with a clear error', async () => {
    const path = join(tempDir(), 'history.sqlite');
    writeFileSync(path, 'this is not a database, it is a text file of some length '.repeat(100));
    await expect(History.open(path)).rejects.toThrow(/cannot open the run history/);
  });

  it('says what to do when a PostgreSQL history cannot be reached, without printing its password', async () => {
    await expect(History.open('postgres://root:secret@127.0.0.1:1/none')).rejects.toThrow(
      /postgres:\/\/root:\*\*\*@127\.0\.0\.1:1\/none: cannot open the run history/,
    );
  });

  it('migrates a history file written before the schema had versions, keeping its runs', async () => {
    const path = join(tempDir(), 'history.sqlite');
    const old = new Database(path);
    old.exec(`CREATE TABLE runs (id INTEGER PRIMARY KEY, workload TEXT NOT NULL, evaluated_at TEXT NOT NULL,
      collected_at TEXT NOT NULL, out_dir TEXT NOT NULL, score INTEGER, pass INTEGER NOT NULL,
      fail INTEGER NOT NULL, error INTEGER NOT NULL);
      INSERT INTO runs VALUES (7, 'shop-platform', '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z', '/runs/7', 80, 8, 2, 0);`);
    old.close();
    const history = await History.open(path);
    expect(await history.listRuns()).toMatchObject([{ id: 7, score: 80, areas: {}, storedAt: null }]);
    await history.close();
  });
});

describe('wareview history', () => {
  it('says what to do when there is no history', async () => {
    const run = await runCli(['history', 'list'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Run `wareview review` or `wareview evaluate` first');
  });
});
