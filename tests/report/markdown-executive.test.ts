import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/render/markdown/markdown.js';
import { writeRepo } from '../helpers/fixture.js';
import { executiveView, HOSTILE } from './executive-sample.js';

/** The `##` headings of a document, in order. */
const headings = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('## '));

describe('Markdown: the executive page first', () => {
  it('puts the executive page before the summary and the sections, and the department detail last', () => {
    expect(headings(renderMarkdown(executiveView()))).toEqual([
      '## Resumen ejecutivo',
      '## Resumen',
      '## Entrega de reportes',
      '## Detalle por dependencia',
    ]);
  });

  it('writes the headline, the ranking, the actions as a list and the worst metas', () => {
    const md = renderMarkdown(executiveView());
    const page = md.slice(md.indexOf('## Resumen ejecutivo'), md.indexOf('## Resumen\n'));
    expect(page).toContain('OP encabeza con 85.3 puntos; SP bajó 4.0 puntos.\n\n### Dependencias por lugar\n\n| Lugar | Clave | Total | Tendencia |');
    expect(page).toContain('| 1 | OP | 85.3 | ↑ |');
    expect(page).toContain('### Qué requiere atención\n\n- 5 metas en rojo: 3 de SP y 2 de OP.\n');
    expect(page).toContain('### Metas con menor cumplimiento\n\n| Meta | T1 | T2 |\n| :--- | :---: | :---: |\n| SP-03-M1 Reciclaje | 🔴 Rojo | 🔴 Rojo |');
  });

  it('says «Nada requiere atención inmediata.» when there are no actions', () => {
    const view = executiveView();
    view.executive!.actions = [];
    expect(renderMarkdown(view)).toContain('### Qué requiere atención\n\nNada requiere atención inmediata.\n');
  });

  it('writes each chart as a mermaid block followed by its table', () => {
    const md = renderMarkdown(executiveView());
    expect(md).toContain(
      [
        '### Metas por semáforo',
        '',
        '```mermaid',
        '%%{init: {"themeVariables":{"xyChart":{"plotColorPalette":"#F8696B, #FFEB84, #63BE7B"}}}}%%',
        'xychart-beta',
        '  title "Metas por semáforo"',
        '  x-axis ["OP", "SP"]',
        '  y-axis "metas" 0 --> 6',
        '  bar [6, 5]',
        '  bar [4, 1]',
        '  bar [3, 1]',
        '```',
        '',
        'Cada barra apila, desde el eje: 🟢 Verde, 🟡 Amarillo, 🔴 Rojo.',
        '',
        '| Clave | Verde | Amarillo | Rojo |',
      ].join('\n'),
    );
  });

  it('says under a chart with a missing value that Mermaid draws it as 0', () => {
    expect(renderMarkdown(executiveView())).toContain(
      'Series: OP (azul), SP (bermellón). En la gráfica, un dato faltante aparece como 0; la tabla dice cuál falta.',
    );
  });

  it('leaves out the executive page when the view has none (transparency)', () => {
    expect(renderMarkdown(executiveView({ executive: undefined }))).not.toContain('Resumen ejecutivo');
  });
});

