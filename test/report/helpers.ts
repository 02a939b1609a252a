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

/** One element of a tagged PDF's logical structure: its role (P, H2, TD …), its own text and its children. */
export interface PdfStructureNode {
  role: string;
  text: string;
  children: PdfStructureNode[];
}

/**
 * The tagged PDF's structure tree as `pdfinfo -struct-text` reads it: the order and grouping a screen
 * reader, a search or a copy-paste gets, independent of where the fonts made the lines wrap.
 */
export async function pdfStructure(path: string): Promise<PdfStructureNode> {
  const { stdout } = await run('pdfinfo', ['-struct-text', path], { maxBuffer: 64 * 1024 * 1024 });
  const root: PdfStructureNode = { role: 'root', text: '', children: [] };
  const open: { indent: number; node: PdfStructureNode }[] = [{ indent: -1, node: root }];
  for (const line of stdout.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (!content || content.startsWith('/')) continue;
    while (open.length > 1 && open.at(-1)!.indent >= indent) open.pop();
    const parent = open.at(-1)!.node;
    if (content.startsWith('"')) {
      // NFKC turns ligature glyphs (the font's "ﬁ") back into the letters a reader searches for.
      parent.children.push({ role: 'text', text: content.slice(1, -1).normalize('NFKC'), children: [] });
      continue;
    }
    const node: PdfStructureNode = { role: content.split(/[\s:]/)[0]!, text: '', children: [] };
    parent.children.push(node);
    open.push({ indent, node });
  }
  return root;
}

/** The text of a tagged PDF in the order a reader gets it. */
export async function pdfReadingText(path: string): Promise<string> {
  return structureText(await pdfStructure(path));
}

/** All of a structure element's text, in reading order. */
export function structureText(node: PdfStructureNode): string {
  return node.text + node.children.map(structureText).join(' ');
}

/** Every element with the given role, in reading order. */
export function structureElements(node: PdfStructureNode, role: string): PdfStructureNode[] {
  return [
    ...(node.role === role ? [node] : []),
    ...node.children.flatMap((child) => structureElements(child, role)),
  ];
}

/** One bookmark of the PDF's document outline, with the page it opens and its own bookmarks. */
export interface PdfOutlineEntry {
  title: string;
  page: number;
  children: PdfOutlineEntry[];
}

/** The PDF's document outline (bookmarks), read with poppler's `pdftohtml -xml`. */
export async function pdfOutline(path: string): Promise<PdfOutlineEntry[]> {
  const { stdout } = await run('pdftohtml', ['-xml', '-i', '-q', '-stdout', path], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const top: PdfOutlineEntry[] = [];
  const levels: PdfOutlineEntry[][] = [];
  for (const token of stdout.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (token[0] === '<outline>') {
      levels.push(levels.length === 0 ? top : (levels.at(-1)!.at(-1)?.children ?? []));
    } else if (token[0] === '</outline>') {
      levels.pop();
    } else {
      levels.at(-1)?.push({ title: decodeXml(token[2]!), page: Number(token[1]), children: [] });
    }
  }
  return top;
}

function decodeXml(text: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_whole, name: string) => entities[name]!);
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
