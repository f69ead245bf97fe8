import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/load.js';
import { renderCsv } from '../../src/report/render/csv/csv.js';
import { renderXlsx } from '../../src/report/render/xlsx/workbook.js';
import { date, empty, num, text } from '../../src/report/view/cell-text.js';
import { transparencyView } from '../../src/report/view/transparency.js';
import type { Cell, ReportView } from '../../src/report/view/types.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';

type Repo = ReturnType<typeof baseRepo>;

const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const DIF_01 = 'dependencias/DIF/ppcs/DIF-01.yaml';
const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_T2 = 'dependencias/OP/reportes/2019-T2.yaml';

const HEADERS = [
  'Ejercicio',
  'Fecha de inicio del periodo que se informa',
  'Fecha de término del periodo que se informa',
  'Programa o concepto al que corresponde el indicador',
  'Objetivo institucional',
  'Nombre del indicador',
  'Dimensión(es) a medir',
  'Definición del indicador',
  'Método de cálculo',
  'Unidad de medida',
  'Frecuencia de medición',
  'Línea base',
  'Metas programadas',
  'Metas ajustadas, en su caso',
  'Avance de las metas',
  'Sentido del indicador',
  'Fuente de información',
  'Área(s) responsable(s) que genera(n), posee(n), publica(n) y actualizan la información',
  'Fecha de validación',
  'Fecha de actualización',
  'Nota',
];

/** baseRepo plus OP's 2019-T2 report: meta M1 (10 km a year, added up) reaches 2 + 3 = 5 km. DIF delivers no T2 report. */
function repoWithT2(): Repo {
  const files = baseRepo();
  const report = structuredClone(files[OP_T1]);
  report.trimestre = '2019-T2';
  report.fecha_entrega = '2019-06-26';
  report.ppcs[0].avances[0].valor = 3;
  files[OP_T2] = report;
  return files;
}

function view(files: Repo, options: { dependencia?: string; trimestre?: string; fechaCorte?: string } = {}): ReportView {
  const { model } = loadPlan(writeRepo(files), { lang: 'es', fechaCorte: options.fechaCorte ?? '2019-07-15' });
  return transparencyView(model, options.trimestre ?? '2019-T2', options.dependencia ? { dependencia: options.dependencia } : {});
}

const table = (v: ReportView) => v.sections[0]!.table;
const column = (v: ReportView, header: string) => {
  const index = table(v).columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`no column ${header}`);
  return index;
};
const summary = (v: ReportView, label: string) => v.resumen.find((item) => item.label === label)?.value;
/** The row of a PPCS's first meta. */
const rowOf = (v: ReportView, ppcs: string) => table(v).rows.find((r) => (r[3] as { v: string }).v.startsWith(`${ppcs} `))!;
const cell = (v: ReportView, ppcs: string, header: string): Cell => rowOf(v, ppcs)[column(v, header)]!;

const SIN_DATO = empty('Sin dato');
const OBJETIVO_DEL_PPCS = 'El PPCS no indica su objetivo del Plan Municipal de Desarrollo: se publica el objetivo del PPCS.';

