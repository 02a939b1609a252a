import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/report/index.ts';
import { buildPreviousResults, buildResults } from './fixtures/results.ts';
import { launch, openFile, tempDir, type PageWatch } from './helpers.ts';

const LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0a6"/></svg>',
).toString('base64')}`;
const BRANDING = {
  company: 'Northwind Consulting',
  customer: 'Acme Retail GmbH',
  reviewer: 'Cloud Review Team',
  primaryColor: '#7a1f5c',
  logo: LOGO,
};

describe('HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  const files: Record<string, string> = {};
  let shared: PageWatch | undefined;

  beforeAll(async () => {
    browser = await launch();
    dir = await tempDir();
    for (const language of ['en', 'de'] as const) {
      const outcome = await renderReports(buildResults(), {
        outDir: join(dir.path, language),
        formats: ['html', 'md'],
        language,
        branding: BRANDING,
        previous: buildPreviousResults(),
        waTool: { riskCounts: { HIGH: 3, MEDIUM: 2 }, workloadId: 'abc123' },
      });
      expect(outcome.failed).toEqual([]);
      files[language] = join(dir.path, language, 'report.html');
    }
  });
  afterAll(async () => {
    await browser?.close();
    await dir?.remove();
  });

  it('renders without console errors and makes no network request', async () => {
    const watch = await openFile(browser, files.en!);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.requests).toEqual([]);
    await watch.page.close();
  });

  it.each([
    ['the cover', '.cover h1', 'shop-platform'],
    ['the customer', '.cover', 'Acme Retail GmbH'],
    ['the summary', '#summary h2', 'Executive summary'],
    ['the bastion finding', '#check-ec2-ssh-open-to-world', 'sg-0b45a1c9d2e3f4a5b'],
    ['the encryption finding', '#check-rds-storage-encrypted', 'stores data unencrypted'],
    ['the database finding', '#check-rds-multi-az', 'Can be automated with wareview migrate'],
    ['the plan', '#plan tbody tr:first-child', 'No security group allows SSH'],
    ['a coverage gap', '#coverage', 'cloudtrail:DescribeTrails'],
    ['the lens mapping', '#mapping', 'SEC08-BP02'],
    ['the suppression', '#suppressed', 'SSE-S3 accepted by the security team'],
    ['the changes', '#summary .changes', 'dev-rdp'],
    ['the WA Tool risks', '#summary .risk-counts', 'High risk'],
  ])('shows %s', async (_name, selector, text) => {
    shared ??= await openFile(browser, files.en!);
    expect(await shared.page.locator(selector).first().textContent()).toContain(text);
  });

  it.each([
    ['severity', 'select[name=severity]', 'critical', 1],
    ['area', 'select[name=area]', 'database-ha', 2],
    ['account', 'select[name=account]', '111122223333', 1],
    ['text', 'input[name=q]', 'shop-orders', 4],
  ])('filters findings by %s from file://', async (_name, selector, value, visibleRows) => {
    const watch = await openFile(browser, files.en!);
    const field = watch.page.locator(selector);
    if (selector.startsWith('select')) await field.selectOption(value as string);
    else await field.fill(value as string);
    await expect
      .poll(() => watch.page.locator('details.check:not([hidden]) tbody tr:not([hidden])').count())
      .toBe(visibleRows);
    expect(watch.consoleErrors).toEqual([]);
    await watch.page.close();
  });

  it('carries the branding: logo inline, primary colour', async () => {
    shared ??= await openFile(browser, files.en!);
    expect(await shared.page.locator('.cover img.logo').getAttribute('src')).toBe(LOGO);
    expect(
      await shared.page.locator('.cover img.logo').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(120);
    const primary = await shared.page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--primary').trim(),
    );
    expect(primary).toBe('#7a1f5c');
    expect(shared.requests).toEqual([]);
  });

  it('speaks German when asked', async () => {
    const watch = await openFile(browser, files.de!);
    const headings = await watch.page.locator('h2').allInnerTexts();
    expect(headings).toEqual(
      expect.arrayContaining([
        'Zusammenfassung für das Management',
        'Befunde nach Prüfbereich',
        'Priorisierter Maßnahmenplan',
        'Abdeckung und Lücken',
      ]),
    );
    expect(await watch.page.locator('html').getAttribute('lang')).toBe('de');
    expect(watch.consoleErrors).toEqual([]);
    await watch.page.close();
    const markdown = await readFile(join(dir.path, 'de', 'report.md'), 'utf8');
    expect(markdown).toContain('## Zusammenfassung für das Management');
  });
});
