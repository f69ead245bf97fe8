// The printable HTML page, printed by a headless Chromium to a Letter-size PDF.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang } from '../../../i18n/text.js';
import { withChromium } from './browser.js';

const PAGE_OF: Record<Lang, [string, string]> = { es: ['Página', 'de'], en: ['Page', 'of'] };

/** Chromium renders header and footer templates at a tiny default size; this one says it. */
function footer(lang: Lang): string {
  const [page, of] = PAGE_OF[lang];
  return `<div style="font: 8pt sans-serif; color: #444; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between;">
<span class="title"></span><span>${page} <span class="pageNumber"></span> ${of} <span class="totalPages"></span></span></div>`;
}

/** The page's own `<html lang>`, so the footer speaks the report's language. */
export function pageLang(html: string): Lang {
  return /<html[^>]*\slang=["']?en\b/i.test(html) ? 'en' : 'es';
}

/** Printing a 100-department report takes a while on a slow machine; no limit would hide a hang. */
const PRINT_TIMEOUT_MS = 300_000;

/**
 * Letter (Carta), the paper Mexican offices print on. The page is written to a file and
 * opened from there, so it is printed exactly as a browser would show it from the site.
 */
export async function printPdf(html: string, chromium: string): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-pdf-'));
  try {
    const file = path.join(dir, 'reporte.html');
    writeFileSync(file, html);
    return await withChromium(chromium, async ({ context }) => {
      const page = await context.newPage();
      page.setDefaultTimeout(PRINT_TIMEOUT_MS);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'Letter',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footer(pageLang(html)),
        margin: { top: '15mm', bottom: '18mm', left: '15mm', right: '15mm' },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
