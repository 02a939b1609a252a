import type { Connection } from 'mysql2/promise';
import { userError } from '../../errors.ts';
import { openConnection, withConnection } from '../connection.ts';
import {
  replicationSetupStatements,
  startReplication,
  stopReplication,
  type DialectKind,
} from '../dialect.ts';
import type { RunContext } from './context.ts';
import {
  comparePositions,
  executedPosition,
  lagBytes,
  readReplicaStatus,
  readSourcePosition,
  replicationFilterStatement,
  runStatement,
} from './replication-control.ts';

/**
 * The replicate step points the target at the source's position recorded by the dump. Once that
 * is done (saved in the state before replication starts), a resumed run never points it again:
 * the target keeps its own applied position and only needs replication started.
 */
export async function replicateStep(context: RunContext): Promise<void> {
  const { store, progress } = context;
  const coordinates = store.state.dump?.coordinates;
  if (!coordinates) throw new Error('replicate needs the dump coordinates in the run state');
  await withTarget(context, async (target) => {
    if (!store.state.replicate) {
      const status = await readReplicaStatus(target, context.targetKind);
      if (status && (status.ioRunning || status.sqlRunning))
        await runStatement(target, stopReplication(context.targetKind));
      const filter = await applyFilter(target, context);
      for (const statement of replicationSetupStatements(context.targetKind, {
        host: context.source.host,
        port: context.source.port,
        user: context.source.user,
        password: context.source.password,
        file: coordinates.file,
        position: coordinates.position,
      })) {
        await runStatement(target, statement);
      }
      store.state.replicate = { configuredAt: new Date().toISOString(), ...(filter ? { filter } : {}) };
      await store.save();
      progress.log(
        `replicate: target follows ${context.source.host}:${context.source.port} from ${coordinates.file}:${coordinates.position}`,
      );
    }
    await ensureReplicating(target, context);
    store.state.replicate.startedAt ??= new Date().toISOString();
    await store.complete('replicate');
  });
}

/** Polls until the replica has applied everything the source had written when polled. */
export async function catchUpStep(context: RunContext): Promise<void> {
  const { store, progress } = context;
  const startedAt = Date.now();
  progress.phase('catch-up');
  const source = await openConnection(context.source, 'source');
  try {
    await withTarget(context, async (target) => {
      await ensureReplicating(target, context);
      let firstLag: number | null = null;
      for (;;) {
        // The source first: a replica at or past this position has applied all of it.
        const sourcePosition = await readSourcePosition(source, context.sourceKind);
        const status = await readReplicaStatus(target, context.targetKind);
        if (!sourcePosition) {
          throw userError(
            'MIGRATE_SOURCE_NO_BINLOG',
            'The source reports no binary log position.',
            'Turn on log_bin on the source.',
          );
        }
        if (!status || !status.sqlRunning || (!status.ioRunning && status.lastError)) {
          throw replicationStopped(status?.lastError ?? '');
        }
        const executed = executedPosition(status);
        const lag = lagBytes(executed, sourcePosition);
        firstLag ??= lag;
        progress.update({
          doneBytes: lag === null || firstLag === null ? 0 : Math.max(0, firstLag - lag),
          totalBytes: firstLag ?? 0,
          lagBytes: lag,
          lagSeconds: status.secondsBehind,
        });
        if (comparePositions(executed, sourcePosition) >= 0) {
          const seconds = (Date.now() - startedAt) / 1000;
          store.state.caughtUp = {
            at: new Date().toISOString(),
            sourceFile: sourcePosition.file,
            sourcePosition: sourcePosition.position,
            seconds,
          };
          progress.log(
            `caught-up: the target has applied the source up to ${sourcePosition.file}:${sourcePosition.position} (${seconds.toFixed(1)} s)`,
          );
          await store.complete('caught-up');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, context.pollMs));
      }
    });
  } finally {
    await source.end().catch(() => undefined);
  }
}

const withTarget = <T>(context: RunContext, work: (target: Connection) => Promise<T>): Promise<T> =>
  withConnection(context.target, 'target', work);

/** The filter is a server setting that a restart forgets, so it is set again whenever replication is started. */
async function applyFilter(target: Connection, context: RunContext): Promise<string | null> {
  const statement = replicationFilterStatement(context.targetKind, context.databases);
  if (!statement) {
    context.store.warn(
      `set replicate-wild-do-table to ${context.databases.map((name) => `${name}.%`).join(',')} in the target's parameter group`,
    );
    return null;
  }
  await runStatement(target, statement);
  return statement.params.join(',');
}

async function ensureReplicating(target: Connection, context: RunContext): Promise<void> {
  const status = await readReplicaStatus(target, context.targetKind);
  if (!status) throw new Error('the target is not configured as a replica although the run state says so');
  if (status.ioRunning && status.sqlRunning) return;
  if (status.ioRunning || status.sqlRunning) await runStatement(target, stopReplication(context.targetKind));
  if (status.lastError) context.progress.log(`replicate: restarting replication after: ${status.lastError}`);
  await applyFilter(target, context);
  await runStatement(target, startReplication(context.targetKind));
  await waitForThreads(target, context.targetKind, context.pollMs);
}

async function waitForThreads(target: Connection, kind: DialectKind, pollMs: number): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const status = await readReplicaStatus(target, kind);
    if (status?.ioRunning && status.sqlRunning) return;
    if (status?.lastError) throw replicationStopped(status.lastError);
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, 200)));
  }
  throw replicationStopped('the replication threads did not start within 10 s');
}

function replicationStopped(lastError: string): Error {
  return userError(
    'MIGRATE_REPLICATION_STOPPED',
    `Replication on the target stopped: ${lastError || 'no error reported'}.`,
    'Fix the cause named above (SHOW SLAVE STATUS on the target has the details), then run `wareview migrate run` ' +
      'again: it restarts replication from the position the target has applied.',
  );
}
