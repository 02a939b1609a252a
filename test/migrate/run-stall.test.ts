import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunState, statePathFor } from '../../src/migrate/run/state.ts';
import { createDataset } from './helpers/dataset.ts';
import { startMariadbServers, type MariadbServer } from './helpers/mariadb-server.ts';
import { runCli, startCli } from './run-cli.ts';
import { writeLocalPlan } from './run-plan-fixture.ts';

/**
 * `migrate run` with a mydumper or myloader that hangs the way Debian's mydumper 0.10 deadlocks: alive,
 * silent, reading and writing nothing. Stand-ins put first on PATH hang on purpose (and start a
 * grandchild that hangs too); every process they start writes `pid pgid` to a log, so the test can
 * prove that none of them outlives the watchdog or the CLI.
 */
/** Each test starts the CLI (a few seconds each on a loaded machine) and, in the last one, a real dump and load. */
const CLI_TEST_TIMEOUT_MS = 240_000;
let source: MariadbServer;
let target: MariadbServer;
let dir: string;

/**
 * A stand-in for `tool`: `--version` answers as mydumper 0.10 does; each real invocation logs itself
 * and its grandchild, then either hangs (when `hangs` says so for this invocation number) or runs the
 * real tool.
 */
async function standIn(binDir: string, tool: 'mydumper' | 'myloader', hangs: string): Promise<string> {
  const log = join(binDir, `${tool}.pids`);
  const script = `#!/bin/sh
case "$1" in --version) exec /usr/bin/${tool} --version;; esac
count=$(($(cat "${log}.count" 2>/dev/null || echo 0) + 1))
echo $count > "${log}.count"
if ${hangs}; then
  for arg; do case "$arg" in --outputdir=*) mkdir -p "\${arg#--outputdir=}"; echo partial > "\${arg#--outputdir=}/metadata.partial";; esac; done
  sleep 600 &
  echo "$$ $(ps -o pgid= $$) $! $(ps -o pgid= $!)" >> "${log}"
  wait
fi
exec /usr/bin/${tool} "$@"
`;
  const path = join(binDir, tool);
  await writeFile(path, script);
  await chmod(path, 0o755);
  return log;
}

/** Every pid a stand-in logged, with the process groups they ran in. */
async function loggedProcesses(log: string): Promise<{ pids: number[]; groups: number[] }> {
  const numbers = (await readFile(log, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/).map(Number));
  return {
    pids: numbers.flatMap(([leader, , grandchild]) => [leader!, grandchild!]),
    groups: numbers.flatMap(([, leaderGroup, , grandchildGroup]) => [leaderGroup!, grandchildGroup!]),
  };
}

/**
 * Processes (not zombies, which are dead and wait only for their parent to read their exit status) that
 * are still running in any of these process groups, or have one of these pids.
 */
async function survivors(pids: readonly number[], groups: readonly number[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces): state, ppid, pgrp.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (!stat || state === 'Z') continue;
    if (pids.includes(Number(entry)) || groups.includes(Number(pgrp))) found.push(stat.slice(0, 80));
  }
  return found;
}

/** SIGKILL is delivered asynchronously: give the kernel a moment before calling a process a survivor. */
async function survivorsAfterKill(log: string): Promise<string[]> {
  const { pids, groups } = await loggedProcesses(log);
  let left = await survivors(pids, groups);
  for (let attempt = 0; attempt < 50 && left.length > 0; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = await survivors(pids, groups);
  }
  return left;
}

async function makeRun(name: string, threads: number) {
  const runDir = join(dir, name);
  const binDir = join(runDir, 'bin');
  await mkdir(binDir, { recursive: true });
  const planPath = join(runDir, 'plan.json');
  await writeLocalPlan(planPath, {
    sourceUrl: source.url(['shop']),
    targetUrl: target.url(),
    databases: ['shop'],
    threads,
    chunkRows: 200,
  });
  return { planPath, binDir, env: { ...process.env, PATH: `${binDir}:${process.env.PATH}` } };
}

