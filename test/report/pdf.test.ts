import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReports, REPORT_FORMATS } from '../../src/report/index.ts';
import { findBrowser } from '../../src/report/pdf.ts';
import { buildResults } from './fixtures/results.ts';
import {
  launch,
  openFile,
  pdfOutline,
  pdfStructure,
  pdfReadingText,
  run,
  structureElements,
  structureText,
  tempDir,
  type PdfOutlineEntry,
  type PdfStructureNode,
} from './helpers.ts';

const HOSTILE_VALUES = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{constructor}}'];
const HOSTILE = HOSTILE_VALUES.join(' ');
const BRANDING = { customer: 'Acme Retail GmbH', company: 'Northwind Consulting' };
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('PDF report', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let path: string;
  let structure: PdfStructureNode;
  let readingOrder: string;

  beforeAll(async () => {
    dir = await tempDir();
    const outcome = await renderReports(buildResults(), {
      outDir: dir.path,
      formats: ['pdf', 'html'],
      branding: BRANDING,
    });
    expect(outcome.failed).toEqual([]);
    path = join(dir.path, 'report.pdf');
    structure = await pdfStructure(path);
    readingOrder = squeeze(structureText(structure));
  });
  afterAll(() => dir?.remove());

  // Read from the tagged structure, not from where the glyphs landed: line wraps and column widths depend
  // on the fonts installed, the reading order of a tagged PDF does not.
  it.each([
    ['the bastion finding', 'sg-0b45a1c9d2e3f4a5b (bastion-ssh) allows tcp/22 from 0.0.0.0/0'],
    ['the encryption finding', 'stores data unencrypted'],
    ['the database finding', 'single-AZ mysql shop-orders'],
    ['the remediation plan', 'Prioritised remediation plan'],
    ['the table of contents', 'Contents'],
  ])('reads %s in order', (_name, expected) => {
    expect(readingOrder).toContain(squeeze(expected));
  });

  it('keeps each affected resource in one table row, one datum per cell', () => {
    const bastion = structureElements(structure, 'TR')
      .map((row) => structureElements(row, 'TD').map((cell) => squeeze(structureText(cell))))
      .find((cells) => cells.some((cell) => cell.includes('security-group/sg-0b45a1c9d2e3f4a5b')));
    expect(bastion).toEqual([
      'shop-prod444455556666',
      'eu-central-1',
      'bastion-ssharn:aws:ec2:eu-central-1:444455556666:security-group/sg-0b45a1c9d2e3f4a5b',
      squeeze(
        'sg-0b45a1c9d2e3f4a5b (bastion-ssh) allows tcp/22 from 0.0.0.0/0, attached to i-0f1e2d3c4b5a69788 (bastion-1)',
      ),
    ]);
  });

  it('names its title and language in the metadata', async () => {
    const { stdout } = await run('pdfinfo', [path]);
    expect(stdout).toMatch(/^Title:\s+Well-Architected Review · shop-platform$/m);
    expect(stdout).toMatch(/^Tagged:\s+yes$/m);
    const raw = (await readFile(path)).toString('latin1');
    expect(/\/Type\s*\/Catalog\b[^]*?\/Lang\s*\((\w+)\)/.exec(raw)?.[1]).toBe('en');
  });

  // Chromium builds each bookmark from its heading's text and joins wrapped lines without the space between
  // them, so titles are compared without spaces.
  it('has an outline with one entry per report section, each opening the page the section starts on', async () => {
    const html = await readFile(join(dir.path, 'report.html'), 'utf8');
    const sections = [...html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((match) => squeeze(match[1]!));
    const outline = await pdfOutline(path);
    expect(outline.map(({ title }) => title)).toEqual(['shop-platform']);
    const entries = outline[0]!.children;
    expect(entries.map(({ title }) => squeeze(title))).toEqual(sections);
    for (const { title, page } of entries) {
      const onPage = (await run('pdftotext', ['-f', String(page), '-l', String(page), path, '-'])).stdout;
      expect(squeeze(onPage), `${title} on page ${page}`).toContain(squeeze(title));
    }
    const titles = (entry: PdfOutlineEntry | undefined) => entry?.children.map(({ title }) => squeeze(title));
    const findings = entries.find(({ title }) => squeeze(title) === squeeze('Findings by review area'));
    expect(titles(findings)).toEqual(
      [
        'Account separation and governance',
        'Bastion hosts and remote access',
        'Encryption at rest and in transit',
        'Database high availability and failover',
      ].map(squeeze),
    );
    expect(titles(findings?.children[1])).toEqual(
      [
        'No security group allows SSH or RDP from the whole internet',
        'Interactive access to hosts goes through Session Manager, not a bastion',
      ].map(squeeze),
    );
  });

  // The running header and the page numbers are page furniture (untagged artifacts): read them per page.
  it.each([
    ['the running header', 'Acme Retail GmbH · Well-Architected Review'],
    ['page numbers', 'Page 2 of'],
  ])('prints %s in the margins', async (_name, expected) => {
    const page = (await run('pdftotext', ['-f', '2', '-l', '2', path, '-'])).stdout;
    expect(squeeze(page)).toContain(squeeze(expected));
  });

  it('is A4 with internal links from the table of contents', async () => {
    const { stdout } = await run('pdfinfo', [path]);
    expect(stdout).toMatch(
      /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)|Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/,
    );
    expect(Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])).toBeGreaterThan(5);
    const raw = (await readFile(path)).toString('latin1');
    // Chromium writes a /Dest for every same-document link; the contents page alone has eleven.
    expect(raw.match(/\/Dest\b/g)?.length ?? 0).toBeGreaterThanOrEqual(11);
  });

  it('numbers the contents with the pages the sections start on', async () => {
    const bookmarks = (await pdfOutline(path)).flatMap(function flat(entry): PdfOutlineEntry[] {
      return [entry, ...entry.children.flatMap(flat)];
    });
    const contents = structureElements(structure, 'L')[0]!;
    const entries = structureElements(contents, 'Link').map((link) => {
      const texts = structureElements(link, 'text').map(({ text }) => text.trim());
      return { title: texts[0]!, page: Number(texts.at(-1)) };
    });
    expect(entries.map(({ title }) => title)).toEqual(
      expect.arrayContaining(['Executive summary', 'Prioritised remediation plan', 'Coverage and gaps']),
    );
    for (const { title, page } of entries) {
      expect(page, title).toBe(
        bookmarks.find((bookmark) => squeeze(bookmark.title) === squeeze(title))?.page,
      );
    }
  });
});

