// plan report --format pdf with the machine's Chromium: the printed cabildo document.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withChromium } from '../../src/report/render/pdf/browser.js';
import { printPdf } from '../../src/report/render/pdf/print.js';
import { runCli } from '../cli/run.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';
import { BROWSER_TIMEOUT_MS, browserReady, chromium, fileUrl, pdfPageImage, pdfPages, pdfPageText } from './browser.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

let out: string;
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'plan-pdf-test-'));
});
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

/** The last page's footer says «Página N de N», N being the pages pdfinfo counts. */
function lastFooter(file: string): string {
  const pages = pdfPages(file);
  return /Página \d+ de \d+/.exec(pdfPageText(file, pages))?.[0] ?? '';
}

describe.skipIf(!browserReady)('plan report --format pdf', () => {
  it(
    'prints the example annual evaluation with the executive page first and page numbers in the footer',
    async () => {
      const run = await runCli(['report', '-C', EXAMPLES, '--annual', '--format', 'pdf', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const file = path.join(out, 'anual-2019.pdf');
      expect(run.stdout).toBe(`Reportes escritos:\n  ${file}\n`);
      const pages = pdfPages(file);
      expect(pages).toBeGreaterThan(0);
      const first = pdfPageText(file, 1);
      expect(first).toContain('Evaluación anual 2019');
      expect(first).toContain('Resumen ejecutivo');
      expect(first).toContain('Lo que requiere atención');
      expect(first).toContain('Clasificación de las dependencias');
      expect(first).toContain(`Página 1 de ${pages}`);
      expect(lastFooter(file)).toBe(`Página ${pages} de ${pages}`);
      pdfPageImage(file, 1, 'anual-2019-pdf-pagina-1');
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'prints the example quarterly summary on Letter paper',
    async () => {
      const run = await runCli(['report', '-C', EXAMPLES, '--quarter', 'Q2', '--format', 'pdf', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const file = path.join(out, 'trimestral-2019-T2.pdf');
      expect(pdfPages(file)).toBeGreaterThan(0);
      expect(pdfPageText(file, 1)).toContain('Resumen ejecutivo');
      pdfPageImage(file, 1, 'trimestral-2019-T2-pdf-pagina-1');
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'writes only the PDF when asked for it, for a small repository',
    async () => {
      const root = writeRepo(baseRepo());
      const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--fecha-corte', '2019-04-15', '--format', 'pdf'], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
      expect(readdirSync(path.join(root, 'reportes'))).toEqual(['trimestral-2019-T1.pdf']);
      expect(pdfPages(path.join(root, 'reportes', 'trimestral-2019-T1.pdf'))).toBeGreaterThan(0);
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'writes the footer in English for a page in English',
    async () => {
      const bytes = await printPdf('<!DOCTYPE html><html lang="en"><head><title>Annual evaluation</title></head><body><h1>Hello</h1></body></html>', chromium!);
      const file = path.join(out, 'english.pdf');
      writeFileSync(file, bytes);
      expect(pdfPageText(file, 1)).toContain('Page 1 of 1');
    },
    BROWSER_TIMEOUT_MS,
  );
});

describe.skipIf(!browserReady)('the sealed browser', () => {
  it(
    'refuses a request to the network and records it, while the local page still loads',
    async () => {
      const file = path.join(out, 'pide-red.html');
      writeFileSync(file, '<!DOCTYPE html><html lang="es"><body><h1>Local</h1><img src="http://127.0.0.1:9/logo.png"><link rel="stylesheet" href="https://cdn.example.com/x.css"></body></html>');
      const { blocked, heading } = await withChromium(chromium!, async ({ context, blocked }) => {
        const page = await context.newPage();
        await page.goto(fileUrl(file));
        return { blocked: [...blocked], heading: await page.textContent('h1') };
      });
      expect(heading).toBe('Local');
      expect(blocked.sort()).toEqual(['http://127.0.0.1:9/logo.png', 'https://cdn.example.com/x.css']);
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'leaves no profile folder behind',
    async () => {
      const before = readdirSync(tmpdir()).filter((name) => name.startsWith('plan-chromium-'));
      await withChromium(chromium!, async () => undefined);
      const after = readdirSync(tmpdir()).filter((name) => name.startsWith('plan-chromium-'));
      expect(after.filter((name) => !before.includes(name))).toEqual([]);
    },
    BROWSER_TIMEOUT_MS,
  );
});
