import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRepo, render, writeRepo } from '../helpers/fixture.js';
import { runCli } from './run.js';

function repoWithOneError() {
  const files = baseRepo();
  files['dependencias/OP/dependencia.yaml'].clave = 'OBRAS';
  return writeRepo(files);
}

const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';

/** DIF delivered 2019-T1 on Wednesday 3 April: three business days late (PLAN021, a warning). */
function repoWithOneWarning() {
  const files = baseRepo();
  files[DIF_T1].fecha_entrega = '2019-04-03';
  return writeRepo(files);
}

/** An error in OP's card (PLAN005) and a warning in DIF's report (PLAN021). */
function repoWithErrorInOpAndWarningInDif(): string {
  const files = baseRepo();
  files['dependencias/OP/dependencia.yaml'].clave = 'OBRAS';
  files[DIF_T1].fecha_entrega = '2019-04-03';
  return writeRepo(files);
}

const OP_ERROR = [
  'dependencias/OP/dependencia.yaml',
  '  1:8  error  La clave «OBRAS» no coincide con la carpeta «dependencias/OP/».  PLAN005',
  '              → Haga que el contenido y el nombre coincidan: corrija el valor o renombre el archivo.',
  '',
];

const DIF_WARNING = [
  DIF_T1,
  '  3:16  advertencia  El reporte «2019-T1» fue entregado el 03/04/2019, 3 días hábiles después del cierre de la ventana de entrega (del 25/03 al 29/03/2019).  PLAN021',
  '                     → Entregue cada reporte dentro de su ventana; si la fecha está mal capturada, corrija «fecha_entrega».',
  '',
];

const DIF_WARNING_TABLES = [
  'Errores  Advertencias  Regla',
  '      0             1  PLAN021  Reporte trimestral entregado fuera de la ventana de entrega',
  '',
  'Errores  Advertencias  Dependencia',
  '      0             1  DIF',
  '',
];

const lines = (...parts: string[][]) => `${parts.flat().join('\n')}\n`;

