import { describe, expect, it } from 'vitest';
import { html, htmlBytes, htmlText, lines } from '../../../src/report/render/html/blocks.js';
import { renderSite } from '../../../src/report/render/html/site.js';
import { text } from '../../../src/report/view/cell-text.js';
import type { RenderedFolder } from '../../../src/report/render/renderer.js';
import type { ReportView } from '../../../src/report/view/types.js';
import { sampleView } from '../sample-view.js';
import { brokenLinks, hrefs, ids } from './links.js';
import { siteView } from './site-view.js';

function pages(folder: RenderedFolder): Map<string, string> {
  return new Map(folder.files.map((f) => [f.path, typeof f.bytes === 'string' ? f.bytes : new TextDecoder().decode(f.bytes)]));
}

function page(view: ReportView, file: string): string {
  const html = pages(renderSite(view)).get(file);
  if (html === undefined) throw new Error(`no ${file}`);
  return html;
}

describe('the HTML site', () => {
  it('writes an index, one page per department, the general sections and one stylesheet', () => {
    const site = renderSite(siteView());
    expect(site.entry).toBe('index.html');
    expect(site.files.map((f) => f.path)).toEqual(['index.html', 'secciones.html', 'dependencias/DIF.html', 'dependencias/OP.html', 'estilos.css']);
  });

  it('gives each page as the UTF-8 bytes of its file, encoded as soon as the page is done', () => {
    const site = renderSite(siteView());
    const htmlPages = site.files.filter((f) => f.path.endsWith('.html'));
    expect(htmlPages.every((f) => f.bytes instanceof Uint8Array)).toBe(true);
    const index = new TextDecoder('utf-8', { fatal: true }).decode(htmlPages[0]!.bytes as Uint8Array);
    expect(index.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(index).toContain('Resumen ejecutivo');
  });

  it('links the ranking and the department list to each department page', () => {
    const index = page(siteView(), 'index.html');
    expect(index).toContain('<tr data-filtro><td class="num">1</td><th scope="row" class="codigo"><a href="dependencias/DIF.html">DIF</a></th>');
    expect(index).toContain('<tr data-filtro><td class="num">2</td><th scope="row" class="codigo"><a href="dependencias/OP.html">OP</a></th>');
    expect(index).toContain('<li data-filtro><a href="dependencias/DIF.html">DIF — Sistema Municipal DIF</a></li>');
    expect(index).toContain('<li data-filtro><a href="dependencias/OP.html">OP — Obras &lt;script&gt;');
  });

  it('links a worst meta to its anchor on its department page', () => {
    expect(hrefs(page(siteView(), 'index.html'))).toContain('dependencias/OP.html#OP-01-M1');
    expect(ids(page(siteView(), 'dependencias/OP.html'))).toEqual(expect.arrayContaining(['OP-01-M1', 'OP-01-M2', 'OP-01-M1-historial']));
  });

  it('resolves every link of every page to an existing file and anchor', () => {
    expect(brokenLinks(pages(renderSite(siteView())))).toEqual([]);
  });

  it('gives every id of a page once', () => {
    for (const [file, html] of pages(renderSite(siteView()))) {
      if (!file.endsWith('.html')) continue;
      const all = ids(html);
      expect(all, file).toEqual([...new Set(all)]);
    }
  });

  it('puts the sections no department page shows in secciones.html, linked from the index', () => {
    const site = pages(renderSite(siteView()));
    expect(site.get('secciones.html')).toContain('<h2 id="seccion-rubrica">Rúbrica de la evaluación</h2>');
    expect(site.get('secciones.html')).not.toContain('seccion-metas');
    expect(hrefs(site.get('index.html')!)).toContain('secciones.html#seccion-rubrica');
  });

  it('escapes text from the plan everywhere: no tag, quote or ampersand comes through raw', () => {
    for (const [file, html] of pages(renderSite(siteView()))) {
      expect(html, file).not.toMatch(/<script>alert|<img|<b>Alumbrado/);
    }
    const op = page(siteView(), 'dependencias/OP.html');
    expect(op).toContain('<h1>OP — Obras &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Públicas&#39;</h1>');
    expect(op).toContain('<title>OP — Obras &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Públicas&#39; · Resumen trimestral 2019-T2</title>');
    expect(page(siteView(), 'index.html')).toContain('1 meta en rojo: 1 de OP &lt;img src=x onerror=alert(1)&gt;.');
  });

  it('keeps each line of a multi-line text, as separate lines', () => {
    expect(page(siteView(), 'secciones.html')).toContain('<p class="intro">Línea uno<br>línea &quot;dos&quot;</p>');
  });

  it('refers to nothing outside the site: no http:// or https:// in any file', () => {
    for (const [file, html] of pages(renderSite(siteView()))) expect(html, file).not.toMatch(/https?:\/\//);
    const charted = page(siteView(), 'index.html');
    expect(charted).toContain('<svg ');
  });

  it('shows a web address from the data as text, never as a link', () => {
    const view = siteView({ resumen: [{ label: 'Portal', value: text('https://ejemplo.gob.mx/"><script>') }] });
    const index = page(view, 'index.html');
    expect(index).toContain('<dd>https://ejemplo.gob.mx/&quot;&gt;&lt;script&gt;</dd>');
    expect(hrefs(index).filter((h) => h.includes('ejemplo'))).toEqual([]);
  });

  it('shows the semáforo with a symbol and its word, not only a colour', () => {
    expect(page(siteView(), 'index.html')).toContain('<span class="sem sem-rojo"><span class="sem-icono" aria-hidden="true">✖</span> Rojo</span>');
  });

  it('says so when nothing needs action', () => {
    const view = siteView();
    view.executive!.actions = [];
    expect(page(view, 'index.html')).toContain('<p class="tranquilo">Nada requiere atención inmediata.</p>');
  });

  it('names each action’s departments with links to their pages', () => {
    expect(page(siteView(), 'index.html')).toContain('<span class="ver">Ver: <a href="dependencias/OP.html">OP</a>.</span>');
  });

  it('builds each table with a caption, column headers and a row header', () => {
    const op = page(siteView(), 'dependencias/OP.html');
    expect(op).toContain('<caption class="oculto">Avance de metas 2019-T2</caption><thead><tr><th scope="col">PPCS</th>');
    expect(op).toContain('<tr id="OP-01-M1" data-filtro><th scope="row" class="codigo">OP-01</th>');
  });

  it('is accessible by construction: Spanish, a skip link to the main content, one h1, a labelled search box hidden until its script runs', () => {
    for (const [file, html] of pages(renderSite(siteView()))) {
      if (!file.endsWith('.html')) continue;
      expect(html, file).toContain('<html lang="es">');
      expect(html, file).toContain('<a class="salto" href="#contenido">Saltar al contenido</a>');
      expect(html, file).toContain('<main id="contenido"');
      expect(html.match(/<h1>/g), file).toHaveLength(1);
      expect(html, file).toContain('<div class="filtro" id="filtro" role="search" hidden><label for="filtro-texto">');
    }
  });

  it('allows no request but its own stylesheet, through the page’s Content-Security-Policy', () => {
    const index = page(siteView(), 'index.html');
    expect(index).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;self&#39; file: &#39;unsafe-inline&#39;; img-src data:; script-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/);
    expect(index).toContain('<link rel="stylesheet" href="estilos.css">');
    expect(page(siteView(), 'dependencias/DIF.html')).toContain('<link rel="stylesheet" href="../estilos.css">');
  });

  it('has a print stylesheet: no navigation, headers repeated, a new sheet per department', () => {
    const css = page(siteView(), 'estilos.css');
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toContain('.salto, .encabezado nav, .migas, .vecinas, .filtro, .contenido { display: none; }');
    expect(print).toContain('thead { display: table-header-group; }');
    expect(print).toContain('.departamento, .nueva-pagina { break-before: page; }');
  });

  it('links each department page to the previous and the next one', () => {
    expect(page(siteView(), 'dependencias/DIF.html')).toContain('<a href="../dependencias/OP.html" rel="next">');
    expect(page(siteView(), 'dependencias/OP.html')).toContain('<a href="../dependencias/DIF.html" rel="prev">');
  });

  it('serves a view without department pages (the transparency table) as one page with its tables', () => {
    const view: ReportView = { ...sampleView(), kind: 'transparencia' };
    const site = pages(renderSite(view));
    expect([...site.keys()]).toEqual(['index.html', 'estilos.css']);
    const index = site.get('index.html')!;
    expect(index).toContain('<h2 id="seccion-entregas">Entregas del trimestre</h2>');
    expect(index).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(index).not.toContain('<script>alert(1)');
    expect(brokenLinks(site)).toEqual([]);
  });
});

describe('a page put together', () => {
  it('has its parts one per line, as Array#join would give them', () => {
    expect(lines([])).toBe('');
    expect(lines(['<p>uno</p>'])).toBe('<p>uno</p>');
    const rows = Array.from({ length: 3000 }, (_, i) => `<tr><td>${i}</td></tr>`);
    expect(htmlText(lines(rows))).toBe(rows.join('\n'));
    expect(htmlText(lines(['', 'a', '']))).toBe('\na\n');
    expect(htmlText(html('<tbody>', lines(['<tr>1</tr>', html('<tr>', '2', '</tr>')]), '</tbody>'))).toBe('<tbody><tr>1</tr>\n<tr>2</tr></tbody>');
  });

  it('encodes its pieces as UTF-8 one by one, the same bytes as the whole text, however large', () => {
    const piece = 'Atención — ✔ verde · 𝄞 ';
    // Past the 1 MiB the encoder starts with, several times over.
    const page = lines(Array.from({ length: 200_000 }, (_, i) => html(`<tr id="r${i}">`, piece, '</tr>')));
    const bytes = htmlBytes(page);
    expect(Buffer.from(bytes).equals(Buffer.from(htmlText(page), 'utf8'))).toBe(true);
    // Each call gives bytes of its own, not a view of the buffer it encodes in.
    const small = htmlBytes(html('<p>', 'ñ', '</p>'));
    expect(new TextDecoder().decode(small)).toBe('<p>ñ</p>');
    expect(small.byteLength).toBe(small.buffer.byteLength);
    expect(new TextDecoder().decode(bytes.subarray(0, 12))).toBe('<tr id="r0">');
  });

  it('cannot be joined by mistake in a template literal or by Array#join, which would copy the page', () => {
    const table = html('<table>', '</table>');
    expect(() => `${table}`).toThrow(/htmlText/);
    expect(() => ['<p>', table].join('')).toThrow(/htmlText/);
  });
});
