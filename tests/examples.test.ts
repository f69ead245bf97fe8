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

  it('closes the cycle: every department records its 2019 evaluation and carries a 2020 Plan de Mejora', () => {
    const cycle = result.model.dependencias.map(({ data }) => [data.clave, data.evaluaciones['2019']?.grado, data.planes_de_mejora?.['2020']?.tipo, data.planes_de_mejora?.['2020']?.acciones.length]);
    expect(cycle).toEqual([
      ['DESECO', 'Aceptable', 'Consolidación', 4],
      ['DIF', 'Sobresaliente', 'Innovación', 4],
      ['IMM', 'Sobresaliente', 'Innovación', 1],
      ['OP', 'Sobresaliente', 'Innovación', 2],
      ['SP', 'Aceptable', 'Consolidación', 6],
      ['SSP', 'Aceptable', 'Consolidación', 11],
    ]);
  });

  it('gives every action of the 2020 Plan de Mejora an area, a deadline in 2020, a target and a means of verification', () => {
    for (const { data } of result.model.dependencias) {
      for (const accion of data.planes_de_mejora!['2020']!.acciones) {
        expect(accion.responsable, `${data.clave} ${accion.id}`).toMatch(/^(Coordinación|Departamento|Dirección|Unidad|Centro|Área|Subdirección)/);
        expect(accion.plazo, `${data.clave} ${accion.id}`).toMatch(/^2020-/);
        expect(accion.meta && accion.medio_verificacion, `${data.clave} ${accion.id}`).toBeTruthy();
      }
    }
  });

  it('gives the status of every action of the 2020 Plan de Mejora in every 2020-T1 report, four of them cumplida', () => {
    const cumplidas: string[] = [];
    for (const { data } of result.model.reportes.filter((r) => r.data.trimestre === '2020-T1')) {
      const plan = result.model.departmentsByClave.get(data.dependencia)!.data.planes_de_mejora!['2020']!;
      expect((data.plan_de_mejora ?? []).map((e) => e.accion), data.dependencia).toEqual(plan.acciones.map((a) => a.id));
      for (const e of data.plan_de_mejora ?? []) if (e.estatus === 'cumplida') cumplidas.push(`${data.dependencia} ${e.accion} ${e.evidencias?.length ?? 0}`);
    }
    expect(cumplidas.sort()).toEqual(['DESECO PM-02 1', 'DIF PM-03 1', 'SP PM-06 1', 'SSP PM-03 1']);
  });

  it('records per-criterion 2018 scores for Obras Públicas only, five of the six criteria (no integralidad)', () => {
    const withCriteria = result.model.dependencias.filter(({ data }) => data.evaluaciones['2018']?.criterios);
    expect(withCriteria.map(({ data }) => data.clave)).toEqual(['OP']);
    expect(Object.keys(withCriteria[0]!.data.evaluaciones['2018']!.criterios!)).toEqual([
      'consistencia_programatica',
      'seguimiento_retroalimentacion',
      'integracion_organizacion',
      'calidad_cobertura',
      'perspectiva_genero',
    ]);
  });

  it('gives their own 2020 programming to the metas whose 2019 programming does not fit 2020', () => {
    const own = result.model.ppcs.flatMap(({ data }) => (data.metas ?? []).filter((m) => m.ejercicios?.['2020']).map((m) => `${data.id} ${m.id}`));
    expect(own).toEqual(['DESECO-03 M1', 'OP-01 M1', 'OP-01 M2', 'OP-04 M1', 'OP-04 M2', 'OP-05 M1', 'SP-03 M2', 'SSP-04 M1']);
  });

  it('shows exactly the planted warnings', () => {
    expect(where(result.diagnostics)).toEqual([
      'PLAN062 dependencias/DESECO/dependencia.yaml:38',
      'PLAN062 dependencias/DESECO/dependencia.yaml:56',
      'PLAN021 dependencias/DESECO/reportes/2019-T1.yaml:5',
      'PLAN062 dependencias/DIF/dependencia.yaml:83',
      'PLAN041 dependencias/DIF/reportes/2019-T3.yaml:39',
      'PLAN044 dependencias/DIF/reportes/2019-T3.yaml:39',
      'PLAN040 dependencias/DIF/reportes/2019-T3.yaml:90',
      'PLAN041 dependencias/DIF/reportes/2019-T4.yaml:38',
      'PLAN044 dependencias/DIF/reportes/2019-T4.yaml:38',
      'PLAN062 dependencias/OP/dependencia.yaml:94',
      'PLAN011 dependencias/OP/ppcs/OP-03.yaml:38',
      'PLAN062 dependencias/SP/dependencia.yaml:47',
      'PLAN062 dependencias/SP/dependencia.yaml:65',
      'PLAN062 dependencias/SP/dependencia.yaml:74',
      'PLAN014 dependencias/SP/ppcs/SP-04.yaml:20',
      'PLAN014 dependencias/SP/ppcs/SP-04.yaml:40',
      'PLAN031 dependencias/SP/reportes/2019-T1.yaml:62',
      'PLAN031 dependencias/SP/reportes/2019-T2.yaml:67',
      'PLAN031 dependencias/SP/reportes/2019-T3.yaml:69',
      'PLAN031 dependencias/SP/reportes/2019-T4.yaml:64',
      'PLAN031 dependencias/SP/reportes/2020-T1.yaml:64',
      'PLAN022 dependencias/SSP/dependencia.yaml:3',
      'PLAN062 dependencias/SSP/dependencia.yaml:47',
      'PLAN062 dependencias/SSP/dependencia.yaml:65',
      'PLAN062 dependencias/SSP/dependencia.yaml:74',
      'PLAN062 dependencias/SSP/dependencia.yaml:83',
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
