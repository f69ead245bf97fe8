import { describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers/fixture.js';
import { date, empty, int, num, section, summary, text, transparency, type ReportView } from './api.js';

const DIF_01 = 'dependencias/DIF/ppcs/DIF-01.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';

const rowOf = (view: ReportView, ppcs: string) => section(view, 'indicadores').table.rows.find((r) => r[3]!.t === 'text' && r[3]!.v.startsWith(`${ppcs} `))!;

describe('transparencyView: one row per indicator', () => {
  it('gives DIF-01 M1 (people, last value) every column of the format', () => {
    expect(rowOf(transparency(baseRepo(), '2019-T1'), 'DIF-01')).toEqual([
      text('2019'),
      date('2019-01-01'),
      date('2019-03-31'),
      text('DIF-01 Desayunos escolares'),
      text('Entregar desayunos escolares.'),
      text('Personas atendidas'),
      text('Eficacia'),
      text('Niñas y niños que reciben desayuno en el trimestre.'),
      text('Conteo de padrón'),
      text('Persona'),
      text('Trimestral'),
      num(0, 0),
      num(600, 0),
      empty('Sin ajuste'),
      num(590, 0),
      text('Ascendente'),
      text('Padrón de beneficiarios'),
      text('Sistema Municipal DIF'),
      date('2019-03-28'),
      date('2019-04-15'),
      text('El PPCS no indica su objetivo del Plan Municipal de Desarrollo: se publica el objetivo del PPCS.'),
    ]);
  });

  it('shows a descending indicator as «Descendente» with its reported value as the avance', () => {
    const files = baseRepo();
    const meta = files[DIF_01].metas[0];
    meta.indicador.sentido = 'descendente';
    meta.programacion = { T1: 50, T2: 50, T3: 50, T4: 50 };
    meta.meta_anual = 50;
    files[DIF_T1].ppcs[0].avances[0].valor = 40;
    const row = rowOf(transparency(files, '2019-T1'), 'DIF-01');
    expect([row[14], row[15]]).toEqual([num(40, 0), text('Descendente')]);
  });

  it('publishes no row for a cancelled PPCS and counts it in the summary', () => {
    const files = baseRepo();
    files[OP_01].estatus = 'cancelado';
    const view = transparency(files, '2019-T1');
    expect(section(view, 'indicadores').table.rows.map((r) => r[3])).toEqual([text('DIF-01 Desayunos escolares')]);
    expect(summary(view, 'PPCS publicados')).toEqual(int(1));
    expect(summary(view, 'PPCS cancelados (no se publican)')).toEqual(int(1));
  });

  it('restricted to one department, publishes only its indicators', () => {
    const view = transparency(baseRepo(), '2019-T1', { dependencia: 'OP' });
    expect(section(view, 'indicadores').table.rows.map((r) => r[17])).toEqual([text('Dirección de Obras Públicas')]);
    expect(summary(view, 'Dependencias')).toEqual(int(1));
  });

  it('publishes «No reportado», not the earlier quarters, for a due quarter without report', () => {
    const row = rowOf(transparency(baseRepo(), '2019-T2', { fechaCorte: '2019-07-15' }), 'OP-01');
    // OP reported 2 km in T1 and delivered no T2 report, due by 2019-07-15.
    expect([row[1], row[14], row[18]]).toEqual([date('2019-04-01'), empty('No reportado'), empty('No reportado')]);
  });
});
