/**
 * The process groups of the tools `migrate run` starts. Each tool runs as the leader of its own group
 * (spawned detached), so one signal to the group reaches every thread and every process it started.
 * Whatever ends the CLI (a normal exit, an uncaught error, Ctrl-C, SIGTERM) ends the groups first:
 * a mydumper or myloader must never go on writing after the run that owned it is gone.
 */
const liveGroups = new Set<number>();
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function adoptGroup(leaderPid: number): void {
  if (liveGroups.size === 0) installHandlers();
  liveGroups.add(leaderPid);
}

/** Kills what is left of the group (nothing, after a clean exit) and forgets it. */
export function endGroup(leaderPid: number): void {
  killGroup(leaderPid);
  liveGroups.delete(leaderPid);
  if (liveGroups.size === 0) removeHandlers();
}

/** The groups still running, for tests and diagnostics. */
export function liveGroupLeaders(): number[] {
  return [...liveGroups];
}

function killGroup(leaderPid: number): void {
  try {
    process.kill(-leaderPid, 'SIGKILL');
  } catch {
    // The group is already empty.
  }
}

function killAll(): void {
  for (const leaderPid of liveGroups) killGroup(leaderPid);
  liveGroups.clear();
}

function onStopSignal(signal: NodeJS.Signals): void {
  killAll();
  removeHandlers();
  // Nobody else handles the signal: die of it, as the process would have without this handler.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installHandlers(): void {
  process.on('exit', killAll);
  for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);
}

function removeHandlers(): void {
  process.off('exit', killAll);
  for (const signal of STOP_SIGNALS) process.off(signal, onStopSignal);
}
