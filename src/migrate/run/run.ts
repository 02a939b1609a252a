import { basename, dirname, join, resolve } from 'node:path';
import { userError } from '../../errors.ts';
import { readPlan } from '../plan-schema.ts';
import type { RunContext } from './context.ts';
import { dumpStep } from './dump.ts';
import { loadStep } from './load.ts';
import { detectDumpTools } from './mydumper.ts';
import { resolvePlanServers } from './plan-servers.ts';
import { createProgressReporter, type ProgressReporter } from './progress.ts';
import { catchUpStep, replicateStep } from './replicate.ts';
import { DEFAULT_SUPERVISION, type Supervision } from './watchdog.ts';
import { readRunState, RUN_STEPS, RunStateStore, statePathFor, type RunStep } from './state.ts';

/**
 * `migrate run`: dump → load → replicate → caught-up, each step skipped when the state file beside
 * the plan says it is done, so a run after a crash, a kill or Ctrl-C continues where it stopped.
 */
export interface RunOptions {
  readonly planPath: string;
  readonly until?: RunStep;
  readonly env?: NodeJS.ProcessEnv;
  readonly progress?: ProgressReporter;
  readonly pollMs?: number;
  readonly supervision?: Partial<Supervision>;
}

export interface RunOutcome {
  readonly completed: readonly RunStep[];
  readonly statePath: string;
  readonly warnings: readonly string[];
}

const STEP_ACTIONS: Record<RunStep, (context: RunContext) => Promise<void>> = {
  dump: async (context) => dumpStep(context, await detectDumpTools(context.env)),
  load: loadStep,
  replicate: replicateStep,
  'caught-up': catchUpStep,
};

export function dumpDirFor(planPath: string): string {
  return join(dirname(planPath), `${basename(planPath).replace(/\.json$/i, '')}.dump`);
}

export async function runMigration(options: RunOptions): Promise<RunOutcome> {
  const planPath = resolve(options.planPath);
  const env = options.env ?? process.env;
  const plan = await readPlan(planPath);
  if (plan.blockers.length > 0) {
    throw userError(
      'MIGRATE_PLAN_BLOCKED',
      `The plan has ${plan.blockers.length} blocker(s): ${plan.blockers.map((blocker) => blocker.message).join('; ')}`,
      plan.blockers.map((blocker) => blocker.fix).join(' '),
    );
  }
  if (!plan.source.binlog.enabled) {
    throw userError(
      'MIGRATE_SOURCE_NO_BINLOG',
      `The source ${plan.source.url} had binary logging off when the plan was made; the target could not follow it.`,
      'Turn on log_bin with binlog_format=ROW on the source, restart it, and write the plan again.',
    );
  }
  const statePath = statePathFor(planPath);
  const store = new RunStateStore(statePath, await readRunState(statePath, planPath));
  const pending = RUN_STEPS.slice(0, RUN_STEPS.indexOf(options.until ?? 'caught-up') + 1).filter(
    (step) => !store.isDone(step),
  );
  // The tools are needed as long as a load remains; check them before anything else happens.
  if (pending.includes('dump') || pending.includes('load')) await detectDumpTools(env);
  const { source, target } = await resolvePlanServers(plan, env);
  const progress = options.progress ?? createProgressReporter();
  const context: RunContext = {
    source,
    target,
    databases: plan.databases,
    threads: plan.threads,
    chunkRows: plan.chunkRows,
    dumpDir: store.state.dump?.dir ?? dumpDirFor(planPath),
    sourceKind: plan.source.dialect,
    targetKind: plan.target.dialect,
    store,
    progress,
    env,
    pollMs: options.pollMs ?? 500,
    supervision: { ...DEFAULT_SUPERVISION, ...options.supervision },
  };
  try {
    if (store.state.completed.length > 0)
      progress.log(`resuming: done so far: ${store.state.completed.join(', ')}`);
    for (const step of pending) await STEP_ACTIONS[step](context);
  } finally {
    progress.stop();
  }
  return { completed: store.state.completed, statePath, warnings: store.state.warnings };
}
