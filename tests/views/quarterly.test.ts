import { describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers/fixture.js';
import { cell, date, empty, int, light, num, pct, quarterly, row, section, summary, text } from './api.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';
const DIF_01 = 'dependencias/DIF/ppcs/DIF-01.yaml';

describe('quarterlyView: Entregas', () => {
  it('gives a department on time its «A tiempo» row with the delivery date', () => {
    expect(row(quarterly(baseRepo(), 'T1'), 'entregas', 'OP')).toEqual([text('OP'), text('Dirección de Obras Públicas'), text('A tiempo'), date('2019-03-27')]);
  });

  it('gives a late department the business days it was late (Monday 1 April to Wednesday 3 April: 3)', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-04-03';
    expect(row(quarterly(files, 'T1'), 'entregas', 'OP')).toEqual([text('OP'), text('Dirección de Obras Públicas'), text('Tarde (3 días hábiles)'), date('2019-04-03')]);
  });

  it('says «1 día hábil» for a report delivered the first business day after the window', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-04-01';
    expect(cell(quarterly(files, 'T1'), 'entregas', ['OP'], '2019-T1')).toEqual(text('Tarde (1 día hábil)'));
  });

  it('gives an early department the business days before the window opened', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-03-22';
    expect(cell(quarterly(files, 'T1'), 'entregas', ['OP'], '2019-T1')).toEqual(text('Anticipado (1 día hábil)'));
  });

  it('marks a missing report «No reportado» with no date', () => {
    const files = baseRepo();
    delete files[OP_T1];
    expect(row(quarterly(files, 'T1'), 'entregas', 'OP')).toEqual([text('OP'), text('Dirección de Obras Públicas'), text('No reportado'), empty('Sin fecha')]);
  });

  it('marks a quarter whose window has not closed at the cut-off «Pendiente»', () => {
    expect(row(quarterly(baseRepo(), 'T2'), 'entregas', 'OP')).toEqual([text('OP'), text('Dirección de Obras Públicas'), text('A tiempo'), text('Pendiente'), empty('Sin fecha')]);
  });

  it('counts the late report in the summary', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-04-03';
    const view = quarterly(files, 'T1');
    expect(summary(view, 'Reportes 2019-T1 entregados a tiempo')).toEqual(int(1));
    expect(summary(view, 'Reportes 2019-T1 entregados tarde')).toEqual(int(1));
  });
});

describe('quarterlyView: Metas', () => {
  it('gives DIF-01 M1 (590 of 600 people) its cumplimiento and a green semáforo', () => {
    expect(row(quarterly(baseRepo(), 'T1'), 'metas', 'DIF', 'DIF-01')).toEqual([
      text('DIF'),
      text('DIF-01'),
      text('Desayunos escolares'),
      text('M1'),
      text('Personas atendidas'),
      text('Persona'),
      text('Ascendente'),
      num(600, 0),
      num(590, 0),
      pct(590 / 600),
      light('verde'),
      num(600, 0),
      num(590, 0),
      pct(590 / 600),
      light('verde'),
      pct(590 / 600),
      empty(''),
    ]);
  });

  it('turns the semáforo yellow just under 90 % (539 of 600)', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].avances[0].valor = 539;
    const view = quarterly(files, 'T1');
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Semáforo trimestre')).toEqual(light('amarillo'));
    expect(summary(view, 'Metas en amarillo en 2019-T1')).toEqual(int(1));
  });

  it('shows the justification of the variation next to the meta', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].avances[0].valor = 300;
    files[DIF_T1].ppcs[0].avances[0].justificacion_variacion = 'Cierre de escuelas por obras.';
    const view = quarterly(files, 'T1');
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Semáforo trimestre')).toEqual(light('rojo'));
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Justificación de la variación')).toEqual(text('Cierre de escuelas por obras.'));
  });

  it('compares a descending indicator as programado ÷ alcanzado', () => {
    const files = baseRepo();
    const meta = files[DIF_01].metas[0];
    meta.indicador.sentido = 'descendente';
    meta.programacion = { T1: 50, T2: 50, T3: 50, T4: 50 };
    meta.meta_anual = 50;
    files[DIF_T1].ppcs[0].avances[0].valor = 40;
    const view = quarterly(files, 'T1');
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Sentido')).toEqual(text('Descendente'));
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Cumplimiento trimestre')).toEqual(pct(50 / 40));
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Semáforo trimestre')).toEqual(light('rojo'));
  });

  it('says «Sin valor en el reporte» and red for a programmed meta a delivered report leaves out', () => {
    const files = baseRepo();
    delete files[DIF_T1].ppcs[0].avances;
    const view = quarterly(files, 'T1');
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Alcanzado trimestre')).toEqual(empty());
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Cumplimiento trimestre')).toEqual(empty('Sin valor en el reporte'));
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Semáforo trimestre')).toEqual(light('rojo'));
  });

  it('says «Sin programación» and «Sin meta» for a quarter with nothing programmed', () => {
    const files = baseRepo();
    files[DIF_01].metas[0].programacion.T1 = 0;
    const view = quarterly(files, 'T1');
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Cumplimiento trimestre')).toEqual(empty('Sin programación'));
    expect(cell(view, 'metas', ['DIF', 'DIF-01'], 'Semáforo trimestre')).toEqual(light('sin_meta'));
    expect(summary(view, 'Metas sin programación en 2019-T1')).toEqual(int(1));
  });

  it('leaves a cancelled PPCS out of the metas', () => {
    const files = baseRepo();
    files[DIF_01].estatus = 'cancelado';
    expect(section(quarterly(files, 'T1'), 'metas').table.rows.map((r) => r[1])).toEqual([text('OP-01')]);
  });
});

