import { describe, expect, it } from 'vitest';
import { uniqueIds } from '../../../src/report/view/meta-history.js';
import type { DepartmentPage, ReportView } from '../../../src/report/view/types.js';
import { baseRepo } from '../../helpers/fixture.js';
import { annual, empty, int, num, pct, quarterly, text } from '../../views/api.js';

const page = (view: ReportView, clave: string): DepartmentPage => view.departments!.find((d) => d.clave === clave)!;
const pageSection = (p: DepartmentPage, id: string) => p.sections.find((s) => s.id === id)!;

describe('department pages of the quarterly summary', () => {
  it('gives one page per department, in clave order', () => {
    expect(quarterly(baseRepo(), 'T1').departments!.map((d) => [d.clave, d.nombre])).toEqual([
      ['DIF', 'Sistema Municipal DIF'],
      ['OP', 'Dirección de Obras Públicas'],
    ]);
  });

  it('holds the report’s sections with only the department’s rows, its PPCS first', () => {
    const op = page(quarterly(baseRepo(), 'T1'), 'OP');
    expect(op.sections.map((s) => s.id)).toEqual(['ppcs', 'entregas', 'metas', 'historial-metas', 'beneficiarios', 'colaboraciones', 'retroalimentacion', 'plan_de_mejora', 'hallazgos']);
    for (const id of ['entregas', 'metas', 'historial-metas', 'beneficiarios', 'colaboraciones', 'plan_de_mejora']) {
      expect(pageSection(op, id).table.rows.map((r) => r[0])).toEqual(pageSection(op, id).table.rows.map(() => text('OP')));
    }
    expect(pageSection(op, 'metas').table.rows).toHaveLength(1);
  });

  it('anchors each PPCS and each meta, every anchor unique on the page', () => {
    const op = page(quarterly(baseRepo(), 'T1'), 'OP');
    expect(pageSection(op, 'ppcs').table.rowIds).toEqual(['OP-01']);
    expect(pageSection(op, 'metas').table.rowIds).toEqual(['OP-01-M1']);
    expect(pageSection(op, 'historial-metas').table.rowIds).toEqual(['OP-01-M1-historial']);
    const ids = op.sections.flatMap((s) => s.table.rowIds ?? []);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts each PPCS’s metas by the quarter’s light', () => {
    const files = baseRepo();
    files['dependencias/OP/reportes/2019-T1.yaml'].ppcs[0].avances[0].valor = 1;
    expect(pageSection(page(quarterly(files, 'T1'), 'OP'), 'ppcs').table.rows).toEqual([
      [text('OP-01'), text('Pavimentación de calles en colonias populares'), text('Programa'), text('Activo'), int(1), int(0), int(0), int(1), int(0)],
    ]);
  });

  it('shows on a department’s page only the findings on its files', () => {
    const files = baseRepo();
    files['dependencias/DIF/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
    const view = quarterly(files, 'T1');
    const dif = pageSection(page(view, 'DIF'), 'hallazgos').table.rows;
    expect(dif.length).toBeGreaterThan(0);
    expect(dif.every((r) => r[0]!.t === 'text' && r[0]!.v.startsWith('dependencias/DIF/'))).toBe(true);
    expect(pageSection(page(view, 'OP'), 'hallazgos').table.rows).toEqual([]);
  });

  it('sums up the department: its place, its share of metas in green, its report and its lights', () => {
    const files = baseRepo();
    files['dependencias/OP/reportes/2019-T1.yaml'].ppcs[0].avances[0].valor = 1;
    expect(page(quarterly(files, 'T1'), 'OP').resumen).toEqual([
      { label: 'Lugar', value: text('2 de 2') },
      { label: 'Metas en verde en 2019-T1 (% de las medidas)', value: pct(0) },
      { label: 'Reporte 2019-T1', value: text('A tiempo') },
      { label: 'Metas en verde en 2019-T1', value: int(0) },
      { label: 'Metas en amarillo en 2019-T1', value: int(0) },
      { label: 'Metas en rojo en 2019-T1', value: int(1) },
      { label: 'Metas no reportadas en 2019-T1', value: int(0) },
      { label: 'Observaciones no atendidas a tiempo (hasta 2019-T1)', value: int(0) },
      { label: 'Acciones del Plan de Mejora 2019 sin iniciar en 2019-T1', value: int(0) },
    ]);
  });

  it('draws the department’s trend beside the municipality’s', () => {
    const chart = page(quarterly(baseRepo(), 'T1'), 'OP').charts[0]!;
    expect(chart.id).toBe('tendencia-OP');
    expect(chart.series).toEqual([
      { name: 'OP', values: [100] },
      { name: 'Municipio', values: [100] },
    ]);
  });

  it('gives a report restricted to one department that department’s page alone', () => {
    expect(quarterly(baseRepo(), 'T1', { dependencia: 'OP' }).departments!.map((d) => d.clave)).toEqual(['OP']);
  });
});

describe('department pages of the annual evaluation', () => {
  it('holds the evaluation’s sections with the department’s rows, the comparison with the year before included', () => {
    const op = page(annual(baseRepo()), 'OP');
    expect(op.sections.map((s) => s.id)).toEqual([
      'ppcs',
      'criterios',
      'linea-base',
      'subindicadores',
      'plan_cumplimiento',
      'plan_acciones',
      'plan-siguiente',
      'entregas',
      'retroalimentacion',
      'metas',
      'historial-metas',
      'tendencia',
      'beneficiarios',
      'colaboraciones',
      'hallazgos',
    ]);
    expect(pageSection(op, 'criterios').table.rows.map((r) => r[0])).toEqual([text('OP')]);
  });

  it('sums up its place, total, grade, plan type and change', () => {
    const resumen = page(annual(baseRepo()), 'OP').resumen;
    expect(resumen.slice(0, 5)).toEqual([
      { label: 'Lugar', value: text('2 de 2') },
      { label: 'Puntaje total', value: num(87.5, 1) },
      { label: 'Grado', value: text('Sobresaliente') },
      { label: 'Tipo de Plan de Mejora 2020', value: text('Innovación') },
      { label: 'Cambio respecto de 2018', value: num(13.5, 1) },
    ]);
  });

  it('draws each criterion from the previous evaluation to this one when it was scored by criterion', () => {
    const files = baseRepo();
    files['dependencias/OP/dependencia.yaml'].evaluaciones[2018] = {
      puntaje: 74,
      grado: 'Aceptable',
      criterios: { consistencia_programatica: 80, seguimiento_retroalimentacion: 70, integracion_organizacion: 60, integralidad: 90, calidad_cobertura: 50 },
    };
    const chart = page(annual(files), 'OP').charts.find((c) => c.id === 'criterios-OP')!;
    expect(chart.categories).toEqual(['2018', '2019']);
    expect(chart.table.rows).toEqual([
      [text('Consistencia Programática'), num(80, 1), num(100, 1), num(20, 1)],
      [text('Seguimiento y retroalimentación'), num(70, 1), num(100, 1), num(30, 1)],
      [text('Integración y organización'), num(60, 1), empty('Sin puntaje'), empty('No aplica')],
      [text('Integralidad (Participación con otras áreas)'), num(90, 1), num(100, 1), num(10, 1)],
      [text('Calidad de Resultados y Cobertura de la Intervención'), num(50, 1), num(50, 1), num(0, 1)],
      [text('Implementación de la Perspectiva de Género'), empty('Sin puntaje'), empty('Sin puntaje'), empty('No aplica')],
      [text('Total'), num(74, 1), num(87.5, 1), num(13.5, 1)],
    ]);
  });

  it('draws only the total when the previous evaluation recorded only its total', () => {
    const chart = page(annual(baseRepo()), 'OP').charts.find((c) => c.id === 'criterios-OP')!;
    expect(chart.series).toEqual([{ name: 'Total', values: [74, 87.5] }]);
  });
});

describe('row anchors', () => {
  it('numbers a repeated anchor so every anchor of a page stays unique', () => {
    expect(uniqueIds(['OP-01-M1', 'OP-01-M1', 'OP-01-M2', 'OP-01-M1'])).toEqual(['OP-01-M1', 'OP-01-M1-2', 'OP-01-M2', 'OP-01-M1-3']);
  });
});
