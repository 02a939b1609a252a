import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { AREAS, PILLARS, SEVERITIES } from './engine/check.ts';
import { suppressionSchema } from './engine/suppressions.ts';
import { describeError, userError } from './errors.ts';
import { brandingSchema } from './report/branding.ts';
import { REPORT_FORMATS, REPORT_LANGUAGES } from './report/index.ts';
import { findQuestion, loadWellArchitectedLens } from './watool/lens.ts';

/**
 * wareview.config.yaml (or .json): workload, scope, check selection, suppressions and output.
 * Every problem is listed at once; command-line flags override the file.
 */
export const CONFIG_FILE_NAMES = ['wareview.config.yaml', 'wareview.config.yml', 'wareview.config.json'];

const globList = z.array(z.string().min(1));

export const configSchema = z
  .object({
    workload: z
      .object({
        name: z.string().min(3).max(100),
        description: z.string().max(250).optional(),
        environment: z.enum(['PRODUCTION', 'PREPRODUCTION']).optional(),
        reviewOwner: z.string().max(255).optional(),
        /** An existing WA Tool workload to record into. */
        waToolWorkloadId: z.string().optional(),
        lenses: z.array(z.string()).optional(),
        /** Choices the team declared not applicable in the WA Tool, with the tool's reason. */
        notApplicable: z
          .array(
            z
              .object({
                question: z.string().min(1),
                choice: z.string().min(1),
                reason: z.enum(['OUT_OF_SCOPE', 'BUSINESS_PRIORITIES', 'ARCHITECTURE_CONSTRAINTS', 'OTHER']),
                note: z.string().max(250).optional(),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .superRefine((workload, context) => {
        const lens = loadWellArchitectedLens();
        workload.notApplicable?.forEach((entry, index) => {
          const question = findQuestion(lens, entry.question);
          if (!question?.choices.some((choice) => choice.id === entry.choice)) {
            context.addIssue({
              code: z.ZodIssueCode.custom,
              path: ['notApplicable', index],
              message: question
                ? `"${entry.choice}" is not a choice of question "${entry.question}"`
                : `unknown lens question "${entry.question}"`,
            });
          }
        });
      })
      .optional(),
    scope: z
      .object({
        profile: z.string().optional(),
        regions: z
          .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region looks like eu-central-1'))
          .optional(),
        accounts: z
          .array(z.string().regex(/^!?\d{12}$/, 'an account id has 12 digits (prefix ! to exclude)'))
          .optional(),
        organization: z.boolean().optional(),
        roleName: z.string().optional(),
        externalId: z.string().optional(),
      })
      .strict()
      .optional(),
    checks: z
      .object({
        ids: globList.optional(),
        areas: z.array(z.enum(AREAS)).optional(),
        pillars: z.array(z.enum(PILLARS)).optional(),
        severities: z.array(z.enum(SEVERITIES)).optional(),
        /** Folders with user check modules, relative to the config file. */
        dirs: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    suppressions: z.array(suppressionSchema.strict()).optional(),
    /** Run history: a SQLite file (relative to the config) or a postgres:// URL shared by a team. */
    history: z.string().min(1).optional(),
    output: z
      .object({
        dir: z.string().optional(),
        formats: z.array(z.enum(REPORT_FORMATS)).optional(),
        language: z.enum(REPORT_LANGUAGES).optional(),
        failOn: z.enum(SEVERITIES).optional(),
        /** Exit 1 when a check could not be evaluated (error results). */
        failOnGaps: z.boolean().optional(),
        browserPath: z.string().optional(),
        branding: brandingSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined when no config file was found. */
  path: string | undefined;
  /** Folder that relative paths in the config resolve against. */
  baseDir: string;
}

/** Finds the config: an explicit path, or a wareview.config.* in the working folder, or none. */
export function findConfigFile(explicit: string | undefined, cwd = process.cwd()): string | undefined {
  if (explicit) return resolve(cwd, explicit);
  return CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
}

export async function loadConfig(explicit?: string, cwd = process.cwd()): Promise<LoadedConfig> {
  const path = findConfigFile(explicit, cwd);
  if (!path) return { config: {}, path: undefined, baseDir: cwd };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw userError(
      'CONFIG_UNREADABLE',
      `${path}: cannot read the config file (${describeError(error)})`,
      'Check the --config path.',
    );
  }
  const config = parseConfig(text, path);
  const problems = pathProblems(config, dirname(path));
  if (problems.length > 0) {
    throw userError(
      'CONFIG_INVALID',
      `${path}: ${problems.length} problem(s) in the config:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
      'Paths in the config are relative to the config file and must exist before the run; fix or remove them.',
    );
  }
  return { config, path, baseDir: dirname(path) };
}

function accessible(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** What a path setting must be, checked before any work so a run never fails half-way on a typo. */
const PATH_KINDS = {
  folder: { test: (path: string) => statSync(path).isDirectory(), noun: 'a folder' },
  file: {
    test: (path: string) => statSync(path).isFile() && accessible(path, constants.R_OK),
    noun: 'a readable file',
  },
  executable: {
    test: (path: string) => statSync(path).isFile() && accessible(path, constants.X_OK),
    noun: 'an executable file',
  },
  folderOrMissing: {
    test: (path: string) => !existsSync(path) || statSync(path).isDirectory(),
    noun: 'a folder',
  },
} as const;

/** Every path setting that does not name what it must: all of them at once. */
export function pathProblems(config: Config, baseDir: string): string[] {
  const logo = config.output?.branding?.logo;
  const settings: [string, string | undefined, keyof typeof PATH_KINDS][] = [
    ...(config.checks?.dirs ?? []).map(
      (dir, index) => [`checks.dirs.${index}`, dir, 'folder'] as [string, string, 'folder'],
    ),
    ['output.branding.logo', logo?.startsWith('data:') ? undefined : logo, 'file'],
    ['output.browserPath', config.output?.browserPath, 'executable'],
    ['output.dir', config.output?.dir, 'folderOrMissing'],
  ];
  return settings.flatMap(([where, value, kind]) => {
    if (value === undefined) return [];
    const path = resolve(baseDir, value);
    let ok: boolean;
    try {
      ok = PATH_KINDS[kind].test(path);
    } catch {
      ok = false;
    }
    return ok
      ? []
      : [
          `${where}: ${path} is not ${PATH_KINDS[kind].noun}${existsSync(path) ? '' : ' (it does not exist)'}`,
        ];
  });
}

export function parseConfig(text: string, path: string): Config {
  const document = extname(path) === '.json' ? parseJson(text, path) : parseYaml(text, path);
  const parsed = configSchema.safeParse(document ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.join('.') || '(top level)';
      const message =
        issue.code === 'unrecognized_keys' ? `unknown setting(s): ${issue.keys.join(', ')}` : issue.message;
      return `  - ${where}: ${message}`;
    });
    throw userError(
      'CONFIG_INVALID',
      `${path}: ${problems.length} problem(s) in the config:\n${problems.join('\n')}`,
      'Fix the listed settings; README.md shows a complete example.',
    );
  }
  return parsed.data;
}

function parseYaml(text: string, path: string): unknown {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => `  - ${error.message.split('\n')[0]}`);
    throw userError(
      'CONFIG_INVALID',
      `${path}: not valid YAML:\n${problems.join('\n')}`,
      'Fix the YAML syntax at the lines shown.',
    );
  }
  return document.toJS();
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw userError(
      'CONFIG_INVALID',
      `${path}: not valid JSON (${describeError(error)})`,
      'Fix the JSON syntax.',
    );
  }
}
