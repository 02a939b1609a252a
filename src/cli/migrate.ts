import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { assess } from '../migrate/assess/assessment.ts';
import {
  emitAssessment,
  OUTPUT_FORMATS,
  type OutputFormat,
  resolveOutputFormat,
} from '../migrate/assess/output.ts';
import { resolveServerUrlForCommand } from '../migrate/connection.ts';
import { buildPlan } from '../migrate/plan/plan.ts';
import { planText, writePlanFiles } from '../migrate/plan/runbook.ts';
import { PASSWORD_ENV } from '../migrate/source-url.ts';
import { migrateRunCommand } from './migrate-run.ts';
import { migrateStatusCommand } from './migrate-status.ts';
import { migrateValidateCommand } from './migrate-validate.ts';

const TARGET_KINDS = ['aurora', 'mysql'] as const;

const urlHelp = (role: 'source' | 'target'): string =>
  `mysql://user[:password]@host[:port]/db1,db2 (or the password in ${PASSWORD_ENV[role]}, else a prompt on a terminal)`;

interface AssessArgs {
  source: string;
  target?: string;
  'target-kind': (typeof TARGET_KINDS)[number];
  format?: OutputFormat;
  out?: string;
}

const assessCommand: CommandModule<object, AssessArgs> = {
  command: 'assess',
  describe: 'Check a MySQL/MariaDB source for what blocks or complicates a move to Aurora MySQL',
  builder: (yargs) =>
    yargs
      .option('source', {
        type: 'string',
        demandOption: true,
        describe: `Source server: ${urlHelp('source')}`,
      })
      .option('target', {
        type: 'string',
        describe: `Target server, to check that DEFINER accounts exist there: ${urlHelp('target')}`,
      })
      .option('target-kind', {
        choices: TARGET_KINDS,
        default: 'aurora' as const,
        describe: 'Rules to apply: Aurora MySQL 3 (MySQL 8.0, InnoDB only) or a self-managed MySQL 8.0',
      })
      .option('format', {
        choices: OUTPUT_FORMATS,
        describe: 'Output format (default: from the --out extension, else text)',
      })
      .option('out', { type: 'string', describe: 'Write the report to this file (.md, .html, .json, .txt)' })
      .example('$0 migrate assess --source mysql://admin@db.example.com/shop', 'Terminal summary')
      .example(
        '$0 migrate assess --source mysql://admin@db.example.com/shop --out assessment.html',
        'Summary plus an HTML report',
      ) as never,
  handler: async (args) => {
    // A bad --out name fails before anything connects.
    const format = resolveOutputFormat(args.format, args.out);
    const source = await resolveServerUrlForCommand(args.source, 'source');
    const target = args.target ? await resolveServerUrlForCommand(args.target, 'target') : undefined;
    const assessment = await assess({
      source,
      ...(target ? { target } : {}),
      targetKind: args['target-kind'],
    });
    await emitAssessment(assessment, { format, ...(args.out ? { out: resolve(args.out) } : {}) });
  },
};

interface PlanArgs {
  source: string;
  target: string;
  'target-kind': (typeof TARGET_KINDS)[number];
  threads?: number;
  'chunk-rows'?: number;
  'sample-rows': number;
  observe: number;
  out: string;
}

const positiveInteger = (name: string, value: unknown): void => {
  if (value !== undefined && (!Number.isInteger(value) || (value as number) < 1)) {
    throw new Error(`--${name} must be a positive whole number`);
  }
};

const planCommand: CommandModule<object, PlanArgs> = {
  command: 'plan',
  describe:
    'Measure throughput on a sample, estimate dump, load and catch-up, check the binlog retention, and write plan.json plus a runbook',
  builder: (yargs) =>
    yargs
      .option('source', {
        type: 'string',
        demandOption: true,
        describe: `Source server: ${urlHelp('source')}`,
      })
      .option('target', {
        type: 'string',
        demandOption: true,
        describe: `Target server: ${urlHelp('target')}`,
      })
      .option('target-kind', {
        choices: TARGET_KINDS,
        default: 'aurora' as const,
        describe: 'What the target is: Aurora MySQL 3, or a self-managed MySQL',
      })
      .option('threads', { type: 'number', describe: 'Dump and load threads (default: measured)' })
      .option('chunk-rows', {
        type: 'number',
        describe: 'Rows per dump chunk (default: ~64 MiB of the largest table)',
      })
      .option('sample-rows', {
        type: 'number',
        default: 20_000,
        describe: 'Rows sampled from each of the 3 largest tables for the throughput probe',
      })
      .option('observe', {
        type: 'number',
        default: 10,
        describe: "Seconds to watch the source's binary log growth",
      })
      .option('out', {
        type: 'string',
        default: 'plan.json',
        describe: 'Plan file; the runbook is written beside it',
      })
      .check((args) => {
        positiveInteger('threads', args.threads);
        positiveInteger('chunk-rows', args['chunk-rows']);
        positiveInteger('sample-rows', args['sample-rows']);
        if (!(args.observe >= 0)) throw new Error('--observe must be zero or more seconds');
        return true;
      })
      .example(
        '$0 migrate plan --source mysql://admin@old-db/shop --target mysql://admin@aurora-writer --out plan.json',
        'Measure, estimate and write plan.json, plan.runbook.md and plan.runbook.html',
      ) as never,
  handler: async (args) => {
    const source = await resolveServerUrlForCommand(args.source, 'source');
    const target = await resolveServerUrlForCommand(args.target, 'target');
    const out = resolve(args.out);
    const plan = await buildPlan({
      source,
      target,
      targetKind: args['target-kind'],
      ...(args.threads ? { threads: args.threads } : {}),
      ...(args['chunk-rows'] ? { chunkRows: args['chunk-rows'] } : {}),
      sampleRows: args['sample-rows'],
      observeSeconds: args.observe,
      planFile: args.out,
      log: (line) => console.error(line),
    });
    const files = await writePlanFiles(plan, out);
    process.stdout.write(planText(plan, files));
  },
};

/** The `migrate` subcommands, one module each for run and validate. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const SUBCOMMANDS: CommandModule<any, any>[] = [
  assessCommand,
  planCommand,
  migrateRunCommand,
  migrateValidateCommand,
  migrateStatusCommand,
];

export const migrateCommand: CommandModule = {
  command: 'migrate',
  describe: 'Move a MySQL database onto Aurora MySQL: assess, plan, run, validate, status',
  builder: (yargs: Argv) => {
    let parser = yargs;
    for (const subcommand of SUBCOMMANDS) parser = parser.command(subcommand);
    return parser.demandCommand(1, 'Name a migrate step: assess, plan, run or validate.');
  },
  handler: () => undefined,
};
