import { rmSync } from 'node:fs';
import { access, constants, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { WareviewError, describeError, userError } from '../errors.ts';
import { onInterrupt } from '../util/interrupt.ts';
import { namedDestinationPages } from './pdf-destinations.ts';

/** Chromium flags for an unattended, offline print: no sandbox (containers), no GPU, no phoning home. */
export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const WELL_KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
];

const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: apt-get install chromium) or point --browser-path at a Chrome or Chromium executable';

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to print with: the explicit path, else the first Chrome/Chromium on the system. */
export async function findBrowser(
  explicit?: string,
  searchPath = process.env.PATH ?? '',
  wellKnownPaths: readonly string[] = WELL_KNOWN_PATHS,
): Promise<string> {
  if (explicit) {
    if (await isExecutable(explicit)) return explicit;
    throw userError(
      'browser-not-found',
      `the browser path ${explicit} is not an executable file, so the PDF report cannot be written`,
      INSTALL_HINT,
    );
  }
  const onPath = searchPath
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => BROWSER_NAMES.map((name) => join(dir, name)));
  for (const candidate of [...wellKnownPaths, ...onPath]) {
    if (await isExecutable(candidate)) return candidate;
  }
  throw userError(
    'browser-not-found',
    `the PDF report needs Chrome or Chromium and none was found (looked for ${BROWSER_NAMES.join(', ')})`,
    INSTALL_HINT,
  );
}

/** A browser that does not close in this time is killed by Playwright's exit handler instead. */
const BROWSER_CLOSE_BUDGET_MS = 3_000;

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile folder. */
  close: () => Promise<void>;
}

/**
 * Starts the browser with a profile folder of its own, removed on close and on Ctrl-C (Chromium would
 * otherwise leave `org.chromium.Chromium.*` folders in the system temp folder). Playwright's own signal
 * handlers are off: the CLI's interrupt handler closes the browser before it exits.
 */
export async function launchBrowser(executablePath: string): Promise<LaunchedBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'wareview-chromium-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      args: BROWSER_ARGS,
      headless: true,
      timeout: 60_000,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      env: { ...process.env, TMPDIR: profile },
    });
  } catch (error) {
    removeProfile();
    throw userError(
      'browser-launch-failed',
      `could not start the browser ${executablePath}: ${describeError(error).split('\n')[0]}`,
      INSTALL_HINT,
      error,
    );
  }
  // Registered after Playwright's own exit handler, which kills the browser: the profile goes last.
  process.once('exit', removeProfile);
  const closeAndRemove = async () => {
    await Promise.race([
      context.close().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, BROWSER_CLOSE_BUDGET_MS).unref()),
    ]);
    removeProfile();
  };
  const forget = onInterrupt(closeAndRemove);
  return {
    context,
    close: async () => {
      forget();
      process.off('exit', removeProfile);
      await closeAndRemove();
    },
  };
}

export interface PdfOptions {
  browserPath?: string;
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * Prints the report HTML to an A4 PDF: every collapsed section opened, page numbers and a running header
 * in the margins, the document outline as PDF bookmarks. The page may not load anything from the network.
 */
export async function renderPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  const browser = await launchBrowser(await findBrowser(options.browserPath));
  try {
    const page = await browser.context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load', timeout: 300_000 });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    const print = () =>
      page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        margin: { top: '20mm', bottom: '16mm', left: '14mm', right: '14mm' },
        outline: true,
        tagged: true,
      });
    // First print to learn the page of every section, then print again with the numbers in the contents.
    const draft = await print();
    const pages = Object.fromEntries(namedDestinationPages(draft));
    const filled = await page.evaluate((pageOf) => {
      let count = 0;
      for (const slot of document.querySelectorAll<HTMLElement>('[data-toc-page]')) {
        const number = pageOf[slot.dataset.tocPage ?? ''];
        if (number !== undefined) {
          slot.textContent = String(number);
          count += 1;
        }
      }
      return count;
    }, pages);
    return filled > 0 ? await print() : draft;
  } catch (error) {
    if (error instanceof WareviewError) throw error;
    throw new WareviewError(
      'pdf-render-failed',
      `Chromium could not print the report: ${describeError(error).split('\n')[0]}`,
      {
        source: 'tool',
        cause: error,
      },
    );
  } finally {
    await browser.close();
  }
}
