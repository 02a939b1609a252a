import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { translator, isMessageKey } from './i18n.ts';
import type { ReportLanguage } from './index.ts';
import { markdownView } from './markdown.ts';
import type { ReportView } from './view.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

type Template = Handlebars.TemplateDelegate;

interface HtmlTemplates {
  report: Template;
  pdfHeader: Template;
  pdfFooter: Template;
  markdown: Template;
  css: string;
  script: string;
}

let loading: Promise<HtmlTemplates> | undefined;

/**
 * One Handlebars environment for the reports: partials from templates/partials, a `t` helper that
 * translates through the catalogue, and nothing else. Estate values are only ever rendered with the
 * escaping `{{...}}` form; markup built in code (charts, stylesheet, script) arrives as SafeString.
 */
async function loadTemplates(): Promise<HtmlTemplates> {
  const handlebars = Handlebars.create();
  const partialsDir = join(TEMPLATES_DIR, 'partials');
  for (const file of (await readdir(partialsDir)).filter((name) => name.endsWith('.hbs')).sort()) {
    handlebars.registerPartial(basename(file, '.hbs'), await readFile(join(partialsDir, file), 'utf8'));
  }
  handlebars.registerHelper('t', function (this: unknown, key: unknown, options: Handlebars.HelperOptions) {
    const language = (options.data as { root: { lang: ReportLanguage } }).root.lang;
    if (typeof key !== 'string' || !isMessageKey(key))
      throw new Error(`template asks for unknown message ${String(key)}`);
    return translator(language)(key, options.hash as Record<string, string | number>);
  });
  const [source, header, footer, css, script, markdown] = await Promise.all(
    ['report.html.hbs', 'pdf-header.hbs', 'pdf-footer.hbs', 'report.css', 'report.js', 'report.md.hbs'].map(
      (file) => readFile(join(TEMPLATES_DIR, file), 'utf8'),
    ),
  );
  const compile = (text: string | undefined) => handlebars.compile(text ?? '', { preventIndent: true });
  return {
    report: compile(source),
    pdfHeader: compile(header),
    pdfFooter: compile(footer),
    // Markdown escapes its values itself (markdownView): HTML entities would show up literally.
    markdown: handlebars.compile(markdown ?? '', { noEscape: true }),
    css: css ?? '',
    script: script ?? '',
  };
}

export function htmlTemplates(): Promise<HtmlTemplates> {
  loading ??= loadTemplates().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * The report as one self-contained page. The Content-Security-Policy forbids every network request and
 * every script except the bundled filter script (by hash), so even a value that slipped past escaping
 * could neither run nor phone home.
 */
export async function renderHtml(view: ReportView, options: { openChecks: boolean }): Promise<string> {
  const templates = await htmlTemplates();
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(templates.script)}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const safe = (markup: string) => new Handlebars.SafeString(markup);
  return templates.report({
    ...view,
    csp,
    openChecks: options.openChecks,
    assets: { css: safe(templates.css), script: safe(templates.script) },
    charts: Object.fromEntries(Object.entries(view.charts).map(([name, svg]) => [name, safe(svg)])),
  });
}

/** Header and footer for Chromium's PDF printer, which fills in the page numbers. */
export async function renderPdfMargins(view: ReportView): Promise<{ header: string; footer: string }> {
  const templates = await htmlTemplates();
  return { header: templates.pdfHeader(view), footer: templates.pdfFooter(view) };
}

export async function renderMarkdown(view: ReportView): Promise<string> {
  const templates = await htmlTemplates();
  return templates.markdown(markdownView(view)).replace(/\n{3,}/g, '\n\n');
}
