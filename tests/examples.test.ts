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

  it('reads every data file: 6 departments, 27 PPCS, 29 reports', () => {
    expect(result.model.dependencias).toHaveLength(6);
    expect(result.model.ppcs).toHaveLength(27);
    expect(result.model.reportes).toHaveLength(29);
    expect(result.fileCount).toBe(71);
  });

  it('has the 2020-T1 report of every department: the cycle continues into the next year', () => {
    const claves = result.model.reportes.filter((r) => r.data.trimestre === '2020-T1').map((r) => r.data.dependencia);
    expect(claves.sort()).toEqual(['DESECO', 'DIF', 'IMM', 'OP', 'SP', 'SSP']);
  });

  it('gives the status of every action of the 2019 Plan de Mejora in every 2019 report', () => {
    for (const { data } of result.model.reportes.filter((r) => r.data.trimestre.startsWith('2019-'))) {
      const plan = result.model.departmentsByClave.get(data.dependencia)!.data.planes_de_mejora!['2019']!;
      expect((data.plan_de_mejora ?? []).map((e) => e.accion), `${data.dependencia} ${data.trimestre}`).toEqual(plan.acciones.map((a) => a.id));
    }
  });

  it('shows exactly the planted warnings', () => {
    expect(where(result.diagnostics)).toEqual([
      'PLAN062 dependencias/DESECO/dependencia.yaml:28',
      'PLAN062 dependencias/DESECO/dependencia.yaml:46',
      'PLAN021 dependencias/DESECO/reportes/2019-T1.yaml:5',
      'PLAN062 dependencias/DIF/dependencia.yaml:73',
      'PLAN041 dependencias/DIF/reportes/2019-T3.yaml:39',
      'PLAN044 dependencias/DIF/reportes/2019-T3.yaml:39',
      'PLAN040 dependencias/DIF/reportes/2019-T3.yaml:90',
      'PLAN041 dependencias/DIF/reportes/2019-T4.yaml:38',
      'PLAN044 dependencias/DIF/reportes/2019-T4.yaml:38',
      'PLAN062 dependencias/OP/dependencia.yaml:76',
      'PLAN011 dependencias/OP/ppcs/OP-03.yaml:38',
      'PLAN062 dependencias/SP/dependencia.yaml:37',
      'PLAN062 dependencias/SP/dependencia.yaml:55',
      'PLAN062 dependencias/SP/dependencia.yaml:64',
      'PLAN014 dependencias/SP/ppcs/SP-04.yaml:20',
      'PLAN014 dependencias/SP/ppcs/SP-04.yaml:40',
      'PLAN031 dependencias/SP/reportes/2019-T1.yaml:62',
      'PLAN031 dependencias/SP/reportes/2019-T2.yaml:67',
      'PLAN031 dependencias/SP/reportes/2019-T3.yaml:69',
      'PLAN031 dependencias/SP/reportes/2019-T4.yaml:64',
      'PLAN031 dependencias/SP/reportes/2020-T1.yaml:65',
      'PLAN022 dependencias/SSP/dependencia.yaml:3',
      'PLAN062 dependencias/SSP/dependencia.yaml:37',
      'PLAN062 dependencias/SSP/dependencia.yaml:55',
      'PLAN062 dependencias/SSP/dependencia.yaml:64',
      'PLAN062 dependencias/SSP/dependencia.yaml:73',
      'PLAN043 dependencias/SSP/reportes/2019-T1.yaml:8',
      'PLAN021 dependencias/SSP/reportes/2019-T2.yaml:5',
      'PLAN043 dependencias/SSP/reportes/2019-T2.yaml:8',
      'PLAN021 dependencias/SSP/reportes/2019-T3.yaml:5',
      'PLAN043 dependencias/SSP/reportes/2019-T3.yaml:8',
      'PLAN021 dependencias/SSP/reportes/2020-T1.yaml:5',
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
