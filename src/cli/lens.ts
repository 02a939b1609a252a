import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { loadConfig } from '../config.ts';
import { loadChecks } from '../engine/loader.ts';
import { describeError, userError } from '../errors.ts';
import { writeFileAtomic } from '../util/fs-atomic.ts';
import { WAREVIEW_VERSION } from '../version.ts';
import { createWellArchitectedClient } from '../watool/client.ts';
import { importAndPublishLens } from '../watool/custom-lens-api.ts';
import { buildCustomLens, validateCustomLens, type CustomLens } from '../watool/custom-lens.ts';
import { configOption } from './options.ts';

interface ExportArgs {
  out?: string;
  'checks-dir'?: string[];
  config?: string;
}

interface ImportArgs {
  file?: string;
  'checks-dir'?: string[];
  config?: string;
}

const checksDirOption = {
  'checks-dir': {
    type: 'string',
    array: true,
    describe: 'Folder with user check modules to include (repeatable)',
  },
} as const;

/** The lens built from the built-in checks plus the configured and given user check folders. */
async function lensFromChecks(args: { 'checks-dir'?: string[]; config?: string }): Promise<CustomLens> {
  const loaded = await loadConfig(args.config);
  const dirs = [
    ...(loaded.config.checks?.dirs ?? []).map((dir) => resolve(loaded.baseDir, dir)),
    ...(args['checks-dir'] ?? []),
  ];
  return buildCustomLens(await loadChecks({ extraDirs: dirs }), WAREVIEW_VERSION);
}

async function lensFromFile(path: string): Promise<CustomLens> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw userError(
      'CUSTOM_LENS_UNREADABLE',
      `${path}: cannot read the lens (${describeError(error)})`,
      'Write one with `wareview lens export --out FILE`.',
    );
  }
  try {
    return validateCustomLens(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw userError(
        'CUSTOM_LENS_INVALID',
        `${path}: not valid JSON (${error.message})`,
        'Write it again with `wareview lens export --out FILE`.',
      );
    }
    throw error;
  }
}

const exportCommand: CommandModule<object, ExportArgs> = {
  command: 'export',
  describe: "Write wareview's checks as a WA Tool custom lens (JSON)",
  builder: (yargs) =>
    yargs
      .option('out', { type: 'string', describe: 'File to write (default: standard output)' })
      .options({ ...checksDirOption, ...configOption }) as never,
  handler: async (args) => {
    const json = `${JSON.stringify(await lensFromChecks(args), null, 2)}\n`;
    if (!args.out) {
      process.stdout.write(json);
      return;
    }
    await writeFileAtomic(resolve(args.out), json);
    console.log(`wrote ${resolve(args.out)}`);
  },
};

const importCommand: CommandModule<object, ImportArgs> = {
  command: 'import',
  describe: "Import wareview's custom lens into the WA Tool and publish it",
  builder: (yargs) =>
    yargs
      .option('file', {
        type: 'string',
        describe: 'Lens JSON to import (default: exported from the checks now)',
      })
      .options({ ...checksDirOption, ...configOption }) as never,
  handler: async (args) => {
    const lens = args.file ? await lensFromFile(resolve(args.file)) : await lensFromChecks(args);
    const { client, close } = createWellArchitectedClient();
    try {
      const outcome = await importAndPublishLens(client, lens);
      console.log(
        `${outcome.updated ? 'Updated' : 'Imported'} lens "${lens.name}": ${outcome.lensArn}\n` +
          (outcome.published
            ? `Published version ${outcome.version}; record into it with --lens wareview.`
            : `Version ${outcome.version} was already published; nothing changed.`),
      );
    } finally {
      close();
    }
  },
};

export const lensCommand: CommandModule<object, object> = {
  command: 'lens',
  describe: "wareview's own WA Tool custom lens: export it, or import and publish it",
  builder: (yargs: Argv) =>
    yargs
      .command(exportCommand)
      .command(importCommand)
      .demandCommand(1, 'Name an action: export or import.') as never,
  handler: () => {},
};