describe('transparencyView: Indicadores de resultados (LGT art. 70 fr. VI)', () => {
  it('is one transparency section on a sheet named «Indicadores», with the columns of the official format in their order', () => {
    const v = view(repoWithT2());
    expect(v.kind).toBe('transparencia');
    expect(v.title).toBe('Indicadores de resultados 2019-T2');
    expect(v.municipio).toBe('San Pedro Ejemplo');
    expect(v.ejercicio).toBe(2019);
    expect(v.periodo).toBe('2019-T2');
    expect(v.fechaCorte).toBe('2019-07-15');
    expect(v.sections.map((s) => [s.id, s.sheet])).toEqual([['indicadores', 'Indicadores']]);
    expect(table(v).columns.map((c) => c.header)).toEqual(HEADERS);
  });

  it('gives OP-01 M1 every column, with the cumulative progress through the quarter', () => {
    expect(rowOf(view(repoWithT2()), 'OP-01')).toEqual([
      text('2019'),
      date('2019-04-01'),
      date('2019-06-30'),
      text('OP-01 Pavimentación de calles en colonias populares'),
      text('Pavimentar calles prioritarias.'),
      text('Kilómetros pavimentados'),
      text('Eficacia'),
      text('Kilómetros de calle pavimentados en el año.'),
      text('Suma de km terminados'),
      text('Kilómetro'),
      text('Trimestral'),
      num(0, 0),
      num(10, 0),
      empty('Sin ajuste'),
      num(5, 0),
      text('Ascendente'),
      text('Bitácoras de obra'),
      text('Dirección de Obras Públicas'),
      date('2019-06-26'),
      date('2019-07-15'),
      text(OBJETIVO_DEL_PPCS),
    ]);
  });

  it('dates the period from the first to the last day of the quarter, for every quarter', () => {
    const files = baseRepo();
    const periods = (['T1', 'T2', 'T3', 'T4'] as const).map((q) => {
      const v = view(files, { trimestre: `2019-${q}`, fechaCorte: '2020-01-31' });
      return [cell(v, 'OP-01', HEADERS[1]!), cell(v, 'OP-01', HEADERS[2]!)];
    });
    expect(periods).toEqual([
      [date('2019-01-01'), date('2019-03-31')],
      [date('2019-04-01'), date('2019-06-30')],
      [date('2019-07-01'), date('2019-09-30')],
      [date('2019-10-01'), date('2019-12-31')],
    ]);
  });

  it('names the department as the responsible area, never the person the carátula names', () => {
    const files = repoWithT2();
    files[OP_01].responsable = 'Ing. Rodrigo Téllez Bahena, Jefe de Control de Obra';
    const v = view(files);
    expect(cell(v, 'OP-01', HEADERS[17]!)).toEqual(text('Dirección de Obras Públicas'));
    expect(cell(v, 'DIF-01', HEADERS[17]!)).toEqual(text('Sistema Municipal DIF'));
    expect(JSON.stringify(table(v).rows)).not.toContain('Rodrigo');
  });

  it('takes the objetivo institucional from the PPCS’s alignment to the Plan Municipal de Desarrollo', () => {
    const files = repoWithT2();
    files[OP_01].alineacion_pmd.objetivo = '4.2 Ampliar y conservar la red vial urbana.';
    const v = view(files);
    expect(cell(v, 'OP-01', 'Objetivo institucional')).toEqual(text('4.2 Ampliar y conservar la red vial urbana.'));
    expect(cell(v, 'OP-01', 'Nota')).toEqual(empty());
  });

  it('falls back to the PPCS’s own objetivo when it names no PMD objective, and says so in the Nota', () => {
    const v = view(repoWithT2());
    expect(cell(v, 'OP-01', 'Objetivo institucional')).toEqual(text('Pavimentar calles prioritarias.'));
    expect(cell(v, 'OP-01', 'Nota')).toEqual(text(OBJETIVO_DEL_PPCS));
  });

  it('publishes the dimension to measure with its accent', () => {
    const files = repoWithT2();
    files[OP_01].metas[0].indicador.dimension = 'economia';
    expect(cell(view(files), 'OP-01', 'Dimensión(es) a medir')).toEqual(text('Economía'));
  });

  it('publishes a baseline given as {valor, anio} as its value, with its year in the Nota', () => {
    const files = repoWithT2();
    files[OP_01].alineacion_pmd.objetivo = '4.2 Red vial.';
    files[OP_01].metas[0].indicador.linea_base = { valor: 8.5, anio: 2018 };
    const v = view(files);
    expect(cell(v, 'OP-01', 'Línea base')).toEqual(num(8.5, 2));
    expect(cell(v, 'OP-01', 'Nota')).toEqual(text('Línea base medida en 2018.'));
  });

  it('dates the validation on the day the department delivered the quarter’s report, and the update on the cut-off', () => {
    const v = view(repoWithT2(), { fechaCorte: '2019-08-02' });
    expect([cell(v, 'OP-01', 'Fecha de validación'), cell(v, 'OP-01', 'Fecha de actualización')]).toEqual([date('2019-06-26'), date('2019-08-02')]);
  });
});

