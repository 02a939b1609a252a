import { WareviewError } from '../errors.ts';
import type { ResultsDocument } from '../engine/results.ts';
import type { ReportFormat, RenderReportsOptions } from './index.ts';

export interface RenderContext {
  results: ResultsDocument;
  options: RenderReportsOptions;
  /** Shared intermediate products (the view model, the HTML the PDF prints), built once per run. */
  cache: Map<string, unknown>;
}

export interface FormatWriter {
  file: string;
  render: (context: RenderContext) => Promise<string | Uint8Array>;
}

function pending(format: string): FormatWriter['render'] {
  return () =>
    Promise.reject(
      new WareviewError('report-format-unavailable', `the ${format} report is not available in this build`, {
        source: 'tool',
      }),
    );
}

export const FORMAT_WRITERS: Record<ReportFormat, FormatWriter> = {
  html: { file: 'report.html', render: pending('html') },
  pdf: { file: 'report.pdf', render: pending('pdf') },
  md: { file: 'report.md', render: pending('md') },
  json: { file: 'report.json', render: pending('json') },
  csv: { file: 'findings.csv', render: pending('csv') },
  sarif: { file: 'report.sarif', render: pending('sarif') },
  asff: { file: 'findings.asff.json', render: pending('asff') },
};
