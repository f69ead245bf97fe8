import { describe, expect, it } from 'vitest';
import { PLAN026 } from '../../src/rules/PLAN026-justificacion-variacion.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_T2 = 'dependencias/OP/reportes/2019-T2.yaml';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';

type Repo = ReturnType<typeof baseRepo>;

/** baseRepo plus an OP report for 2019-T2, where meta M1 has 3 km programmed, reporting `valor` km. */
function withOpT2(valor: number, files: Repo = baseRepo()): Repo {
  const report = structuredClone(files[OP_T1]);
  report.trimestre = '2019-T2';
  report.fecha_entrega = '2019-06-26';
  report.ppcs[0].avances[0].valor = valor;
  report.ppcs[0].evidencias = ['dependencias/OP/evidencias/2019-T2/bitacora.txt'];
  files[OP_T2] = report;
  files['dependencias/OP/evidencias/2019-T2/bitacora.txt'] = 'Bitácora de obra.\n';
  return files;
}

const valorLine = (files: Repo) => `PLAN026 ${OP_T2}:${lineOf(files, OP_T2, 'valor:')}`;

describe('PLAN026 meta off green without a justification of the variance or without evidence', () => {
  it('accepts a repo whose metas are all in green', () => {
    expect(checkRule(PLAN026, baseRepo())).toEqual([]);
  });

  it('warns on the valor line of a red meta without justificacion_variacion, giving cumplimiento and colour', () => {
    const files = withOpT2(2);
    const diagnostics = checkRule(PLAN026, files);
    expect(where(diagnostics)).toEqual([valorLine(files)]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'La meta «M1» del PPCS «OP-01» está en rojo en «2019-T2»: se reportó un avance de 2 frente a una programación de 3, un cumplimiento del 66.7 %; falta «justificacion_variacion» que explique la diferencia.',
    );
  });

  it('names the colour yellow for a meta between 80 and 90 %', () => {
    const diagnostics = checkRule(PLAN026, withOpT2(2.55));
    expect(diagnostics.map((d) => d.message)).toEqual([
      'La meta «M1» del PPCS «OP-01» está en amarillo en «2019-T2»: se reportó un avance de 2.55 frente a una programación de 3, un cumplimiento del 85 %; falta «justificacion_variacion» que explique la diferencia.',
    ]);
  });

  it('writes the message in English with --lang en', () => {
    const diagnostics = checkRule(PLAN026, withOpT2(2.55), { lang: 'en' });
    expect(diagnostics[0]!.message).toBe(
      'Meta «M1» of PPCS «OP-01» is yellow in «2019-T2»: progress of 2.55 was reported against 3 programmed, 85 % achieved; "justificacion_variacion" explaining the difference is missing.',
    );
  });

  it('warns on a meta far above its programming, since the bands are two-sided', () => {
    const files = withOpT2(4);
    expect(where(checkRule(PLAN026, files))).toEqual([valorLine(files)]);
  });

  it('accepts an off-green meta that carries a justification and evidence', () => {
    const files = withOpT2(2);
    files[OP_T2].ppcs[0].avances[0].justificacion_variacion = 'Las lluvias de junio detuvieron la obra dos semanas.';
    expect(checkRule(PLAN026, files)).toEqual([]);
  });

  it('treats a justification of only blanks as missing', () => {
    const files = withOpT2(2);
    files[OP_T2].ppcs[0].avances[0].justificacion_variacion = '   ';
    expect(where(checkRule(PLAN026, files))).toEqual([valorLine(files)]);
  });

  it('accepts a meta in green without justification or evidence', () => {
    const files = withOpT2(3);
    delete files[OP_T2].ppcs[0].evidencias;
    expect(checkRule(PLAN026, files)).toEqual([]);
  });

  it('accepts a value reported for a quarter with nothing programmed (sin meta)', () => {
    const files = withOpT2(1);
    files[OP_01].metas[0].programacion = { T1: 2, T3: 4, T4: 4 };
    delete files[OP_T2].ppcs[0].evidencias;
    expect(checkRule(PLAN026, files)).toEqual([]);
  });

  it('uses the meta\'s own semáforo bands', () => {
    const files = withOpT2(2);
    files[OP_01].metas[0].semaforo = { verde_min: 60 };
    expect(checkRule(PLAN026, files)).toEqual([]);
  });

  it('warns once on the PPCS entry when an off-green meta has no evidencias', () => {
    const files = withOpT2(2);
    files[OP_T2].ppcs[0].avances[0].justificacion_variacion = 'Lluvias.';
    delete files[OP_T2].ppcs[0].evidencias;
    const diagnostics = checkRule(PLAN026, files);
    expect(where(diagnostics)).toEqual([`PLAN026 ${OP_T2}:${lineOf(files, OP_T2, 'id: OP-01')}`]);
    expect(diagnostics[0]!.message).toBe('El PPCS «OP-01» tiene metas fuera de verde en «2019-T2» («M1»), pero el reporte no cita ninguna evidencia en «evidencias».');
    expect(diagnostics[0]!.hint).toBe(
      'Agregue en «evidencias» la ruta de al menos un archivo guardado en el repositorio (fotografías, listas de asistencia, actas) que respalde el avance reportado.',
    );
  });

  it('warns on the evidencias key when the list is empty', () => {
    const files = withOpT2(2);
    files[OP_T2].ppcs[0].avances[0].justificacion_variacion = 'Lluvias.';
    files[OP_T2].ppcs[0].evidencias = [];
    expect(where(checkRule(PLAN026, files))).toEqual([`PLAN026 ${OP_T2}:${lineOf(files, OP_T2, 'evidencias:')}`]);
  });

  it('reports missing evidence once per PPCS entry, listing every off-green meta', () => {
    const files = withOpT2(2);
    files[OP_01].metas.push({ ...structuredClone(files[OP_01].metas[0]), id: 'M2' });
    files[OP_T2].ppcs[0].avances = [
      { meta: 'M1', valor: 2, unidad_medida: 'km', justificacion_variacion: 'Lluvias.' },
      { meta: 'M2', valor: 1, unidad_medida: 'km', justificacion_variacion: 'Falta de material.' },
    ];
    delete files[OP_T2].ppcs[0].evidencias;
    const diagnostics = checkRule(PLAN026, files);
    expect(where(diagnostics)).toEqual([`PLAN026 ${OP_T2}:${lineOf(files, OP_T2, 'id: OP-01')}`]);
    expect(diagnostics[0]!.message).toContain('(«M1», «M2»)');
  });

  it('reports both findings when an off-green meta has neither justification nor evidence', () => {
    const files = withOpT2(2);
    delete files[OP_T2].ppcs[0].evidencias;
    expect(where(checkRule(PLAN026, files))).toEqual([`PLAN026 ${OP_T2}:${lineOf(files, OP_T2, 'id: OP-01')}`, valorLine(files)]);
  });

  it('judges a descending indicator by programado / alcanzado', () => {
    const files = withOpT2(6);
    files[OP_01].metas[0].indicador.sentido = 'descendente';
    const diagnostics = checkRule(PLAN026, files);
    expect(where(diagnostics)).toEqual([valorLine(files)]);
    expect(diagnostics[0]!.message).toContain('un cumplimiento del 50 %');
  });

  it('explains a descending indicator brought to zero without a percentage', () => {
    const files = withOpT2(0);
    files[OP_01].metas[0].indicador.sentido = 'descendente';
    const diagnostics = checkRule(PLAN026, files);
    expect(where(diagnostics)).toEqual([valorLine(files)]);
    expect(diagnostics[0]!.message).toBe(
      'La meta «M1» del PPCS «OP-01» está en rojo en «2019-T2»: su indicador es descendente y se reportó 0 frente a una programación de 3, muy lejos de lo planeado; falta «justificacion_variacion» que explique la diferencia.',
    );
  });

  it('ignores progress for a PPCS or meta that does not exist', () => {
    const files = withOpT2(2);
    files[OP_T2].ppcs.push({ id: 'OP-09', estatus: 'activo', avances: [{ meta: 'M1', valor: 1, unidad_medida: 'km' }] });
    files[OP_T2].ppcs[0].avances.push({ meta: 'M7', valor: 1, unidad_medida: 'km' });
    expect(where(checkRule(PLAN026, files))).toEqual([valorLine(files)]);
  });

  it('does not judge a PPCS of another department listed in the report', () => {
    const files = withOpT2(3);
    files[OP_T2].ppcs.push({ id: 'DIF-01', estatus: 'activo', avances: [{ meta: 'M1', valor: 100, unidad_medida: 'persona' }] });
    expect(checkRule(PLAN026, files)).toEqual([]);
  });

  it('judges only the first of two avances for the same meta, the one the metrics count', () => {
    const files = withOpT2(2);
    files[OP_T2].ppcs[0].avances.push({ meta: 'M1', valor: 3, unidad_medida: 'km' });
    expect(where(checkRule(PLAN026, files))).toEqual([valorLine(files)]);
  });

  it('does not colour a second report of the quarter with the values of the first', () => {
    // 2019-T3.yaml declares 2019-T2 (PLAN005's finding); the metrics read 2019-T2.yaml, whose 2 km are red.
    const files = withOpT2(2);
    const misfiled = 'dependencias/OP/reportes/2019-T3.yaml';
    files[misfiled] = structuredClone(files[OP_T2]);
    files[misfiled].ppcs[0].avances[0].valor = 3;
    expect(checkRule(PLAN026, files).map((d) => d.file)).toEqual([OP_T2]);
  });
});
