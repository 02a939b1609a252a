import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { formatValidation } from '../migrate/validate/report.ts';
import { validateMigration } from '../migrate/validate/validate.ts';
import { writeFileAtomic } from '../util/fs-atomic.ts';
import { EXIT, ExitCode } from './exit-code.ts';

interface Args {
  plan: string;
  'chunk-rows'?: number;
  threads?: number;
  json?: string;
}

export const migrateValidateCommand: CommandModule<object, Args> = {
  command: 'validate',
  describe:
    'Compare row counts and chunked checksums of every table on source and target (exit 1 on a difference)',
  builder: (yargs) =>
    yargs
      .option('plan', { type: 'string', demandOption: true, describe: 'plan.json written by `migrate plan`' })
      .option('chunk-rows', {
        type: 'number',
        describe: 'Rows per checksummed key range (default: the plan’s chunk size)',
      })
      .option('threads', {
        type: 'number',
        describe: 'Ranges checksummed at once (default: the plan’s threads)',
      })
      .option('json', { type: 'string', describe: 'Also write the result as JSON to this file' })
      .check((args) => {
        for (const name of ['chunk-rows', 'threads'] as const) {
          const value = args[name];
          if (value !== undefined && (!Number.isInteger(value) || value < 1))
            throw new Error(`--${name} must be a positive whole number`);
        }
        return true;
      }) as never,
  handler: async (args) => {
    const result = await validateMigration({
      planPath: resolve(args.plan),
      ...(args['chunk-rows'] ? { chunkRows: args['chunk-rows'] } : {}),
      ...(args.threads ? { threads: args.threads } : {}),
      log: (line) => console.error(line),
    });
    console.log(formatValidation(result));
    if (args.json) await writeFileAtomic(resolve(args.json), JSON.stringify(result, null, 2) + '\n');
    if (!result.equal) ExitCode.set(EXIT.findings);
  },
};
