// `--out` / `--salida` and `validate --output` never write where the plan keeps its input,
// however the folder is spelled: templates/ and .git/ besides the data folders, and any
// upper/lower case or trailing dot or space (one folder on a Windows or macOS checkout).
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlanInputPath } from '../../src/cli/output-path.js';
import { runCli } from './run.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';

const CUTOFF = ['--fecha-corte', '2019-04-15'];

describe('isPlanInputPath', () => {
  it('counts templates/ and .git/ as places plan does not write', () => {
    const root = writeRepo(baseRepo());
    for (const target of ['templates', 'templates/nuevo', '.git', '.git/refs', 'schemas/sub']) expect(isPlanInputPath(root, path.join(root, target)), target).toBe(true);
  });

  it('counts a data folder spelled in another case or with a trailing dot or space as the data folder', () => {
    const root = writeRepo(baseRepo());
    for (const target of ['Dependencias', 'DEPENDENCIAS/OP', 'dependencias/op', 'Planeacion/x', 'CATALOGOS', 'Schemas', 'Templates', '.GIT', 'PLAN.YAML', 'dependencias.', 'catalogos ', 'Dependencias. /OP']) {
      expect(isPlanInputPath(root, path.join(root, target)), target).toBe(true);
    }
  });

  it('counts the plan root spelled in another case as the root', () => {
    const root = writeRepo(baseRepo());
    expect(isPlanInputPath(root, root.toUpperCase())).toBe(true);
    expect(isPlanInputPath(root, path.join(path.dirname(root), path.basename(root).toUpperCase(), 'Dependencias'))).toBe(true);
  });

  it('lets reports go to reportes/, a folder whose name only starts like a data folder, or outside the plan', () => {
    const root = writeRepo(baseRepo());
    for (const target of ['reportes', 'Reportes/2019', 'dependencias-copia', 'templates2', '.github', 'salida/dependencias', path.join('..', 'fuera')]) {
      expect(isPlanInputPath(root, path.join(root, target)), target).toBe(false);
    }
  });
});

describe('plan report --out into a protected folder', () => {
  it('refuses templates/, .git/ and schemas/ with exit 2 and writes nothing there', async () => {
    const root = writeRepo({ ...baseRepo(), 'templates/trimestral.md.hbs': '{{texto title}}\n', 'schemas/x.json': '{}' });
    mkdirSync(path.join(root, '.git'));
    for (const out of ['templates', '.git', 'schemas', '.git/reportes']) {
      const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', out, ...CUTOFF], { cwd: root });
      expect(run.code, out).toBe(2);
      expect(run.stderr, out).toBe(
        `plan: error: La carpeta de salida «${out}» está dentro de los datos del plan (plan.yaml, dependencias/, planeacion/, catalogos/, schemas/, templates/ o .git/, con cualquier combinación de mayúsculas y minúsculas); elija otra (por omisión: reportes/).\n`,
      );
    }
    expect(readdirSync(path.join(root, 'templates'))).toEqual(['trimestral.md.hbs']);
    expect(readdirSync(path.join(root, '.git'))).toEqual([]);
    expect(readdirSync(path.join(root, 'schemas'))).toEqual(['x.json']);
  });

  it('refuses --salida Dependencias and other case variants of the data folders, creating no folder', async () => {
    const root = writeRepo(baseRepo());
    for (const out of ['Dependencias', 'PLANEACION', 'Catalogos/nuevo', 'dependencias./OP']) {
      const run = await runCli(['report', '-C', root, '--trimestre', 'T1', '--salida', out, ...CUTOFF], { cwd: root });
      expect(run.code, out).toBe(2);
      expect(run.stderr, out).toContain('está dentro de los datos del plan');
    }
    expect(readdirSync(root).sort()).toEqual(['catalogos', 'dependencias', 'plan.yaml']);
  });

  it('still writes to a folder of another name', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--format', 'md', '--out', 'Informes', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(0);
    expect(existsSync(path.join(root, 'Informes/trimestral-2019-T1.md'))).toBe(true);
  });
});

describe('plan validate --output into a protected folder', () => {
  it('refuses templates/, .git/ and a case variant of a data folder with exit 2', async () => {
    const root = writeRepo(baseRepo());
    for (const target of ['templates/resultado.json', '.git/resultado.json', 'Dependencias/OP/resultado.json', 'Plan.yaml']) {
      const run = await runCli(['validate', '-C', root, '-f', 'json', '-o', target], { cwd: root });
      expect(run.code, target).toBe(2);
      expect(run.stderr, target).toContain(`No se escribe el resultado en «${target}»: está entre los datos del plan`);
      expect(existsSync(path.join(root, target)), target).toBe(false);
    }
  });
});
