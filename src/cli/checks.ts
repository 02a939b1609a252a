import type { CommandModule } from 'yargs';
import { checkMetadata } from '../engine/check.ts';
import { formatCheckDetail, formatChecksMarkdown, formatChecksTable } from '../engine/catalog.ts';
import { loadChecks } from '../engine/loader.ts';
import { userError } from '../errors.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { selectedChecks } from '../pipeline/settings.ts';
import { loadConfig } from '../config.ts';
import { configOption, selectionOptions, type SelectionArgs } from './options.ts';

type ListArgs = SelectionArgs & { format: 'table' | 'json' | 'md' };

const listCommand: CommandModule<object, ListArgs> = {
  command: 'list',
  describe: 'List the checks (json: the full metadata of every check)',
  builder: (yargs) =>
    yargs
      .option('format', { choices: ['table', 'json', 'md'] as const, default: 'table' as const })
      .options({ ...selectionOptions, ...configOption }) as never,
  handler: async (args) => {
    const checks = await selectedChecks(args, await loadConfig(args.config));
    if (args.format === 'json') console.log(JSON.stringify(checks.map(checkMetadata), null, 2));
    else if (args.format === 'md') process.stdout.write(formatChecksMarkdown(checks));
    else console.log(formatChecksTable(checks));
  },
};

const showCommand: CommandModule<object, { id: string; 'checks-dir'?: string[] }> = {
  command: 'show <id>',
  describe: 'Show one check: metadata, lens mapping and remediation',
  builder: (yargs) =>
    yargs
      .positional('id', { type: 'string', demandOption: true })
      .option('checks-dir', selectionOptions['checks-dir']) as never,
  handler: async (args) => {
    const checks = await loadChecks({ extraDirs: args['checks-dir'] });
    const check = checks.find((candidate) => candidate.id === args.id);
    if (!check) {
      throw userError(
        'UNKNOWN_CHECK',
        `unknown check id: ${args.id}${didYouMean(
          args.id,
          checks.map((candidate) => candidate.id),
        )}`,
        'Run `wareview checks list` to see the ids.',
      );
    }
    console.log(formatCheckDetail(check));
  },
};

export const checksCommand: CommandModule = {
  command: 'checks <command>',
  describe: 'List and show the checks',
  builder: (yargs) => yargs.command(listCommand).command(showCommand).demandCommand(1) as never,
  handler: () => {},
};
