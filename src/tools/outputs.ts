// The refactor guard: records what every command prints and writes on examples/ and on a
// generated municipality, so a refactor can prove it changed none of it.
//
//   npm run outputs -- record /tmp/antes      (before moving anything)
//   npm run outputs -- compare /tmp/antes     (after: lists every difference, exit 1 if any)
//
// Workbooks are compared by content (cells, formats, styles, sheet settings), not bytes:
// exceljs stamps times into the zip.
import ExcelJS from 'exceljs';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../cli/main.js';
import type { CliIo } from '../cli/io.js';
import { generatePlan } from './generate.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const FECHA_CORTE = '2020-01-31';
const VALIDATE_FORMATS = ['stylish', 'json', 'github', 'junit', 'sarif'];

interface Case {
  name: string;
  args: string[];
}

function cases(): Case[] {
  const list: Case[] = VALIDATE_FORMATS.map((format) => ({ name: `validate-${format}`, args: ['validate', '--format', format, '--fecha-corte', FECHA_CORTE] }));
  list.push({ name: 'validate-quiet', args: ['validate', '-q', '--fecha-corte', FECHA_CORTE] });
  for (const quarter of ['Q1', 'Q2', 'Q3', 'Q4']) list.push({ name: `report-${quarter}`, args: ['report', '--quarter', quarter, '--fecha-corte', FECHA_CORTE] });
  list.push({ name: 'report-annual', args: ['report', '--annual', '--fecha-corte', FECHA_CORTE] });
  list.push({ name: 'report-transparencia', args: ['report', '--transparencia', '--quarter', 'Q2', '--format', 'all', '--fecha-corte', FECHA_CORTE] });
  list.push({ name: 'rules', args: ['rules'] });
  return list;
}

function captureIo(cwd: string): { io: CliIo; out: () => string } {
  let text = '';
  const io: CliIo = {
    stdout: (chunk) => {
      text += chunk;
    },
    stderr: (chunk) => {
      text += `[stderr] ${chunk}`;
    },
    isTTY: false,
    env: { NO_COLOR: '1' },
    cwd,
    today: () => new Date(2026, 11, 3),
  };
  return { io, out: () => text };
}

/** A workbook as comparable JSON: everything a reader sees, nothing the zip stamps. */
async function workbookContent(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    views: sheet.views,
    autoFilter: sheet.autoFilter,
    pageSetup: { ...sheet.pageSetup, margins: sheet.pageSetup.margins },
    columns: (sheet.columns ?? []).map((column) => ({ width: column.width, hidden: column.hidden })),
    merges: (sheet as unknown as { model: { merges: string[] } }).model.merges,
    conditionalFormattings: (sheet as unknown as { conditionalFormattings?: unknown }).conditionalFormattings,
    rows: sheet.getSheetValues().length,
    cells: collectCells(sheet),
  }));
  return `${JSON.stringify(sheets, null, 1)}\n`;
}

function collectCells(sheet: ExcelJS.Worksheet): string[] {
  const cells: string[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    cells.push(`row ${rowNumber} height=${row.height ?? ''}`);
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.push(`${cell.address} ${JSON.stringify(cell.value)} ${cell.numFmt ?? ''} ${JSON.stringify(cell.style)}`);
    });
  });
  return cells;
}

/** Runs every case over one plan repository, writing outputs under `into/<label>/`. */
async function recordRepo(label: string, repo: string, into: string): Promise<void> {
  const target = path.join(into, label);
  mkdirSync(target, { recursive: true });
  for (const { name, args } of cases()) {
    const out = mkdtempSync(path.join(os.tmpdir(), 'plan-salidas-'));
    const { io, out: text } = captureIo(repo);
    const reportArgs = args[0] === 'report' ? ['--out', out] : [];
    const code = await main(['node', 'plan', '-C', repo, ...args, ...reportArgs], io);
    writeFileSync(path.join(target, `${name}.txt`), `exit ${code}\n${text().replaceAll(out, '<salida>').replaceAll(repo, '<repo>')}`);
    // A site is a folder of pages: each page is recorded, its path flattened into the name.
    for (const file of listFiles(out).sort()) {
      const content = file.endsWith('.xlsx') ? await workbookContent(path.join(out, file)) : readFileSync(path.join(out, file), 'utf8');
      writeFileSync(path.join(target, `${name}--${file.replaceAll('/', '--')}${file.endsWith('.xlsx') ? '.json' : ''}`), content);
    }
    rmSync(out, { recursive: true, force: true });
  }
}

async function record(into: string): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'plan-guardia-'));
  const examples = path.join(work, 'examples');
  cpSync(EXAMPLES, examples, { recursive: true, filter: (source) => path.relative(EXAMPLES, source).split(path.sep)[0] !== 'reportes' });
  const generated = path.join(work, 'generado');
  generatePlan({ out: generated, departments: 10, ppcs: 8, metas: 3, seed: 42 });
  rmSync(into, { recursive: true, force: true });
  await recordRepo('examples', examples, into);
  await recordRepo('generado-10', generated, into);
  rmSync(work, { recursive: true, force: true });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)).map((file) => `${entry.name}/${file}`) : [entry.name],
  );
}

async function compare(baseline: string): Promise<number> {
  const current = mkdtempSync(path.join(os.tmpdir(), 'plan-guardia-ahora-'));
  await record(current);
  const before = new Set(listFiles(baseline));
  const after = new Set(listFiles(current));
  const differences: string[] = [];
  for (const file of [...new Set([...before, ...after])].sort()) {
    if (!after.has(file)) differences.push(`falta ahora: ${file}`);
    else if (!before.has(file)) differences.push(`nuevo: ${file}`);
    else if (readFileSync(path.join(baseline, file), 'utf8') !== readFileSync(path.join(current, file), 'utf8')) differences.push(`distinto: ${file}`);
  }
  process.stdout.write(differences.length === 0 ? `Salidas idénticas: ${after.size} archivos.\n` : `${differences.join('\n')}\nSalidas actuales en ${current}\n`);
  return differences.length === 0 ? 0 : 1;
}

const [command, dir] = process.argv.slice(2);
if ((command !== 'record' && command !== 'compare') || !dir) {
  process.stderr.write('Uso: npm run outputs -- record|compare <carpeta>\n');
  process.exitCode = 2;
} else if (command === 'record') {
  await record(path.resolve(dir));
  process.stdout.write(`Salidas grabadas en ${path.resolve(dir)}\n`);
} else {
  if (!existsSync(dir)) throw new Error(`${dir} no existe`);
  process.exitCode = await compare(path.resolve(dir));
}
