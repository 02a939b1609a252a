import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { userError } from '../../errors.ts';
import { writeFileAtomic } from '../../util/fs-atomic.ts';
import { formatZodIssues } from '../../util/zod-issues.ts';

/**
 * The run's progress, written atomically beside the plan after every step and every loaded
 * chunk, so a killed run resumes without redoing finished work. It holds no password.
 */
export const RUN_STEPS = ['dump', 'load', 'replicate', 'caught-up'] as const;
export type RunStep = (typeof RUN_STEPS)[number];

const coordinatesSchema = z.object({
  file: z.string().min(1),
  position: z.number().int().nonnegative(),
  gtid: z.string().optional(),
});

const tableLoadSchema = z.object({
  /** created: empty table exists; loading: some chunks done; loaded: all data in; indexed: keys added. */
  status: z.enum(['created', 'loading', 'loaded', 'indexed']),
  chunksDone: z.array(z.string()),
});
export type TableLoadState = z.infer<typeof tableLoadSchema>;

const savedSettingSchema = z.object({ name: z.string(), original: z.string() });

export const runStateSchema = z.object({
  version: z.literal(1),
  planFile: z.string(),
  completed: z.array(z.enum(RUN_STEPS)),
  dump: z
    .object({
      dir: z.string(),
      coordinates: coordinatesSchema,
      toolVersion: z.string(),
      seconds: z.number(),
    })
    .optional(),
  load: z
    .object({
      /** Global settings changed for the load, with the value to restore (also after a crash). */
      savedSettings: z.array(savedSettingSchema).optional(),
      tables: z.record(tableLoadSchema),
      objectsDone: z.boolean(),
      /** myloader processes of this run, killed on resume so they cannot race the retry. */
      childPids: z.array(z.number().int()),
      /** Target connections that ran index builds, killed on resume for the same reason. */
      connectionIds: z.array(z.number().int()),
      seconds: z.number().optional(),
      indexSeconds: z.number().optional(),
    })
    .optional(),
  replicate: z
    .object({
      /** Set once CHANGE MASTER ran: from then on, resume only restarts replication. */
      configuredAt: z.string(),
      startedAt: z.string().optional(),
      filter: z.string().optional(),
    })
    .optional(),
  caughtUp: z
    .object({
      at: z.string(),
      sourceFile: z.string(),
      sourcePosition: z.number(),
      seconds: z.number(),
    })
    .optional(),
  warnings: z.array(z.string()),
});
export type RunState = z.infer<typeof runStateSchema>;

export function statePathFor(planPath: string): string {
  const base = basename(planPath).replace(/\.json$/i, '');
  return join(dirname(planPath), `${base}.state.json`);
}

export function emptyRunState(planPath: string): RunState {
  return { version: 1, planFile: basename(planPath), completed: [], warnings: [] };
}

export async function readRunState(statePath: string, planPath: string): Promise<RunState> {
  let text: string;
  try {
    text = await readFile(statePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyRunState(planPath);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw corruptState(statePath, 'it is not valid JSON.');
  }
  const parsed = runStateSchema.safeParse(json);
  if (!parsed.success) throw corruptState(statePath, `\n${formatZodIssues(parsed.error.issues)}`);
  return parsed.data;
}

function corruptState(statePath: string, problem: string): Error {
  return userError(
    'MIGRATE_STATE_CORRUPT',
    `The run state ${statePath} cannot be read: ${problem}`,
    'It is only written atomically, so it was edited by hand. Restore it, or delete it and the target ' +
      'databases to start the run from the beginning.',
  );
}

/**
 * Serialises saves: chunks finish concurrently, and two atomic writes of the same file must not
 * interleave.
 */
export class RunStateStore {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    readonly state: RunState,
  ) {}

  save(): Promise<void> {
    const snapshot = JSON.stringify(this.state, null, 2) + '\n';
    this.queue = this.queue.then(() => writeFileAtomic(this.path, snapshot));
    return this.queue;
  }

  isDone(step: RunStep): boolean {
    return this.state.completed.includes(step);
  }

  async complete(step: RunStep): Promise<void> {
    if (!this.isDone(step)) this.state.completed.push(step);
    await this.save();
  }

  warn(message: string): void {
    if (!this.state.warnings.includes(message)) this.state.warnings.push(message);
  }
}
