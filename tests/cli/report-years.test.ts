// `plan report` for any year of the administration: a year or quarter nobody reported is a
// clear usage error, and `--escribir-plan` writes next year's plan of each department as the
// YAML to paste into its dependencia.yaml, which then validates.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseRepo, render, writeRepo } from '../helpers/fixture.js';
import { CUTOFF_2020, with2020 } from '../helpers/year-2020.js';
import { runCli } from './run.js';

const CUTOFF = ['--fecha-corte', '2019-04-15'];

describe('a year or quarter with no reports', () => {
  it('refuses the 2020 annual evaluation of a repo with only 2019 reports, in one line, exit 2, writing nothing', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--annual', '--year', '2020']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'plan: error: No hay reportes trimestrales de 2020 en el plan, así que no hay evaluación anual 2020 que generar. Hay reportes de: 2019. Indique otro ejercicio con --ejercicio, o genere la evaluación cuando las dependencias entreguen sus reportes de 2020.\n',
    );
    expect(run.stdout).toBe('');
    expect(existsSync(path.join(root, 'reportes'))).toBe(false);
  });

  it('refuses a quarter nobody reported, listing the quarters that have reports', async () => {
    const root = writeRepo(with2020(baseRepo()));
    const run = await runCli(['report', '-C', root, '--trimestre', 'T2', '--ejercicio', '2020']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'plan: error: No hay reportes de 2020-T2 en el plan, así que no hay resumen trimestral 2020-T2 que generar. Hay reportes de: 2019-T1, 2020-T1. Pida uno de esos trimestres con --trimestre y --ejercicio, o genere el reporte cuando las dependencias entreguen sus reportes de 2020-T2.\n',
    );
    expect(existsSync(path.join(root, 'reportes'))).toBe(false);
  });

  it('says it in English with --lang en', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['--lang', 'en', 'report', '-C', root, '--annual', '--year', '2021']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The plan has no quarterly reports of 2021, so there is no 2021 annual evaluation to build. There are reports of: 2019.');
  });

  it('counts one department’s report of the year as data for the year', async () => {
    const files = with2020(baseRepo());
    delete files['dependencias/DIF/reportes/2020-T1.yaml'];
    const root = writeRepo(files);
    const run = await runCli(['report', '-C', root, '--annual', '--year', '2020', '--format', 'md', '--fecha-corte', CUTOFF_2020]);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(root, 'reportes'))).toEqual(['anual-2020.md']);
  });
});

/** The repo after pasting each generated file's years under the keys dependencia.yaml already has. */
function pasted(files: ReturnType<typeof baseRepo>, root: string, claves: string[]): ReturnType<typeof baseRepo> {
  const next = structuredClone(files);
  for (const clave of claves) {
    const generated = readFileSync(path.join(root, `reportes/plan-de-mejora-2020/${clave}.yaml`), 'utf8');
    // What a person does: the lines under each top-level key go under the same key of their file.
    const blocks = new Map<string, string[]>();
    let current = '';
    for (const line of generated.split('\n')) {
      if (line.startsWith('#') || line === '') continue;
      if (!line.startsWith(' ')) blocks.set((current = line), []);
      else blocks.get(current)!.push(line);
    }
    let text = render(next[`dependencias/${clave}/dependencia.yaml`]) as string;
    for (const [key, lines] of blocks) text = text.replace(`${key}\n`, `${key}\n${lines.join('\n')}\n`);
    next[`dependencias/${clave}/dependencia.yaml`] = text;
  }
  return next;
}

