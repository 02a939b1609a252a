import { formatDuration } from '../assess/rules.ts';
import {
  type DialectKind,
  formatStatement,
  replicationSetupStatements,
  startReplication,
} from '../dialect.ts';
import type { Finding, PlanStep, PlanTargetSetting } from '../plan-schema.ts';
import type { ServerUrl } from '../source-url.ts';
import type { Estimates } from './estimate.ts';

/** The runbook: every step in order, who does it, the commands and the time it should take. */
export interface StepInput {
  readonly planFile: string;
  readonly source: ServerUrl;
  readonly targetDialect: DialectKind;
  readonly targetKind: 'aurora' | 'mysql';
  readonly threads: number;
  readonly chunkRows: number;
  readonly estimates: Estimates;
  readonly warnings: readonly Finding[];
  readonly targetSettings: readonly PlanTargetSetting[];
  readonly loadInstanceClass: string | null;
  readonly requiredRetentionSeconds: number;
}

const statementsOf = (warnings: readonly Finding[], ids: readonly string[]): string[] =>
  warnings
    .filter((finding) => ids.includes(finding.id))
    .flatMap((finding) => finding.fixStatements.map((sql) => `${sql};`));

export function planSteps(input: StepInput): PlanStep[] {
  const run = `wareview migrate run --plan ${input.planFile}`;
  const replication = replicationSetupStatements(input.targetDialect, {
    host: input.source.host,
    port: input.source.port,
    user: input.source.user,
    password: '',
    file: '',
    position: 0,
  });
  // Every dialect takes host, port, user, password, file, position in that order.
  const passwordIndex = 3;
  const parameterGroup = input.targetSettings.filter((setting) => setting.scope === 'parameter-group');
  const serverSettings = input.targetSettings.filter((setting) => setting.scope !== 'session');
  // Durability settings go back before the target becomes a replica; the rest after validation.
  const beforeReplication = (setting: PlanTargetSetting): boolean =>
    /before replication/.test(setting.restore);
  const { estimates } = input;
  return [
    {
      id: 'prepare-source',
      title: 'Prepare the source',
      by: 'operator',
      details: [
        `Keep binary logs for at least ${formatDuration(input.requiredRetentionSeconds)} (dump, load and catch-up with a safety margin).`,
        'The account in the source URL needs SELECT, RELOAD, LOCK TABLES, SHOW VIEW, EVENT, TRIGGER (for the dump) and REPLICATION SLAVE, REPLICATION CLIENT (for the replica).',
        'Recommended before the dump: add primary keys and convert non-InnoDB tables (statements below); the run copies them as they are otherwise.',
      ],
      commands: statementsOf(input.warnings, [
        'no-primary-key',
        'non-innodb-table',
        'binlog-row-image-not-full',
      ]),
      estimatedSeconds: null,
    },
    {
      id: 'prepare-target',
      title: 'Prepare the target for the load',
      by: 'operator',
      details: [
        ...(input.loadInstanceClass
          ? [
              `Scale the writer up to ${input.loadInstanceClass} for the load (the load is bound by the target's CPU).`,
            ]
          : [
              'Give the target as many vCPUs as it can get for the load (the load is bound by the target CPU).',
            ]),
        ...parameterGroup.map(
          (setting) => `Parameter group: ${setting.name} = ${setting.value} (${setting.why}).`,
        ),
        'Create the DEFINER accounts the views, triggers and routines need (statements below).',
      ],
      commands: [
        ...statementsOf(input.warnings, ['definer-missing']),
        ...serverSettings.flatMap((setting) => (setting.sql ? [`${setting.sql};`] : [])),
      ],
      estimatedSeconds: null,
    },
    {
      id: 'dump',
      title: 'Consistent dump of the source',
      by: 'wareview',
      details: [
        `mydumper with ${input.threads} threads and ${input.chunkRows.toLocaleString('en-US')}-row chunks; the binlog file and position come from its metadata.`,
      ],
      commands: [`${run} --until dump`],
      estimatedSeconds: estimates.dumpSeconds,
    },
    {
      id: 'load',
      title: 'Parallel load into the target',
      by: 'wareview',
      details: [
        `myloader with ${input.threads} threads, unique and foreign-key checks off, secondary indexes built after the data (about ${formatDuration(estimates.indexSeconds)} of the estimate).`,
        'Non-InnoDB tables are created as InnoDB.',
      ],
      commands: [`${run} --until load`],
      estimatedSeconds: estimates.loadSeconds + estimates.indexSeconds,
    },
    {
      id: 'replicate',
      title: 'Make the target a replica of the source',
      by: 'wareview',
      details: [
        `The target replicates from ${input.source.host}:${input.source.port}, which must be reachable from the target.`,
        ...serverSettings
          .filter(beforeReplication)
          .map(
            (setting) =>
              `Before that: ${setting.name} back to ${setting.restore.replace(/ before replication starts$/, '')}.`,
          ),
      ],
      commands: [
        `${run} --until replicate`,
        ...replication.map(
          (statement) =>
            `${formatStatement(statement, {
              maskPasswordAt: passwordIndex,
              placeholders: { 4: '<binlog file from the dump>', 5: '<position from the dump>' },
            })};`,
        ),
        `${startReplication(input.targetDialect).sql};`,
      ],
      estimatedSeconds: null,
    },
    {
      id: 'caught-up',
      title: 'Follow replication until the target has caught up',
      by: 'wareview',
      details: [
        "Caught up means the replica's executed position equals the source's current position (Seconds_Behind_Master reports the age of events, not the work left).",
      ],
      commands: [run],
      estimatedSeconds: estimates.catchUpSeconds,
    },
    {
      id: 'validate',
      title: 'Prove the copy equal',
      by: 'wareview',
      details: [
        'Row counts and chunked checksums over primary-key ranges of every table; exit 1 on any difference.',
      ],
      commands: [`wareview migrate validate --plan ${input.planFile}`],
      estimatedSeconds: null,
    },
    {
      id: 'restore-target',
      title: 'Restore the target settings',
      by: 'operator',
      details: [
        ...serverSettings
          .filter((setting) => !beforeReplication(setting))
          .map((setting) => `${setting.name}: back to ${setting.restore}.`),
        ...(input.loadInstanceClass
          ? ['Scale the writer back to the class sized for the production workload.']
          : []),
        'Keep scheduled events disabled on the target until cutover.',
      ],
      commands: statementsOf(input.warnings, ['events']),
      estimatedSeconds: null,
    },
  ];
}
