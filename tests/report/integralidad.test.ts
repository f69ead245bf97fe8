// Integralidad counts both sides of working together: the PPCS a department leads with
// others and the PPCS of other departments it takes part in. Figures worked out by hand
// from tests/helpers/fixture.ts plus the department added here.
import { describe, expect, it } from 'vitest';
import { evaluateDepartment } from '../../src/report/metrics/evaluation.js';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';

type Repo = ReturnType<typeof baseRepo>;

const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';

/** DESECO leads one PPCS with nobody (DESECO-01) and a cancelled one it shared (DESECO-02). */
function withDeseco(): Repo {
  const files = baseRepo();
  files['dependencias/DESECO/dependencia.yaml'] = { ...files['dependencias/OP/dependencia.yaml'], clave: 'DESECO', nombre: 'Dirección de Desarrollo Económico' };
  files['dependencias/DESECO/ppcs/DESECO-01.yaml'] = { ...files[OP_01], id: 'DESECO-01', nombre: 'Ferias del empleo', actividades: [{ descripcion: 'Ferias en colonias' }] };
  files['dependencias/DESECO/ppcs/DESECO-02.yaml'] = { ...files[OP_01], id: 'DESECO-02', nombre: 'Microcréditos', estatus: 'cancelado', actividades: [{ descripcion: 'Capacitación', participantes: ['IMM'] }] };
  return files;
}

function integralidadOf(files: Repo, clave: string) {
  const { model, diagnostics } = validatePlan(writeRepo(files), { lang: 'es', fechaCorte: '2019-04-15' });
  const criterion = evaluateDepartment(model, clave, diagnostics, 2019).criterios.find((c) => c.criterion.clave === 'integralidad')!;
  return { puntaje: criterion.puntaje, subs: criterion.subindicadores.map((s) => [s.id, s.numerador, s.denominador]) };
}

describe('Integralidad of a department that only takes part in others’ PPCS', () => {
  it('scores 0 when nobody names it and it leads no shared PPCS', () => {
    expect(integralidadOf(withDeseco(), 'DESECO')).toEqual({
      puntaje: 0,
      subs: [
        ['participacion_compartida', 0, 1],
        ['colaboraciones_reportadas', 0, 0],
      ],
    });
  });

  it('counts a PPCS of another department whose carátula names it as participant: (0 + 1) / (1 + 1)', () => {
    const files = withDeseco();
    files[OP_01].actividades[0].participantes = ['DIF', 'DESECO'];
    expect(integralidadOf(files, 'DESECO').subs[0]).toEqual(['participacion_compartida', 1, 2]);
  });

  it('counts a PPCS of another department whose report of the year names it in colaboraciones', () => {
    const files = withDeseco();
    files[DIF_T1].ppcs[0].colaboraciones = ['OP', 'DESECO'];
    expect(integralidadOf(files, 'DESECO').subs[0]).toEqual(['participacion_compartida', 1, 2]);
  });

  it('counts each PPCS once when it is named both ways, and each PPCS it joins: (0 + 2) / (1 + 2) = 66.7', () => {
    const files = withDeseco();
    files[OP_01].actividades[0].participantes = ['DIF', 'DESECO'];
    files['dependencias/OP/reportes/2019-T1.yaml'].ppcs[0].colaboraciones = ['DIF', 'DESECO'];
    files[DIF_T1].ppcs[0].colaboraciones = ['OP', 'DESECO'];
    const { puntaje, subs } = integralidadOf(files, 'DESECO');
    expect(subs[0]).toEqual(['participacion_compartida', 2, 3]);
    expect(puntaje).toBeCloseTo(200 / 3, 10);
  });

  it('does not count a cancelled PPCS of another department that names it', () => {
    const files = withDeseco();
    files[OP_01].estatus = 'cancelado';
    files[OP_01].actividades[0].participantes = ['DESECO'];
    expect(integralidadOf(files, 'DESECO').subs[0]).toEqual(['participacion_compartida', 0, 1]);
  });

  it('does not count colaboraciones of a report of another year', () => {
    const files = withDeseco();
    files['dependencias/DIF/reportes/2018-T4.yaml'] = { ...files[DIF_T1], trimestre: '2018-T4', fecha_entrega: '2018-12-24', ppcs: [{ ...files[DIF_T1].ppcs[0], colaboraciones: ['DESECO'] }] };
    expect(integralidadOf(files, 'DESECO').subs[0]).toEqual(['participacion_compartida', 0, 1]);
  });

  it('adds the PPCS a department joins to those it leads: OP leads OP-01 with DIF and joins DIF-01, 2 / 2', () => {
    expect(integralidadOf(baseRepo(), 'OP').subs).toEqual([
      ['participacion_compartida', 2, 2],
      ['colaboraciones_reportadas', 1, 1],
    ]);
  });
});
