// Property: whatever text a department writes in a field that reaches a report (its name,
// a PPCS or indicator name, a justification, Planeación's observation, the municipality,
// a unit, an approved exception, a justifying comment), the Markdown tables keep their
// shape and carry no raw HTML but the renderer's own <details>/<summary> of each department
// (its clave and name escaped inside), the workbook holds no formula, and the CSV no live formula.
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/render/csv/csv.js';
import { renderMarkdown } from '../../src/report/render/markdown/markdown.js';
import { annualView } from '../../src/report/view/annual.js';
import { quarterlyView } from '../../src/report/view/quarterly.js';
import { transparencyView } from '../../src/report/view/transparency.js';
import type { ReportView, Table } from '../../src/report/view/types.js';
import { renderXlsx } from '../../src/report/render/xlsx/workbook.js';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, DEFAULT_CUTOFF, render, writeRepo, type Files } from '../helpers/fixture.js';

const SEED = 20_190_627;

/** Pieces that break naive Markdown, HTML, spreadsheets or line handling. */
const FRAGMENTS = [
  '|', '\\|', '\\', '||', ' | ', '\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f', '\t', '\u0000', '\u001b[31m', '\u007f', '\u0090',
  '<script>alert(1)</script>', '<', '>', '&', '&lt;', '<!--', '-->', '<img src=x onerror=alert(1)>', '<br>',
  '`', '```', '~~~', '*', '**', '_', '__', '~~', '#', '# ', '> ', '- ', '+ ', '1. ', '---', '===', '[x](javascript:alert(1))', '![i](http://x/i.png)', '$x$', '$$',
  '=', '+', '-', '@', '=1+1', '=HYPERLINK("http://x","y")', '+SUM(A1:A2)', '-2+3', '@SUM(1)', '=cmd|\'/c calc\'!A1',
  'http://x.mx', 'www.x.mx', 'a@b.mx', '{{title}}', '{{{municipio}}}', '«', '»', 'ñ', '👩🏽‍🌾', '\u200b', '\u202e',
];

const hostileText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), {
    minLength: 1,
    maxLength: 14,
  })
  .map((parts) => parts.join(''))
  // The schemas allow 1 to 200 characters (ajv counts code points).
  .filter((s) => [...s].length >= 1 && [...s].length <= 200);

interface Texts {
  municipio: string;
  dependencia: string;
  ppcs: string;
  indicador: string;
  justificacion: string;
  observacion: string;
  unidad: string;
  motivo: string;
  aprobo: string;
  comentario: string;
}

const texts: fc.Arbitrary<Texts> = fc.record({
  municipio: hostileText,
  dependencia: hostileText,
  ppcs: hostileText,
  indicador: hostileText,
  justificacion: hostileText,
  observacion: hostileText,
  unidad: hostileText,
  // excepciones.yaml asks for a reason of at least 10 characters.
  motivo: fc.oneof(hostileText.map((x) => `${x} (oficio 123)`), hostileText.map((x) => `Oficio 123: ${x}`)),
  aprobo: hostileText,
  comentario: hostileText,
});

/** The base fixture with every report-bound text replaced, a 2019-T1 feedback round and two justified findings. */
function repoWith(t: Texts): Files {
  const files = baseRepo();
  files['plan.yaml'].municipio = t.municipio;
  files['dependencias/OP/dependencia.yaml'].nombre = t.dependencia;
  files['dependencias/OP/ppcs/OP-01.yaml'].nombre = t.ppcs;
  files['dependencias/OP/ppcs/OP-01.yaml'].metas[0].indicador.nombre = t.indicador;
  files['catalogos/unidades-de-medida.yaml'].unidades[0].nombre = t.unidad;
  // 1 km of 2 programmed: a variation that asks for its justification.
  files['dependencias/OP/reportes/2019-T1.yaml'].ppcs[0].avances[0] = { meta: 'M1', valor: 1, unidad_medida: 'km', justificacion_variacion: t.justificacion };
  files['planeacion/retroalimentacion/2019-T1.yaml'] = {
    trimestre: '2019-T1',
    fecha_emision: '2019-04-10',
    observaciones: [{ id: 'RET-2019-T1-01', dependencia: 'OP', ppcs: 'OP-01', tipo: 'observacion', texto: t.observacion }],
  };
  // Two late reports: one justified in excepciones.yaml, one by a comment (one line of text).
  files['dependencias/OP/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
  files['planeacion/excepciones.yaml'] = {
    excepciones: [{ regla: 'PLAN021', archivo: 'dependencias/OP/reportes/2019-T1.yaml', motivo: t.motivo, aprobo: t.aprobo, fecha: '2019-04-05' }],
  };
  const comment = t.comentario.replace(/[\r\n\u0085\u2028\u2029\v\f\u0000-\u001f\u007f-\u009f]/g, ' ').trim() || 'motivo';
  files['dependencias/DIF/reportes/2019-T1.yaml'] = (render({ ...files['dependencias/DIF/reportes/2019-T1.yaml'], fecha_entrega: '2019-04-03' }) as string).replace(
    /^fecha_entrega: .*$/m,
    (line) => `${line}  # plan-justifica PLAN021: ${comment}`,
  );
  return files;
}

/** Number of `|` that delimit cells: those not escaped by an odd run of backslashes. */
function cellDelimiters(line: string): number {
  let count = 0;
  let backslashes = 0;
  for (const ch of line) {
    if (ch === '|' && backslashes % 2 === 0) count++;
    backslashes = ch === '\\' ? backslashes + 1 : 0;
  }
  return count;
}

/** Every GFM table of the document: runs of lines that start with `|`. */
function tables(markdown: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      if (!current) blocks.push((current = []));
      current.push(line);
    } else {
      current = undefined;
    }
  }
  return blocks;
}

