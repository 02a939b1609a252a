import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { History } from '../../src/history/store.ts';
import { acquireLock } from '../../src/schedule/lock.ts';
import { runSchedule } from '../../src/schedule/scheduler.ts';
import { BIN, runCli } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const EVERY_SECOND = '* * * * * *';

/** Lines of the log that match, in order. */
function events(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => /^schedule: \S+ run \d+ (started|finished|failed)/.test(line))
    .map((line) => line.replace(/^schedule: \S+ /, '').replace(/: exit .*/, ''));
}

describe('runSchedule', () => {
  it('never starts a run while one is going, and stops after --max-runs', async () => {
    let running = 0;
    let most = 0;
    const lines: string[] = [];
    const runs = await runSchedule({
      cron: EVERY_SECOND,
      maxRuns: 3,
      // Each run outlasts a tick or two, so ticks fall on a run in progress.
      run: async (number) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        running -= 1;
        if (number === 2) throw new Error('the estate could not be read');
        return number === 3 ? 2 : 0;
      },
      log: (line) => lines.push(line),
      signal: new AbortController().signal,
    });
    expect(most).toBe(1);
    expect(runs.map((run) => [run.number, run.exitCode])).toEqual([
      [1, 0],
      [2, -1],
      [3, 2],
    ]);
    expect(lines).toContain('schedule: run 2: the estate could not be read');
    expect(lines.at(-1)).toMatch(/stopped after 3 run\(s\)$/);
  });

  it('stops at once when aborted between runs', async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const done = runSchedule({
      cron: '0 0 1 1 *',
      run: async () => 0,
      log: (line) => lines.push(line),
      signal: controller.signal,
    });
    controller.abort();
    expect(await done).toEqual([]);
    expect(lines.at(-1)).toMatch(/stopped after 0 run\(s\)$/);
  });
});

describe('acquireLock', () => {
  it('refuses a lock a running process holds and takes over one a dead process left', () => {
    const path = join(tempDir(), 'history.sqlite.lock');
    const held = acquireLock(path, 'the run history');
    expect(() => acquireLock(path, 'the run history')).toThrow(
      `the run history is in use by process ${process.pid}`,
    );
    held.release();
    expect(existsSync(path)).toBe(false);
  });
});

describe('wareview schedule', () => {
  it('runs reviews on the schedule one after another and records each in the history', async () => {
    const dir = tempDir();
    const run = await runCli(
      ['schedule', '--cron', EVERY_SECOND, '--max-runs', '2', '--', 'review', '--demo', '--format', 'md'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(events(run.stdout)).toEqual([
      'run 1 started',
      'run 1 finished',
      'run 2 started',
      'run 2 finished',
    ]);
    const summaries = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { workload: string; exitCode: number; historyRun: number });
    expect(summaries.map((summary) => [summary.workload, summary.exitCode, summary.historyRun])).toEqual([
      ['shop-platform', 0, 1],
      ['shop-platform', 0, 2],
    ]);
    const history = await History.open(join(dir, 'reports', 'history.sqlite'));
    expect(await history.listRuns()).toHaveLength(2);
    await history.close();
    expect(existsSync(join(dir, 'reports', 'history.sqlite.lock'))).toBe(false);
  }, 240_000);

  it('survives a failed run and goes on to the next', async () => {
    const dir = tempDir();
    const failing = await runCli(
      [
        'schedule',
        '--cron',
        EVERY_SECOND,
        '--max-runs',
        '2',
        '--',
        'review',
        '--inventory',
        'missing.json.gz',
      ],
      { cwd: dir },
    );
    expect(failing.code).toBe(0);
    expect(events(failing.stdout)).toEqual([
      'run 1 started',
      'run 1 failed',
      'run 2 started',
      'run 2 failed',
    ]);
    expect(failing.stderr).toContain('missing.json.gz: cannot read the snapshot');
  }, 240_000);

  it('ends cleanly on SIGTERM between runs, and a second scheduler on the same history is refused meanwhile', async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      [BIN, 'schedule', '--cron', '0 0 1 1 *', '--', 'review', '--demo'],
      {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('schedule: next run at')) resolve();
      });
      child.on('close', () => reject(new Error(`schedule ended early: ${stdout}`)));
    });
    const second = await runCli(['schedule', '--cron', '0 0 1 1 *', '--', 'review', '--demo'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`the run history is in use by process ${child.pid}`);

    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/stopped after 0 run\(s\)\n$/);
    expect(existsSync(join(dir, 'reports', 'history.sqlite.lock'))).toBe(false);
  }, 120_000);

  it.each([
    [['--cron', 'every morning', '--', 'review'], /--cron "every morning"/],
    [['--cron', '0 6 * * *', '--', 'history', 'list'], /schedule needs the command to run after --/],
  ])('refuses %j with exit 2', async (args, message) => {
    const run = await runCli(['schedule', ...args], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