describe('Markdown: one collapsible <details> per department', () => {
  it('writes one <details> per department, its summary on one line and a blank line after it', () => {
    const md = renderMarkdown(executiveView());
    expect(md.match(/^<details>$/gm)).toHaveLength(2);
    expect(md.match(/^<\/details>$/gm)).toHaveLength(2);
    expect(md).toContain('<details>\n<summary><strong>OP</strong> · Obras Públicas</summary>\n\n- **Metas en verde:** 50.0 %\n');
  });

  it('shows a long per-meta table only inside each department, split by department', () => {
    const md = renderMarkdown(executiveView());
    const top = md.slice(0, md.indexOf('## Detalle por dependencia'));
    expect(top).not.toContain('Avance de metas');
    const op = md.slice(md.indexOf('<summary><strong>OP'), md.indexOf('<summary><strong>SP'));
    expect(op).toContain('### Avance de metas\n\n| Meta | Dependencia | Semáforo |\n| :--- | :--- | :---: |\n| OP-01-M1 | OP | 🔴 Rojo |\n| OP-01-M2 | OP | 🔴 Rojo |\n');
    expect(op).not.toContain('SP-03');
  });

  it('keeps a one-row-per-department table at the top and does not repeat it per department', () => {
    const md = renderMarkdown(executiveView());
    expect(md.match(/Entrega de reportes/g)).toHaveLength(1);
    expect(md.indexOf('## Entrega de reportes')).toBeLessThan(md.indexOf('## Detalle por dependencia'));
  });

  it('says which tables each department holds, and names a department’s empty tables in one line', () => {
    const md = renderMarkdown(executiveView());
    expect(md).toContain('Cada dependencia, al desplegarla, muestra su resumen, sus gráficas y sus renglones de: Avance de metas.');
    expect(md).toContain('Sin registros en: Hallazgos.\n\n</details>');
  });

  it('writes each department chart inside its <details>, with its table', () => {
    const md = renderMarkdown(executiveView());
    const sp = md.slice(md.indexOf('<summary><strong>SP'));
    expect(sp).toContain('### Tendencia de SP\n\n```mermaid\n');
    expect(sp).toContain('  line [50, 60, 0, 70]\n```');
  });

  it('escapes a hostile department name as HTML inside <summary>', () => {
    const view = executiveView();
    view.departments![0]!.nombre = `${HOSTILE}\nsegunda línea`;
    view.departments![0]!.clave = '<b>OP</b>';
    const summary = renderMarkdown(view).split('\n').find((line) => line.startsWith('<summary><strong>&lt;b'));
    expect(summary).toBe(
      '<summary><strong>&lt;b&gt;OP&lt;/b&gt;</strong> · &lt;/summary&gt;&lt;script&gt;alert(1)&lt;/script&gt; | `x` &quot;y&quot; segunda línea</summary>',
    );
  });

  it('shows every section at the top, and no <details> sections, with a single department page', () => {
    const view = executiveView();
    view.departments = view.departments!.slice(0, 1);
    const md = renderMarkdown(view);
    expect(headings(md)).toEqual(['## Resumen ejecutivo', '## Resumen', '## Entrega de reportes', '## Avance de metas', '## Detalle por dependencia']);
    const detail = md.slice(md.indexOf('<details>'));
    expect(detail).not.toContain('### Avance de metas');
  });
});

describe('Markdown: a repository’s own templates', () => {
  it('replaces the package’s department part with a repository partial of the same name', () => {
    const repo = writeRepo({ 'templates/partials/dependencias.md.hbs': '{{#each departments}}- {{texto clave}}\n{{/each}}' });
    const md = renderMarkdown(executiveView(), { templatesDir: path.join(repo, 'templates') });
    expect(md).not.toContain('<details>');
    expect(md).toContain('- OP\n- SP\n');
    expect(md).toContain('## Resumen ejecutivo');
  });

  it('keeps rendering a repository’s older anual.md.hbs that knows nothing of the executive page', () => {
    const repo = writeRepo({ 'templates/anual.md.hbs': '# {{texto title}}\n{{#each sections}}{{> seccion}}{{/each}}' });
    const md = renderMarkdown(executiveView(), { templatesDir: path.join(repo, 'templates') });
    expect(headings(md)).toEqual(['## Entrega de reportes', '## Avance de metas']);
  });
});

describe('Markdown: the worst metas when none is below green', () => {
  it('says so instead of an empty table', () => {
    const view = executiveView();
    view.executive!.worstMetas = { ...view.executive!.worstMetas, rows: [] };
    expect(renderMarkdown(view)).toContain('### Metas con menor cumplimiento\n\n*Ninguna meta en rojo, en amarillo ni sin reportar.*\n');
  });
});