/** The only HTML the renderer writes: a department's <summary>, with nothing but text inside its tags. */
const SUMMARY = /^<summary><strong>([^<>]*)<\/strong> · ([^<>]*)<\/summary>$/;
const OWN_HTML = new Set(['<details>', '</details>']);

/** A text as it shows on one line: the renderer's flattening (line breaks and controls out, blanks squeezed). */
function oneLine(value: string): string {
  return value
    .split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)
    .map((line) => line.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '').replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join(' ');
}

function decodeEntities(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Checks the renderer's own HTML (one <details> per department page, its <summary> holding the
 * clave and name as escaped text that reads back as the department's) and returns the document
 * without it, where no `<` may remain: no text from the data opened a tag.
 */
function withoutOwnHtml(view: ReportView, markdown: string): string {
  const lines = markdown.split('\n');
  const departments = view.departments ?? [];
  expect(lines.filter((line) => line === '<details>')).toHaveLength(departments.length);
  expect(lines.filter((line) => line === '</details>')).toHaveLength(departments.length);
  const summaries = lines.filter((line) => line.startsWith('<summary'));
  expect(summaries.map((line) => SUMMARY.exec(line)?.slice(1).map(decodeEntities) ?? line)).toEqual(departments.map((d) => [oneLine(d.clave), oneLine(d.nombre)]));
  return lines.filter((line) => !OWN_HTML.has(line) && !SUMMARY.test(line)).join('\n');
}

/** Every table a view can show: its sections', the executive page's and the department pages'. */
function viewTables(view: ReportView): Table[] {
  const executive = view.executive ? [view.executive.ranking, view.executive.worstMetas, ...view.executive.charts.map((c) => c.table)] : [];
  const departments = (view.departments ?? []).flatMap((d) => [...d.charts.map((c) => c.table), ...d.sections.map((s) => s.table)]);
  return [...view.sections.map((s) => s.table), ...executive, ...departments].filter((t) => t.columns.length > 0);
}

const ALIGNMENT_ROW = /^\| :?---:?( \| :?---:?)* \|$/;

function expectWellFormedMarkdown(view: ReportView, markdown: string): void {
  expect(withoutOwnHtml(view, markdown)).not.toContain('<');
  expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  // The identification line (municipality, period, cut-off) stays one line whatever the municipality's name.
  expect(markdown.split('\n').find((line) => line.startsWith('**Municipio:**')) ?? '').toContain('**Fecha de corte:**');
  expect(markdown.split('\n')[0]).toMatch(/^# \S/);
  const blocks = tables(markdown);
  // Every section with columns is shown at the top or, split by department, in the detail.
  expect(blocks.length).toBeGreaterThanOrEqual(view.sections.filter((s) => s.table.columns.length > 0 && s.table.rows.length > 0).length);
  // Each table is one of the view's, whole: its header, its alignment row and one line per row
  // of exactly its width. No data line break split a row and no data line started a table of its own.
  const unused = viewTables(view);
  for (const block of blocks) {
    expect(block[1] ?? '', block[0]).toMatch(ALIGNMENT_ROW);
    const width = cellDelimiters(block[1]!) - 1;
    for (const line of block) {
      expect(cellDelimiters(line), line).toBe(width + 1);
      expect(line.endsWith(' |'), line).toBe(true);
    }
    const at = unused.findIndex((t) => t.columns.length === width && t.rows.length + 2 === block.length);
    expect(at, `a table of ${width} columns and ${block.length - 2} rows the view does not have: ${block[0]}`).toBeGreaterThanOrEqual(0);
    unused.splice(at, 1);
  }
}

async function expectNoFormula(buffer: Buffer): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  let cells = 0;
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells++;
        expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, `${sheet.name}!${cell.address}`).toBeFalsy();
        const value = cell.value as unknown;
        if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
          expect(Object.keys(value), `${sheet.name}!${cell.address}`).not.toContain('formula');
          expect(Object.keys(value), `${sheet.name}!${cell.address}`).not.toContain('sharedFormula');
        }
      });
    });
  });
  expect(cells).toBeGreaterThan(20);
}

