import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../src/validate.js';
import { where } from './helpers/fixture.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

// The golden repo: clean of errors, with a spread of compliance the annual evaluation
// must tell apart. Every finding here is planted on purpose.
describe('the example municipality', () => {
  const result = validatePlan(EXAMPLES, { lang: 'es', fechaCorte: '2020-01-31' });

  it('has no errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads every data file: 6 departments, 27 PPCS, 23 reports', () => {
    expect(result.model.dependencias).toHaveLength(6);
    expect(result.model.ppcs).toHaveLength(27);
    expect(result.model.reportes).toHaveLength(23);
    expect(result.fileCount).toBe(64);
  });

  it('shows exactly the planted warnings', () => {
    expect(where(result.diagnostics)).toEqual([
      'PLAN030 dependencias/DESECO/dependencia.yaml:3',
      'PLAN021 dependencias/DESECO/reportes/2019-T1.yaml:5',
      'PLAN041 dependencias/DIF/reportes/2019-T3.yaml:39',
      'PLAN040 dependencias/DIF/reportes/2019-T3.yaml:90',
      'PLAN041 dependencias/DIF/reportes/2019-T4.yaml:37',
      'PLAN011 dependencias/OP/ppcs/OP-03.yaml:35',
      'PLAN031 dependencias/SP/reportes/2019-T1.yaml:59',
      'PLAN031 dependencias/SP/reportes/2019-T2.yaml:64',
      'PLAN031 dependencias/SP/reportes/2019-T3.yaml:66',
      'PLAN031 dependencias/SP/reportes/2019-T4.yaml:61',
      'PLAN022 dependencias/SSP/dependencia.yaml:3',
      'PLAN021 dependencias/SSP/reportes/2019-T2.yaml:5',
      'PLAN021 dependencias/SSP/reportes/2019-T3.yaml:5',
      'PLAN050 planeacion/convocatorias/2019.yaml:59',
      'PLAN042 planeacion/genero/2019.yaml:35',
      'PLAN025 planeacion/retroalimentacion/2019-T2.yaml:11',
      'PLAN025 planeacion/retroalimentacion/2019-T3.yaml:7',
      'PLAN025 planeacion/retroalimentacion/2019-T3.yaml:12',
    ]);
  });

  it('has an exemplary department with no findings at all', () => {
    expect(result.diagnostics.filter((d) => d.file.startsWith('dependencias/IMM/') || d.message.includes('«IMM»'))).toEqual([]);
  });

  it('keeps the seed Plan de Mejora (tipo Consolidación, grado Aceptable) for Obras Públicas', () => {
    const op = result.model.departmentsByClave.get('OP')!.data;
    expect(op.planes_de_mejora!['2019']!.tipo).toBe('Consolidación');
    expect(op.evaluaciones['2018']!.grado).toBe('Aceptable');
    expect(new Set(op.planes_de_mejora!['2019']!.acciones.map((a) => a.criterio)).size).toBe(6);
  });
});
