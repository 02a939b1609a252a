import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { assess } from '../migrate/assess/assessment.ts';
import { emitAssessment, OUTPUT_FORMATS, type OutputFormat } from '../migrate/assess/output.ts';
import { resolveServerUrlForCommand } from '../migrate/connection.ts';
import { PASSWORD_ENV } from '../migrate/source-url.ts';
import { migrateRunCommand } from './migrate-run.ts';
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
    const source = await resolveServerUrlForCommand(args.source, 'source');
    const target = args.target ? await resolveServerUrlForCommand(args.target, 'target') : undefined;
    const assessment = await assess({
      source,
      ...(target ? { target } : {}),
      targetKind: args['target-kind'],
    });
    await emitAssessment(assessment, {
      ...(args.format ? { format: args.format } : {}),
      ...(args.out ? { out: resolve(args.out) } : {}),
    });
  },
};

/**
 * The `migrate` subcommands, one module each. `run` and `validate` live in their own files;
 * `plan` is added here when its module lands.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const SUBCOMMANDS: CommandModule<any, any>[] = [assessCommand, migrateRunCommand, migrateValidateCommand];

export const migrateCommand: CommandModule = {
  command: 'migrate',
  describe: 'Move a MySQL database onto Aurora MySQL: assess, plan, run, validate',
  builder: (yargs: Argv) => {
    let parser = yargs;
    for (const subcommand of SUBCOMMANDS) parser = parser.command(subcommand);
    return parser.demandCommand(1, 'Name a migrate step: assess, plan, run or validate.');
  },
  handler: () => undefined,
};
