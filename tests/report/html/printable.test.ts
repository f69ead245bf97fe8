import { describe, expect, it } from 'vitest';
import { printableHtml, renderPrintableHtml } from '../../../src/report/render/html/printable.js';
import { brokenLinks, hrefs, ids } from './links.js';
import { siteView } from './site-view.js';

describe('the printable page of the whole report (for the PDF)', () => {
  it('is one page: the executive page first, then each department on its own sheet, in order', () => {
    const html = printableHtml(siteView());
    const order = ['<h2 id="resumen-ejecutivo">', '<h2 id="clasificacion">', '<section class="nueva-pagina" aria-labelledby="cifras-clave">', '<h2 id="seccion-rubrica">', '<section class="departamento" id="dependencia-DIF"', '<section class="departamento" id="dependencia-OP"'];
    const positions = order.map((part) => html.indexOf(part));
    expect(positions.every((p) => p >= 0), String(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('carries its styles inline and has no script, no stylesheet link and no web address', async () => {
    const html = await renderPrintableHtml(siteView());
    expect(html).toContain('<style>\n:root {');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link |https?:\/\//);
  });

  it('links inside itself: the ranking to each department, a worst meta to its row', () => {
    const html = printableHtml(siteView());
    expect(hrefs(html)).toEqual(expect.arrayContaining(['#dependencia-DIF', '#dependencia-OP', '#OP-01-M1']));
    expect(brokenLinks(new Map([['reporte.html', html]]))).toEqual([]);
  });

  it('gives every id once, though departments repeat section ids', () => {
    const all = ids(printableHtml(siteView()));
    expect(all).toEqual([...new Set(all)]);
    expect(all).toEqual(expect.arrayContaining(['DIF-seccion-metas', 'OP-seccion-metas']));
  });

  it('escapes text from the plan', () => {
    const html = printableHtml(siteView());
    expect(html).not.toMatch(/<script>alert|<img/);
    expect(html).toContain('<h2 id="dependencia-OP-titulo">OP — Obras &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Públicas&#39;</h2>');
  });
});
