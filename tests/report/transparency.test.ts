import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/load.js';
import { renderCsv } from '../../src/report/render/csv/csv.js';
import { empty, num, pct, text } from '../../src/report/view/cell-text.js';
import { transparencyView } from '../../src/report/view/transparency.js';
import type { ReportView } from '../../src/report/view/types.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';

type Repo = ReturnType<typeof baseRepo>;

const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_T2 = 'dependencias/OP/reportes/2019-T2.yaml';

/** baseRepo plus OP's 2019-T2 report: meta M1 (10 km a year, added up) reaches 2 + 3 = 5 km. */
function repoWithT2(): Repo {
  const files = baseRepo();
  const report = structuredClone(files[OP_T1]);
  report.trimestre = '2019-T2';
  report.fecha_entrega = '2019-06-26';
  report.ppcs[0].avances[0].valor = 3;
  files[OP_T2] = report;
  return files;
}

function view(files: Repo, dependencia?: string): ReportView {
  const { model } = loadPlan(writeRepo(files), { lang: 'es', fechaCorte: '2019-07-15' });
  return transparencyView(model, '2019-T2', dependencia ? { dependencia } : {});
}

const table = (v: ReportView) => v.sections[0]!.table;
const column = (v: ReportView, header: string) => table(v).columns.findIndex((c) => c.header === header);
const summary = (v: ReportView, label: string) => v.resumen.find((item) => item.label === label)?.value;

const SIN_DATO = empty('Sin dato');