describe('plan validate exit codes', () => {
  it('exits 0 and prints a Spanish summary for a clean repo', async () => {
    const run = await runCli(['validate', '-C', writeRepo(baseRepo())]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ Sin problemas en 8 archivo(s).\n');
  });

  it('exits 1 when there is an error, printing file, position, message and rule', async () => {
    const run = await runCli(['validate', '-C', repoWithOneError()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('dependencias/OP/dependencia.yaml\n');
    expect(run.stdout).toMatch(/ {2}1:8 {2}error {2}La clave «OBRAS» no coincide con la carpeta «dependencias\/OP\/»\. {2}PLAN005/);
    expect(run.stdout).toContain('✖ 1 problema(s): 1 error(es) y 0 advertencia(s) en 8 archivo(s) revisado(s).');
  });

  it('exits 0 with warnings, and 1 once they pass --max-warnings', async () => {
    const root = repoWithOneWarning();
    expect((await runCli(['validate', '-C', root])).code).toBe(0);
    expect((await runCli(['validate', '-C', root, '--max-warnings', '1'])).code).toBe(0);
    expect((await runCli(['validate', '-C', root, '--max-warnings', '0'])).code).toBe(1);
  });

  it('still counts a warning the department justified in its own report for --max-warnings, until Planeación approves it', async () => {
    const files = baseRepo();
    files[DIF_T1] = (render({ ...files[DIF_T1], fecha_entrega: '2019-04-03' }) as string).replace(/^fecha_entrega: .*$/m, '$&  # plan-justifica PLAN021: declaratoria de emergencia');
    const pending = await runCli(['validate', '-C', writeRepo(files), '--max-warnings', '0']);
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain('✖ 1 problema(s): 0 error(es) y 1 advertencia(s) en 8 archivo(s) revisado(s), 1 con justificación pendiente de aprobación.\n');
    files['planeacion/excepciones.yaml'] = {
      excepciones: [{ regla: 'PLAN021', archivo: DIF_T1, motivo: 'Declaratoria de emergencia', aprobo: 'Dirección de Planeación', fecha: '2019-04-05' }],
    };
    expect((await runCli(['validate', '-C', writeRepo(files), '--max-warnings', '0'])).code).toBe(0);
  });

  it('exits 2 with a clear message when no plan.yaml is found', async () => {
    const empty = writeRepo({ 'leeme.txt': 'nada' });
    const run = await runCli(['validate'], { cwd: empty });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No se encontró plan.yaml');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a -C folder that does not exist', async () => {
    const run = await runCli(['validate', '-C', '/no/existe/nada']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plan: error: La carpeta «/no/existe/nada» no existe.\n');
  });

  it('exits 2 for an unknown option, an unknown format and a bad --max-warnings', async () => {
    const root = writeRepo(baseRepo());
    const unknown = await runCli(['validate', '-C', root, '--bogus']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain('opción desconocida «--bogus»');
    expect((await runCli(['validate', '-C', root, '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['validate', '-C', root, '--max-warnings', 'muchas'])).code).toBe(2);
    expect((await runCli(['validate', '-C', root, '--fecha-corte', '2019-02-30'])).code).toBe(2);
    expect((await runCli(['--lang', 'fr', 'validate', '-C', root])).code).toBe(2);
  });

  it('finds plan.yaml by looking upward from a subfolder', async () => {
    const root = writeRepo(baseRepo());
    const sub = path.join(root, 'dependencias', 'OP');
    mkdirSync(sub, { recursive: true });
    expect((await runCli(['validate'], { cwd: sub })).code).toBe(0);
  });
});

/** The count tables under OP's one error. */
const OP_ERROR_COUNTS = [
  'Errores  Advertencias  Regla',
  '      1             0  PLAN005  Clave o trimestre distinto del nombre de su carpeta o archivo',
  '',
  'Errores  Advertencias  Dependencia',
  '      1             0  OP',
  '',
];

describe('plan validate output', () => {
  it('--quiet shows errors only and says how many warnings it hid', async () => {
    const run = await runCli(['validate', '-C', repoWithErrorInOpAndWarningInDif(), '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      lines(OP_ERROR, [
        ...OP_ERROR_COUNTS,
        '✖ 1 error(es) en 8 archivo(s) revisado(s); se ocultó 1 advertencia (quite -q para verla).',
      ]),
    );
  });

  it('--quiet on a repo with warnings only says it has no errors and how many warnings it hid', async () => {
    const run = await runCli(['validate', '-C', repoWithOneWarning(), '-q']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ Sin errores en 8 archivo(s); se ocultó 1 advertencia (quite -q para verla).\n');
  });

  it('--quiet counts every hidden warning, in the plural', async () => {
    const files = baseRepo();
    files[DIF_T1].fecha_entrega = '2019-04-03';
    files['dependencias/OP/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
    const run = await runCli(['validate', '-C', writeRepo(files), '-q']);
    expect(run.stdout).toBe('✔ Sin errores en 8 archivo(s); se ocultaron 2 advertencias (quite -q para verlas).\n');
    const english = await runCli(['--lang', 'en', 'validate', '-C', writeRepo(files), '-q', '--format', 'json']);
    expect(JSON.parse(english.stdout).summary).toMatchObject({ errors: 0, warnings: 0, hiddenWarnings: 2 });
  });

  it('prints the findings, the counts by rule and by department, then the summary line', async () => {
    const run = await runCli(['validate', '-C', repoWithErrorInOpAndWarningInDif()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      lines(DIF_WARNING, OP_ERROR, [
        'Errores  Advertencias  Regla',
        '      1             0  PLAN005  Clave o trimestre distinto del nombre de su carpeta o archivo',
        '      0             1  PLAN021  Reporte trimestral entregado fuera de la ventana de entrega',
        '',
        'Errores  Advertencias  Dependencia',
        '      0             1  DIF',
        '      1             0  OP',
        '',
        '✖ 2 problema(s): 1 error(es) y 1 advertencia(s) en 8 archivo(s) revisado(s).',
      ]),
    );
  });

  it('--format json gives every diagnostic with file, line and column', async () => {
    const run = await runCli(['validate', '-C', repoWithOneError(), '--format', 'json']);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.summary).toEqual({
      errors: 1,
      warnings: 0,
      justified: 0,
      pending: 0,
      files: 8,
      hiddenWarnings: 0,
      byRule: [{ rule: 'PLAN005', title: 'Clave o trimestre distinto del nombre de su carpeta o archivo', errors: 1, warnings: 0, justified: 0 }],
      byDepartment: [{ department: 'OP', errors: 1, warnings: 0, justified: 0 }],
    });
    expect(parsed.diagnostics[0]).toMatchObject({ rule: 'PLAN005', severity: 'error', file: 'dependencias/OP/dependencia.yaml', line: 1, column: 8 });
  });

  it('--lang en switches messages to English', async () => {
    const run = await runCli(['--lang', 'en', 'validate', '-C', repoWithOneError()]);
    expect(run.stdout).toContain('Key «OBRAS» does not match folder "dependencias/OP/".');
    expect(run.stdout).toContain('1 error(s) and 0 warning(s)');
  });

  it('prints no ANSI colour codes on a pipe, with NO_COLOR or with FORCE_COLOR=0', async () => {
    const root = repoWithOneError();
    const ansi = /\u001b\[/;
    expect((await runCli(['validate', '-C', root])).stdout).not.toMatch(ansi);
    expect((await runCli(['validate', '-C', root], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['validate', '-C', root], { isTTY: true, env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['validate', '-C', root], { isTTY: true })).stdout).toMatch(ansi);
  });
});

describe('help is in Spanish', () => {
  it('plan --help lists commands and options in Spanish', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Uso: plan [opciones] [comando]');
    expect(run.stdout).toContain('Comandos:');
    expect(run.stdout).toContain('muestra esta ayuda');
    expect(run.stdout).not.toMatch(/Usage|display help|default:/);
  });

  it('plan validate --help explains exit codes in Spanish', async () => {
    const run = await runCli(['validate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Uso: plan validate [opciones]');
    expect(run.stdout).toContain('Códigos de salida');
    expect(run.stdout).not.toMatch(/Usage|display help|default:/);
  });
});

describe('usage edge cases', () => {
  it('says why the exit code is 1 when only the warning limit is passed, even with --quiet', async () => {
    const run = await runCli(['validate', '-C', repoWithOneWarning(), '--quiet', '--max-warnings', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Demasiadas advertencias: 1 (máximo permitido con --max-warnings: 0).\n');
  });

  it('exits 2 and shows the help on stderr when no command is given', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Uso: plan [opciones] [comando]');
  });

  it('says -C must be a folder when given a file', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['validate', '-C', path.join(root, 'plan.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no es una carpeta');
  });
});

describe('plan validate [rutas…] and --dependencia', () => {
  it('reports only the findings of a folder it is given, with the exit code of what it reports', async () => {
    const run = await runCli(['validate', '-C', repoWithErrorInOpAndWarningInDif(), 'dependencias/DIF']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(lines(DIF_WARNING, DIF_WARNING_TABLES, ['✖ 1 problema(s): 0 error(es) y 1 advertencia(s) en 3 archivo(s) de «dependencias/DIF/».']));
  });

  it('exits 1 when the error lies in the selected files', async () => {
    const run = await runCli(['validate', '-C', repoWithErrorInOpAndWarningInDif(), 'dependencias/OP']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').at(-2)).toBe('✖ 1 problema(s): 1 error(es) y 0 advertencia(s) en 3 archivo(s) de «dependencias/OP/».');
  });

  it('reads a path from the current folder, as the shell completes it', async () => {
    const root = repoWithErrorInOpAndWarningInDif();
    const run = await runCli(['validate', 'dependencia.yaml'], { cwd: path.join(root, 'dependencias', 'OP') });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      lines(OP_ERROR, [
        ...OP_ERROR_COUNTS,
        '✖ 1 problema(s): 1 error(es) y 0 advertencia(s) en 1 archivo(s) de «dependencias/OP/dependencia.yaml».',
      ]),
    );
  });

  it('with -C, reads a path from the current folder and, when nothing is there, from the plan root', async () => {
    const root = repoWithErrorInOpAndWarningInDif();
    const cwd = path.dirname(root);
    const fromCwd = await runCli(['validate', '-C', path.basename(root), `${path.basename(root)}/dependencias/DIF`], { cwd });
    const fromRoot = await runCli(['validate', '-C', path.basename(root), 'dependencias/DIF/'], { cwd });
    expect(fromCwd.code).toBe(0);
    expect(fromRoot).toEqual(fromCwd);
    expect(fromCwd.stdout.split('\n').at(-2)).toBe('✖ 1 problema(s): 0 error(es) y 1 advertencia(s) en 3 archivo(s) de «dependencias/DIF/».');
  });

  it('with -C, takes the plan’s folder over a folder of the same name outside the plan', async () => {
    const root = repoWithErrorInOpAndWarningInDif();
    const cwd = writeRepo({ 'dependencias/DIF/leeme.txt': 'otra cosa' });
    const run = await runCli(['validate', '-C', root, 'dependencias/DIF'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').at(-2)).toBe('✖ 1 problema(s): 0 error(es) y 1 advertencia(s) en 3 archivo(s) de «dependencias/DIF/».');
  });

  it('accepts absolute paths and names several in the summary line', async () => {
    const root = repoWithErrorInOpAndWarningInDif();
    const run = await runCli(['validate', '-C', root, path.join(root, 'plan.yaml'), path.join(root, 'catalogos')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ Sin problemas en 2 archivo(s) de «plan.yaml» y «catalogos/».\n');
  });

  it('treats the plan root as no narrowing at all', async () => {
    const root = repoWithErrorInOpAndWarningInDif();
    const run = await runCli(['validate', '-C', root, root]);
    expect(run.stdout.split('\n').at(-2)).toBe('✖ 2 problema(s): 1 error(es) y 1 advertencia(s) en 8 archivo(s) revisado(s).');
  });

  it('still checks the whole repo: a selected report is judged against the carátula in another file', async () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].avances[0].unidad_medida = 'km';
    const run = await runCli(['validate', '-C', writeRepo(files), DIF_T1, '--format', 'json']);
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.diagnostics.map((d: { rule: string; file: string; line: number }) => `${d.rule} ${d.file}:${d.line}`)).toEqual([`PLAN020 ${DIF_T1}:11`]);
    expect(parsed.summary).toMatchObject({ errors: 1, files: 1, scope: { paths: [DIF_T1] } });
  });

  it('refuses a path that does not exist with exit 2, suggesting the closest one', async () => {
    const run = await runCli(['validate', '-C', writeRepo(baseRepo()), 'dependencias/OPP']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'plan: error: La ruta «dependencias/OPP» no existe en el plan. ¿Quiso decir «dependencias/OP»?\n' });
  });

  it('suggests in the form the path was typed: from the current folder, ignoring case', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['validate', '-C', path.basename(root), `${path.basename(root)}/dependencias/dif/reportes`], { cwd: path.dirname(root) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`plan: error: La ruta «${path.basename(root)}/dependencias/dif/reportes» no existe en el plan. ¿Quiso decir «${path.basename(root)}/dependencias/DIF/reportes»?\n`);
  });

  it('refuses a path with nothing close, saying where paths are read from', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['validate', 'presupuesto/2019.xlsx'], { cwd: path.join(root, 'dependencias') });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `plan: error: La ruta «presupuesto/2019.xlsx» no existe. Indique un archivo o una carpeta del plan, desde la carpeta actual o desde la raíz del plan («${root}»).\n`,
    });
  });

  it('refuses a path outside the plan with exit 2', async () => {
    const root = writeRepo(baseRepo());
    const outside = path.dirname(root);
    const run = await runCli(['validate', outside], { cwd: root });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `plan: error: La ruta «${outside}» está fuera del plan («.»); indique archivos o carpetas dentro de él.\n` });
    expect((await runCli(['validate', '../../otro'], { cwd: path.join(root, 'dependencias') })).stderr).toBe(
      `plan: error: La ruta «../../otro» está fuera del plan («${root}»); indique archivos o carpetas dentro de él.\n`,
    );
  });

  it('--dependencia reports only that department’s files and names it in the summary line', async () => {
    const run = await runCli(['validate', '-C', repoWithErrorInOpAndWarningInDif(), '--dependencia', 'DIF']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(lines(DIF_WARNING, DIF_WARNING_TABLES, ['✖ 1 problema(s): 0 error(es) y 1 advertencia(s) en 3 archivo(s) de la dependencia DIF.']));
  });

  it('--dependencia also reports findings in planeacion/ about that department, and only to it', async () => {
    const files = baseRepo();
    // OP was convened on 12 February and did not attend (PLAN050, a finding in Planeación's file about OP).
    files['planeacion/convocatorias/2019.yaml'] = {
      ejercicio: 2019,
      convocatorias: [{ id: 'CONV-2019-01', fecha: '2019-02-12', asunto: 'Presentación de carátulas', convocadas: ['OP'], asistentes: [], entregas: [] }],
    };
    const root = writeRepo(files);
    const op = await runCli(['validate', '-C', root, '--dependencia', 'OP', '--format', 'json']);
    expect(JSON.parse(op.stdout).diagnostics.map((d: { rule: string; file: string }) => `${d.rule} ${d.file}`)).toEqual(['PLAN050 planeacion/convocatorias/2019.yaml']);
    const dif = await runCli(['validate', '-C', root, '--dependencia', 'DIF', '--format', 'json']);
    expect(JSON.parse(dif.stdout).diagnostics).toEqual([]);
  });

  it('--dependencia on a clean department says so, and exits 0 whatever other departments hold', async () => {
    const files = baseRepo();
    files['dependencias/OP/dependencia.yaml'].clave = 'OBRAS';
    const run = await runCli(['validate', '-C', writeRepo(files), '--dependencia', 'DIF']);
    expect(run).toMatchObject({ code: 0, stdout: '✔ Sin problemas en 3 archivo(s) de la dependencia DIF.\n' });
  });

  it('--dependencia refuses an unknown clave with exit 2, suggesting the closest one', async () => {
    const root = writeRepo(baseRepo());
    expect(await runCli(['validate', '-C', root, '--dependencia', 'op'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: error: La dependencia «op» no existe en el plan (no hay carpeta «dependencias/op/»). ¿Quiso decir «OP»?\n',
    });
    expect((await runCli(['validate', '-C', root, '--dependencia', 'DIFF'])).stderr).toBe(
      'plan: error: La dependencia «DIFF» no existe en el plan (no hay carpeta «dependencias/DIFF/»). ¿Quiso decir «DIF»?\n',
    );
  });

  it('--dependencia lists the departments when none is close', async () => {
    const run = await runCli(['validate', '-C', writeRepo(baseRepo()), '--dependencia', 'TESORERIA']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: error: La dependencia «TESORERIA» no existe en el plan (no hay carpeta «dependencias/TESORERIA/»). Dependencias del plan: DIF, OP.\n',
    });
  });

  it('--dependencia says so when the plan has no department folders yet', async () => {
    const files = baseRepo();
    const run = await runCli(['validate', '-C', writeRepo({ 'plan.yaml': files['plan.yaml'] }), '--dependencia', 'OP']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'plan: error: La dependencia «OP» no existe: el plan aún no tiene carpetas en «dependencias/».\n' });
  });

  it('--dependencia speaks English with --lang en', async () => {
    const run = await runCli(['--lang', 'en', 'validate', '-C', writeRepo(baseRepo()), '--dependencia', 'OPP']);
    expect(run.stderr).toBe('plan: error: Department "OPP" does not exist in the plan (there is no folder "dependencias/OPP/"). Did you mean "OP"?\n');
    const clean = await runCli(['--lang', 'en', 'validate', '-C', writeRepo(baseRepo()), '--dependencia', 'OP']);
    expect(clean.stdout).toBe('✔ No problems in 3 file(s) of department OP.\n');
  });

  it('a path and --dependencia together report only where both hold', async () => {
    const root = repoWithErrorInOpAndWarningInDif();
    const both = await runCli(['validate', '-C', root, '--dependencia', 'DIF', 'dependencias']);
    expect(both.code).toBe(0);
    expect(both.stdout.split('\n').at(-2)).toBe('✖ 1 problema(s): 0 error(es) y 1 advertencia(s) en 3 archivo(s) de «dependencias/» (dependencia DIF).');
    const none = await runCli(['validate', '-C', root, '--dependencia', 'DIF', 'dependencias/OP']);
    expect(none).toMatchObject({ code: 0, stdout: '✔ Sin problemas en 0 archivo(s) de «dependencias/OP/» (dependencia DIF).\n' });
  });

  it('--quiet with --dependencia counts only the warnings of that department', async () => {
    const files = baseRepo();
    files[DIF_T1].fecha_entrega = '2019-04-03';
    files['dependencias/OP/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
    const run = await runCli(['validate', '-C', writeRepo(files), '--dependencia', 'OP', '-q']);
    expect(run.stdout).toBe('✔ Sin errores en 3 archivo(s) de la dependencia OP; se ocultó 1 advertencia (quite -q para verla).\n');
  });

  it('--max-warnings counts the warnings of the selection only', async () => {
    const root = repoWithOneWarning();
    expect((await runCli(['validate', '-C', root, '--dependencia', 'OP', '--max-warnings', '0'])).code).toBe(0);
    expect((await runCli(['validate', '-C', root, '--dependencia', 'DIF', '--max-warnings', '0'])).code).toBe(1);
  });
});

describe('plan validate --format junit', () => {
  it('fails no test when there are only warnings, so GitLab shows a passing pipeline as passing', async () => {
    const run = await runCli(['validate', '-C', repoWithOneWarning(), '--format', 'junit']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="plan validate" tests="1" failures="0">
  <testsuite name="${DIF_T1}" tests="1" failures="0">
    <testcase name="PLAN021 Reporte trimestral entregado fuera de la ventana de entrega (advertencia)" classname="${DIF_T1}" file="${DIF_T1}">
      <system-out>${DIF_T1}:3:16  PLAN021  [advertencia] El reporte «2019-T1» fue entregado el 03/04/2019, 3 días hábiles después del cierre de la ventana de entrega (del 25/03 al 29/03/2019).
→ Entregue cada reporte dentro de su ventana; si la fecha está mal capturada, corrija «fecha_entrega».</system-out>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  it('counts one failure per rule and file with errors', async () => {
    const run = await runCli(['validate', '-C', repoWithErrorInOpAndWarningInDif(), '--format', 'junit']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('<testsuites name="plan validate" tests="2" failures="1">');
    expect(run.stdout).toContain('<failure type="PLAN005" message="[error] La clave «OBRAS» no coincide con la carpeta «dependencias/OP/».">');
  });
});

describe('plan validate --output never writes into the plan data', () => {
  it('refuses plan.yaml and files under the data folders, with exit 2, and leaves them untouched', async () => {
    const root = writeRepo(baseRepo());
    const before = readFileSync(path.join(root, 'plan.yaml'), 'utf8');
    for (const target of ['plan.yaml', 'dependencias/OP/reportes/resultado.json', 'planeacion/x.sarif']) {
      const run = await runCli(['validate', '-C', root, '-f', 'json', '-o', path.join(root, target)]);
      expect(run.code, target).toBe(2);
      expect(run.stderr, target).toContain('está entre los datos del plan (plan.yaml, dependencias/, planeacion/, catalogos/, schemas/, templates/ o .git/, con cualquier combinación de mayúsculas y minúsculas)');
    }
    expect(readFileSync(path.join(root, 'plan.yaml'), 'utf8')).toBe(before);
    expect(existsSync(path.join(root, 'dependencias/OP/reportes/resultado.json'))).toBe(false);
  });

  it('refuses a path that reaches the data through a symbolic link', async () => {
    const root = writeRepo(baseRepo());
    symlinkSync(path.join(root, 'dependencias/OP'), path.join(root, 'salida'));
    const run = await runCli(['validate', '-C', root, '-f', 'json', '-o', path.join(root, 'salida/resultado.json')]);
    expect(run.code).toBe(2);
    expect(existsSync(path.join(root, 'dependencias/OP/resultado.json'))).toBe(false);
  });

  it('says in Spanish that the folder of the output file does not exist', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['validate', '-C', root, '-o', path.join(root, 'salida/plan.sarif'), '-f', 'sarif']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('la carpeta donde debía quedar no existe');
    expect(run.stderr).not.toContain('ENOENT');
  });
});
