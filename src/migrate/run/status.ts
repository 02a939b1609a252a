import type { MigrationPlan } from '../plan-schema.ts';
import type { ReplicaStatus } from '../dialect.ts';
import { lagBytes, executedPosition, type BinlogPosition } from './replication-control.ts';
import { RUN_STEPS, type RunState } from './state.ts';

/** Where a migration run stands: from plan.json and the saved state, plus live replication when asked. */
export interface MigrationStatus {
  plan: { source: string; target: string; databases: string[]; tables: number; rows: number };
  steps: { step: string; done: boolean }[];
  /** The first step not done, or null when the run has caught up. */
  next: string | null;
  dump?: { file: string; position: number; gtid?: string; seconds: number };
  load?: { tablesLoaded: number; tablesIndexed: number; tables: number; chunksDone: number };
  replication?: {
    configuredAt: string;
    live?: {
      ioRunning: boolean;
      sqlRunning: boolean;
      executed: BinlogPosition;
      source: BinlogPosition | null;
      /** Bytes of binlog still to apply; null when the replica is in an older file. */
      lagBytes: number | null;
      secondsBehind: number | null;
      lastError: string;
    };
  };
  caughtUp?: { at: string; seconds: number };
  warnings: string[];
}

export function migrationStatus(
  plan: MigrationPlan,
  state: RunState,
  live?: { replica: ReplicaStatus | null; source: BinlogPosition | null },
): MigrationStatus {
  const tableStates = Object.values(state.load?.tables ?? {});
  const steps = RUN_STEPS.map((step) => ({ step, done: state.completed.includes(step) }));
  const replica = live?.replica;
  return {
    plan: {
      source: plan.source.url,
      target: plan.target.url,
      databases: plan.databases,
      tables: plan.tables.length,
      rows: plan.tables.reduce((sum, table) => sum + table.rows, 0),
    },
    steps,
    next: steps.find((step) => !step.done)?.step ?? null,
    ...(state.dump ? { dump: { ...state.dump.coordinates, seconds: state.dump.seconds } } : {}),
    ...(state.load
      ? {
          load: {
            tables: Math.max(plan.tables.length, tableStates.length),
            tablesLoaded: tableStates.filter(
              (table) => table.status === 'loaded' || table.status === 'indexed',
            ).length,
            tablesIndexed: tableStates.filter((table) => table.status === 'indexed').length,
            chunksDone: tableStates.reduce((sum, table) => sum + table.chunksDone.length, 0),
          },
        }
      : {}),
    ...(state.replicate
      ? {
          replication: {
            configuredAt: state.replicate.configuredAt,
            ...(replica
              ? {
                  live: {
                    ioRunning: replica.ioRunning,
                    sqlRunning: replica.sqlRunning,
                    executed: executedPosition(replica),
                    source: live.source,
                    lagBytes: live.source ? lagBytes(executedPosition(replica), live.source) : null,
                    secondsBehind: replica.secondsBehind,
                    lastError: replica.lastError,
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(state.caughtUp ? { caughtUp: { at: state.caughtUp.at, seconds: state.caughtUp.seconds } } : {}),
    warnings: state.warnings,
  };
}

export function formatMigrationStatus(status: MigrationStatus): string {
  const lines = [
    `migration ${status.plan.source} → ${status.plan.target}`,
    `  ${status.plan.databases.join(', ')}: ${status.plan.tables} tables, ${status.plan.rows.toLocaleString('en')} rows (plan estimate)`,
    `  steps: ${status.steps.map((step) => `${step.done ? '✔' : '·'} ${step.step}`).join('   ')}`,
    status.next
      ? `  next: ${status.next} (wareview migrate run --plan … resumes there)`
      : '  caught up: the target follows the source',
  ];
  if (status.dump) {
    lines.push(
      `  dump: binlog ${status.dump.file}:${status.dump.position}${status.dump.gtid ? ` (GTID ${status.dump.gtid})` : ''}, ${status.dump.seconds.toFixed(1)} s`,
    );
  }
  if (status.load) {
    lines.push(
      `  load: ${status.load.tablesLoaded}/${status.load.tables} tables loaded, ${status.load.tablesIndexed} indexed, ${status.load.chunksDone} chunks done`,
    );
  }
  const live = status.replication?.live;
  if (status.replication) {
    lines.push(`  replication configured ${status.replication.configuredAt}`);
    if (live) {
      const lag =
        live.lagBytes === null ? 'unknown (replica in an older binlog file)' : `${live.lagBytes} bytes`;
      lines.push(
        `  replica: IO ${live.ioRunning ? 'running' : 'stopped'}, SQL ${live.sqlRunning ? 'running' : 'stopped'}; applied ${live.executed.file}:${live.executed.position}` +
          `${live.source ? ` of ${live.source.file}:${live.source.position}` : ''}; behind by ${lag}`,
      );
      if (live.lastError) lines.push(`  replica error: ${live.lastError}`);
    }
  }
  if (status.caughtUp)
    lines.push(`  caught up at ${status.caughtUp.at} after ${status.caughtUp.seconds.toFixed(1)} s`);
  for (const warning of status.warnings) lines.push(`  warning: ${warning}`);
  return lines.join('\n');
}
