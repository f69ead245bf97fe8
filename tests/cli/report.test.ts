import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { baseRepo, writeRepo } from '../helpers/fixture.js';
import { runCli } from './run.js';

const CUTOFF = ['--fecha-corte', '2019-04-15'];

describe('plan report', () => {
  it('writes the quarterly summary as Markdown and Excel into reportes/ and prints the paths', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(0);
    // A temp folder is not a git repository: the history check says once that it was skipped.
    expect(run.stderr).toBe('Aviso: se omitió la comparación de fechas de entrega con el historial de git (PLAN029): la carpeta no es un repositorio git.\n');
    expect(run.stdout).toBe('Reportes escritos:\n  reportes/trimestral-2019-T1.md\n  reportes/trimestral-2019-T1.xlsx\n');
    const md = readFileSync(path.join(root, 'reportes/trimestral-2019-T1.md'), 'utf8');
    expect(md).toContain('# Resumen trimestral 2019-T1');
    expect(md).toContain('| OP | Dirección de Obras Públicas | A tiempo | 27/03/2019 |');
  });

  it('puts the same numbers in the workbook as in the Markdown', async () => {
    const root = writeRepo(baseRepo());
    await runCli(['report', '-C', root, '--quarter', 'Q1', ...CUTOFF]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(root, 'reportes/trimestral-2019-T1.xlsx'));
    const metas = workbook.getWorksheet('Metas')!;
    const header = (metas.getRow(3).values as unknown[]).slice(1);
    const row = (metas.getRow(4).values as unknown[]).slice(1);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('PPCS')).toBe('DIF-01');
    expect(cell('Programado trimestre')).toBe(600);
    expect(cell('Alcanzado trimestre')).toBe(590);
    expect(cell('Cumplimiento trimestre')).toBeCloseTo(590 / 600, 10);
    const md = readFileSync(path.join(root, 'reportes/trimestral-2019-T1.md'), 'utf8');
    expect(md).toContain('| DIF | DIF-01 | Desayunos escolares | M1 | Personas atendidas | Persona | Ascendente | 600 | 590 | 98.3 % |');
  });

  it('writes the annual evaluation with its criteria and the 2020 plan', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--annual', '--format', 'md', ...CUTOFF]);
    expect(run.code).toBe(0);
    const md = readFileSync(path.join(root, 'reportes/anual-2019.md'), 'utf8');
    expect(md).toContain('## Puntaje por criterio');
    expect(md).toContain('## Plan de Mejora 2020');
    expect(readdirSync(path.join(root, 'reportes'))).toEqual(['anual-2019.md']);
  });

  it('gives byte-identical Markdown for the same input', async () => {
    const root = writeRepo(baseRepo());
    await runCli(['report', '-C', root, '--annual', '--format', 'md', '--out', 'a', ...CUTOFF], { cwd: root });
    await runCli(['report', '-C', root, '--annual', '--format', 'md', '--out', 'b', ...CUTOFF], { cwd: root });
    expect(readFileSync(path.join(root, 'a/anual-2019.md'))).toEqual(readFileSync(path.join(root, 'b/anual-2019.md')));
  });

  it('restricts a report to one department and names the file after it', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--dependencia', 'OP', '--format', 'md', ...CUTOFF], { cwd: root });
    expect(run.stdout).toContain('reportes/trimestral-2019-T1-OP.md');
    const md = readFileSync(path.join(root, 'reportes/trimestral-2019-T1-OP.md'), 'utf8');
    expect(md).not.toContain('| DIF | DIF-01 |');
  });

  it('refuses data with validation errors, writes nothing and exits 1', async () => {
    const files = baseRepo();
    files['dependencias/OP/dependencia.yaml'].clave = 'OBRAS';
    const root = writeRepo(files);
    const run = await runCli(['report', '-C', root, '--annual', ...CUTOFF]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Ejecute «plan validate»');
    expect(existsSync(path.join(root, 'reportes'))).toBe(false);
  });

  it('exits 2 for usage errors: no report kind, a bad quarter, an unknown department, a bad format', async () => {
    const root = writeRepo(baseRepo());
    expect((await runCli(['report', '-C', root])).code).toBe(2);
    expect((await runCli(['report', '-C', root, '--quarter', 'Q5'])).code).toBe(2);
    expect((await runCli(['report', '-C', root, '--quarter', 'Q1', '--annual'])).code).toBe(2);
    expect((await runCli(['report', '-C', root, '--quarter', 'Q1', '--format', 'pdf'])).code).toBe(2);
    const unknown = await runCli(['report', '-C', root, '--quarter', 'Q1', '--dependencia', 'XYZ', ...CUTOFF]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('La dependencia «XYZ» no existe en este repositorio. Dependencias: DIF, OP.');
  });

  it('refuses to write into the plan data folders or the repo root', async () => {
    const root = writeRepo(baseRepo());
    for (const out of ['dependencias/OP', 'planeacion', '.']) {
      const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', out, ...CUTOFF], { cwd: root });
      expect(run.code, out).toBe(2);
      expect(run.stderr).toContain('está dentro de los datos del plan');
    }
  });

  it('says clearly when the output folder cannot be created', async () => {
    const root = writeRepo(baseRepo());
    writeFileSync(path.join(root, 'ocupado'), 'un archivo, no una carpeta');
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', 'ocupado/sub', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plan: error: No se puede usar «.*ocupado\/sub» como carpeta de salida: una parte de la ruta no es una carpeta\.$/m);
  });

  it('uses a Markdown template from the repo’s own templates/ folder', async () => {
    const root = writeRepo({ ...baseRepo(), 'templates/trimestral.md.hbs': 'Informe propio: {{texto title}}\n' });
    await runCli(['report', '-C', root, '--quarter', 'Q1', '--format', 'md', ...CUTOFF]);
    expect(readFileSync(path.join(root, 'reportes/trimestral-2019-T1.md'), 'utf8')).toBe('Informe propio: Resumen trimestral 2019-T1\n');
  });

  it('reports a broken repo template as a configuration error', async () => {
    const root = writeRepo({ ...baseRepo(), 'templates/trimestral.md.hbs': '{{#each sections}}sin cerrar\n' });
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--format', 'md', ...CUTOFF]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('templates/');
  });
});