describe('transparencyView: a quarter without its report', () => {
  it('publishes «No reportado» as the avance of a due quarter the department did not report, with no number', () => {
    // DIF reported 590 people in T1 and delivered nothing for T2, which was due by 2019-07-15.
    const v = view(repoWithT2());
    expect(cell(v, 'DIF-01', 'Avance de las metas')).toEqual(empty('No reportado'));
    expect(cell(v, 'DIF-01', 'Fecha de validación')).toEqual(empty('No reportado'));
    expect(cell(v, 'DIF-01', 'Nota')).toEqual(text(`La dependencia no entregó el reporte de 2019-T2: no se publica avance. ${OBJETIVO_DEL_PPCS}`));
    expect(summary(v, 'Indicadores sin reporte del trimestre')).toEqual({ t: 'int', v: 1 });
  });

  it('writes «No reportado» in the CSV avance field', () => {
    const lines = renderCsv(view(repoWithT2()), 'indicadores').subarray(3).toString('utf8').split('\r\n');
    expect(lines[1]!.split(',')[14]).toBe('No reportado');
  });

  it('publishes «Pendiente» for a quarter whose report is not due yet', () => {
    const v = view(baseRepo(), { fechaCorte: '2019-05-15' });
    expect(cell(v, 'OP-01', 'Avance de las metas')).toEqual(empty('Pendiente'));
    expect(cell(v, 'OP-01', 'Fecha de validación')).toEqual(empty('Pendiente'));
    expect(cell(v, 'OP-01', 'Nota')).toEqual(text(`El reporte de 2019-T2 todavía no vence a la fecha de corte (15/05/2019): no se publica avance. ${OBJETIVO_DEL_PPCS}`));
    expect(summary(v, 'Indicadores sin reporte del trimestre')).toEqual({ t: 'int', v: 0 });
  });

  it('adds nothing for an earlier quarter that was not reported, and names it in the Nota', () => {
    const files = repoWithT2();
    delete files[OP_T1];
    const v = view(files, { dependencia: 'OP' });
    // T1 (2 km) is gone: the cumulative «suma» is T2's 3 km alone.
    expect(cell(v, 'OP-01', 'Avance de las metas')).toEqual(num(3, 0));
    expect(cell(v, 'OP-01', 'Nota')).toEqual(text(`El avance acumulado no incluye 2019-T1, que no se reportó. ${OBJETIVO_DEL_PPCS}`));
  });

  it('says so when the report came without a value for the meta', () => {
    const files = repoWithT2();
    files[OP_T2].ppcs[0].avances = [];
    const v = view(files, { dependencia: 'OP' });
    // The cumulative value still holds T1's 2 km.
    expect(cell(v, 'OP-01', 'Avance de las metas')).toEqual(num(2, 0));
    expect(cell(v, 'OP-01', 'Nota')).toEqual(text(`El reporte de 2019-T2 no informa avance de esta meta. ${OBJETIVO_DEL_PPCS}`));
  });
});

describe('transparencyView: adjusted goals', () => {
  it('publishes an approved meta_ajustada and who approved it', () => {
    const files = repoWithT2();
    Object.assign(files[OP_01].metas[0], {
      meta_ajustada: 8,
      ajuste: { aprobo: 'Mtra. Laura Campos, Directora de Planeación', fecha: '2019-07-10', motivo: 'Recorte presupuestal.' },
    });
    const v = view(files);
    expect(cell(v, 'OP-01', 'Metas programadas')).toEqual(num(10, 0));
    expect(cell(v, 'OP-01', 'Metas ajustadas, en su caso')).toEqual(num(8, 0));
    expect(cell(v, 'OP-01', 'Nota')).toEqual(text(`Meta ajustada de 10 a 8, aprobada por Mtra. Laura Campos, Directora de Planeación el 10/07/2019: Recorte presupuestal. ${OBJETIVO_DEL_PPCS}`));
  });

  it('does not publish a meta_ajustada Planeación has not approved, and says so', () => {
    const files = repoWithT2();
    files[OP_01].metas[0].meta_ajustada = 8.5;
    const v = view(files);
    expect(cell(v, 'OP-01', 'Metas ajustadas, en su caso')).toEqual(empty('Sin ajuste'));
    expect(cell(v, 'OP-01', 'Nota')).toEqual(text(`La meta ajustada de 8.50 no tiene aprobación de Planeación: no se publica como meta ajustada. ${OBJETIVO_DEL_PPCS}`));
  });
});

describe('transparencyView: fields to capture', () => {
  it('counts nothing to capture when every indicator has its fields', () => {
    const v = view(repoWithT2());
    expect(summary(v, 'Campos sin capturar')).toEqual(text('Ninguno'));
    expect(summary(v, 'Indicadores con todos sus campos')).toEqual({ t: 'int', v: 2 });
  });

  it('shows a missing MIR field as «Sin dato», counts it, and names it in the row’s Nota', () => {
    const files = repoWithT2();
    delete files[OP_01].metas[0].indicador.dimension;
    delete files[OP_01].metas[0].indicador.fuente;
    const v = view(files);
    expect(cell(v, 'OP-01', 'Dimensión(es) a medir')).toEqual(SIN_DATO);
    expect(cell(v, 'OP-01', 'Fuente de información')).toEqual(SIN_DATO);
    expect(cell(v, 'OP-01', 'Nota')).toEqual(text(`${OBJETIVO_DEL_PPCS} Falta en la carátula: Dimensión(es) a medir y Fuente de información.`));
    const expected = 'Dimensión(es) a medir (1 de 2 indicadores), Fuente de información (1 de 2 indicadores)';
    expect(summary(v, 'Campos sin capturar')).toEqual(text(expected));
    expect(v.sections[0]!.notes).toContain(`Campos sin capturar: ${expected}.`);
    expect(summary(v, 'Indicadores con todos sus campos')).toEqual({ t: 'int', v: 1 });
  });

  it('does not count an unadjusted goal or a missing report as a field to capture', () => {
    const v = view(repoWithT2());
    expect(cell(v, 'DIF-01', 'Avance de las metas')).toEqual(empty('No reportado'));
    expect(summary(v, 'Campos sin capturar')).toEqual(text('Ninguno'));
  });

  it('shows a meta without indicator with its indicator fields as «Sin dato», and counts them', () => {
    const files = repoWithT2();
    delete files[OP_01].metas[0].indicador;
    const v = view(files);
    for (const header of ['Nombre del indicador', 'Dimensión(es) a medir', 'Método de cálculo', 'Unidad de medida', 'Línea base', 'Sentido del indicador']) {
      expect(cell(v, 'OP-01', header), header).toEqual(SIN_DATO);
    }
    expect(summary(v, 'Campos sin capturar')).toEqual(
      text(
        'Nombre del indicador (1 de 2 indicadores), Dimensión(es) a medir (1 de 2 indicadores), Definición del indicador (1 de 2 indicadores), Método de cálculo (1 de 2 indicadores), Unidad de medida (1 de 2 indicadores), Frecuencia de medición (1 de 2 indicadores), Línea base (1 de 2 indicadores), Sentido del indicador (1 de 2 indicadores), Fuente de información (1 de 2 indicadores)',
      ),
    );
  });
});

