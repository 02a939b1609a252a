import type { Argv, Options } from 'yargs';
import { AREAS, PILLARS, SEVERITIES } from '../engine/check.ts';
import { REPORT_FORMATS, REPORT_LANGUAGES } from '../report/index.ts';
import { EXIT_CODES_HELP } from './exit-code.ts';

/** Splits `a,b` and repeated flags into one list. */
export function list(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(','));
  const trimmed = items.map((item) => item.trim()).filter(Boolean);
  return trimmed.length > 0 ? trimmed : undefined;
}

export const historyOption = {
  history: {
    type: 'string',
    describe:
      'Run history: a SQLite file, or postgres://user@host/db for a shared one (default: history.sqlite beside the reports)',
  },
} satisfies Record<string, Options>;

export const configOption = {
  config: { type: 'string', describe: 'Config file (default: wareview.config.yaml in the working folder)' },
} satisfies Record<string, Options>;

export const selectionOptions = {
  checks: {
    type: 'string',
    array: true,
    describe: 'Check ids to run (globs, comma-separated; !id excludes)',
  },
  area: { type: 'string', array: true, describe: `Review areas to run (${AREAS.join(', ')})` },
  pillar: { type: 'string', array: true, describe: `Pillars to run (${PILLARS.join(', ')})` },
  severity: { type: 'string', array: true, describe: `Severities to run (${SEVERITIES.join(', ')})` },
  'checks-dir': { type: 'string', array: true, describe: 'Folder with user check modules (repeatable)' },
} satisfies Record<string, Options>;

export const reportOptions = {
  out: { type: 'string', describe: 'Output folder (default: reports/<workload>-<timestamp>/)' },
  format: {
    type: 'string',
    array: true,
    describe: `Report formats, comma-separated (${REPORT_FORMATS.join(', ')}; default html,md,csv)`,
  },
  language: { type: 'string', choices: [...REPORT_LANGUAGES], describe: 'Report language' },
  'browser-path': { type: 'string', describe: 'Chrome or Chromium executable for the PDF' },
  ...historyOption,
} satisfies Record<string, Options>;

export const failOnOption = {
  'fail-on': {
    type: 'string',
    choices: [...SEVERITIES],
    describe: 'Exit with 1 when a failing finding has this severity or higher',
  },
  'fail-on-gaps': {
    type: 'boolean',
    describe: 'Exit with 1 when a check could not be evaluated (error results, such as access denied)',
  },
} satisfies Record<string, Options>;

/** The `--help` sections of every command, in this order; a command shows the groups it has options of. */
const OPTION_GROUPS: [string, string[]][] = [
  [
    'Scope:',
    [
      'demo',
      'inventory',
      'workload',
      'profile',
      'regions',
      'accounts',
      'org',
      'shard',
      'role-name',
      'external-id',
    ],
  ],
  ['Checks:', ['checks', 'area', 'pillar', 'severity', 'checks-dir']],
  [
    'Output:',
    [
      'results',
      'previous',
      'out',
      'format',
      'language',
      'fail-on',
      'fail-on-gaps',
      'browser-path',
      'history',
      'notify',
    ],
  ],
  ['WA Tool:', ['record', 'workload-name', 'workload-id', 'dry-run', 'authoritative', 'lens', 'milestone']],
  [
    'Advanced:',
    [
      'config',
      'session-name',
      'session-duration',
      'concurrency',
      'concurrency-per-region',
      'max-attempts',
      'request-timeout',
      'quiet',
      'json-log',
    ],
  ],
];

/** Sorts a command's options into the shared help groups. */
export function grouped<T>(yargs: Argv<T>): Argv<T> {
  // getOptions() is public in yargs but missing from its type definitions.
  const { key } = (yargs as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions();
  const defined = new Set(Object.keys(key));
  return OPTION_GROUPS.reduce((parser, [title, keys]) => {
    const present = keys.filter((key) => defined.has(key));
    return present.length > 0 ? parser.group(present, title) : parser;
  }, yargs).epilogue(EXIT_CODES_HELP);
}

export interface SelectionArgs {
  checks?: string[];
  area?: string[];
  pillar?: string[];
  severity?: string[];
  'checks-dir'?: string[];
  config?: string;
}

export interface ReportArgs {
  out?: string;
  format?: string[];
  language?: 'en' | 'de';
  'browser-path'?: string;
  'fail-on'?: string;
  'fail-on-gaps'?: boolean;
  history?: string;
}