describe('hostile estate values', () => {
  let browser: Browser;
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    browser = await launch();
    dir = await tempDir();
    const outcome = await renderReports(buildResults({ hostile: HOSTILE }), {
      outDir: dir.path,
      formats: ['html', 'pdf', 'md'],
      branding: { ...BRANDING, customer: 'Acme {{constructor}} <b>GmbH</b>' },
    });
    expect(outcome.failed).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await dir?.remove();
  });

  it('run nothing in the HTML and show as written', async () => {
    const watch = await openFile(browser, join(dir.path, 'report.html'));
    await watch.page.locator('input[name=q]').fill('alert');
    await watch.page.waitForTimeout(300);
    expect(watch.dialogs).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.requests).toEqual([]);
    expect(await watch.page.locator('img[src="x"], img[onerror]').count()).toBe(0);
    expect(await watch.page.locator('script').count()).toBe(1);
    expect(await watch.page.locator('b', { hasText: 'GmbH' }).count()).toBe(0);
    const body = await watch.page.locator('body').textContent();
    for (const value of HOSTILE_VALUES) expect(body).toContain(value);
    expect(body).toContain('Acme {{constructor}} <b>GmbH</b>');
    await watch.page.close();
  });

  it('run nothing in the printed page and show as written in the PDF', async () => {
    const watch = await openFile(browser, join(dir.path, 'report.html'));
    await watch.page.emulateMedia({ media: 'print' });
    await watch.page.pdf({ format: 'A4' });
    expect(watch.dialogs).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await watch.page.close();
    const text = squeeze(await pdfReadingText(join(dir.path, 'report.pdf')));
    for (const value of HOSTILE_VALUES) expect(text).toContain(squeeze(value));
  });

  it('are escaped in Markdown', async () => {
    const markdown = await readFile(join(dir.path, 'report.md'), 'utf8');
    expect(markdown).not.toMatch(/(?<!\\)<script/);
    expect(markdown).not.toMatch(/(?<!\\)<img/);
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\>');
  });
});

describe('without a browser', () => {
  it('fails only the PDF, with one message saying how to install one', async () => {
    const dir = await tempDir();
    try {
      const outcome = await renderReports(buildResults(), {
        outDir: dir.path,
        formats: [...REPORT_FORMATS],
        browserPath: join(dir.path, 'no-such-chrome'),
      });
      expect(outcome.failed.map(({ format, error }) => [format, error.code])).toEqual([
        ['pdf', 'browser-not-found'],
      ]);
      expect(outcome.failed[0]?.error.hint).toContain('apt-get install chromium');
      expect(outcome.failed[0]?.error.hint).toContain('--browser-path');
      expect(outcome.written.map((path) => path.slice(dir.path.length + 1)).sort()).toEqual([
        'findings.asff.json',
        'findings.csv',
        'report.html',
        'report.json',
        'report.md',
        'report.sarif',
      ]);
    } finally {
      await dir.remove();
    }
  });

  it('is reported when none is installed anywhere', async () => {
    await expect(findBrowser(undefined, '', [])).rejects.toMatchObject({
      code: 'browser-not-found',
      hint: expect.stringContaining('apt-get install chromium'),
    });
  });
});
