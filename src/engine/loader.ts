import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { describeError, userError } from '../errors.ts';
import { INVENTORY_PARTS } from '../inventory/schema.ts';
import { isKnownNeed } from './coverage.ts';
import { formatZodIssues } from '../util/zod-issues.ts';
import { findQuestion, loadWellArchitectedLens, type Lens } from '../watool/lens.ts';
import { checkMetadataSchema, type Check, type CheckDefinition } from './check.ts';

export const BUILTIN_CHECKS_DIR = fileURLToPath(new URL('../../checks/', import.meta.url));

const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);
/** Files beside checks that are not checks: their tests, fixture tables and helpers. */
const NOT_A_CHECK = /(\.test|\.spec|\.fixtures|\.d)\.[cm]?[jt]s$|^_/;

export interface LoadedCheck extends Check {
  /** Absolute path of the module the check came from. */
  source: string;
  builtin: boolean;
}

/** Lists the check module files below a folder, sorted for a stable order. */
export async function listCheckFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(current: string): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(path);
      } else if (MODULE_EXTENSIONS.has(extname(entry.name)) && !NOT_A_CHECK.test(entry.name)) {
        found.push(path);
      }
    }
  }
  await walk(dir);
  return found.sort();
}

/**
 * Loads and validates the built-in checks and any user folders. Every problem in every module is
 * collected and reported at once; any problem stops the load (a half-validated library would
 * silently skip checks).
 */
export async function loadChecks(
  options: { extraDirs?: string[]; includeBuiltin?: boolean } = {},
): Promise<LoadedCheck[]> {
  const lens = loadWellArchitectedLens();
  const dirs: { dir: string; builtin: boolean }[] = [];
  if (options.includeBuiltin !== false) dirs.push({ dir: BUILTIN_CHECKS_DIR, builtin: true });
  for (const dir of options.extraDirs ?? []) {
    const absolute = resolve(dir);
    const info = await stat(absolute).catch(() => undefined);
    if (!info?.isDirectory()) {
      throw userError(
        'CHECKS_DIR_MISSING',
        `--checks-dir ${dir}: no such folder`,
        'Give a folder that holds check modules.',
      );
    }
    dirs.push({ dir: absolute, builtin: false });
  }

  const problems: string[] = [];
  const checks: LoadedCheck[] = [];
  for (const { dir, builtin } of dirs) {
    for (const file of await listCheckFiles(dir)) {
      const loaded = await loadCheckModule(file, lens, problems);
      if (loaded) checks.push({ ...loaded, source: file, builtin });
    }
  }

  const seen = new Map<string, string>();
  for (const check of checks) {
    const first = seen.get(check.id);
    if (first) problems.push(`${check.source}: check id "${check.id}" is already defined by ${first}`);
    else seen.set(check.id, check.source);
  }
  if (problems.length > 0) {
    throw userError(
      'CHECKS_INVALID',
      `${problems.length} problem(s) in check modules:\n${problems.map((line) => `  - ${line}`).join('\n')}`,
      'Fix the listed check modules (see `wareview checks list --format json` for valid examples).',
    );
  }
  return checks.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * TypeScript checks load through tsx as ES modules wherever they live: a plain import would compile a
 * .ts file outside an ESM package as CommonJS, and a module that throws would then report a misleading
 * require() cycle instead of its own error.
 */
function importModule(file: string): Promise<unknown> {
  return /\.m?ts$/.test(file) ? tsImport(file, import.meta.url) : import(pathToFileURL(file).href);
}

/** A .ts file outside an ESM package compiles as CommonJS: its `export default` arrives one level down. */
function unwrapDefault(exported: unknown): unknown {
  const nested = exported as { default?: unknown; id?: unknown } | undefined;
  return nested && typeof nested === 'object' && nested.id === undefined && nested.default !== undefined
    ? nested.default
    : exported;
}

async function loadCheckModule(file: string, lens: Lens, problems: string[]): Promise<Check | undefined> {
  let module: { default?: unknown };
  try {
    module = (await importModule(file)) as { default?: unknown };
  } catch (error) {
    problems.push(`${file}: cannot be loaded (${describeError(error)})`);
    return undefined;
  }
  const definition = unwrapDefault(module.default) as CheckDefinition | undefined;
  if (
    !definition ||
    typeof definition !== 'object' ||
    (!('id' in definition) && !('evaluate' in definition))
  ) {
    problems.push(`${file}: has no default export; export default defineCheck({...})`);
    return undefined;
  }
  const { evaluate, ...metadata } = definition;
  const parsed = checkMetadataSchema.safeParse(metadata);
  if (!parsed.success) {
    problems.push(`${file}: invalid metadata:\n${formatZodIssues(parsed.error.issues)}`);
    return undefined;
  }
  const check = parsed.data;
  const before = problems.length;
  if (typeof evaluate !== 'function') problems.push(`${file}: evaluate must be a function`);
  const fileId = basename(file).replace(/\.[cm]?[jt]s$/, '');
  if (fileId !== check.id) problems.push(`${file}: the file name must equal the check id "${check.id}"`);
  for (const part of check.needs) {
    if (!isKnownNeed(part)) {
      problems.push(
        `${file}: needs unknown inventory part "${part}" (known: ${INVENTORY_PARTS.join(', ')}, or a field of a part such as s3.buckets.tlsOnlyPolicy)`,
      );
    }
  }
  problems.push(...lensProblems(check.wellArchitected, lens).map((problem) => `${file}: ${problem}`));
  return problems.length === before ? { ...check, evaluate } : undefined;
}

/** A check may only map to question and choice ids that exist in the bundled lens, with their real BP code. */
export function lensProblems(mappings: Check['wellArchitected'], lens: Lens): string[] {
  const problems: string[] = [];
  for (const mapping of mappings) {
    const question = findQuestion(lens, mapping.question);
    if (!question) {
      problems.push(`unknown lens question "${mapping.question}"`);
      continue;
    }
    const choice = question.choices.find((candidate) => candidate.id === mapping.choice);
    if (!choice) {
      problems.push(`choice "${mapping.choice}" is not a choice of question "${mapping.question}"`);
    } else if (choice.bestPractice !== mapping.bestPractice) {
      problems.push(
        `choice "${mapping.choice}" is best practice ${choice.bestPractice ?? '(none)'}, not ${mapping.bestPractice}`,
      );
    }
  }
  return problems;
}
