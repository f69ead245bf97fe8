// Opens the sample workbook in a real LibreOffice (headless) and checks that nothing is lost
// or reinterpreted. .ci/run installs LibreOffice, pdftotext and the Liberation fonts and sets
// PLAN_LIBREOFFICE=1, so in CI these tests run; elsewhere they skip where `soffice` is not
// installed (`apt-get install libreoffice-calc-nogui poppler-utils fonts-liberation2`).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cellText, int, num, pct, semaforoCell, text } from '../../src/report/view/cell-text.js';
import type { Cell, ReportView } from '../../src/report/view/types.js';
import { renderXlsx } from '../../src/report/render/xlsx/workbook.js';
import { HOSTILE, LONG_TEXT, sampleView } from './sample-view.js';
import { zipPart } from './zip-part.js';

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

const soffice = onPath('soffice');
const pdftotext = onPath('pdftotext');

/** Token 9 of LibreOffice's CSV filter: `true` writes cells as shown, `false` the raw values.
 * Token 10 `false` writes a formula's result instead of the formula, so a text cell that had
 * been read as a formula would show up as its result (`y` for the HYPERLINK). Token 12 `-1`
 * writes every sheet to its own `<name>-<Sheet>.csv` (LibreOffice ≥ 7.2). */
const csvFilter = (asShown: boolean) =>
  `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;

interface Conversion {
  status: number | null;
  stderr: string;
}

/** A cell of the expected sheet: layout text the renderer adds (titles, headers, labels), or a view cell. */
type Expected = string | Cell;

function sheetsOf(view: ReportView): Map<string, Expected[][]> {
  const sheets = new Map<string, Expected[][]>();
  const facts: Expected[][] = [
    ['Municipio', { t: 'text', v: view.municipio }],
    ['Periodo', { t: 'text', v: view.periodo }],
    ['Fecha de corte', { t: 'date', v: view.fechaCorte }],
  ];
  if (view.dependencia !== undefined) facts.push(['Dependencia', { t: 'text', v: view.dependencia }]);
  sheets.set('Resumen', [
    [view.title],
    ...facts,
    [],
    ['Concepto', 'Valor'],
    ...view.resumen.map((item) => [item.label, item.value]),
  ]);
  for (const section of view.sections) {
    sheets.set(section.sheet, [
      [section.title],
      ...(section.intro === undefined ? [] : [[section.intro]]),
      section.table.columns.map((column) => column.header),
      ...section.table.rows,
      ...(section.notes?.length ? [[], ...section.notes.map((note) => [note])] : []),
    ]);
  }
  return sheets;
}

/**
 * What LibreOffice shows for a cell under the es-MX locale, from the view's own cellText():
 * the same digits, grouping and decimals, because the renderer's number formats ask for what
 * cellText writes. Two differences are the format's, not a loss: Excel's `0.0%` has no space
 * before `%`, and an empty cell without a note is blank in the workbook where cellText says `—`.
 */
function shown(expected: Expected): string {
  if (typeof expected === 'string') return expected;
  if (expected.t === 'percent') return cellText(expected).replace(' %', '%');
  if (expected.t === 'empty') return expected.note ?? '';
  return cellText(expected);
}

/** RFC 4180 as LibreOffice writes it: `"` quotes, `""` escapes, newlines inside quotes. */
function parseCsv(textIn: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < textIn.length; i++) {
    const ch = textIn[i];
    if (quoted) {
      if (ch === '"' && textIn[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && textIn[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // LibreOffice pads every row to the used width; trailing empty fields carry nothing.
  return rows.map((r) => {
    const cells = [...r];
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
}

/**
 * A sheet as wide as the annual report's Metas: three long text columns beside nine value
 * columns, with rows of one to five lines, so the print set-up and the row heights matter.
 */
function wideView(): ReportView {
  const view = sampleView();
  const sentences = LONG_TEXT.split(', ');
  view.sections = [
    {
      id: 'metas',
      sheet: 'Metas',
      title: 'Avance de metas',
      table: {
        columns: [
          { header: 'Dependencia', kind: 'text' },
          { header: 'Nombre del PPCS', kind: 'text' },
          { header: 'Indicador', kind: 'text' },
          ...['Programado trimestre', 'Alcanzado trimestre', 'Programado acumulado', 'Alcanzado acumulado'].map((header) => ({
            header,
            kind: 'int' as const,
          })),
          { header: 'Cumplimiento trimestre', kind: 'percent' },
          { header: 'Semáforo trimestre', kind: 'semaforo' },
          { header: 'Cumplimiento acumulado', kind: 'percent' },
          { header: 'Semáforo acumulado', kind: 'semaforo' },
          { header: 'Avance sobre meta anual', kind: 'number' },
          { header: 'Justificación de la variación', kind: 'text' },
        ],
        rows: Array.from({ length: 24 }, (_, i) => [
          text(['DESECO', 'Dirección de Obras Públicas', 'DIF'][i % 3] ?? ''),
          text(sentences.slice(0, 1 + (i % sentences.length)).join(', ')),
          text(`${sentences[i % sentences.length] ?? ''} (INDICADOR ${i + 1} EN MAYÚSCULAS)`),
          int(1000 * i),
          int(997 * i),
          int(4000 * i),
          int(3990 * i),
          pct(0.25 + i / 40),
          semaforoCell(i % 2 === 0 ? 'verde' : 'rojo'),
          pct(0.5 + i / 50),
          semaforoCell(i % 3 === 0 ? 'amarillo' : 'verde'),
          num(i / 7, 2),
          text(i % 4 === 0 ? LONG_TEXT : 'Sin variación'),
        ]),
      },
    },
  ];
  return view;
}

interface PrintedWord {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every word of a PDF with its box, in points, from poppler's `pdftotext -bbox`. */
function printedWords(pdf: string): { pages: Array<{ width: number; height: number }>; words: PrintedWord[] } {
  const html = spawnSync(pdftotext as string, ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  const pages: Array<{ width: number; height: number }> = [];
  const words: PrintedWord[] = [];
  const page = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const [, width, height, body] of html.matchAll(page)) {
    pages.push({ width: Math.round(Number(width)), height: Math.round(Number(height)) });
    for (const [, x0, y0, x1, y1, text] of (body ?? '').matchAll(word)) {
      words.push({ page: pages.length, text: text ?? '', x0: Number(x0), y0: Number(y0), x1: Number(x1), y1: Number(y1) });
    }
  }
  return { pages, words };
}

/** Pairs of printed words whose boxes overlap: text of one row overprinting the next. */
function overprinted(words: PrintedWord[]): string[] {
  const clashes: string[] = [];
  words.forEach((a, i) => {
    for (const b of words.slice(i + 1)) {
      if (a.page !== b.page) continue;
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (across > 0.5 && down > 0.3 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) clashes.push(`p${a.page}: ${a.text} / ${b.text}`);
    }
  });
  return clashes;
}

/** The printed size, in points, of the word «Rehabilitación» (6.28 em wide in Arial and in
 * Liberation Sans, its twin) on each page where it appears. */
function printedSizes(words: PrintedWord[]): number[] {
  return words.filter((w) => w.text === 'Rehabilitación').map((w) => Math.round(((w.x1 - w.x0) / 6.28) * 10) / 10);
}

// Where CI installed them, a missing program must fail rather than skip every test below.
it.runIf(process.env.PLAN_LIBREOFFICE === '1')('finds soffice and pdftotext where .ci/run installed them', () => {
  expect({ soffice: Boolean(soffice), pdftotext: Boolean(pdftotext) }).toEqual({ soffice: true, pdftotext: true });
});

describe.skipIf(!soffice)('the workbook in LibreOffice', () => {
  const view = sampleView();
  const expected = sheetsOf(view);
  let dir = '';
  let version = '';
  const runs = new Map<string, Conversion>();

  function convert(name: string, filter: string, outdir: string, file = 'sample.xlsx'): void {
    mkdirSync(outdir, { recursive: true });
    const profile = pathToFileURL(join(dir, `lo-profile-${randomUUID()}`)).href;
    const result = spawnSync(
      soffice as string,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outdir, join(dir, file)],
      // es-MX: the office's locale, and the one cellText() writes; LibreOffice takes it from the environment.
      { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LC_ALL: 'es_MX.UTF-8', LANG: 'es_MX.UTF-8' } },
    );
    runs.set(name, { status: result.status, stderr: `${result.stderr}${result.error?.message ?? ''}` });
  }

  function csvSheet(outdir: string, sheet: string): string[][] {
    return parseCsv(readFileSync(join(dir, outdir, `sample-${sheet}.csv`), 'utf8'));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-lo-'));
    writeFileSync(join(dir, 'sample.xlsx'), await renderXlsx(view));
    version = spawnSync(soffice as string, ['--version'], { encoding: 'utf8' }).stdout.trim();
    convert('shown', csvFilter(true), join(dir, 'shown'));
    convert('raw', csvFilter(false), join(dir, 'raw'));
    convert('xlsx', 'xlsx', join(dir, 'xlsx'));
    writeFileSync(join(dir, 'wide.xlsx'), await renderXlsx(wideView()));
    convert('pdf', 'pdf', join(dir, 'pdf'));
    convert('wide-pdf', 'pdf', join(dir, 'pdf'), 'wide.xlsx');
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the workbook without complaint', () => {
    expect(version).toMatch(/^LibreOffice \d+\.\d+/);
    for (const [name, run] of runs) {
      expect({ name, status: run.status }).toEqual({ name, status: 0 });
      expect(run.stderr).not.toMatch(/repair|corrupt|error|general input\/output/i);
    }
    for (const sheet of expected.keys()) {
      expect(existsSync(join(dir, 'shown', `sample-${sheet}.csv`))).toBe(true);
      expect(existsSync(join(dir, 'raw', `sample-${sheet}.csv`))).toBe(true);
    }
    expect(existsSync(join(dir, 'xlsx', 'sample.xlsx'))).toBe(true);
  });

  it('shows every cell of every sheet as the view formats it', () => {
    for (const [sheet, rows] of expected) {
      expect({ sheet, rows: csvSheet('shown', sheet) }).toEqual({ sheet, rows: rows.map((row) => row.map(shown)) });
    }
  });

  it('keeps the full value of every number, not only what its format shows', () => {
    let numbers = 0;
    for (const [sheet, rows] of expected) {
      const raw = csvSheet('raw', sheet);
      expect(raw.length).toBe(rows.length);
      rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          const field = raw[r]?.[c];
          const where = `${sheet}!R${r + 1}C${c + 1}`;
          if (typeof cell === 'string') return expect({ where, field }).toEqual({ where, field: cell });
          switch (cell.t) {
            case 'int':
            case 'number':
              numbers++;
              return expect({ where, value: Number(field) }).toEqual({ where, value: cell.v });
            case 'percent':
              numbers++;
              expect(field).toMatch(/%$/);
              return expect(Number(field?.slice(0, -1)) / 100).toBeCloseTo(cell.v, 12);
            default:
              // Text as it is; a date in the locale's default form, which for es-MX is dd/mm/yyyy too.
              return expect({ where, field }).toEqual({ where, field: shown(cell) });
          }
        });
      });
    }
    expect(numbers).toBe(3 + 5 * 3 + 3 * 2); // Resumen 3, Entregas 5 rows × 3, Metas 3 rows × 2
  });

  it('reads formula-looking text as text', () => {
    // Token 10 of the filter writes results, not formulas: a formula would have shown `y`.
    const entregas = csvSheet('raw', 'Entregas');
    expect(entregas[4]?.[1]).toBe(HOSTILE.formula);
    expect(entregas[5]?.[1]).toBe(HOSTILE.plus);
    expect(entregas[6]?.slice(0, 2)).toEqual([HOSTILE.minus, HOSTILE.at]);
    expect(entregas[8]?.[1]).toBe(HOSTILE.newline);
  });

  it('keeps values, types, fills, merges, the autofilter and print set-up when it saves the workbook again', async () => {
    const ours = new ExcelJS.Workbook();
    await ours.xlsx.load(readFileSync(join(dir, 'sample.xlsx')) as unknown as ArrayBuffer);
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load(readFileSync(join(dir, 'xlsx', 'sample.xlsx')) as unknown as ArrayBuffer);

    const cells = (ws: ExcelJS.Worksheet) => {
      const out: unknown[] = [];
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Null) return;
          const fill = cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
          out.push([cell.address, cell.type, cell.value, cell.formula, fill]);
        }),
      );
      return out;
    };
    const layout = (ws: ExcelJS.Worksheet) => ({
      name: ws.name,
      merges: [...ws.model.merges].sort(),
      autoFilter: ws.autoFilter ?? undefined,
      page: {
        // fitToPage is checked in the XML below: exceljs reads only `fitToPage="1"`, and
        // LibreOffice writes the equally valid `fitToPage="true"`.
        orientation: ws.pageSetup.orientation,
        fitToWidth: ws.pageSetup.fitToWidth,
        fitToHeight: ws.pageSetup.fitToHeight,
        paperSize: ws.pageSetup.paperSize,
        printTitlesRow: ws.pageSetup.printTitlesRow,
      },
    });

    expect(theirs.worksheets.map((ws) => ws.name)).toEqual(ours.worksheets.map((ws) => ws.name));
    ours.worksheets.forEach((ws, i) => {
      const again = theirs.worksheets[i] as ExcelJS.Worksheet;
      expect(cells(again)).toEqual(cells(ws));
      expect(layout(again)).toEqual(layout(ws));
    });
    const saved = readFileSync(join(dir, 'xlsx', 'sample.xlsx'));
    theirs.worksheets.forEach((_, i) => {
      expect(zipPart(saved, `xl/worksheets/sheet${i + 1}.xml`)).toContain('<pageSetUpPr fitToPage="true"/>');
    });
    // Frozen panes are not compared: a headless conversion has no view, so LibreOffice
    // writes none back for any file, whatever it read.
  });
  describe.skipIf(!pdftotext)('printed to PDF', () => {
    it('prints every sheet landscape on letter, in Arial 10 at full size, without overprinting', () => {
      const { pages, words } = printedWords(join(dir, 'pdf', 'sample.pdf'));
      // Resumen, Entregas, Metas and Sin datos: one page each, none wider than letter allows.
      expect(pages).toEqual(Array(4).fill({ width: 792, height: 612 }));
      // Without row heights, LONG_TEXT and "línea uno / línea dos" would run into the rows below.
      expect(overprinted(words)).toEqual([]);
      expect(printedSizes(words)).toEqual([10]);
      // Every word of the long description is printed, none cut off at its row's edge.
      const printed = new Set(words.map((w) => w.text));
      expect(LONG_TEXT.split(' ').filter((word) => !printed.has(word))).toEqual([]);
    });

    it('prints a very wide sheet on legal paper, still legible and without overprinting', () => {
      const { pages, words } = printedWords(join(dir, 'pdf', 'wide.pdf'));
      expect(pages[0]).toEqual({ width: 792, height: 612 }); // the Resumen
      expect(pages.length).toBeGreaterThan(2);
      expect(pages.slice(1)).toEqual(Array(pages.length - 1).fill({ width: 1008, height: 612 }));
      expect(overprinted(words)).toEqual([]);
      // Fitted to the page's width, the body text prints at 7 points or more (not the 4 or so
      // it would with every text column 40 wide).
      const sizes = printedSizes(words);
      expect(sizes.length).toBeGreaterThan(6);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7);
      // Every word of every cell is printed (a word split at a hyphen counts as printed).
      const printed = words.map((w) => w.text).join(' ');
      const missing = wideView()
        .sections.flatMap((section) => section.table.rows.flat())
        .flatMap((cell) => (cell.t === 'text' ? cell.v.split(' ') : []))
        .filter((word) => !printed.includes(word) && !word.includes('-'));
      expect(missing).toEqual([]);
    });
  });
});
