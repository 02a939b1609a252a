import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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

export async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
