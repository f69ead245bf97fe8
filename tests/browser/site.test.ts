/// <reference lib="dom" />
// The functions passed to page.evaluate run in the browser, where the DOM exists.
// The HTML site opened in the machine's headless Chromium, at desktop and phone widths:
// what a person at the transparency portal or in the cabildo would do with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenChromium } from '../../src/report/render/pdf/browser.js';
import { runCli } from '../cli/run.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';
import {
  BROWSER_TIMEOUT_MS,
  browserReady,
  capture,
  chromium,
  crawl,
  departmentPages,
  fileUrl,
  newPage,
  openBrowser,
  pdfinfo,
  pdfPageImage,
  pdfPages,
  pdfPageText,
  pdftotext,
  VIEWPORTS,
  type Width,
} from './browser.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

it.runIf(process.env.PLAN_BROWSER === '1')('finds Chromium, pdfinfo and pdftotext where .ci/run installed them', () => {
  expect({ chromium, pdfinfo, pdftotext }).toEqual({ chromium: expect.any(String), pdfinfo: expect.any(String), pdftotext: expect.any(String) });
});

/** The sites under test: the example municipality's annual and quarterly reports, and a small fixture repo's. */
const SITES = ['anual-2019', 'trimestral-2019-T2', 'fixture-trimestral-2019-T1'] as const;
type SiteName = (typeof SITES)[number];

let out: string;
const site = (name: SiteName) => path.join(out, name.replace(/^fixture-/, 'fixture/'));
const index = (name: SiteName) => fileUrl(path.join(site(name), 'index.html'));

async function writeSites(): Promise<void> {
  out = mkdtempSync(path.join(tmpdir(), 'plan-sitio-'));
  const runs = [
    await runCli(['report', '-C', EXAMPLES, '--annual', '--format', 'html', '--out', out]),
    await runCli(['report', '-C', EXAMPLES, '--quarter', 'Q2', '--format', 'html', '--out', out]),
    await runCli(['report', '-C', writeRepo(baseRepo()), '--quarter', 'Q1', '--fecha-corte', '2019-04-15', '--format', 'html', '--out', path.join(out, 'fixture')]),
  ];
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
}

