import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/render/markdown/markdown.js';
import { TemplateError } from '../../src/report/render/renderer.js';
import { date, empty, int, num, pct, semaforoCell, text } from '../../src/report/view/cell-text.js';
import type { Cell, Column, ReportView, Section } from '../../src/report/view/types.js';
import { writeRepo } from '../helpers/fixture.js';
import { HOSTILE, sampleView } from './sample-view.js';

function tinyView(overrides: Partial<ReportView> = {}): ReportView {
  return {
    kind: 'trimestral',
    title: 'Resumen trimestral 2019-T2',
    municipio: 'Santiago Tepalcuautla',
    ejercicio: 2019,
    periodo: '2019-T2',
    fechaCorte: '2019-07-15',
    resumen: [
      { label: 'Reportes entregados', value: int(1234) },
      { label: 'Avance promedio', value: pct(0.953) },
    ],
    sections: [
      {
        id: 'metas',
        sheet: 'Metas',
        title: 'Metas',
        intro: 'Avance de cada meta al cierre del trimestre.',
        table: {
          columns: [
            { header: 'Meta', kind: 'text' },
            { header: 'Avance', kind: 'percent' },
            { header: 'Semáforo', kind: 'semaforo' },
          ],
          rows: [
            [text('Bacheo'), pct(0.95), semaforoCell('verde')],
            [text('Alumbrado'), pct(0.5), semaforoCell('rojo')],
          ],
        },
        notes: ['Verde: 90–110 % de lo programado.'],
      },
    ],
    ...overrides,
  };
}

/** A view with one text column whose rows are the given values, and the same values as notes. */
function oneColumnView(values: string[], overrides: Partial<Section> = {}): ReportView {
  return tinyView({
    resumen: [],
    sections: [
      {
        id: 'prueba',
        sheet: 'Prueba',
        title: 'Prueba',
        table: { columns: [{ header: 'Valor', kind: 'text' }], rows: values.map((v) => [text(v)]) },
        notes: values,
        ...overrides,
      },
    ],
  });
}

/** The lines of each table in a Markdown document (consecutive lines starting with `|`). */
function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      if (!current) found.push((current = []));
      current.push(line);
    } else {
      current = undefined;
    }
  }
  return found;
}

/** Pipes that GFM treats as cell boundaries: not preceded by an odd run of backslashes. */
function unescapedPipes(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '|') continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

/** Every occurrence of `ch` not preceded by an odd run of backslashes. */
function unescaped(markdown: string, ch: string): number {
  return unescapedPipes(markdown.replaceAll('|', '').replaceAll(ch, '|'));
}

function rowsOf(markdown: string): string[] {
  const [table] = tables(markdown);
  return (table ?? []).slice(2);
}

function notesOf(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
}