describe('transparencyView: rows and renderers', () => {
  it('orders rows by department clave, then PPCS id, then meta id by number', () => {
    const files = repoWithT2();
    const m1 = files[OP_01].metas[0];
    files[OP_01].metas = [{ ...structuredClone(m1), id: 'M10', meta_anual: 30 }, m1, { ...structuredClone(m1), id: 'M2', meta_anual: 20 }];
    files['dependencias/OP/ppcs/OP-02.yaml'] = { ...structuredClone(files[OP_01]), id: 'OP-02', metas: [m1] };
    const v = view(files);
    const programa = column(v, 'Programa o concepto al que corresponde el indicador');
    expect(table(v).rows.map((r) => (r[programa] as { v: string }).v.slice(0, 6))).toEqual(['DIF-01', 'OP-01 ', 'OP-01 ', 'OP-01 ', 'OP-02 ']);
    // OP-01's metas M1, M2, M10 have annual goals 10, 20, 30.
    expect(table(v).rows.map((r) => r[column(v, 'Metas programadas')])).toEqual([num(600, 0), num(10, 0), num(20, 0), num(30, 0), num(10, 0)]);
  });

  it('leaves cancelled PPCS out and says how many', () => {
    const files = repoWithT2();
    files[DIF_01].estatus = 'cancelado';
    const v = view(files);
    expect(table(v).rows).toHaveLength(1);
    expect(summary(v, 'PPCS publicados')).toEqual({ t: 'int', v: 1 });
    expect(summary(v, 'PPCS cancelados (no se publican)')).toEqual({ t: 'int', v: 1 });
  });

  it('restricts the table to one department with the dependencia option', () => {
    const v = view(repoWithT2(), { dependencia: 'DIF' });
    expect(v.dependencia).toBe('DIF');
    expect(v.title).toBe('Indicadores de resultados 2019-T2 — Sistema Municipal DIF');
    expect(table(v).rows.map((r) => r[column(v, HEADERS[17]!)])).toEqual([text('Sistema Municipal DIF')]);
  });

  it('exports to CSV with the official headers and the OP-01 M1 row, dates as dd/mm/aaaa', () => {
    const lines = renderCsv(view(repoWithT2()), 'indicadores').subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(HEADERS.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','));
    expect(lines[2]).toBe(
      `2019,01/04/2019,30/06/2019,OP-01 Pavimentación de calles en colonias populares,Pavimentar calles prioritarias.,Kilómetros pavimentados,Eficacia,Kilómetros de calle pavimentados en el año.,Suma de km terminados,Kilómetro,Trimestral,0,10,Sin ajuste,5,Ascendente,Bitácoras de obra,Dirección de Obras Públicas,26/06/2019,15/07/2019,${OBJETIVO_DEL_PPCS}`,
    );
  });

  it('exports to Excel with the official headers, real dates and «No reportado» as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(view(repoWithT2()))) as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('Indicadores')!;
    let header = 1;
    while (ws.getRow(header).getCell(1).value !== 'Ejercicio') header++;
    expect((ws.getRow(header).values as unknown[]).slice(1)).toEqual(HEADERS);
    const dif = ws.getRow(header + 1);
    const op = ws.getRow(header + 2);
    expect(op.getCell(2).value).toEqual(new Date(Date.UTC(2019, 3, 1)));
    expect(op.getCell(19).value).toEqual(new Date(Date.UTC(2019, 5, 26)));
    expect(op.getCell(15).value).toBe(5);
    expect(dif.getCell(15).value).toBe('No reportado');
  });

  it('gives the same view for the same input', () => {
    expect(view(repoWithT2())).toEqual(view(repoWithT2()));
  });
});