beforeAll(async () => {
  [source, target] = (await startMariadbServers([{ serverId: 41 }, { serverId: 42 }])) as [
    MariadbServer,
    MariadbServer,
  ];
  dir = await mkdtemp(join(tmpdir(), 'wareview-stall-'));
  const setup = await source.connect();
  await createDataset(setup, { customers: 200, visits: 1500, noPrimaryKeyRows: 100 });
  await setup.end();
});

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a mydumper that stalls', () => {
  it(
    'is stopped with its process group, started again, and finally reported',
    async () => {
      const { planPath, binDir, env } = await makeRun('dump-stalls', 2);
      const log = await standIn(binDir, 'mydumper', 'true');
      const { code, stderr } = await runCli(
        ['migrate', 'run', '--plan', planPath, '--stall-timeout', '1', '--stall-retries', '2'],
        env,
      );
      expect(stderr).toContain(
        'made no progress for 1 s (no output, nothing read or written) and was stopped',
      );
      expect(stderr).toContain('retry 1 of 2');
      expect(stderr).toContain('retry 2 of 2');
      expect(stderr).toMatch(/^wareview: the dump \(mydumper\) stalled: .*, 3 times in a row\.$/m);
      expect(stderr).toContain(
        'Run the same `wareview migrate run` again: finished steps and loaded chunks are kept',
      );
      expect(code).toBe(2);
      const { pids, groups } = await loggedProcesses(log);
      expect(pids).toHaveLength(6);
      // Each attempt ran as the leader of its own group, and the grandchild it started was in that group.
      expect(groups).toEqual(pids.map((_pid, index) => pids[index - (index % 2)]));
      expect(await survivorsAfterKill(log)).toEqual([]);
      expect((await readRunState(statePathFor(planPath), planPath)).completed).toEqual([]);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'does not outlive the CLI stopped by SIGTERM or Ctrl-C',
    async () => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        const { planPath, binDir, env } = await makeRun(`dump-${signal}`, 2);
        const log = await standIn(binDir, 'mydumper', 'true');
        const run = startCli(['migrate', 'run', '--plan', planPath, '--stall-timeout', '600'], env);
        try {
          while ((await loggedProcesses(log)).pids.length === 0) {
            if (run.child.exitCode !== null) throw new Error(`wareview exited early:\n${run.output.stderr}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          run.child.kill(signal);
          await run.exited;
        } finally {
          if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
        }
        expect(await loggedProcesses(log)).toMatchObject({ pids: [expect.any(Number), expect.any(Number)] });
        expect(await survivorsAfterKill(log), signal).toEqual([]);
      }
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('a myloader that stalls on one chunk', () => {
  it(
    'is stopped and the load goes on from the chunks already loaded',
    async () => {
      // One thread: the stand-in counts its runs in a file, so they must not overlap.
      const { planPath, binDir, env } = await makeRun('load-stalls', 1);
      // The third myloader run hangs; the rest load for real.
      const log = await standIn(binDir, 'myloader', '[ "$count" -eq 3 ]');
      const { code, stderr } = await runCli(
        ['migrate', 'run', '--plan', planPath, '--until', 'load', '--stall-timeout', '2'],
        env,
      );
      expect(stderr).toMatch(
        /the load of \S+ \(myloader\): myloader made no progress for 2 s .*retry 1 of 2/,
      );
      expect(code, stderr).toBe(0);
      expect((await loggedProcesses(log)).pids).toHaveLength(2);
      expect(await survivorsAfterKill(log)).toEqual([]);
      const state = await readRunState(statePathFor(planPath), planPath);
      expect(state.completed).toEqual(['dump', 'load']);
      expect(state.load?.childPids).toEqual([]);
      const count = async (server: MariadbServer): Promise<unknown> => {
        const connection = await server.connect('shop');
        const [rows] = await connection.query('SELECT COUNT(*) AS n FROM visits');
        await connection.end();
        return rows;
      };
      expect(await count(target)).toEqual(await count(source));
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
