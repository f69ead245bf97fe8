/// <reference lib="dom" />
// The functions passed to page.evaluate run in the browser, where the DOM exists.
// Shared by the browser tests: the machine's Chromium and poppler tools, a sealed browser
// that records what each page asked for and complained about, and where screenshots go.
// .ci/run installs Chromium and poppler-utils and sets PLAN_BROWSER=1, so in CI these tests
// run; elsewhere they skip where no Chromium is found (`sudo apt-get install chromium poppler-utils`).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { findChromium } from '../../src/report/render/pdf/chromium.js';
import { openChromium, type OpenChromium } from '../../src/report/render/pdf/browser.js';

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return path.join(dir, command);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

const lookup = findChromium();
export const chromium = 'found' in lookup ? lookup.found : undefined;
export const pdfinfo = onPath('pdfinfo');
export const pdftotext = onPath('pdftotext');
export const pdftoppm = onPath('pdftoppm');
/** Everything the browser tests need; without it they skip, unless PLAN_BROWSER=1 says they must run. */
export const browserReady = chromium !== undefined && pdfinfo !== undefined && pdftotext !== undefined;

/** Two busy cores start Chromium and lay out a long page in seconds each; these tests wait that long. */
export const BROWSER_TIMEOUT_MS = 240_000;

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export type Width = 'escritorio' | 'telefono';
export const VIEWPORTS: Record<Width, { width: number; height: number }> = { escritorio: DESKTOP, telefono: PHONE };

/** Screenshots for a person to look at (gitignored): named by what they show. */
export const CAPTURAS = fileURLToPath(new URL('../../capturas/', import.meta.url));

export function capture(name: string): string {
  mkdirSync(CAPTURAS, { recursive: true });
  return path.join(CAPTURAS, `${name}.png`);
}

export async function openBrowser(options: { javaScript?: boolean } = {}): Promise<OpenChromium> {
  return openChromium(chromium!, { javaScriptEnabled: options.javaScript ?? true, viewport: DESKTOP });
}

/** What a page did while it was open: console errors, uncaught exceptions, every URL it requested. */
export interface PageLog {
  errors: string[];
  requests: string[];
}

export async function newPage(browser: OpenChromium, viewport: { width: number; height: number }): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
  await page.setViewportSize(viewport);
  const log: PageLog = { errors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('request', (request) => log.requests.push(request.url()));
  return { page, log };
}

export function fileUrl(file: string): string {
  return pathToFileURL(file).href;
}

/** `dependencias/*.html` of a site, as file: URLs. */
export function departmentPages(site: string): string[] {
  return readdirSync(path.join(site, 'dependencias'))
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => fileUrl(path.join(site, 'dependencias', name)));
}

/** Every page reachable from `start` by following `<a href>` inside the site's folder. */
export async function crawl(page: Page, start: string, site: string): Promise<Set<string>> {
  const inside = fileUrl(site) + '/';
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const url = queue.shift()!;
    await page.goto(url);
    const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const target = href.split('#')[0]!;
      if (!target.startsWith(inside) || !target.endsWith('.html') || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

export function pdfPages(file: string): number {
  const info = spawnSync(pdfinfo!, [file], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)$/m.exec(info.stdout);
  if (!match) throw new Error(`pdfinfo no leyó ${file}: ${info.stderr}`);
  return Number(match[1]);
}

/** The text of one page of a PDF, as pdftotext lays it out. */
export function pdfPageText(file: string, pageNumber: number): string {
  const result = spawnSync(pdftotext!, ['-f', String(pageNumber), '-l', String(pageNumber), '-layout', file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext no leyó ${file}: ${result.stderr}`);
  return result.stdout;
}

/** Page `pageNumber` of a PDF as a PNG beside the other screenshots (when pdftoppm is installed). */
export function pdfPageImage(file: string, pageNumber: number, name: string): void {
  if (!pdftoppm) return;
  const target = capture(name).replace(/\.png$/, '');
  spawnSync(pdftoppm, ['-f', String(pageNumber), '-l', String(pageNumber), '-r', '80', '-png', '-singlefile', file, target]);
}