/** RFC 4180 fields of a CSV without its BOM. */
function csvFields(csv: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let value = '';
    if (csv[i] === '"') {
      i++;
      while (i < csv.length) {
        if (csv[i] === '"' && csv[i + 1] === '"') (value += '"'), (i += 2);
        else if (csv[i] === '"') break;
        else value += csv[i++];
      }
      i++;
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') value += csv[i++];
    }
    fields.push(value);
    if (csv[i] === ',') i++;
    else if (csv[i] === '\r') i += 2;
  }
  return fields;
}

describe('report text from hostile data', () => {
  it('keeps every Markdown table in shape, no raw HTML, no formula in the workbook or the CSV', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(texts, fc.boolean(), async (t, oneDepartment) => {
        const root = writeRepo(repoWith(t));
        const { model, diagnostics } = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
        // Any text within the schema's limits is accepted data: reports can always be built.
        expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.file}:${d.line} ${d.message}`)).toEqual([]);
        const options = { year: 2019, ...(oneDepartment ? { dependencia: 'OP' } : {}) };

        const quarterly = quarterlyView(model, diagnostics, 'T1', options);
        const quarterlyMd = renderMarkdown(quarterly);
        expectWellFormedMarkdown(quarterly, quarterlyMd);
        await expectNoFormula(await renderXlsx(quarterly));

        const annual = annualView(model, diagnostics, options);
        expectWellFormedMarkdown(annual, renderMarkdown(annual));

        const transparency = transparencyView(model, '2019-T1', oneDepartment ? { dependencia: 'OP' } : {});
        expectWellFormedMarkdown(transparency, renderMarkdown(transparency));
        const csv = renderCsv(transparency, 'indicadores').subarray(3).toString('utf8');
        for (const field of csvFields(csv)) {
          if (/^-?\d+(\.\d+)?$/.test(field)) continue;
          expect(field, 'a CSV field a spreadsheet would run as a formula').not.toMatch(/^[=+\-@\t\r]/);
        }
        rendered++;
      }),
      { seed: SEED, numRuns: 25 },
    );
    expect(rendered).toBe(25);
  }, 120_000);

  it('the hostile texts do reach the report (the property is not vacuous)', async () => {
    const t: Texts = {
      municipio: 'Villa | <b>Negrita</b>',
      dependencia: '=HYPERLINK("http://x","<b>y</b>")',
      ppcs: 'PPCS con\nsalto | y tubería',
      indicador: '`código` *énfasis*',
      justificacion: '@SUM(1) <script>',
      observacion: '# título\n- lista',
      unidad: 'Kiló|metro',
      motivo: 'Motivo <i> por oficio',
      aprobo: '+Director',
      comentario: '=1+1',
    };
    const root = writeRepo(repoWith(t));
    const { model, diagnostics } = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
    const view = quarterlyView(model, diagnostics, 'T1', { year: 2019 });
    const markdown = renderMarkdown(view);
    expectWellFormedMarkdown(view, markdown);
    // Inside <summary> Markdown is not read: the name is HTML-escaped text, and nothing else.
    expect(markdown).toContain('<summary><strong>OP</strong> · =HYPERLINK(&quot;http://x&quot;,&quot;&lt;b&gt;y&lt;/b&gt;&quot;)</summary>\n');
    for (const piece of ['Villa \\| &lt;b&gt;Negrita&lt;/b&gt;', 'PPCS con / salto \\| y tubería', '\\`código\\` \\*énfasis\\*', 'Kiló\\|metro', '\\# título / - lista', '\\@SUM(1) &lt;script&gt;', 'Motivo &lt;i&gt; por oficio', '=1+1']) {
      expect(markdown).toContain(piece);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(view)) as unknown as ArrayBuffer);
    const values = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat());
    expect(values).toContain('=HYPERLINK("http://x","<b>y</b>")');
    await expectNoFormula(await renderXlsx(view));
  });
});
