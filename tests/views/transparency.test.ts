import { describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers/fixture.js';
import { empty, int, num, pct, section, summary, text, transparency, type ReportView } from './api.js';

const DIF_01 = 'dependencias/DIF/ppcs/DIF-01.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';

const rowOf = (view: ReportView, ppcs: string) => section(view, 'indicadores').table.rows.find((r) => r[3]!.t === 'text' && r[3]!.v.startsWith(`${ppcs} `))!;

describe('transparencyView: one row per indicator', () => {
  it('gives DIF-01 M1 (people, last value) every column of the format', () => {
    expect(rowOf(transparency(baseRepo(), '2019-T1'), 'DIF-01')).toEqual([
      text('2019'),
      text('2019-T1'),
      text('Sistema Municipal DIF'),
      text('DIF-01 Desayunos escolares'),
      text('Personas atendidas'),
      empty('Sin dato'),
      text('Conteo de padrón'),
      text('Persona'),
      empty('Sin dato'),
      num(0, 0),
      num(600, 0),
      empty('Sin ajuste'),
      num(590, 0),
      pct(590 / 600),
      text('Ascendente'),
      empty('Sin dato'),
      text('Coordinación de Alimentación'),
    ]);
  });

  it('shows a descending indicator as «Descendente» with meta ÷ alcanzado as its progress', () => {
    const files = baseRepo();
    const meta = files[DIF_01].metas[0];
    meta.indicador.sentido = 'descendente';
    meta.programacion = { T1: 50, T2: 50, T3: 50, T4: 50 };
    meta.meta_anual = 50;
    files[DIF_T1].ppcs[0].avances[0].valor = 40;
    const row = rowOf(transparency(files, '2019-T1'), 'DIF-01');
    expect([row[12], row[13], row[14]]).toEqual([num(40, 0), pct(50 / 40), text('Descendente')]);
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
    expect(section(view, 'indicadores').table.rows.map((r) => r[2])).toEqual([text('Dirección de Obras Públicas')]);
    expect(summary(view, 'Dependencias')).toEqual(int(1));
  });

  it('shows no progress for a quarter not yet reported', () => {
    const row = rowOf(transparency(baseRepo(), '2019-T2', { fechaCorte: '2019-07-15' }), 'OP-01');
    // OP reported 2 km in T1 and nothing in T2: the cumulative «suma» stays at 2 of 10.
    expect([row[1], row[12], row[13]]).toEqual([text('2019-T2'), num(2, 0), pct(0.2)]);
  });
});