const HOSTILE_CORPUS = [
  'a | b',
  '||',
  '\\|',
  'termina en \\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'usa `rm -rf` y ```',
  '*negrita* _itálica_ ~~tachado~~',
  '[enlace](javascript:alert(1))',
  '![imagen](x.png)',
  '# título',
  '> cita',
  '- viñeta',
  '+ viñeta',
  '1. lista',
  '=SUMA(A1:A9)',
  '@usuario',
  '&amp; &lt;b&gt;',
  'uno\r\ndos',
  'uno\rdos',
  'uno\ndos\n\ntres',
  'uno\u2028dos',
  '   con espacios   ',
  '',
  '\t\tsangría de código',
  '---',
  'cuesta $100 y $200$',
  'ver http://ejemplo.mx y www.ejemplo.mx',
  'nulo\u0000aquí',
];

describe('renderMarkdown', () => {
  it('renders a tiny quarterly view exactly', () => {
    expect(renderMarkdown(tinyView({ dependencia: 'OP' }))).toBe(
      [
        '# Resumen trimestral 2019-T2',
        '',
        '**Municipio:** Santiago Tepalcuautla · **Periodo:** 2019-T2 · **Fecha de corte:** 15/07/2019 · **Dependencia:** OP',
        '',
        'Seguimiento trimestral del Plan de Mejora: entrega de reportes por dependencia, avance de las metas contra lo programado y semáforo de cumplimiento.',
        '',
        '## Resumen',
        '',
        '- **Reportes entregados:** 1,234',
        '- **Avance promedio:** 95.3 %',
        '',
        '## Metas',
        '',
        'Avance de cada meta al cierre del trimestre.',
        '',
        '| Meta | Avance | Semáforo |',
        '| :--- | ---: | :---: |',
        '| Bacheo | 95.0 % | 🟢 Verde |',
        '| Alumbrado | 50.0 % | 🔴 Rojo |',
        '',
        '- Verde: 90–110 % de lo programado.',
        '',
        '---',
        '',
        'Generado con plan a partir de los datos del repositorio; fecha de corte 15/07/2019.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out the dependencia, the intro, the notes and the Resumen heading when the view has none', () => {
    const view = tinyView({ resumen: [] });
    const section = view.sections[0]!;
    delete section.intro;
    delete section.notes;
    const markdown = renderMarkdown(view);
    expect(markdown).toContain('**Fecha de corte:** 15/07/2019\n\nSeguimiento trimestral');
    expect(markdown).not.toContain('Dependencia');
    expect(markdown).not.toContain('## Resumen');
    expect(markdown).toContain('## Metas\n\n| Meta | Avance | Semáforo |');
    expect(markdown).toContain('| Alumbrado | 50.0 % | 🔴 Rojo |\n\n---\n');
  });

  it('keeps the header and says so when a table has no rows', () => {
    const view = tinyView();
    view.sections[0]!.table.rows = [];
    expect(renderMarkdown(view)).toContain('| Meta | Avance | Semáforo |\n| :--- | ---: | :---: |\n\n*Sin registros.*\n');
  });

  it('aligns numbers, percentages and dates right, text left and the semáforo centred', () => {
    const kinds: Column['kind'][] = ['text', 'int', 'number', 'percent', 'date', 'semaforo', 'empty'];
    const view = tinyView();
    view.sections[0]!.table = {
      columns: kinds.map((kind) => ({ header: kind, kind })),
      rows: [[text('a'), int(1), num(2.5, 1), pct(0.1), date('2019-04-01'), semaforoCell('amarillo'), empty()]],
    };
    const [table] = tables(renderMarkdown(view));
    expect(table).toEqual([
      '| text | int | number | percent | date | semaforo | empty |',
      '| :--- | ---: | ---: | ---: | ---: | :---: | :--- |',
      '| a | 1 | 2.5 | 10.0 % | 01/04/2019 | 🟡 Amarillo | — |',
    ]);
  });

  it('shows each semáforo as an emoji and its label', () => {
    const view = tinyView();
    view.sections[0]!.table = {
      columns: [{ header: 'Semáforo', kind: 'semaforo' }],
      rows: [[semaforoCell('verde')], [semaforoCell('amarillo')], [semaforoCell('rojo')], [semaforoCell('sin_meta')]],
    };
    expect(rowsOf(renderMarkdown(view))).toEqual(['| 🟢 Verde |', '| 🟡 Amarillo |', '| 🔴 Rojo |', '| ⚪ Sin meta |']);
  });

  it('writes an empty cell as a dash, or as its note', () => {
    const view = tinyView();
    view.sections[0]!.table = {
      columns: [{ header: 'Dato', kind: 'int' }],
      rows: [[empty()], [empty('no aplica')], [empty('')], [text('   ')]],
    };
    expect(rowsOf(renderMarkdown(view))).toEqual(['| — |', '| no aplica |', '| — |', '| — |']);
  });
});

describe('escaping of text from the YAML', () => {
  it('escapes each hostile value inside a table cell', () => {
    expect(rowsOf(renderMarkdown(oneColumnView(HOSTILE_CORPUS)))).toEqual(
      [
        'a \\| b',
        '\\|\\|',
        '\\\\\\|',
        'termina en \\\\',
        '&lt;script&gt;alert(1)&lt;/script&gt;',
        '&lt;img src=x onerror=alert(1)&gt;',
        'usa \\`rm -rf\\` y \\`\\`\\`',
        '\\*negrita\\* \\_itálica\\_ \\~\\~tachado\\~\\~',
        '\\[enlace\\](javascript:alert(1))',
        '\\!\\[imagen\\](x.png)',
        '\\# título',
        '&gt; cita',
        '- viñeta',
        '+ viñeta',
        '1. lista',
        '=SUMA(A1:A9)',
        '\\@usuario',
        '&amp;amp; &amp;lt;b&amp;gt;',
        'uno / dos',
        'uno / dos',
        'uno / dos / tres',
        'uno / dos',
        'con espacios',
        '—',
        'sangría de código',
        '---',
        'cuesta \\$100 y \\$200\\$',
        'ver http\\://ejemplo.mx y www\\.ejemplo.mx',
        'nuloaquí',
      ].map((cell) => `| ${cell} |`),
    );
  });

  it('escapes each hostile value in a paragraph, so none starts a list, heading, quote or code block', () => {
    expect(notesOf(renderMarkdown(oneColumnView(HOSTILE_CORPUS.filter((v) => v.trim() !== ''))))).toEqual([
      'a \\| b',
      '\\|\\|',
      '\\\\\\|',
      'termina en \\\\',
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      '&lt;img src=x onerror=alert(1)&gt;',
      'usa \\`rm -rf\\` y \\`\\`\\`',
      '\\*negrita\\* \\_itálica\\_ \\~\\~tachado\\~\\~',
      '\\[enlace\\](javascript:alert(1))',
      '\\!\\[imagen\\](x.png)',
      '\\# título',
      '&gt; cita',
      '\\- viñeta',
      '\\+ viñeta',
      '1\\. lista',
      '\\=SUMA(A1:A9)',
      '\\@usuario',
      '&amp;amp; &amp;lt;b&amp;gt;',
      'uno dos',
      'uno dos',
      'uno dos tres',
      'uno dos',
      'con espacios',
      'sangría de código',
      '\\---',
      'cuesta \\$100 y \\$200\\$',
      'ver http\\://ejemplo.mx y www\\.ejemplo.mx',
      'nuloaquí',
    ]);
  });

  it('keeps every row of a hostile table at the header’s column count', () => {
    const columns: Column[] = HOSTILE_CORPUS.slice(0, 6).map((header) => ({ header, kind: 'text' }));
    const rows: Cell[][] = [];
    for (let start = 0; start < HOSTILE_CORPUS.length; start++) {
      rows.push(columns.map((_, i) => text(HOSTILE_CORPUS[(start + i) % HOSTILE_CORPUS.length]!)));
    }
    const view = tinyView();
    view.sections[0]!.table = { columns, rows };
    const [table] = tables(renderMarkdown(view));
    expect(table).toHaveLength(2 + HOSTILE_CORPUS.length);
    for (const line of table!) expect(unescapedPipes(line)).toBe(columns.length + 1);
  });

  it('lets no HTML, code span or line break from the data through anywhere in the document', () => {
    const hostile = HOSTILE_CORPUS.join(' ');
    const view: ReportView = {
      ...tinyView({ title: hostile, municipio: hostile, periodo: hostile, dependencia: hostile }),
      resumen: [{ label: hostile, value: text(hostile) }],
    };
    view.sections.push({ ...oneColumnView(HOSTILE_CORPUS).sections[0]!, title: hostile, intro: hostile });
    const markdown = renderMarkdown(view);
    expect(markdown).not.toContain('<');
    expect(markdown).not.toContain('\r');
    expect(markdown).not.toContain('\u2028');
    expect(unescaped(markdown, '`')).toBe(0);
    for (const table of tables(markdown)) {
      const width = unescapedPipes(table[0]!);
      for (const line of table) expect(unescapedPipes(line)).toBe(width);
    }
  });

  it('escapes the sample view shared with the Excel renderer', () => {
    const markdown = renderMarkdown(sampleView());
    expect(markdown).not.toContain('<');
    expect(HOSTILE.script.startsWith('<script')).toBe(true);
    expect(markdown).toContain('| -2 | \\@SUM(A1) |');
    expect(markdown).toContain(`| a \\| b | &lt;script&gt;alert(1)&lt;/script&gt; |`);
    expect(markdown).toContain('| línea uno / línea dos |');
    expect(markdown).toContain('| usa \\`rm -rf\\` |');
    expect(markdown).toContain('| =HYPERLINK("http\\://x","y") |');
    for (const table of tables(markdown)) {
      const width = unescapedPipes(table[0]!);
      for (const line of table) expect(unescapedPipes(line)).toBe(width);
    }
  });

  it('HTML-escapes a plain {{x}} in a repo’s own template', () => {
    const repo = writeRepo({ 'templates/anual.md.hbs': '{{title}} {{municipio}}\n' });
    const view = tinyView({ kind: 'anual', title: '<script>alert(1)</script>', municipio: 'A & B' });
    expect(renderMarkdown(view, { templatesDir: path.join(repo, 'templates') })).toBe('&lt;script&gt;alert(1)&lt;/script&gt; A &amp; B\n');
  });
});