describe('quarterlyView: people, collaborations, scope', () => {
  it('gives OP its people served, split by sex', () => {
    expect(row(quarterly(baseRepo(), 'T1'), 'beneficiarios', 'OP')).toEqual([text('OP'), text('Dirección de Obras Públicas'), int(1200), int(650), int(550), pct(650 / 1200), int(0)]);
  });

  it('counts an entry without the split in «PPCS sin desagregar» and leaves % mujeres empty', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].beneficiarios = { total: 1200 };
    expect(row(quarterly(files, 'T1'), 'beneficiarios', 'OP')).toEqual([text('OP'), text('Dirección de Obras Públicas'), int(1200), int(0), int(0), empty(), int(1)]);
  });

  it('lists each pair of departments that collaborated, with the report entries that name the other', () => {
    const collaborations = section(quarterly(baseRepo(), 'T1'), 'colaboraciones');
    expect(collaborations.table.columns.map((c) => c.header)).toEqual(['Dependencia', 'Colaboró con', 'Entradas de reporte']);
    expect(collaborations.table.rows).toEqual([
      [text('DIF'), text('OP'), int(1)],
      [text('OP'), text('DIF'), int(1)],
    ]);
  });

  it('leaves out a department that named no one, and says so in a note instead of a row of zeros', () => {
    const files = baseRepo();
    delete files[DIF_T1].ppcs[0].colaboraciones;
    const collaborations = section(quarterly(files, 'T1'), 'colaboraciones');
    expect(collaborations.table.rows).toEqual([[text('OP'), text('DIF'), int(1)]]);
    expect(collaborations.notes).toEqual(['Sin colaboraciones referidas en sus reportes: DIF.']);
  });

  it('does not count a department naming itself', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].colaboraciones = ['DIF', 'OP'];
    const rows = section(quarterly(files, 'T1'), 'colaboraciones').table.rows;
    expect(rows.filter((r) => r[0]!.t === 'text' && r[0]!.v === 'OP')).toEqual([[text('OP'), text('DIF'), int(1)]]);
  });

  it('restricted to one department, lists only the pairs it referred', () => {
    expect(section(quarterly(baseRepo(), 'T1', { dependencia: 'OP' }), 'colaboraciones').table.rows).toEqual([[text('OP'), text('DIF'), int(1)]]);
  });

  it('restricted to one department, names it in the title and shows only its rows', () => {
    const view = quarterly(baseRepo(), 'T1', { dependencia: 'DIF' });
    expect(view.title).toBe('Resumen trimestral 2019-T1 — Sistema Municipal DIF');
    expect(view.dependencia).toBe('DIF');
    expect(section(view, 'entregas').table.rows.map((r) => r[0])).toEqual([text('DIF')]);
    expect(summary(view, 'Dependencias')).toEqual(int(1));
  });

  it('lists a finding of the department with its file, line, rule and severity', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-04-03';
    const rows = section(quarterly(files, 'T1', { dependencia: 'OP' }), 'hallazgos').table.rows;
    expect(rows.map((r) => r.slice(0, 4))).toEqual([[text(OP_T1), int(3), text('PLAN021'), text('Advertencia')]]);
  });
});
