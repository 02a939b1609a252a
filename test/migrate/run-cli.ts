import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runStateSchema, type RunState } from '../../src/migrate/run/state.ts';

/** `node bin/wareview.js …` as a child process, for tests that kill it or read its exit code. */
export const WAREVIEW_BIN = join(import.meta.dirname, '..', '..', 'bin', 'wareview.js');

export interface CliRun {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env): CliRun {
  const child = spawn(process.execPath, [WAREVIEW_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output, exited };
}

export async function runCli(
  args: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = startCli(args, env);
  const code = await run.exited;
  return { code, ...run.output };
}

export async function readState(path: string): Promise<RunState | null> {
  try {
    return runStateSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return null;
  }
}

/** Polls the run state file until `ready` says so (or the child exits first, which fails the test). */
export async function waitForState(
  statePath: string,
  run: CliRun,
  ready: (state: RunState) => boolean,
  timeoutMs = 90_000,
): Promise<RunState> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await readState(statePath);
    if (state && ready(state)) return state;
    if (run.child.exitCode !== null) {
      throw new Error(
        `wareview exited (${run.child.exitCode}) before the state was reached:\n${run.output.stderr}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the run state did not reach the expected point in ${timeoutMs} ms`);
}

export const chunksDone = (state: RunState): number =>
  Object.values(state.load?.tables ?? {}).reduce((sum, table) => sum + table.chunksDone.length, 0);
