import type { CommandModule } from 'yargs';

/**
 * Every command, one module each in src/cli/. Add a command by importing its module and listing it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [];
