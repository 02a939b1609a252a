import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statePathFor } from '../../src/migrate/run/state.ts';
import { createDataset, startWriteLoad, type WriteLoad } from './helpers/dataset.ts';
import { startMariadbServers, type MariadbServer } from './helpers/mariadb-server.ts';
import { chunksDone, readState, runCli, startCli, waitForState } from './run-cli.ts';
import { writeLocalPlan, TEST_STALL_ARGS } from './run-plan-fixture.ts';

/**
 * `migrate run` killed with SIGKILL (no chance to clean up) during the load and again during the
 * catch-up, each time resumed by a new run; the copy must end equal to the source, with writes
 * running on the source throughout.
 */
/** Each test runs the CLI through a load or a catch-up: 30–50 s alone, more on a machine shared with others. */
const RUN_TEST_TIMEOUT_MS = 240_000;
let source: MariadbServer;
let target: MariadbServer;
let dir: string;
let planPath: string;
let statePath: string;
let writer: Connection;
let writes: WriteLoad;

beforeAll(async () => {
  [source, target] = (await startMariadbServers([{ serverId: 21 }, { serverId: 22 }])) as [
    MariadbServer,
    MariadbServer,
  ];
  dir = await mkdtemp(join(tmpdir(), 'wareview-resume-'));
  planPath = join(dir, 'plan.json');
  statePath = statePathFor(planPath);
  const setup = await source.connect();
  await createDataset(setup, { customers: 600, visits: 6000, noPrimaryKeyRows: 1500 });
  await setup.end();
  // Small chunks: the load is many short myloader runs, so a kill lands between and inside them.
  await writeLocalPlan(planPath, {
    sourceUrl: source.url(['shop']),
    targetUrl: target.url(),
    databases: ['shop'],
    threads: 2,
    chunkRows: 150,
  });
  writer = await source.connect();
  writes = startWriteLoad(writer, { perSecond: 60, customers: 600 });
});

afterAll(async () => {
  await writes?.stop();
  await writer?.end();
  await Promise.all([source?.stop(), target?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('migrate run resumes after SIGKILL', () => {
  it(
    'is killed during the load, after some chunks and before the end',
    async () => {
      const run = startCli(['migrate', 'run', '--plan', planPath, ...TEST_STALL_ARGS]);
      await waitForState(statePath, run, (state) => chunksDone(state) >= 6);
      run.child.kill('SIGKILL');
      await run.exited;
      const state = await readState(statePath);
      expect(state?.completed).toEqual(['dump']);
      expect(chunksDone(state!)).toBeGreaterThanOrEqual(6);
    },
    RUN_TEST_TIMEOUT_MS,
  );

  it(
    'resumes the load without reloading finished chunks, and configures replication',
    async () => {
      const before = await readState(statePath);
      const { code, stderr } = await runCli([
        'migrate',
        'run',
        '--plan',
        planPath,
        '--until',
        'replicate',
        ...TEST_STALL_ARGS,
      ]);
      expect(stderr).toMatch(/resuming: done so far: dump/);
      expect(code).toBe(0);
      const after = await readState(statePath);
      expect(after?.completed).toEqual(['dump', 'load', 'replicate']);
      expect(after?.dump).toEqual(before?.dump);
      for (const [table, progress] of Object.entries(before?.load?.tables ?? {})) {
        if (table !== 'shop.audit_log')
          expect(after?.load?.tables[table]?.chunksDone).toEqual(expect.arrayContaining(progress.chunksDone));
      }
    },
    RUN_TEST_TIMEOUT_MS,
  );

  it(
    'is killed during the catch-up while the replica is held back',
    async () => {
      // A write lock on the target holds the replica's SQL thread, so the catch-up cannot finish.
      const blocker = await target.connect();
      await blocker.query('LOCK TABLES shop.visits WRITE');
      try {
        const configured = (await readState(statePath))?.replicate?.configuredAt;
        const run = startCli(['migrate', 'run', '--plan', planPath, ...TEST_STALL_ARGS]);
        await waitForOutput(run.output, /catch-up/);
        run.child.kill('SIGKILL');
        await run.exited;
        const state = await readState(statePath);
        expect(state?.completed).toEqual(['dump', 'load', 'replicate']);
        expect(state?.replicate?.configuredAt).toBe(configured);
      } finally {
        await blocker.query('UNLOCK TABLES');
        await blocker.end();
      }
    },
    RUN_TEST_TIMEOUT_MS,
  );

  it(
    'resumes the catch-up from the replica’s own position and ends equal',
    async () => {
      const { code } = await runCli(['migrate', 'run', '--plan', planPath, ...TEST_STALL_ARGS]);
      expect(code).toBe(0);
      expect((await readState(statePath))?.completed).toEqual(['dump', 'load', 'replicate', 'caught-up']);
      const counts = await writes.stop();
      expect(counts.errors).toEqual([]);
      const validation = await runCli(['migrate', 'validate', '--plan', planPath]);
      expect(validation.stdout).toMatch(/^equal: 6 tables/m);
      expect(validation.code).toBe(0);
    },
    RUN_TEST_TIMEOUT_MS,
  );
});

async function waitForOutput(output: { stderr: string }, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output.stderr)) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} in the output:\n${output.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Let it poll the lagging replica a few times before the kill.
  await new Promise((resolve) => setTimeout(resolve, 1500));
}
