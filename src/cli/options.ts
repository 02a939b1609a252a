import type { Options } from 'yargs';
import { AREAS, PILLARS, SEVERITIES } from '../engine/check.ts';
import { REPORT_FORMATS, REPORT_LANGUAGES } from '../report/index.ts';

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
} satisfies Record<string, Options>;

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
  history?: string;
}
