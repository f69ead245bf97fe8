// The annual evaluation of any year of the administration: 2020 judged with 2020's calendar
// and against the 2019 evaluation recorded in dependencia.yaml, criterion by criterion.
import { describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers/fixture.js';
import { CUTOFF_2020, with2020 } from '../helpers/year-2020.js';
import { annual, empty, num, section, text, valueOf, type ReportView } from './api.js';

const OP_DEP = 'dependencias/OP/dependencia.yaml';

/** OP's 2019 evaluation as the lead would record it: five of the six criteria, no Integralidad. */
function withOp2019(files: ReturnType<typeof baseRepo>) {
  files[OP_DEP].evaluaciones[2019] = {
    puntaje: 77.5,
    grado: 'Aceptable',
    criterios: { consistencia_programatica: 100, seguimiento_retroalimentacion: 75, integracion_organizacion: 0, calidad_cobertura: 50, perspectiva_genero: 40 },
  };
  return files;
}

/** The evaluation plan.yaml's `ejercicio: 2020` asks for, judged after 2020-T1's window. */
function annual2020(files = withOp2019(with2020(baseRepo()))): ReportView {
  files['plan.yaml'].ejercicio = 2020;
  return annual(files, { fechaCorte: CUTOFF_2020 });
}

/** [Puntaje 2020, Puntaje 2019, Cambio] of one criterion of a department. */
function comparison(view: ReportView, clave: string, criterio: string) {
  const row = section(view, 'linea-base').table.rows.find((r) => valueOf(r[0]) === clave && valueOf(r[1]) === criterio);
  if (!row) throw new Error(`no comparison row for ${clave} ${criterio}`);
  return row.slice(2);
}

describe('the 2020 annual evaluation', () => {
  it('compares the 2020 total with the 2019 evaluation: 87.5 against 77.5, a change of 10', () => {
    // OP 2020 as 2019 at T1: 100, 100, —, 100, 50, — → (2000 + 2500 + 1500 + 1000) / 80 = 87.5.
    const view = annual2020();
    const criteria = section(view, 'criterios');
    expect(criteria.table.columns.slice(-3).map((c) => c.header)).toEqual(['Evaluación 2019', 'Grado 2019', 'Cambio']);
    const op = criteria.table.rows.find((r) => valueOf(r[0]) === 'OP')!;
    expect(op.slice(-6)).toEqual([num(87.5, 1), text('Sobresaliente'), text('Innovación'), num(77.5, 1), text('Aceptable'), num(10, 1)]);
  });

  it('compares each criterion with the one recorded for 2019', () => {
    const view = annual2020();
    expect(section(view, 'linea-base').title).toBe('Comparación por criterio con la evaluación 2019');
    expect(comparison(view, 'OP', 'Consistencia Programática')).toEqual([num(100, 1), num(100, 1), num(0, 1)]);
    expect(comparison(view, 'OP', 'Seguimiento y retroalimentación')).toEqual([num(100, 1), num(75, 1), num(25, 1)]);
    expect(comparison(view, 'OP', 'Calidad de Resultados y Cobertura de la Intervención')).toEqual([num(50, 1), num(50, 1), num(0, 1)]);
  });

  it('gives no change where 2020 has nothing to measure although 2019 scored the criterion', () => {
    expect(comparison(annual2020(), 'OP', 'Implementación de la Perspectiva de Género')).toEqual([empty('No aplica'), num(40, 1), empty('No aplica')]);
  });

  it('notes that the 2019 evaluation scored five of the six criteria and which one it left out', () => {
    const view = annual2020();
    expect(comparison(view, 'OP', 'Integralidad (Participación con otras áreas)')).toEqual([num(100, 1), empty('No evaluado en 2019'), empty('No aplica')]);
    expect(section(view, 'linea-base').notes).toContain(
      'OP: la evaluación 2019 calificó 5 de los 6 criterios; no incluyó Integralidad (Participación con otras áreas). Su cambio no se calcula, y el total 2019 no se compara criterio por criterio con el de 2020.',
    );
  });

  it('notes a department with no 2019 evaluation recorded, and shows no comparison rows for it', () => {
    const view = annual2020();
    expect(section(view, 'linea-base').table.rows.filter((r) => valueOf(r[0]) === 'DIF')).toEqual([]);
    expect(section(view, 'linea-base').notes).toContain('DIF: no hay evaluación 2019 registrada en su dependencia.yaml («evaluaciones» → 2019); no hay con qué comparar.');
    expect(section(view, 'criterios').table.rows.find((r) => valueOf(r[0]) === 'DIF')!.slice(-3)).toEqual([empty('Sin evaluación'), empty('Sin evaluación'), empty('No aplica')]);
  });

  it('notes a 2019 evaluation recorded as a total only', () => {
    const files = withOp2019(with2020(baseRepo()));
    delete files[OP_DEP].evaluaciones[2019].criterios;
    expect(section(annual2020(files), 'linea-base').notes).toContain(
      'OP: la evaluación 2019 registra sólo el total (77.5, Aceptable), sin puntaje por criterio; se compara sólo el total.',
    );
  });

  it('counts only the 2020 reports: 1 of 1 due quarter', () => {
    const view = annual2020();
    const delivered = section(view, 'subindicadores').table.rows.find((r) => valueOf(r[0]) === 'OP' && valueOf(r[4]) === 'Reportes trimestrales entregados')!;
    expect(delivered.slice(5, 7).map(valueOf)).toEqual([1, 1]);
  });

  it('judges 2020-T1 against 2020’s window: 2020-03-24 is a day early without an extra holiday', () => {
    const files = withOp2019(with2020(baseRepo()));
    files['dependencias/OP/reportes/2020-T1.yaml'].fecha_entrega = '2020-03-24';
    const onTime = section(annual2020(files), 'subindicadores').table.rows.find((r) => valueOf(r[0]) === 'OP' && valueOf(r[4]) === 'Reportes entregados a tiempo')!;
    expect(onTime.slice(5, 7).map(valueOf)).toEqual([0, 1]);
  });

  it('judges 2020-T1 with 2020’s holidays: a non-working 2020-03-30 opens the window on 2020-03-24', () => {
    const files = withOp2019(with2020(baseRepo()));
    files['plan.yaml'].dias_inhabiles.adicionales = [{ fecha: '2020-03-30', motivo: 'Día inhábil por acuerdo de Cabildo' }];
    files['dependencias/OP/reportes/2020-T1.yaml'].fecha_entrega = '2020-03-24';
    const onTime = section(annual2020(files), 'subindicadores').table.rows.find((r) => valueOf(r[0]) === 'OP' && valueOf(r[4]) === 'Reportes entregados a tiempo')!;
    expect(onTime.slice(5, 7).map(valueOf)).toEqual([1, 1]);
  });

  it('titles the plan it proposes for 2021 and the grade summary by the year after', () => {
    const view = annual2020();
    const plan = section(view, 'plan-siguiente');
    expect([plan.title, plan.sheet]).toEqual(['Plan de Mejora 2021', 'Plan de Mejora 2021']);
    expect(view.resumen.map((i) => i.label)).toContain('OP: grado y plan 2021');
    expect(plan.table.rows.every((r) => String(valueOf(r[7])).startsWith('2021-'))).toBe(true);
  });
});
