import { join } from 'node:path';
import type { WaToolSettings } from './wa-tool-view.ts';
import { WareviewError, describeError, isWareviewError, userError } from '../errors.ts';
import type { ResultsDocument } from '../engine/results.ts';
import { writeFileAtomic } from '../util/fs-atomic.ts';
import type { Branding } from './branding.ts';
import { FORMAT_WRITERS, type RenderContext } from './formats.ts';

export const REPORT_FORMATS = ['html', 'pdf', 'md', 'json', 'csv', 'sarif', 'asff'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const DEFAULT_REVIEW_FORMATS: readonly ReportFormat[] = ['html', 'md', 'csv'];
export const REPORT_LANGUAGES = ['en', 'de'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface RenderReportsOptions {
  outDir: string;
  formats: ReportFormat[];
  branding?: Branding;
  language?: ReportLanguage;
  /** Chrome or Chromium executable for the PDF; found on the system when not given. */
  browserPath?: string;
  /** The previous run's results: the summary then shows new and resolved findings. */
  previous?: ResultsDocument;
  /** Risk counts and workload id from the Well-Architected Tool, when the run was recorded there. */
  waTool?: WaToolSettings;
  /** Directory that a relative `branding.logo` path is resolved against (the config file's folder). */
  baseDir?: string;
}

export interface RenderReportsOutcome {
  written: string[];
  failed: { format: string; error: WareviewError }[];
}

/**
 * Writes every requested format into `outDir`, each file atomically. A format that fails (a missing
 * browser for the PDF, say) is listed in `failed` and the others are still written.
 */
export async function renderReports(
  results: ResultsDocument,
  options: RenderReportsOptions,
): Promise<RenderReportsOutcome> {
  const context: RenderContext = { results, options, cache: new Map() };
  const outcome: RenderReportsOutcome = { written: [], failed: [] };
  for (const format of [...new Set(options.formats)]) {
    const writer = FORMAT_WRITERS[format] as (typeof FORMAT_WRITERS)[ReportFormat] | undefined;
    if (!writer) {
      const error = userError(
        'report-format-unknown',
        `unknown report format ${String(format)}`,
        `choose from ${REPORT_FORMATS.join(', ')}`,
      );
      outcome.failed.push({ format, error });
      continue;
    }
    try {
      const content = await writer.render(context);
      const path = join(options.outDir, writer.file);
      await writeFileAtomic(path, content);
      outcome.written.push(path);
    } catch (error) {
      outcome.failed.push({ format, error: asWareviewError(format, error) });
    }
  }
  return outcome;
}

function asWareviewError(format: string, error: unknown): WareviewError {
  if (isWareviewError(error)) return error;
  return new WareviewError(
    'report-render-failed',
    `could not write the ${format} report: ${describeError(error)}`,
    {
      source: 'tool',
      cause: error,
    },
  );
}