describe('templates', () => {
  it('uses the repo’s template and partials when present and the package’s otherwise', () => {
    const repo = writeRepo({
      'templates/trimestral.md.hbs': '# Informe de {{texto municipio}}\n\n{{#each sections}}{{> seccion}}{{/each}}{{> pie}}\n',
      'templates/partials/pie.md.hbs': 'Pie del municipio, {{fecha fechaCorte}}.\n',
    });
    const templatesDir = path.join(repo, 'templates');
    const quarterly = renderMarkdown(tinyView(), { templatesDir });
    expect(quarterly.startsWith('# Informe de Santiago Tepalcuautla\n\n## Metas\n')).toBe(true);
    expect(quarterly.endsWith('- Verde: 90–110 % de lo programado.\n\nPie del municipio, 15/07/2019.\n')).toBe(true);

    const annual = renderMarkdown(tinyView({ kind: 'anual', periodo: '2019' }), { templatesDir });
    expect(annual).toContain('**Ejercicio:** 2019');
    expect(annual.endsWith('\nPie del municipio, 15/07/2019.\n')).toBe(true);
  });

  it('falls back to the package templates when the repo folder does not exist', () => {
    const missing = path.join(writeRepo({}), 'templates');
    expect(renderMarkdown(tinyView(), { templatesDir: missing })).toBe(renderMarkdown(tinyView()));
  });

  it('renders the annual and transparency views with their own headings', () => {
    const annual = renderMarkdown(tinyView({ kind: 'anual', title: 'Evaluación anual 2019', periodo: '2019' }));
    expect(annual).toMatch(/^# Evaluación anual 2019\n\n\*\*Municipio:\*\* Santiago Tepalcuautla · \*\*Ejercicio:\*\* 2019 ·/);
    const transparency = renderMarkdown(tinyView({ kind: 'transparencia', title: 'Indicadores de resultados' }));
    expect(transparency).toContain('**Periodo que se informa:** 2019-T2');
    expect(transparency).toContain('artículo 70, fracción VI');
  });

  it('names the repo template when it cannot be parsed', () => {
    const repo = writeRepo({ 'templates/transparencia.md.hbs': '{{#each sections}}sin cerrar\n' });
    const file = path.join(repo, 'templates', 'transparencia.md.hbs');
    const render = () => renderMarkdown(tinyView({ kind: 'transparencia' }), { templatesDir: path.join(repo, 'templates') });
    expect(render).toThrow(TemplateError);
    expect(render).toThrow(`La plantilla «${file}» no se pudo aplicar`);
  });

  it('turns CRLF line endings of a template into LF', () => {
    const repo = writeRepo({ 'templates/trimestral.md.hbs': '# {{texto title}}\r\n\r\nFecha: {{fecha fechaCorte}}\r\n' });
    expect(renderMarkdown(tinyView(), { templatesDir: path.join(repo, 'templates') })).toBe('# Resumen trimestral 2019-T2\n\nFecha: 15/07/2019\n');
  });

  it('refuses a table row whose cell count differs from its columns', () => {
    const view = tinyView();
    view.sections[0]!.table.rows.push([text('sin avance')]);
    expect(() => renderMarkdown(view)).toThrow('la fila 3 tiene 1 celdas y la tabla 3 columnas');
  });
});

describe('output bytes', () => {
  it('is byte-identical for the same input', () => {
    const first = renderMarkdown(sampleView());
    const second = renderMarkdown(sampleView());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('ends with a single newline and has no trailing blanks or runs of blank lines', () => {
    for (const kind of ['trimestral', 'anual', 'transparencia'] as const) {
      const markdown = renderMarkdown({ ...sampleView(), kind });
      expect(markdown.endsWith('\n')).toBe(true);
      expect(markdown.endsWith('\n\n')).toBe(false);
      expect(markdown).not.toMatch(/[ \t]$/m);
      expect(markdown).not.toContain('\n\n\n');
    }
  });

  it('registers nothing on the global Handlebars', () => {
    renderMarkdown(sampleView());
    expect(Object.keys(Handlebars.helpers).sort()).toEqual(['blockHelperMissing', 'each', 'helperMissing', 'if', 'log', 'lookup', 'unless', 'with']);
    expect(Object.keys(Handlebars.partials)).toEqual([]);
  });
});
