import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { withConnection } from '../migrate/connection.ts';
import { readPlan } from '../migrate/plan-schema.ts';
import { resolvePlanServers } from '../migrate/run/plan-servers.ts';
import { readReplicaStatus, readSourcePosition } from '../migrate/run/replication-control.ts';
import { readRunState, statePathFor } from '../migrate/run/state.ts';
import { formatMigrationStatus, migrationStatus } from '../migrate/run/status.ts';

interface Args {
  plan: string;
  live?: boolean;
  json?: boolean;
}

export const migrateStatusCommand: CommandModule<object, Args> = {
  command: 'status',
  describe: 'Show where a migration run stands (steps, load, replication); --live asks the servers',
  builder: (yargs) =>
    yargs
      .option('plan', { type: 'string', demandOption: true, describe: 'plan.json written by `migrate plan`' })
      .option('live', {
        type: 'boolean',
        default: false,
        describe: "Connect to source and target for the replica's current position and lag",
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print the status as JSON' }) as never,
  handler: async (args) => {
    const planPath = resolve(args.plan);
    const plan = await readPlan(planPath);
    const state = await readRunState(statePathFor(planPath), planPath);
    let live;
    if (args.live && state.replicate) {
      const servers = await resolvePlanServers(plan);
      const replica = await withConnection(servers.target, 'target', (connection) =>
        readReplicaStatus(connection, plan.target.dialect),
      );
      const source = await withConnection(servers.source, 'source', (connection) =>
        readSourcePosition(connection, plan.source.dialect),
      );
      live = { replica, source };
    }
    const status = migrationStatus(plan, state, live);
    console.log(args.json ? JSON.stringify(status, null, 2) : formatMigrationStatus(status));
  },
};
