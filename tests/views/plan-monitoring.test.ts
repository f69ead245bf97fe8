import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../../src/report/render/xlsx/workbook.js';
import { baseRepo } from '../helpers/fixture.js';
import { annual, date, empty, int, pct, quarterly, renderMarkdown, row, section, text } from './api.js';

const OP = 'dependencias/OP/dependencia.yaml';
const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_T2 = 'dependencias/OP/reportes/2019-T2.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';

/** OP's plan: PM-01 (base, Seguimiento) plus PM-02 with its area, deadline and evidence in T1. */
function withTwoActions() {
  const files = baseRepo();
  files[OP].planes_de_mejora['2019'].acciones.push({
    id: 'PM-02',
    criterio: 'integralidad',
    accion: 'Participar en un PPCS de otra dependencia.',
    recursos: 'Humanos',
    dimension: 'Institucional',
    responsable: 'Subdirección de Obra Pública',
    plazo: '2019-06-30',
  });
  files[OP_T1].plan_de_mejora = [
    { accion: 'PM-01', estatus: 'cumplida' },
    { accion: 'PM-02', estatus: 'en_proceso', evidencias: ['dependencias/OP/evidencias/2019-T1/acta.txt'] },
  ];
  return files;
}

describe('quarterlyView: Seguimiento del Plan de Mejora', () => {
  it('gives each action its department, id, criterion, area, deadline, the quarter’s status and evidence', () => {
    const view = quarterly(withTwoActions(), 'T1');
    expect(section(view, 'plan_de_mejora').table.columns.map((c) => c.header)).toEqual([
      'Dependencia',
      'Clave',
      'Criterio',
      'Acción',
      'Responsable',
      'Plazo',
      'Estatus en 2019-T1',
      'Evidencias',
    ]);
    expect(row(view, 'plan_de_mejora', 'OP', 'PM-02')).toEqual([
      text('OP'),
      text('PM-02'),
      text('Integralidad (Participación con otras áreas)'),
      text('Participar en un PPCS de otra dependencia.'),
      text('Subdirección de Obra Pública'),
      date('2019-06-30'),
      text('En proceso'),
      text('dependencias/OP/evidencias/2019-T1/acta.txt'),
    ]);
  });

  it('lists every department’s actions in clave order, an action without area or deadline saying so', () => {
    const table = section(quarterly(withTwoActions(), 'T1'), 'plan_de_mejora').table;
    expect(table.rows.map((r) => [r[0], r[1]])).toEqual([
      [text('DIF'), text('PM-01')],
      [text('OP'), text('PM-01')],
      [text('OP'), text('PM-02')],
    ]);
    expect(row(quarterly(withTwoActions(), 'T1'), 'plan_de_mejora', 'OP', 'PM-01').slice(4)).toEqual([empty('Sin área'), empty('Sin plazo'), text('Cumplida'), empty('')]);
  });

  it('shows «Sin reporte» for an action the quarter’s report does not mention', () => {
    const files = withTwoActions();
    files[OP_T1].plan_de_mejora.pop();
    expect(row(quarterly(files, 'T1'), 'plan_de_mejora', 'OP', 'PM-02')[6]).toEqual(text('Sin reporte'));
  });

  it('shows «Sin reporte» for every action of a department that did not deliver', () => {
    const files = withTwoActions();
    delete files[DIF_T1];
    expect(row(quarterly(files, 'T1'), 'plan_de_mejora', 'DIF', 'PM-01')[6]).toEqual(text('Sin reporte'));
  });

  it('shows «Pendiente» for a quarter whose window has not closed and has no report', () => {
    expect(row(quarterly(withTwoActions(), 'T2'), 'plan_de_mejora', 'OP', 'PM-02')[6]).toEqual(text('Pendiente'));
  });

  it('renders the section in Markdown under its title', () => {
    const markdown = renderMarkdown(quarterly(withTwoActions(), 'T1'));
    expect(markdown).toContain('Seguimiento del Plan de Mejora');
    expect(markdown).toMatch(/\| OP +\| PM-02 +\| Integralidad \(Participación con otras áreas\) +\|/);
  });
});

/** At a 2019-07-15 cut-off (T1 and T2 due), OP's T2 report gives PM-02 as cumplida and leaves out PM-01. */
function annualFiles() {
  const files = withTwoActions();
  files[OP_T2] = { ...files[OP_T1], trimestre: '2019-T2', fecha_entrega: '2019-06-25', plan_de_mejora: [{ accion: 'PM-02', estatus: 'cumplida' }] };
  return files;
}

describe('annualView: Cumplimiento del Plan de Mejora', () => {
  const view = annual(annualFiles(), { fechaCorte: '2019-07-15' });

  it('counts each department’s actions by their latest status: OP 2 of 2 cumplidas', () => {
    const compliance = section(view, 'plan_cumplimiento');
    expect(compliance.title).toBe('Cumplimiento del Plan de Mejora 2019');
    expect(compliance.table.columns.map((c) => c.header)).toEqual(['Clave', 'Dependencia', 'Tipo de plan', 'Acciones', 'Cumplidas', 'En proceso', 'No iniciadas', 'Sin reporte', '% cumplimiento']);
    expect(row(view, 'plan_cumplimiento', 'OP')).toEqual([text('OP'), text('Dirección de Obras Públicas'), text('Consolidación'), int(2), int(2), int(0), int(0), int(0), pct(1)]);
  });

  it('counts a department whose plan action was never reported as «sin reporte»: DIF 0 of 1', () => {
    expect(row(view, 'plan_cumplimiento', 'DIF').slice(3)).toEqual([int(1), int(1), int(0), int(0), int(0), pct(1)]);
    const files = annualFiles();
    delete files[DIF_T1].plan_de_mejora;
    expect(row(annual(files, { fechaCorte: '2019-07-15' }), 'plan_cumplimiento', 'DIF').slice(3)).toEqual([int(1), int(0), int(0), int(0), int(1), pct(0)]);
  });

  it('gives each action its status in every quarter and for the year', () => {
    expect(section(view, 'plan_acciones').table.columns.slice(6).map((c) => c.header)).toEqual(['2019-T1', '2019-T2', '2019-T3', '2019-T4', 'Estatus del año']);
    expect(row(view, 'plan_acciones', 'OP', 'PM-01').slice(6)).toEqual([text('Cumplida'), text('Sin reporte'), text('Pendiente'), text('Pendiente'), text('Cumplida')]);
    expect(row(view, 'plan_acciones', 'OP', 'PM-02').slice(6)).toEqual([text('En proceso'), text('Cumplida'), text('Pendiente'), text('Pendiente'), text('Cumplida')]);
  });

  it('writes both tables as their own Excel sheets, with names Excel accepts', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(view)) as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names).toEqual(expect.arrayContaining(['Cumplimiento plan 2019', 'Acciones plan 2019']));
    expect(workbook.getWorksheet('Cumplimiento plan 2019')!.getCell('A1').value).toBe('Cumplimiento del Plan de Mejora 2019');
  });
});