describe('plan report --anual --escribir-plan', () => {
  it('writes each department’s 2020 plan beside the reports and lists them', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--annual', '--escribir-plan', '--format', 'md', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'Reportes escritos:\n  reportes/anual-2019.md\nPlanes de Mejora 2020 escritos (para copiar en dependencias/<CLAVE>/dependencia.yaml):\n  reportes/plan-de-mejora-2020/DIF.yaml\n  reportes/plan-de-mejora-2020/OP.yaml\n',
    );
  });

  it('writes the 2019 result and the 2020 plan as YAML, with how to paste it first', async () => {
    const root = writeRepo(baseRepo());
    await runCli(['report', '-C', root, '--annual', '--write-plan', '--format', 'md', ...CUTOFF]);
    const text = readFileSync(path.join(root, 'reportes/plan-de-mejora-2020/OP.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 10)).toEqual([
      '# Plan de Mejora 2020 de OP (Dirección de Obras Públicas), emitido a partir de la evaluación anual 2019:',
      '# puntaje 87.5, grado Sobresaliente → Plan de Mejora de tipo Innovación.',
      '#',
      '# Para adoptarlo, copie estos dos bloques en dependencias/OP/dependencia.yaml.',
      '# Ese archivo ya tiene «evaluaciones:» (y quizá «planes_de_mejora:»): copie sólo el año',
      '# (la línea «  2019:» o «  2020:» con todo lo que tiene debajo) dentro de la clave que ya existe.',
      '# Después ejecute «plan validate»: PLAN061 comprueba el grado de 2019 y PLAN060 el tipo del plan 2020.',
      '# Lo generó «plan report --anual --escribir-plan»; plan nunca escribe en dependencias/.',
      '',
      'evaluaciones:',
    ]);
    expect(text).toContain('\n  2019:\n    puntaje: 87.5\n    grado: Sobresaliente\n');
    expect(text).toContain('\nplanes_de_mejora:\n  2020:\n    tipo: Innovación\n    acciones:\n      - id: PM-01\n        criterio: calidad_cobertura\n');
    const data = parse(text);
    expect(data.evaluaciones[2019].criterios).toEqual({ consistencia_programatica: 100, seguimiento_retroalimentacion: 100, integralidad: 100, calidad_cobertura: 50 });
    expect(Object.keys(data.planes_de_mejora[2020].acciones[0])).toEqual(['id', 'criterio', 'accion', 'recursos', 'dimension', 'responsable', 'plazo', 'meta', 'medio_verificacion']);
  });

  it('gives a plan that, pasted into dependencia.yaml, validates with no schema, type or grade error', async () => {
    const files = baseRepo();
    const root = writeRepo(files);
    await runCli(['report', '-C', root, '--annual', '--escribir-plan', '--format', 'md', ...CUTOFF]);
    const adoptedFiles = pasted(files, root, ['DIF', 'OP']);
    expect(adoptedFiles['dependencias/OP/dependencia.yaml']).toContain('planes_de_mejora:\n  2020:\n    tipo: Innovación\n');
    const adopted = writeRepo(adoptedFiles);
    const run = await runCli(['validate', '-C', adopted, '--format', 'json', ...CUTOFF]);
    const rules = (JSON.parse(run.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule);
    expect(rules).not.toContain('PLAN002');
    expect(rules).not.toContain('PLAN060');
    expect(rules).not.toContain('PLAN061');
    expect(run.code).toBe(0);
  });

  it('evaluates 2020 against the pasted 2019 result', async () => {
    const files = baseRepo();
    const root = writeRepo(files);
    await runCli(['report', '-C', root, '--annual', '--escribir-plan', '--format', 'md', ...CUTOFF]);
    const adopted = writeRepo(with2020(pasted(files, root, ['DIF', 'OP'])));
    const run = await runCli(['report', '-C', adopted, '--annual', '--year', '2020', '--format', 'md', '--fecha-corte', CUTOFF_2020]);
    expect(run.code).toBe(0);
    const md = readFileSync(path.join(adopted, 'reportes/anual-2020.md'), 'utf8');
    expect(md).toContain('## Comparación por criterio con la evaluación 2019');
    expect(md).toContain('## Plan de Mejora 2021');
  });

  it('writes only the department asked for with --dependencia', async () => {
    const root = writeRepo(baseRepo());
    await runCli(['report', '-C', root, '--annual', '--escribir-plan', '--dependencia', 'OP', '--format', 'md', ...CUTOFF]);
    expect(readdirSync(path.join(root, 'reportes/plan-de-mejora-2020'))).toEqual(['OP.yaml']);
  });

  it('needs --anual', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--trimestre', 'T1', '--escribir-plan', ...CUTOFF]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plan: error: --escribir-plan va con --anual: el Plan de Mejora del año siguiente sale de la evaluación anual.\n');
  });
});
