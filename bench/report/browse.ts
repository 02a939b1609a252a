/**
 * How the 20,000-finding HTML report behaves in Chromium from file://: load time, and the time a
 * text filter and a severity filter take to update the page. `node --import tsx bench/report/browse.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { renderReports } from '../../src/report/index.ts';
import { BROWSER_ARGS, findBrowser } from '../../src/report/pdf.ts';
import { syntheticResults } from './synthetic.ts';

const findings = Number(process.argv[2] ?? 20_000);
const dir = await mkdtemp(join(tmpdir(), 'wareview-bench-browse-'));
const browser = await chromium.launch({ executablePath: await findBrowser(), args: BROWSER_ARGS });
try {
  await renderReports(syntheticResults(findings), { outDir: dir, formats: ['html'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const timed = async (label: string, action: () => Promise<unknown>) => {
    const started = performance.now();
    await action();
    console.log(`| ${label} | ${((performance.now() - started) / 1000).toFixed(2)} |`);
  };
  const output = page.locator('[data-shown]');
  console.log('| step | time (s) |\n|---|---:|');
  await timed('open report.html from file:// (load event)', () =>
    page.goto(`file://${join(dir, 'report.html')}`),
  );
  // Each step waits until the filter script has rewritten the "n of m shown" line.
  const step = (label: string, action: () => Promise<unknown>) =>
    timed(label, async () => {
      const before = await output.textContent();
      await action();
      await page.waitForFunction(
        (text) => document.querySelector('[data-shown]')?.textContent !== text,
        before,
      );
    });
  await step('text filter "orders-1999" applied', () => page.locator('input[name=q]').fill('orders-1999'));
  console.log(`|   (${await output.textContent()}) | |`);
  await step('text filter cleared', () => page.locator('input[name=q]').fill(''));
  await step('severity filter "critical" applied', () =>
    page.locator('select[name=severity]').selectOption('critical'),
  );
  console.log(`|   (${await output.textContent()}) | |`);
  await step('account filter added', () => page.locator('select[name=account]').selectOption({ index: 4 }));
  console.log(`|   (${await output.textContent()}) | |`);
  console.log(`\nconsole errors: ${errors.length}`);
  await page.screenshot({ path: join(tmpdir(), 'wareview-large-estate.png') });
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