describe('transparencyView: Indicadores de resultados (LGT art. 70 fr. VI)', () => {
  it('is one transparency section on a sheet named «Indicadores», with the headers of the format', () => {
    const v = view(repoWithT2());
    expect(v.kind).toBe('transparencia');
    expect(v.title).toBe('Indicadores de resultados 2019-T2');
    expect(v.municipio).toBe('San Pedro Ejemplo');
    expect(v.ejercicio).toBe(2019);
    expect(v.periodo).toBe('2019-T2');
    expect(v.fechaCorte).toBe('2019-07-15');
    expect(v.sections.map((s) => [s.id, s.sheet])).toEqual([['indicadores', 'Indicadores']]);
    expect(table(v).columns.map((c) => c.header)).toEqual([
      'Ejercicio', 'Periodo', 'Dependencia', 'PPCS', 'Nombre del indicador', 'Definición', 'Método de cálculo', 'Unidad de medida',
      'Frecuencia de medición', 'Línea base', 'Metas programadas', 'Metas ajustadas', 'Avance', 'Avance %', 'Sentido del indicador',
      'Fuente de información', 'Área responsable',
    ]);
  });

  it('gives OP-01 M1 its values, with the cumulative progress through the quarter', () => {
    const rows = table(view(repoWithT2())).rows;
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      text('2019'),
      text('2019-T2'),
      text('Dirección de Obras Públicas'),
      text('OP-01 Pavimentación de calles en colonias populares'),
      text('Kilómetros pavimentados'),
      SIN_DATO,
      text('Suma de km terminados'),
      text('Kilómetro'),
      SIN_DATO,
      num(0, 0),
      num(10, 0),
      empty('Sin ajuste'),
      num(5, 0),
      pct(0.5),
      text('Ascendente'),
      SIN_DATO,
      text('Subdirección de Obra Pública'),
    ]);
  });

  it('orders rows by department clave, then PPCS id, then meta id by number', () => {
    const files = repoWithT2();
    const m1 = files[OP_01].metas[0];
    files[OP_01].metas = [{ ...structuredClone(m1), id: 'M10', meta_anual: 30 }, m1, { ...structuredClone(m1), id: 'M2', meta_anual: 20 }];
    files['dependencias/OP/ppcs/OP-02.yaml'] = { ...structuredClone(files[OP_01]), id: 'OP-02', metas: [m1] };
    const v = view(files);
    const ppcs = column(v, 'PPCS');
    expect(table(v).rows.map((r) => (r[ppcs] as { v: string }).v.slice(0, 6))).toEqual(['DIF-01', 'OP-01 ', 'OP-01 ', 'OP-01 ', 'OP-02 ']);
    // OP-01's metas M1, M2, M10 have annual goals 10, 20, 30.
    expect(table(v).rows.map((r) => r[column(v, 'Metas programadas')])).toEqual([num(600, 0), num(10, 0), num(20, 0), num(30, 0), num(10, 0)]);
  });

  it('publishes the transparency fields when the carátula has them', () => {
    const files = repoWithT2();
    Object.assign(files[OP_01].metas[0].indicador, { definicion: 'Kilómetros de calle pavimentados en el año.', frecuencia: 'trimestral', fuente: 'Bitácoras de obra' });
    files[OP_01].metas[0].meta_ajustada = 8.5;
    const v = view(files);
    const row = table(v).rows[1]!;
    expect(row[column(v, 'Definición')]).toEqual(text('Kilómetros de calle pavimentados en el año.'));
    expect(row[column(v, 'Frecuencia de medición')]).toEqual(text('Trimestral'));
    expect(row[column(v, 'Fuente de información')]).toEqual(text('Bitácoras de obra'));
    expect(row[column(v, 'Metas ajustadas')]).toEqual(num(8.5, 2));
  });

  it('counts the empty fields of every indicator in the resumen and the notes', () => {
    const v = view(repoWithT2());
    const expected = 'Definición (2 de 2 indicadores), Frecuencia de medición (2 de 2 indicadores), Fuente de información (2 de 2 indicadores)';
    expect(summary(v, 'Campos sin capturar')).toEqual(text(expected));
    expect(v.sections[0]!.notes).toContain(`Campos sin capturar: ${expected}.`);
    expect(summary(v, 'Indicadores')).toEqual({ t: 'int', v: 2 });
    expect(summary(v, 'Indicadores con todos sus campos')).toEqual({ t: 'int', v: 0 });
  });

  it('counts a field completed in one indicator only where it is still missing', () => {
    const files = repoWithT2();
    Object.assign(files[OP_01].metas[0].indicador, { definicion: 'Kilómetros pavimentados.', frecuencia: 'trimestral', fuente: 'Bitácoras' });
    files['dependencias/DIF/ppcs/DIF-01.yaml'].metas[0].indicador.fuente = 'Padrón de beneficiarios';
    const v = view(files);
    expect(summary(v, 'Campos sin capturar')).toEqual(text('Definición (1 de 2 indicadores), Frecuencia de medición (1 de 2 indicadores)'));
    expect(summary(v, 'Indicadores con todos sus campos')).toEqual({ t: 'int', v: 1 });
  });

  it('does not count an unadjusted meta as a field to capture', () => {
    const files = repoWithT2();
    for (const file of [OP_01, 'dependencias/DIF/ppcs/DIF-01.yaml']) {
      Object.assign(files[file].metas[0].indicador, { definicion: 'Definición.', frecuencia: 'anual', fuente: 'Registro interno' });
    }
    const v = view(files);
    expect(summary(v, 'Campos sin capturar')).toEqual(text('Ninguno'));
    expect(summary(v, 'Indicadores con todos sus campos')).toEqual({ t: 'int', v: 2 });
  });

  it('shows a meta without indicator with its indicator fields as «Sin dato», and counts them', () => {
    const files = repoWithT2();
    delete files[OP_01].metas[0].indicador;
    const v = view(files);
    const row = table(v).rows[1]!;
    for (const header of ['Nombre del indicador', 'Método de cálculo', 'Unidad de medida', 'Línea base', 'Sentido del indicador']) {
      expect(row[column(v, header)], header).toEqual(SIN_DATO);
    }
    expect(summary(v, 'Campos sin capturar')).toEqual(
      text(
        'Nombre del indicador (1 de 2 indicadores), Definición (2 de 2 indicadores), Método de cálculo (1 de 2 indicadores), Unidad de medida (1 de 2 indicadores), Frecuencia de medición (2 de 2 indicadores), Línea base (1 de 2 indicadores), Sentido del indicador (1 de 2 indicadores), Fuente de información (2 de 2 indicadores)',
      ),
    );
  });

  it('leaves cancelled PPCS out and says how many', () => {
    const files = repoWithT2();
    files['dependencias/DIF/ppcs/DIF-01.yaml'].estatus = 'cancelado';
    const v = view(files);
    expect(table(v).rows).toHaveLength(1);
    expect(summary(v, 'PPCS publicados')).toEqual({ t: 'int', v: 1 });
    expect(summary(v, 'PPCS cancelados (no se publican)')).toEqual({ t: 'int', v: 1 });
  });

  it('restricts the table to one department with the dependencia option', () => {
    const v = view(repoWithT2(), 'DIF');
    expect(v.dependencia).toBe('DIF');
    expect(v.title).toBe('Indicadores de resultados 2019-T2 — Sistema Municipal DIF');
    expect(table(v).rows.map((r) => r[column(v, 'Dependencia')])).toEqual([text('Sistema Municipal DIF')]);
    expect(summary(v, 'Campos sin capturar')).toEqual(text('Definición (1 de 1 indicador), Frecuencia de medición (1 de 1 indicador), Fuente de información (1 de 1 indicador)'));
  });

  it('takes a last-value indicator\'s progress from its latest report, against the annual goal', () => {
    // DIF delivered no 2019-T2 report: its T1 value (590 of 600) is the latest.
    const v = view(repoWithT2());
    const row = table(v).rows[0]!;
    expect(row[column(v, 'Avance')]).toEqual(num(590, 0));
    expect(row[column(v, 'Avance %')]).toEqual(pct(590 / 600));
    expect(row[column(v, 'Unidad de medida')]).toEqual(text('Persona'));
  });

  it('exports to CSV with the OP-01 M1 row as a transparency platform reads it', () => {
    const lines = renderCsv(view(repoWithT2()), 'indicadores').subarray(3).toString('utf8').split('\r\n');
    expect(lines[2]).toBe(
      '2019,2019-T2,Dirección de Obras Públicas,OP-01 Pavimentación de calles en colonias populares,Kilómetros pavimentados,Sin dato,Suma de km terminados,Kilómetro,Sin dato,0,10,Sin ajuste,5,50,Ascendente,Sin dato,Subdirección de Obra Pública',
    );
  });

  it('gives the same view for the same input', () => {
    expect(view(repoWithT2())).toEqual(view(repoWithT2()));
  });
});
