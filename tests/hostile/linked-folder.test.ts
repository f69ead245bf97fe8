// A department folder (or its ppcs/ folder) that is a symbolic link is never read: one
// PLAN006 finding says so, and the PPCS it would hold count as possibly existing, so the
// references to them from Planeación's files are not each reported as missing (issue 11).
import { cpSync, mkdirSync, renameSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, DEFAULT_CUTOFF, writeRepo } from '../helpers/fixture.js';

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

/** Feedback on the 2019-T1 reports about one PPCS of each department, and one that exists nowhere. */
function withFeedback(): ReturnType<typeof baseRepo> {
  return {
    ...baseRepo(),
    'planeacion/retroalimentacion/2019-T1.yaml': {
      trimestre: '2019-T1',
      fecha_emision: '2019-04-10',
      observaciones: [
        { id: 'RET-2019-T1-01', dependencia: 'OP', ppcs: 'OP-01', tipo: 'observacion', texto: 'Anexar las bitácoras de obra.' },
        { id: 'RET-2019-T1-02', dependencia: 'DIF', ppcs: 'DIF-01', tipo: 'recomendacion', texto: 'Desagregar el padrón por edad.' },
        { id: 'RET-2019-T1-03', dependencia: 'DIF', ppcs: 'DIF-02', tipo: 'observacion', texto: 'Aclarar la fórmula de la meta M1.' },
        { id: 'RET-2019-T1-04', dependencia: 'OP', ppcs: 'OP-09', tipo: 'observacion', texto: 'Aclarar la fórmula de la meta M1.' },
      ],
    },
  };
}

/** Writes the repo, then moves `folder` out of it and leaves a symbolic link in its place. */
function repoWithLink(files: ReturnType<typeof baseRepo>, folder: string): string {
  const root = writeRepo(files);
  const real = path.join(root, 'fuera', folder);
  mkdirSync(path.dirname(real), { recursive: true });
  renameSync(path.join(root, folder), real);
  symlinkSync(real, path.join(root, folder));
  return root;
}

function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.rule} ${d.severity} ${d.file}:${d.line} ${d.message}`);
}

describe('a linked department folder', () => {
  it('is one PLAN006 error, and feedback on its PPCS is not «no existe»; a PPCS missing from a readable folder still is', () => {
    const root = repoWithLink(withFeedback(), 'dependencias/DIF');
    const { diagnostics } = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
    expect(lines(diagnostics)).toEqual([
      'PLAN006 error dependencias/DIF:1 La carpeta «dependencias/DIF» es un enlace simbólico; los datos del plan deben estar en carpetas reales del repositorio y no se leyó nada de ella.',
      'PLAN004 error planeacion/retroalimentacion/2019-T1.yaml:21 El PPCS «OP-09» no existe: ninguna carátula en «dependencias/<CLAVE>/ppcs/» lo declara.',
    ]);
  });

  it('through its ppcs/ folder alone is one PLAN006 error: feedback on its PPCS is not «no existe» and the department is not «sin PPCS»', () => {
    const root = repoWithLink(withFeedback(), 'dependencias/DIF/ppcs');
    const { diagnostics } = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
    expect(lines(diagnostics)).toEqual([
      'PLAN006 error dependencias/DIF/ppcs:1 La carpeta «dependencias/DIF/ppcs» es un enlace simbólico; los datos del plan deben estar en carpetas reales del repositorio y no se leyó nada de ella.',
      'PLAN004 error planeacion/retroalimentacion/2019-T1.yaml:21 El PPCS «OP-09» no existe: ninguna carátula en «dependencias/<CLAVE>/ppcs/» lo declara.',
    ]);
  });

  it('in the example municipality is the only finding about DIF: no «no existe» for its PPCS, no «falta el reporte», no unapplied gender recommendation', () => {
    // An empty fixture folder (removed after the tests) to copy the example into.
    const root = writeRepo({});
    cpSync(EXAMPLES, root, { recursive: true, dereference: true, filter: (source) => path.relative(EXAMPLES, source) !== 'reportes' });
    renameSync(path.join(root, 'dependencias/DIF'), path.join(root, 'DIF-real'));
    symlinkSync(path.join(root, 'DIF-real'), path.join(root, 'dependencias/DIF'));
    const { diagnostics } = validatePlan(root, { lang: 'es', fechaCorte: '2020-01-31' });
    expect(lines(diagnostics.filter((d) => `${d.file} ${d.message}`.includes('DIF')))).toEqual([
      'PLAN006 error dependencias/DIF:1 La carpeta «dependencias/DIF» es un enlace simbólico; los datos del plan deben estar en carpetas reales del repositorio y no se leyó nada de ella.',
    ]);
  });

  it('does not hide a missing PPCS of a department whose card failed to load but whose ppcs/ folder was read', () => {
    const files = withFeedback();
    files['dependencias/DIF/dependencia.yaml'] = 'clave: DIF\nnombre: [\n';
    const { diagnostics } = validatePlan(writeRepo(files), { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
    expect(lines(diagnostics)).toEqual([
      'PLAN001 error dependencias/DIF/dependencia.yaml:2 Falta «]» para cerrar el «[» que se abre aquí.',
      'PLAN004 error planeacion/retroalimentacion/2019-T1.yaml:16 El PPCS «DIF-02» no existe: ninguna carátula en «dependencias/<CLAVE>/ppcs/» lo declara.',
      'PLAN004 error planeacion/retroalimentacion/2019-T1.yaml:21 El PPCS «OP-09» no existe: ninguna carátula en «dependencias/<CLAVE>/ppcs/» lo declara.',
    ]);
  });
});
