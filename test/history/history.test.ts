import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../src/engine/evaluate.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import { diffFindings } from '../../src/history/diff.ts';
import { History } from '../../src/history/store.ts';
import { loadDemoEstate } from '../../src/inventory/demo.ts';
import { runCli } from '../helpers/cli.ts';
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

describe('History', () => {
  it('records runs with their failing findings and lists them newest first', () => {
    const history = History.open(join(tempDir(), 'history.sqlite'));
    const first = history.recordRun(resultsFor(false, '2026-11-01T00:00:00Z'), '/runs/1');
    const second = history.recordRun(resultsFor(true, '2026-11-08T00:00:00Z'), '/runs/2');
    expect(history.listRuns({ workload: 'shop-platform' }).map((run) => run.id)).toEqual([second, first]);
    expect(history.findings(first).map((finding) => finding.checkId)).toEqual(['rds-multi-az']);
    expect(history.findings(second)).toEqual([]);
    history.close();
  });

  it('refuses a damaged history file with a clear error', async () => {
    const path = join(tempDir(), 'history.sqlite');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, 'this is not a database, it is a text file of some length '.repeat(100));
    expect(() => History.open(path)).toThrow(/cannot open the run history/);
  });
});

describe('wareview history diff', () => {
  it('exits 1 with --fail-on-new when a new finding reaches the threshold', async () => {
    const dir = tempDir();
    const history = History.open(join(dir, 'reports', 'history.sqlite'));
    history.recordRun(resultsFor(true, '2026-11-01T00:00:00Z'), '/runs/1');
    history.recordRun(resultsFor(false, '2026-11-08T00:00:00Z'), '/runs/2');
    history.close();
    const run = await runCli(['history', 'diff', '--fail-on-new', 'high'], { cwd: dir });
    expect(run.stdout).toContain('new 1, resolved 0');
    expect(run.stdout).toContain('+ [high] rds-multi-az: single-AZ mysql shop-orders-mysql');
    expect(run.code).toBe(1);
  });

  it('says what to do when there is no history', async () => {
    const run = await runCli(['history', 'list'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Run `wareview review` or `wareview evaluate` first');
  });
});
