import { describe, expect, it } from 'vitest';
import { PLAN025 } from '../../src/rules/PLAN025-observacion-no-atendida.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const RET_T1 = 'planeacion/retroalimentacion/2019-T1.yaml';
const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
/** After the 2019-T2 window (24–28 June): answers to the T1 feedback are due. */
const AFTER_T2 = '2019-07-15';
/** After the 2020-T1 window (last business days of March 2020): answers to the 2019-T4 feedback are due. */
const AFTER_2020_T1 = '2020-04-15';

type Repo = ReturnType<typeof baseRepo>;

function observacion(id: string, dependencia = 'OP') {
  return { id, dependencia, tipo: 'observacion', texto: 'Justificar la variación de la meta M1.' };
}

/** T1 feedback with the given observations, and OP reports for the given quarters attending the given ids. */
function withFeedback(ids: string[], reports: Record<string, string[]> = {}, round = '2019-T1'): Repo {
  const files = baseRepo();
  files[`planeacion/retroalimentacion/${round}.yaml`] = { trimestre: round, fecha_emision: '2019-04-10', observaciones: ids.map((id) => observacion(id)) };
  for (const [trimestre, atendidas] of Object.entries(reports)) {
    const report = structuredClone(files[OP_T1]);
    report.trimestre = trimestre;
    if (atendidas.length > 0) report.ppcs[0].observaciones_atendidas = atendidas;
    files[`dependencias/OP/reportes/${trimestre}.yaml`] = report;
  }
  return files;
}

describe('PLAN025 feedback observation not attended in the next report', () => {
  it('accepts an observation attended in the next quarter\'s report', () => {
    expect(checkRule(PLAN025, withFeedback(['RET-2019-T1-01'], { '2019-T2': ['RET-2019-T1-01'] }), { fechaCorte: AFTER_T2 })).toEqual([]);
  });

  it('does not check an observation before the next report is due', () => {
    expect(checkRule(PLAN025, withFeedback(['RET-2019-T1-01']))).toEqual([]);
  });

  it('reports an observation the next report does not cite, on its id, as a warning', () => {
    const files = withFeedback(['RET-2019-T1-01'], { '2019-T2': [] });
    const diagnostics = checkRule(PLAN025, files, { fechaCorte: AFTER_T2 });
    expect(where(diagnostics)).toEqual([`PLAN025 ${RET_T1}:${lineOf(files, RET_T1, 'id: RET-2019-T1-01')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'La observación «RET-2019-T1-01» dirigida a «OP» no fue atendida en su reporte «2019-T2»: ningún PPCS la cita en «observaciones_atendidas».',
    );
  });

  it('reports only the observation left unattended among several', () => {
    const files = withFeedback(['RET-2019-T1-01', 'RET-2019-T1-02'], { '2019-T2': ['RET-2019-T1-01'] });
    expect(where(checkRule(PLAN025, files, { fechaCorte: AFTER_T2 }))).toEqual([`PLAN025 ${RET_T1}:${lineOf(files, RET_T1, 'id: RET-2019-T1-02')}`]);
  });

  it('reports an observation whose next report is missing, naming the expected file', () => {
    const diagnostics = checkRule(PLAN025, withFeedback(['RET-2019-T1-01']), { fechaCorte: AFTER_T2 });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'La observación «RET-2019-T1-01» dirigida a «OP» no fue atendida: falta el reporte «2019-T2» («dependencias/OP/reportes/2019-T2.yaml») en el que debía atenderse.',
    ]);
  });

  it('reports an observation attended only in a later report as attended late', () => {
    const files = withFeedback(['RET-2019-T1-01'], { '2019-T2': [], '2019-T3': ['RET-2019-T1-01'] });
    const diagnostics = checkRule(PLAN025, files, { fechaCorte: '2019-10-15' });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'La observación «RET-2019-T1-01» dirigida a «OP» debía atenderse en el reporte «2019-T2», pero fue atendida tarde en «2019-T3».',
    ]);
  });

  it('reports a fourth-quarter observation that the next year\'s first report does not cite', () => {
    const files = withFeedback(['RET-2019-T4-01'], { '2020-T1': [] }, '2019-T4');
    const diagnostics = checkRule(PLAN025, files, { fechaCorte: AFTER_2020_T1 });
    const round = 'planeacion/retroalimentacion/2019-T4.yaml';
    expect(where(diagnostics)).toEqual([`PLAN025 ${round}:${lineOf(files, round, 'id: RET-2019-T4-01')}`]);
    expect(diagnostics[0]!.message).toBe(
      'La observación «RET-2019-T4-01» dirigida a «OP» no fue atendida en su reporte «2020-T1»: ningún PPCS la cita en «observaciones_atendidas».',
    );
  });

  it('accepts a fourth-quarter observation attended in the next year\'s first report', () => {
    expect(checkRule(PLAN025, withFeedback(['RET-2019-T4-01'], { '2020-T1': ['RET-2019-T4-01'] }, '2019-T4'), { fechaCorte: AFTER_2020_T1 })).toEqual([]);
  });

  it('does not check a fourth-quarter observation before the next year\'s first report is due', () => {
    expect(checkRule(PLAN025, withFeedback(['RET-2019-T4-01'], {}, '2019-T4'), { fechaCorte: '2020-03-20' })).toEqual([]);
  });

  it('names the next year\'s first report as missing for a fourth-quarter observation', () => {
    const diagnostics = checkRule(PLAN025, withFeedback(['RET-2019-T4-01'], {}, '2019-T4'), { fechaCorte: AFTER_2020_T1 });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'La observación «RET-2019-T4-01» dirigida a «OP» no fue atendida: falta el reporte «2020-T1» («dependencias/OP/reportes/2020-T1.yaml») en el que debía atenderse.',
    ]);
  });

  it('leaves an observation addressed to an unknown department to PLAN004', () => {
    const files = withFeedback([]);
    files[RET_T1].observaciones.push(observacion('RET-2019-T1-01', 'TESORERIA'));
    expect(checkRule(PLAN025, files, { fechaCorte: AFTER_T2 })).toEqual([]);
  });

  it('does not judge an observation whose next report could not be read', () => {
    const files = withFeedback(['RET-2019-T1-01']);
    files['dependencias/OP/reportes/2019-T2.yaml'] = 'dependencia: OP\ntrimestre: [2019-T2\n';
    expect(checkRule(PLAN025, files, { fechaCorte: AFTER_T2 }).filter((d) => d.rule === 'PLAN025')).toEqual([]);
  });

  it('finds the report that must attend an observation by its file name, even if it declares another quarter (PLAN005)', () => {
    const files = withFeedback(['RET-2019-T1-01'], { '2019-T2': ['RET-2019-T1-01'] });
    files['dependencias/OP/reportes/2019-T2.yaml'].trimestre = '2019-T3';
    expect(checkRule(PLAN025, files, { fechaCorte: AFTER_T2 })).toEqual([]);
  });
});
