import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BROWSER_ARGS, findBrowser } from '../../src/report/pdf.ts';

export const run = promisify(execFile);

export async function tempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'wareview-report-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: await findBrowser(), args: BROWSER_ARGS, headless: true });
}

export interface PageWatch {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  requests: string[];
}

/** Opens a file from disk and records everything a hostile or broken page would do. */
export async function openFile(browser: Browser, path: string): Promise<PageWatch> {
  const page = await browser.newPage();
  const watch: PageWatch = { page, consoleErrors: [], pageErrors: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const url = `file://${path}`;
  await page.route('**/*', async (route) => {
    if (route.request().url() !== url) watch.requests.push(route.request().url());
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'load' });
  return watch;
}

/** The PDF's text; `layout` keeps columns side by side, reading order (the default) keeps table cells whole. */
export async function pdfText(path: string, options: { layout?: boolean } = {}): Promise<string> {
  const args = options.layout ? ['-layout', path, '-'] : [path, '-'];
  const { stdout } = await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export const SCHEMAS = {
  /** The schema report.json names in $schema, as published in the package. */
  report: () => readJson(new URL('../../src/report/schema/report.schema.json', import.meta.url)),
  /** The official SARIF 2.1.0 JSON Schema, kept verbatim as the SARIF SDK publishes it. */
  sarif: () => readJson(new URL('fixtures/sarif-2.1.0.schema.json', import.meta.url)),
};

async function readJson(path: string | URL): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

export function validator(schema: object) {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
