import yargs, { type Argv, type CommandModule } from 'yargs';
import { isEnvironmentFailure } from '../aws/errors.ts';
import { describeError, isWareviewError, WareviewError } from '../errors.ts';
import { WAREVIEW_VERSION } from '../version.ts';
import { commands } from './commands.ts';
import { EXIT, EXIT_CODES_HELP, ExitCode } from './exit-code.ts';

function buildParser(argv: string[]): Argv {
  let parser = yargs(argv)
    .scriptName('wareview')
    .version(WAREVIEW_VERSION)
    .option('debug', { type: 'boolean', default: false, describe: 'Print stack traces and debug detail' })
    .strict()
    .demandCommand(1, 'Name a command; `wareview --help` lists them.')
    .recommendCommands()
    .epilogue(EXIT_CODES_HELP)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error) => {
      throw error ?? new WareviewError('USAGE', message, { hint: 'See `wareview --help`.' });
    });
  for (const command of commands) parser = parser.command(command as CommandModule);
  return parser.help();
}

export async function main(argv: string[]): Promise<number> {
  ExitCode.reset();
  const debug = argv.includes('--debug');
  try {
    await buildParser(argv).parseAsync();
    return ExitCode.value;
  } catch (error) {
    return reportError(error, debug);
  }
}

const EXIT_BY_SOURCE = { user: EXIT.usage, environment: EXIT.environment } as const;

function reportError(error: unknown, debug: boolean): number {
  if (isWareviewError(error) && error.source !== 'tool') {
    console.error(`wareview: ${error.message}`);
    if (error.hint) console.error(`  → ${error.hint}`);
    if (debug && error.cause) console.error(error.cause);
    return EXIT_BY_SOURCE[error.source];
  }
  if (isEnvironmentFailure(error)) {
    console.error(`wareview: the environment failed: ${describeError(error).split('\n')[0]}`);
    console.error('  → AWS throttled, failed or could not be reached after the retries; run again later.');
    if (debug) console.error(error);
    return EXIT.environment;
  }
  console.error(`wareview: internal error: ${error instanceof Error ? error.message : String(error)}`);
  if (debug) console.error(error);
  else console.error('  → Run again with --debug for the stack trace, and report it.');
  return EXIT.internal;
}