const DIST_MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

describe('lazy loading', () => {
  // npm test builds dist/ first (pretest); exceljs and handlebars are CommonJS, so every
  // load of them lands in require.cache even when imported from ESM.
  it.skipIf(!existsSync(DIST_MAIN))('plan validate and plan --help never load exceljs or handlebars; a report does', () => {
    const root = writeRepo(baseRepo());
    mkdirSync(path.join(root, 'salida'));
    const probe = (args: string[]) =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { createRequire } from 'node:module';
           const { main } = await import(${JSON.stringify(DIST_MAIN)});
           await main(['node', 'plan', ...${JSON.stringify(args)}], { stdout() {}, stderr() {}, isTTY: false, env: {}, cwd: ${JSON.stringify(root)}, today: () => new Date(2019, 3, 15) });
           const cache = Object.keys(createRequire(import.meta.url).cache);
           console.log(JSON.stringify(['exceljs', 'handlebars'].filter((m) => cache.some((k) => k.includes('/node_modules/' + m + '/')))));`,
        ],
        { encoding: 'utf8' },
      ).trim();
    expect(probe(['validate'])).toBe('[]');
    expect(probe(['--help'])).toBe('[]');
    expect(probe(['report', '--quarter', 'Q1', '--out', 'salida'])).toBe('["exceljs","handlebars"]');
  });
});

describe('plan report --transparencia', () => {
  it('writes the indicators table as Excel, CSV with a BOM, and Markdown', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--transparencia', '--quarter', 'Q1', ...CUTOFF], { cwd: root });
    expect(run.stdout).toBe('Reportes escritos:\n  reportes/transparencia-2019-T1.xlsx\n  reportes/transparencia-2019-T1.csv\n  reportes/transparencia-2019-T1.md\n');
    const csv = readFileSync(path.join(root, 'reportes/transparencia-2019-T1.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('refuses csv for the other reports', async () => {
    const root = writeRepo(baseRepo());
    expect((await runCli(['report', '-C', root, '--annual', '--format', 'csv', ...CUTOFF])).code).toBe(2);
  });
});
