/**
 * What an interrupted run must undo (a staging folder, a browser and its profile). Ctrl-C runs every
 * registered cleanup, newest first, prints one line and exits 130 (143 for SIGTERM); a second Ctrl-C
 * exits at once.
 */
type Cleanup = () => Promise<void> | void;

const cleanups = new Set<Cleanup>();
const EXIT_BY_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;
/** Cleanups that take longer (a stuck browser) are cut short; what they own is removed on exit. */
const CLEANUP_BUDGET_MS = 10_000;

/** Registers a cleanup for an interruption; call the returned function once the work is finished. */
export function onInterrupt(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

let installed = false;
/** Commands that handle SIGINT/SIGTERM themselves (a scheduler, a probe that drops its scratch schema). */
let ownedBy = 0;

/**
 * A command takes over what SIGINT and SIGTERM do (it exits itself): the cleanups still run, but the
 * process is not exited under it. Call the returned function when the command no longer handles them.
 */
export function leaveSignalsToCommand(): () => void {
  ownedBy += 1;
  let released = false;
  return () => {
    if (!released) ownedBy -= 1;
    released = true;
  };
}

export function installInterruptHandlers(log: (line: string) => void = (line) => console.error(line)): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(EXIT_BY_SIGNAL) as (keyof typeof EXIT_BY_SIGNAL)[]) {
    process.on(signal, function handler() {
      if (ownedBy > 0) {
        void runCleanups();
        return;
      }
      process.off(signal, handler);
      process.once(signal, () => process.exit(EXIT_BY_SIGNAL[signal]));
      log(`wareview: interrupted (${signal}); removing unfinished output`);
      void runCleanups().finally(() => process.exit(EXIT_BY_SIGNAL[signal]));
    });
  }
}

async function runCleanups(): Promise<void> {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  const all = (async () => {
    for (const cleanup of pending) {
      try {
        await cleanup();
      } catch {
        // One cleanup failing must not keep the others from running.
      }
    }
  })();
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, CLEANUP_BUDGET_MS).unref())]);
}
