import { readFile } from 'node:fs/promises';
import { userError, WareviewError } from '../../errors.ts';

/**
 * Stall detection for mydumper and myloader. Debian's mydumper 0.10 can deadlock with every thread
 * waiting in g_async_queue_pop: it then prints nothing, writes nothing and reads nothing, forever.
 * A tool shows progress by any of: new output, bytes it read or wrote (/proc/PID/io, sockets and files
 * alike), or a change in what the caller's probe sees (the dump folder growing, say).
 */
export interface Supervision {
  /** A tool that shows no progress for this long is stopped with its whole process group. */
  readonly stallMs: number;
  /** How often a stalled tool is started again before the run stops. */
  readonly retries: number;
}

export const DEFAULT_SUPERVISION: Supervision = { stallMs: 300_000, retries: 2 };

export interface StallWatch {
  readonly stallMs: number;
  /** More evidence of progress, e.g. the sizes of the files the tool writes. */
  readonly probe?: () => Promise<string>;
}

export class ToolStalledError extends WareviewError {
  constructor(
    readonly tool: string,
    readonly stallMs: number,
  ) {
    super(
      'MIGRATE_TOOL_STALLED',
      `${tool} made no progress for ${formatSeconds(stallMs)} (no output, nothing read or written) and was stopped`,
      { source: 'tool' },
    );
  }
}

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

/** rchar and wchar count every read and write, to sockets too: a deadlocked process moves neither. */
async function ioCounters(pid: number): Promise<string> {
  const text = await readFile(`/proc/${pid}/io`, 'utf8').catch(() => '');
  return [...text.matchAll(/^(?:rchar|wchar):\s*(\d+)$/gm)].map((match) => match[1]).join('/');
}

/**
 * Calls `onStall` once when the tool has shown no progress for `watch.stallMs`; returns the function
 * that stops watching.
 */
export function watchForStall(
  pid: number,
  watch: StallWatch,
  outputSeen: () => number,
  onStall: () => void,
): () => void {
  let fingerprint = '';
  let lastProgressAt = Date.now();
  let checking = false;
  const check = async (): Promise<void> => {
    if (checking) return;
    checking = true;
    try {
      const now = [outputSeen(), await ioCounters(pid), (await watch.probe?.()) ?? ''].join('|');
      if (now !== fingerprint) {
        fingerprint = now;
        lastProgressAt = Date.now();
      } else if (Date.now() - lastProgressAt >= watch.stallMs) {
        clearInterval(timer);
        onStall();
      }
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), Math.min(1000, Math.max(50, watch.stallMs / 5)));
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Runs `attempt` again when its tool stalled, up to `supervision.retries` more times; the attempt itself
 * starts from the last finished piece of work. After the last stall the run stops with what stalled
 * and the assurance that a rerun keeps the finished work.
 */
export async function retryStalledTool<T>(
  what: string,
  supervision: Supervision,
  log: (line: string) => void,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let number = 1; ; number += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ToolStalledError)) throw error;
      if (number > supervision.retries) {
        throw userError(
          'MIGRATE_TOOL_STALLED',
          `${what} stalled: ${error.message}, ${number} time${number > 1 ? 's' : ''} in a row.`,
          'Run the same `wareview migrate run` again: finished steps and loaded chunks are kept and the work ' +
            'continues from there. If it stalls again, check the server it talks to (locks, disk, connections) ' +
            'or give it longer with --stall-timeout.',
          error,
        );
      }
      log(`${what}: ${error.message}; starting it again (retry ${number} of ${supervision.retries})`);
    }
  }
}
