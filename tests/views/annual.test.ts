import { describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers/fixture.js';
import { annual, cell, date, empty, int, num, pct, row, section, summary, text, valueOf } from './api.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';

describe('annualView: Puntaje por criterio', () => {
  // OP in baseRepo: everything due is in order except coverage (1,200 of 5,000 people, under
  // 50 %), so Calidad is 50; no convocatorias and no gender scope, so two criteria do not apply.
  it('gives OP its six criterion scores, weighted total 87.5, grade and plan type', () => {
    expect(row(annual(baseRepo()), 'criterios', 'OP')).toEqual([
      text('OP'),
      text('Dirección de Obras Públicas'),
      num(100, 1),
      num(100, 1),
      empty('No aplica'),
      num(100, 1),
      num(50, 1),
      empty('No aplica'),
      num(87.5, 1),
      text('Sobresaliente'),
      text('Innovación'),
      num(74, 1),
      text('Aceptable'),
      num(13.5, 1),
    ]);
  });

  it('explains Calidad with its sub-indicators: metas in green 1 of 1, coverage 0 of 1', () => {
    const rows = section(annual(baseRepo()), 'subindicadores').table.rows.filter((r) => valueOf(r[0]) === 'OP' && valueOf(r[1]) === 'Calidad de Resultados y Cobertura de la Intervención');
    expect(rows.map((r) => [r[2], r[3], r[4], r[5], r[6], r[7]])).toEqual([
      [int(20), num(50, 1), text('Metas en verde al cierre del periodo'), int(1), int(1), pct(1)],
      [int(20), num(50, 1), text('Cobertura de la población objetivo'), int(0), int(1), pct(0)],
      [int(20), num(50, 1), text('Variaciones justificadas'), int(0), int(0), empty('No aplica')],
    ]);
  });

  it('lowers Seguimiento for a late report: 1 of 1 delivered, 0 of 1 on time', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-04-03';
    const view = annual(files);
    // (100 + 0 + 100 + 100 + 100) / 5 sub-indicators that apply, the last the Plan de Mejora's PM-01 (cumplida).
    expect(cell(view, 'criterios', ['OP'], 'Seguimiento y retroalimentación')).toEqual(num(80, 1));
    const onTime = section(view, 'subindicadores').table.rows.find((r) => valueOf(r[0]) === 'OP' && valueOf(r[4]) === 'Reportes entregados a tiempo')!;
    expect([onTime[5], onTime[6], onTime[7]]).toEqual([int(0), int(1), pct(0)]);
  });

  it('scores a department without its due report 0 on delivery', () => {
    const files = baseRepo();
    delete files[OP_T1];
    const delivered = section(annual(files), 'subindicadores').table.rows.find((r) => valueOf(r[0]) === 'OP' && valueOf(r[4]) === 'Reportes trimestrales entregados')!;
    expect([delivered[5], delivered[6], delivered[7]]).toEqual([int(0), int(1), pct(0)]);
  });

  it('summarises the mean, the highest and lowest scores and each grade', () => {
    const view = annual(baseRepo());
    expect(summary(view, 'Dependencias evaluadas')).toEqual(int(2));
    expect(summary(view, 'Trimestres evaluados')).toEqual(int(1));
    expect(summary(view, 'Puntaje promedio')).toEqual(num(93.75, 1));
    expect(summary(view, 'Puntaje más alto')).toEqual(text('DIF (100.0)'));
    expect(summary(view, 'Puntaje más bajo')).toEqual(text('OP (87.5)'));
    expect(summary(view, 'OP: grado y plan 2020')).toEqual(text('87.5 — Sobresaliente → Plan de Mejora de Innovación'));
  });
});

describe('annualView: Plan de Mejora of the next year and rubric', () => {
  it('proposes one action for each sub-indicator under 100 % of a weak criterion', () => {
    const files = baseRepo();
    files['plan.yaml'].rubrica = {
      pesos: { consistencia_programatica: 20, seguimiento_retroalimentacion: 25, integracion_organizacion: 10, integralidad: 15, calidad_cobertura: 20, perspectiva_genero: 10 },
      grados: [
        { grado: 'Sobresaliente', minimo: 95, tipo_plan: 'Innovación' },
        { grado: 'Aceptable', minimo: 70, tipo_plan: 'Consolidación' },
        { grado: 'Insuficiente', minimo: 0, tipo_plan: 'Reestructuración' },
      ],
    };
    const rows = section(annual(files), 'plan-siguiente').table.rows.filter((r) => valueOf(r[0]) === 'OP' && valueOf(r[2]) === 'Calidad de Resultados y Cobertura de la Intervención');
    expect(rows).toEqual([
      [
        text('OP'),
        text('Consolidación'),
        text('Calidad de Resultados y Cobertura de la Intervención'),
        text(
          'Ampliar la cobertura de los PPCS hasta atender al menos el 50 % de su población objetivo, priorizando a la población más urgente (0 de 1 PPCS lo lograron en 2019). Como plan de Consolidación: dejar la práctica por escrito como procedimiento del área, para que se sostenga aunque cambie el personal.',
        ),
        text('Gestión y trabajo institucional'),
        text('Estratégica'),
        text('Titular de la dependencia (Dirección de Obras Públicas)'),
        date('2020-12-31'),
        text('1 de 1 PPCS con población objetivo que alcanzan la cobertura mínima de plan.yaml en 2020 (en 2019: 0 de 1)'),
        text('Beneficiarios de los reportes trimestrales frente a la población objetivo de las carátulas de dependencias/OP/ppcs/'),
      ],
    ]);
  });

  it('keeps one «Mantener» action for a department above the top band everywhere', () => {
    const rows = section(annual(baseRepo()), 'plan-siguiente').table.rows.filter((r) => valueOf(r[0]) === 'DIF');
    expect(rows).toHaveLength(1);
    expect(valueOf(rows[0]![3])).toMatch(/^Mantener el nivel alcanzado en 2019/);
  });

  it('lists the rubric weights and one note per grade band', () => {
    const view = annual(baseRepo());
    expect(section(view, 'rubrica').table.rows.map((r) => [r[0], r[1]])).toEqual([
      [text('Consistencia Programática'), int(20)],
      [text('Seguimiento y retroalimentación'), int(25)],
      [text('Integración y organización'), int(10)],
      [text('Integralidad (Participación con otras áreas)'), int(15)],
      [text('Calidad de Resultados y Cobertura de la Intervención'), int(20)],
      [text('Implementación de la Perspectiva de Género'), int(10)],
    ]);
    expect(section(view, 'rubrica').notes).toEqual([
      'Grado «Sobresaliente» desde 85 puntos: Plan de Mejora de tipo Innovación.',
      'Grado «Aceptable» desde 70 puntos: Plan de Mejora de tipo Consolidación.',
      'Grado «En desarrollo» desde 50 puntos: Plan de Mejora de tipo Fortalecimiento.',
      'Grado «Insuficiente» desde 0 puntos: Plan de Mejora de tipo Reestructuración.',
    ]);
  });

  it('covers the deliveries of the whole year, T2 to T4 still pending at an April cut-off', () => {
    expect(row(annual(baseRepo()), 'entregas', 'DIF').slice(2)).toEqual([text('A tiempo'), text('Pendiente'), text('Pendiente'), text('Pendiente'), empty('Sin fecha')]);
  });
});