beforeAll(async () => {
  if (browserReady) await writeSites();
}, BROWSER_TIMEOUT_MS);
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe.skipIf(!browserReady)('the HTML site in Chromium', () => {
  let browser: OpenChromium;
  beforeAll(async () => {
    browser = await openBrowser();
  }, BROWSER_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  }, BROWSER_TIMEOUT_MS);

  for (const width of Object.keys(VIEWPORTS) as Width[]) {
    for (const name of SITES) {
      it(
        `shows every page of ${name} at ${width} width with no console error and no request outside the site's folder`,
        async () => {
          const { page, log } = await newPage(browser, VIEWPORTS[width]);
          const pages = [index(name), ...departmentPages(site(name))];
          for (const url of pages) {
            await page.goto(url, { waitUntil: 'load' });
            if (width === 'telefono') {
              // A phone scrolls down, never sideways: wide tables scroll inside their own box.
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
              expect(overflow, `${url} is wider than the phone`).toBeLessThanOrEqual(0);
            }
          }
          await page.goto(index(name), { waitUntil: 'load' });
          await page.screenshot({ path: capture(`${name}-indice-${width}`), fullPage: true });
          await page.goto(pages[1]!, { waitUntil: 'load' });
          await page.screenshot({ path: capture(`${name}-dependencia-${path.basename(pages[1]!, '.html')}-${width}`), fullPage: true });
          await page.close();
          expect(log.errors).toEqual([]);
          const inside = fileUrl(site(name)) + '/';
          expect(log.requests.filter((url) => !url.startsWith(inside) && !url.startsWith('data:'))).toEqual([]);
          expect(browser.blocked).toEqual([]);
        },
        BROWSER_TIMEOUT_MS,
      );
    }
  }

  for (const name of SITES) {
    it(
      `reaches every department page of ${name} from its index by following links`,
      async () => {
        const { page } = await newPage(browser, VIEWPORTS.escritorio);
        const reached = await crawl(page, index(name), site(name));
        await page.close();
        const departments = departmentPages(site(name));
        expect(departments.length).toBeGreaterThan(0);
        expect(departments.filter((url) => !reached.has(url))).toEqual([]);
      },
      BROWSER_TIMEOUT_MS,
    );
  }

  it(
    'filters the index to the departments whose text holds what is typed, accents and case aside',
    async () => {
      const { page, log } = await newPage(browser, VIEWPORTS.escritorio);
      await page.goto(index('anual-2019'));
      const box = page.locator('#filtro-texto');
      await expect.poll(() => box.isVisible()).toBe(true);
      const visible = () => page.$$eval('[data-filtro]', (items) => items.filter((el) => !(el as HTMLElement).hidden && (el as HTMLElement).offsetParent !== null).map((el) => el.textContent ?? ''));
      const before = await visible();
      await box.fill('SEGURIDAD publica');
      const after = await visible();
      await page.screenshot({ path: capture('anual-2019-busqueda-seguridad-escritorio'), fullPage: false });
      expect(before.length).toBeGreaterThan(after.length);
      expect(after.length).toBeGreaterThan(0);
      for (const text of after) expect(text).toContain('Seguridad Pública');
      expect(await page.locator('#filtro output').textContent()).toBe(`${after.length} coincidencia${after.length === 1 ? '' : 's'}`);
      await box.fill('');
      expect(await visible()).toEqual(before);
      await page.close();
      expect(log.errors).toEqual([]);
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'reaches a department link with the Tab key alone, and Enter opens that department page',
    async () => {
      const { page } = await newPage(browser, VIEWPORTS.escritorio);
      await page.goto(index('anual-2019'));
      let href = '';
      for (let presses = 0; presses < 80 && !href.includes('/dependencias/'); presses++) {
        await page.keyboard.press('Tab');
        href = await page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? document.activeElement.href : ''));
      }
      expect(href).toContain('/dependencias/');
      await page.screenshot({ path: capture('anual-2019-teclado-foco-en-dependencia-escritorio') });
      await Promise.all([page.waitForURL(href), page.keyboard.press('Enter')]);
      expect(page.url()).toBe(href);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'prints the index with the executive page first, as the browser\'s print-to-PDF does',
    async () => {
      const { page } = await newPage(browser, VIEWPORTS.escritorio);
      await page.goto(index('anual-2019'));
      const file = path.join(out, 'impreso-desde-el-navegador.pdf');
      await page.pdf({ path: file, format: 'Letter', printBackground: true });
      await page.close();
      expect(pdfPages(file)).toBeGreaterThan(0);
      const first = pdfPageText(file, 1);
      expect(first).toContain('Evaluación anual 2019');
      expect(first).toContain('Resumen ejecutivo');
      expect(first).toContain('Lo que requiere atención');
      // The search box and the site's navigation are for the screen, not for paper.
      expect(first).not.toContain('Buscar dependencia');
      expect(first).not.toContain('Saltar al contenido');
      pdfPageImage(file, 1, 'anual-2019-impreso-desde-el-navegador-pagina-1');
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe.skipIf(!browserReady)('the HTML site without JavaScript', () => {
  let browser: OpenChromium;
  beforeAll(async () => {
    browser = await openBrowser({ javaScript: false });
  }, BROWSER_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  }, BROWSER_TIMEOUT_MS);

  for (const width of Object.keys(VIEWPORTS) as Width[]) {
    it(
      `keeps a plain link to every department page and hides the search box, at ${width} width`,
      async () => {
        const { page, log } = await newPage(browser, VIEWPORTS[width]);
        await page.goto(index('anual-2019'));
        expect(await page.locator('#filtro').isVisible()).toBe(false);
        const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href.split('#')[0]!));
        const departments = departmentPages(site('anual-2019'));
        expect(departments.filter((url) => !links.includes(url))).toEqual([]);
        await page.screenshot({ path: capture(`anual-2019-indice-sin-javascript-${width}`), fullPage: true });
        await page.close();
        expect(log.errors).toEqual([]);
      },
      BROWSER_TIMEOUT_MS,
    );
  }
});
