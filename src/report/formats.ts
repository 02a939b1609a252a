import { userError } from '../errors.ts';
import type { ResultsDocument } from '../engine/results.ts';
import { brandingSchema, logoDataUri, type Branding } from './branding.ts';
import { renderAsff } from './asff.ts';
import { renderCsv } from './csv.ts';
import { renderHtml, renderMarkdown, renderPdfMargins } from './html.ts';
import { renderReportJson } from './report-json.ts';
import { renderSarif } from './sarif.ts';
import { renderPdf } from './pdf.ts';
import type { ReportFormat, RenderReportsOptions } from './index.ts';
import { buildReportModel, type ReportModel } from './model.ts';
import { buildView, type ReportView } from './view.ts';

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

/**
 * Paper lists at most this many affected resources per check (the rest are counted, and listed in the
 * HTML and CSV): a 20,000-finding estate would otherwise print thousands of pages of ARNs.
 */
export const PRINT_ROWS_PER_CHECK = 100;

/** Up to this many open findings, the HTML shows every check expanded; above, checks start collapsed. */
const EXPANDED_UP_TO = 150;

function cached<T>(context: RenderContext, key: string, build: () => Promise<T>): Promise<T> {
  let value = context.cache.get(key) as Promise<T> | undefined;
  if (!value) {
    value = build();
    context.cache.set(key, value);
  }
  return value;
}

export function reportModel(context: RenderContext): Promise<ReportModel> {
  return cached(context, 'model', () =>
    Promise.resolve(buildReportModel(context.results, context.options.previous)),
  );
}

function branding(context: RenderContext): Branding {
  const parsed = brandingSchema.safeParse(context.options.branding ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `branding.${issue.path.join('.')}: ${issue.message}`);
    throw userError(
      'branding-invalid',
      `the report branding is invalid: ${problems.join('; ')}`,
      'fix the branding section of the config file',
    );
  }
  return parsed.data;
}

export function reportView(context: RenderContext, variant: 'screen' | 'print'): Promise<ReportView> {
  return cached(context, `view:${variant}`, async () => {
    const brand = branding(context);
    return buildView(await reportModel(context), {
      language: context.options.language ?? 'en',
      branding: brand,
      logo: await logoDataUri(brand.logo, context.options.baseDir),
      waTool: context.options.waTool,
      ...(variant === 'print' ? { rowLimit: PRINT_ROWS_PER_CHECK } : {}),
    });
  });
}

export function reportHtml(context: RenderContext): Promise<string> {
  return cached(context, 'html', async () => {
    const view = await reportView(context, 'screen');
    return renderHtml(view, { openChecks: (await reportModel(context)).openFindings <= EXPANDED_UP_TO });
  });
}

/** The PDF prints the same HTML with every check expanded. */
async function reportPdf(context: RenderContext): Promise<Uint8Array> {
  const view = await reportView(context, 'print');
  const html = await renderHtml(view, { openChecks: true });
  const margins = await renderPdfMargins(view);
  return renderPdf(html, {
    browserPath: context.options.browserPath,
    headerTemplate: margins.header,
    footerTemplate: margins.footer,
  });
}

async function reportJson(context: RenderContext): Promise<string> {
  return renderReportJson(await reportModel(context), {
    language: context.options.language ?? 'en',
    branding: branding(context),
    waTool: context.options.waTool,
  });
}

/** A writer that needs only the model. */
const fromModel =
  (render: (model: ReportModel) => string): FormatWriter['render'] =>
  async (context) =>
    render(await reportModel(context));

export const FORMAT_WRITERS: Record<ReportFormat, FormatWriter> = {
  html: { file: 'report.html', render: reportHtml },
  pdf: { file: 'report.pdf', render: reportPdf },
  md: { file: 'report.md', render: async (context) => renderMarkdown(await reportView(context, 'screen')) },
  json: { file: 'report.json', render: reportJson },
  csv: { file: 'findings.csv', render: fromModel(renderCsv) },
  sarif: { file: 'report.sarif', render: fromModel(renderSarif) },
  asff: { file: 'findings.asff.json', render: fromModel(renderAsff) },
};
