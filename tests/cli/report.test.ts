import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';
import { with2020, withReport } from '../helpers/year-2020.js';
import { runCli } from './run.js';

const CUTOFF = ['--fecha-corte', '2019-04-15'];

describe('plan report', () => {
  it('writes the quarterly summary as Markdown, a site and Excel into reportes/ and prints the paths', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(0);
    // A temp folder is not a git repository: the history check says once that it was skipped.
    expect(run.stderr).toBe('Aviso: se omitió la comparación de fechas de entrega con el historial de git (PLAN029): la carpeta no es un repositorio git.\n');
    expect(run.stdout).toBe('Reportes escritos:\n  reportes/trimestral-2019-T1.md\n  reportes/trimestral-2019-T1/index.html\n  reportes/trimestral-2019-T1.xlsx\n');
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

  it('writes the annual evaluation with its criteria and the next year\'s plan', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--annual', '--format', 'md', ...CUTOFF]);
    expect(run.code).toBe(0);
    const md = readFileSync(path.join(root, 'reportes/anual-2019.md'), 'utf8');
    expect(md).toContain('## Puntaje por criterio');
    expect(md).toContain('## Plan de Mejora 2020');
    expect(md).toContain('## Comparación por criterio con la evaluación 2018');
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
    expect((await runCli(['report', '-C', root, '--quarter', 'Q1', '--format', 'docx'])).code).toBe(2);
    const unknown = await runCli(['report', '-C', root, '--quarter', 'Q1', '--dependencia', 'XYZ', ...CUTOFF]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('La dependencia «XYZ» no existe en el plan (no hay carpeta «dependencias/XYZ/»). Dependencias del plan: DIF, OP.');
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
  it.skipIf(!existsSync(DIST_MAIN))('plan validate and plan --help never load exceljs or handlebars, a report does; validate loads the strict YAML library only for a file that needs it', () => {
    const root = writeRepo(baseRepo());
    mkdirSync(path.join(root, 'salida'));
    const probe = (args: string[], modules = ['exceljs', 'handlebars'], at = root) =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { createRequire } from 'node:module';
           const { main } = await import(${JSON.stringify(DIST_MAIN)});
           await main(['node', 'plan', ...${JSON.stringify(args)}], { stdout() {}, stderr() {}, isTTY: false, env: {}, cwd: ${JSON.stringify(at)}, today: () => new Date(2019, 3, 15) });
           const cache = Object.keys(createRequire(import.meta.url).cache);
           console.log(JSON.stringify(${JSON.stringify(modules)}.filter((m) => cache.some((k) => k.includes('/node_modules/' + m + '/')))));`,
        ],
        { encoding: 'utf8' },
      ).trim();
    expect(probe(['validate'])).toBe('[]');
    expect(probe(['--help'])).toBe('[]');
    expect(probe(['report', '--quarter', 'Q1', '--out', 'salida'])).toBe('["exceljs","handlebars"]');
    // The strict YAML library only when a file needs it: every file of this repo takes the fast path.
    expect(probe(['validate'], ['yaml'])).toBe('[]');
    const broken = writeRepo({ ...baseRepo(), 'dependencias/OP/reportes/2019-T1.yaml': 'trimestre: [2019-T1\n' });
    expect(probe(['validate'], ['yaml'], broken)).toBe('["yaml"]');
  });
});

describe('plan report --transparencia', () => {
  it('writes the indicators table as Excel, CSV with a BOM, Markdown and a site', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--transparencia', '--quarter', 'Q1', ...CUTOFF], { cwd: root });
    expect(run.stdout).toBe('Reportes escritos:\n  reportes/transparencia-2019-T1.xlsx\n  reportes/transparencia-2019-T1.csv\n  reportes/transparencia-2019-T1.md\n  reportes/transparencia-2019-T1/index.html\n');
    const csv = readFileSync(path.join(root, 'reportes/transparencia-2019-T1.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('refuses csv for the other reports', async () => {
    const root = writeRepo(baseRepo());
    expect((await runCli(['report', '-C', root, '--annual', '--format', 'csv', ...CUTOFF])).code).toBe(2);
  });
});

/** The CLI run in-process on a given day, to show a report does not depend on it. */
async function runOn(today: Date, args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env: {}, cwd, today: () => today };
  const code = await main(['node', 'plan', ...args], io);
  return { code, stdout, stderr };
}

describe('the cut-off date of a report', () => {
  it('gives the same quarterly summary whatever day it is run', async () => {
    const root = writeRepo(withReport(baseRepo(), 'DIF', '2019-T2', '2019-06-25'));
    const days = [new Date(2019, 3, 15), new Date(2019, 6, 10), new Date(2031, 0, 1)];
    const texts: string[] = [];
    for (const [i, day] of days.entries()) {
      const run = await runOn(day, ['report', '-C', root, '--quarter', 'Q2', '--format', 'md', '--out', `dia${i}`], root);
      expect(run.code).toBe(0);
      texts.push(readFileSync(path.join(root, `dia${i}/trimestral-2019-T2.md`), 'utf8'));
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
  });

  it('judges a quarter on the day after its delivery window closes, and says so', async () => {
    const root = writeRepo(withReport(baseRepo(), 'DIF', '2019-T2', '2019-06-25'));
    await runCli(['report', '-C', root, '--trimestre', 'T2', '--formato', 'md'], { cwd: root });
    const md = readFileSync(path.join(root, 'reportes/trimestral-2019-T2.md'), 'utf8');
    expect(md).toContain('**Periodo:** 2019-T2 · **Fecha de corte:** 29/06/2019\n');
    expect(md).toContain(
      '- **Cómo se fijó la fecha de corte:** Día siguiente al cierre de la ventana de entrega de 2019-T2 (del 24/06/2019 al 28/06/2019, según el calendario de plan.yaml); no depende del día en que se genera el reporte.\n',
    );
    // OP's T2 report is due and missing (DIF delivered); nothing of T3 or T4 is due yet.
    expect(md).toContain('- **Reportes 2019-T2 no entregados:** 1\n');
    expect(md).not.toMatch(/2019-T4/);
  });

  it('takes the delivery window from plan.yaml’s calendar', async () => {
    const files = withReport(baseRepo(), 'DIF', '2019-T2', '2019-06-25');
    files['plan.yaml'].dias_inhabiles.adicionales = [{ fecha: '2019-06-28', motivo: 'Fiesta patronal' }];
    const root = writeRepo(files);
    await runCli(['report', '-C', root, '--quarter', 'Q2', '--format', 'md'], { cwd: root });
    const md = readFileSync(path.join(root, 'reportes/trimestral-2019-T2.md'), 'utf8');
    expect(md).toContain('**Fecha de corte:** 28/06/2019');
    expect(md).toContain('ventana de entrega de 2019-T2 (del 21/06/2019 al 27/06/2019, según el calendario de plan.yaml)');
  });

  it('judges the annual evaluation on the day after the fourth quarter’s window closes', async () => {
    const root = writeRepo(baseRepo());
    await runCli(['report', '-C', root, '--annual', '--format', 'md'], { cwd: root });
    const md = readFileSync(path.join(root, 'reportes/anual-2019.md'), 'utf8');
    expect(md).toContain('**Ejercicio:** 2019 · **Fecha de corte:** 01/01/2020\n');
    expect(md).toContain('- **Cómo se fijó la fecha de corte:** Día siguiente al cierre de la ventana de entrega de 2019-T4 (del 24/12/2019 al 31/12/2019, según el calendario de plan.yaml); no depende del día en que se genera el reporte.\n');
    expect(md).toContain('- **Trimestres evaluados:** 4\n');
  });

  it('follows --year for the window of another fiscal year', async () => {
    const root = writeRepo(with2020(baseRepo()));
    await runCli(['report', '-C', root, '--quarter', 'Q1', '--year', '2020', '--format', 'md'], { cwd: root });
    const md = readFileSync(path.join(root, 'reportes/trimestral-2020-T1.md'), 'utf8');
    expect(md).toContain('**Fecha de corte:** 01/04/2020');
  });

  it('states a cut-off given with --fecha-corte as such', async () => {
    const root = writeRepo(baseRepo());
    await runCli(['report', '-C', root, '--quarter', 'Q1', '--format', 'md', ...CUTOFF], { cwd: root });
    const md = readFileSync(path.join(root, 'reportes/trimestral-2019-T1.md'), 'utf8');
    expect(md).toContain('**Fecha de corte:** 15/04/2019');
    expect(md).toContain('- **Cómo se fijó la fecha de corte:** Indicada con --fecha-corte al generar el reporte.\n');
  });

  it('states the cut-off in the workbook’s summary sheet too', async () => {
    const root = writeRepo(withReport(baseRepo(), 'DIF', '2019-T2', '2019-06-25'));
    await runCli(['report', '-C', root, '--quarter', 'Q2', '--format', 'xlsx'], { cwd: root });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(root, 'reportes/trimestral-2019-T2.xlsx'));
    const rows: unknown[][] = [];
    // By name: the first sheet is now the «Resumen ejecutivo», the one-minute page.
    workbook.getWorksheet('Resumen')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([
      'Cómo se fijó la fecha de corte',
      'Día siguiente al cierre de la ventana de entrega de 2019-T2 (del 24/06/2019 al 28/06/2019, según el calendario de plan.yaml); no depende del día en que se genera el reporte.',
    ]);
  });
});

describe('validation errors and reports', () => {
  /** baseRepo with one PLAN020 error in OP's 2019-T1 report (a value in «persona» for a meta in «km»). */
  function opWithError() {
    const files = baseRepo();
    files['dependencias/OP/reportes/2019-T1.yaml'].ppcs[0].avances[0].unidad_medida = 'persona';
    return files;
  }

  it('builds another department’s report when only OP has errors, and says what it left aside', async () => {
    const root = writeRepo(opWithError());
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--dependencia', 'DIF', '--format', 'md', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Reportes escritos:\n  reportes/trimestral-2019-T1-DIF.md\n');
    expect(run.stderr).toBe(
      'Aviso: se omitió la comparación de fechas de entrega con el historial de git (PLAN029): la carpeta no es un repositorio git.\n' +
        'Aviso: el reporte de DIF se generó aunque hay 1 error en archivos de otras dependencias (OP); «plan validate» los muestra.\n',
    );
  });

  it('refuses OP’s own report, naming the file with the error', async () => {
    const root = writeRepo(opWithError());
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--dependencia', 'OP', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'No se generó el reporte de OP: sus archivos o los que comparte con las demás dependencias (plan.yaml, catalogos/, planeacion/) tienen 1 error en 1 archivo, y los reportes se generan sólo con datos aceptados:\n' +
        '  dependencias/OP/reportes/2019-T1.yaml (1 error)\n' +
        'Ejecute «plan validate» para ver cada error con su línea y corríjalos.\n',
    );
    expect(existsSync(path.join(root, 'reportes'))).toBe(false);
  });

  it('refuses every department’s report when a shared file has an error', async () => {
    const files = baseRepo();
    files['catalogos/unidades-de-medida.yaml'].unidades[0].validada = 'sí';
    const root = writeRepo(files);
    const run = await runCli(['report', '-C', root, '--annual', '--dependencia', 'DIF', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('tienen 1 error en 1 archivo, y los reportes se generan sólo con datos aceptados:\n  catalogos/unidades-de-medida.yaml (1 error)\n');
  });

  it('names the first files with errors and counts the rest when the whole report is refused', async () => {
    const files = opWithError();
    // Six carátulas with only an id: each lacks its required fields.
    for (const n of [2, 3, 4, 5, 6, 7]) files[`dependencias/OP/ppcs/OP-0${n}.yaml`] = { id: `OP-0${n}` };
    const root = writeRepo(files);
    const run = await runCli(['report', '-C', root, '--annual', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'Aviso: se omitió la comparación de fechas de entrega con el historial de git (PLAN029): la carpeta no es un repositorio git.\n' +
        'No se generó ningún reporte: los datos tienen 19 errores en 7 archivos, y los reportes se generan sólo con datos aceptados:\n' +
        '  dependencias/OP/ppcs/OP-02.yaml (3 errores)\n' +
        '  dependencias/OP/ppcs/OP-03.yaml (3 errores)\n' +
        '  dependencias/OP/ppcs/OP-04.yaml (3 errores)\n' +
        '  dependencias/OP/ppcs/OP-05.yaml (3 errores)\n' +
        '  dependencias/OP/ppcs/OP-06.yaml (3 errores)\n' +
        '  … y 2 archivos más\n' +
        'Ejecute «plan validate» para ver cada error con su línea y corríjalos.\n',
    );
  });
});

describe('validation errors and reports, in English', () => {
  it('names the files with errors in English with --lang en', async () => {
    const files = baseRepo();
    files['plan.yaml'].ejercicio = 'dos mil diecinueve';
    const root = writeRepo(files);
    const run = await runCli(['--lang', 'en', 'report', '-C', root, '--quarter', 'Q1', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No report was written: the data has 1 error in 1 file, and reports are built only from accepted data:\n  plan.yaml (1 error)\nRun "plan validate" to see each error with its line, and fix them.\n');
  });
});

describe('a delivery date more than a year from its window', () => {
  it('builds the report without counting business days across the years, and says to check the date', async () => {
    const files = baseRepo();
    files['dependencias/OP/reportes/2019-T1.yaml'].fecha_entrega = '9999-12-31';
    const root = writeRepo(files);
    const run = await runCli(['report', '-C', root, '--trimestre', 'T1', '--formato', 'md']);
    expect(run.stderr).not.toContain('error interno');
    expect(run.code).toBe(0);
    const markdown = readFileSync(path.join(root, 'reportes/trimestral-2019-T1.md'), 'utf8');
    expect(markdown).toContain('| Tarde (más de un año; revise la fecha) | 31/12/9999 |');
  });
});

describe('report options that do not combine', () => {
  it('says that --anual and --trimestre do not combine, with exit 2', async () => {
    const run = await runCli(['report', '-C', writeRepo(baseRepo()), '--anual', '--trimestre', 'T2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plan: error: --anual y --trimestre no se combinan: la evaluación anual abarca los cuatro trimestres. Pida una de las dos.\n');
  });
});

describe('report --dependencia with a mistyped clave', () => {
  it('suggests the closest department before validating anything', async () => {
    const run = await runCli(['report', '-C', writeRepo(baseRepo()), '--trimestre', 'T1', '--dependencia', 'op']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('¿Quiso decir «OP»?');
    expect(run.stdout).toBe('');
  });
});
