import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/load.js';
import { PLAN005 } from '../../src/rules/PLAN005-nombre-de-archivo.js';
import { PLAN021 } from '../../src/rules/PLAN021-entrega-fuera-de-ventana.js';
import { PLAN022 } from '../../src/rules/PLAN022-reporte-faltante.js';
import { PLAN023 } from '../../src/rules/PLAN023-reporte-incompleto.js';
import { PLAN024 } from '../../src/rules/PLAN024-avance-inverosimil.js';
import { PLAN025 } from '../../src/rules/PLAN025-observacion-no-atendida.js';
import type { Rule } from '../../src/rules/rule.js';
import { placeFindings, runRules } from '../../src/validate.js';
import { baseRepo, checkRule, DEFAULT_CUTOFF, lineOf, where, writeRepo, type Files } from '../helpers/fixture.js';
import { scopeViolations } from '../helpers/scope.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';

/** Loading findings plus the findings of several rules, run over one fixture. */
function checkRules(rules: Rule[], files: Files) {
  const loaded = loadPlan(writeRepo(files), { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
  for (const rule of rules) expect(scopeViolations(loaded, rule)).toEqual([]);
  return placeFindings([...loaded.findings, ...runRules(loaded.model, 'es', rules)], loaded.sources, loaded.model.config);
}

function deliveredOn(fecha: string) {
  const files = baseRepo();
  files[OP_T1].fecha_entrega = fecha;
  return files;
}

describe('PLAN021 quarterly report delivered outside the delivery window', () => {
  it('accepts reports delivered within the 25–29 March 2019 window', () => {
    expect(checkRule(PLAN021, baseRepo())).toEqual([]);
  });

  it('reports a delivery 3 business days late across a weekend, on fecha_entrega, as a warning', () => {
    const files = deliveredOn('2019-04-03');
    const diagnostics = checkRule(PLAN021, files);
    expect(where(diagnostics)).toEqual([`PLAN021 ${OP_T1}:${lineOf(files, OP_T1, 'fecha_entrega:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe('El reporte «2019-T1» fue entregado el 03/04/2019, 3 días hábiles después del cierre de la ventana de entrega (del 25/03 al 29/03/2019).');
  });

  it('says "1 día hábil" for a delivery on the Monday after the window', () => {
    expect(checkRule(PLAN021, deliveredOn('2019-04-01'))[0]!.message).toContain('el 01/04/2019, 1 día hábil después del cierre');
  });

  it('reports a delivery on the Saturday after the window as late on a non-working day', () => {
    expect(checkRule(PLAN021, deliveredOn('2019-03-30'))[0]!.message).toBe(
      'El reporte «2019-T1» fue entregado el 30/03/2019, un día inhábil posterior al cierre de la ventana de entrega (del 25/03 al 29/03/2019).',
    );
  });

  it('reports a delivery before the window opens with the business days it came early', () => {
    const files = deliveredOn('2019-03-21');
    const diagnostics = checkRule(PLAN021, files);
    expect(where(diagnostics)).toEqual([`PLAN021 ${OP_T1}:${lineOf(files, OP_T1, 'fecha_entrega:')}`]);
    expect(diagnostics[0]!.message).toBe('El reporte «2019-T1» fue entregado el 21/03/2019, 2 días hábiles antes de que abra la ventana de entrega (del 25/03 al 29/03/2019).');
  });

  it('says "1 día hábil" for a delivery on the Friday before the window', () => {
    expect(checkRule(PLAN021, deliveredOn('2019-03-22'))[0]!.message).toContain('el 22/03/2019, 1 día hábil antes de que abra');
  });

  it('reports a delivery on the Sunday before the window as early on a non-working day', () => {
    expect(checkRule(PLAN021, deliveredOn('2019-03-24'))[0]!.message).toBe(
      'El reporte «2019-T1» fue entregado el 24/03/2019, un día inhábil anterior a la apertura de la ventana de entrega (del 25/03 al 29/03/2019).',
    );
  });

  it('accepts a delivery on a day the window gained because plan.yaml adds a non-working day', () => {
    const files = deliveredOn('2019-03-22');
    files['plan.yaml'].dias_inhabiles.adicionales = [{ fecha: '2019-03-29', motivo: 'Feria del pueblo' }];
    expect(checkRule(PLAN021, files)).toEqual([]);
  });

  it('takes the window length from entrega_reportes.dias_habiles', () => {
    const files = deliveredOn('2019-03-25');
    files['plan.yaml'].entrega_reportes.dias_habiles = 3;
    expect(checkRule(PLAN021, files)[0]!.message).toContain('2 días hábiles antes de que abra la ventana de entrega (del 27/03 al 29/03/2019)');
  });

  it('measures a second-quarter report against the 24–28 June window', () => {
    const files = baseRepo();
    const file = 'dependencias/OP/reportes/2019-T2.yaml';
    files[file] = { ...files[OP_T1], trimestre: '2019-T2', fecha_entrega: '2019-07-01' };
    const diagnostics = checkRule(PLAN021, files);
    expect(where(diagnostics)).toEqual([`PLAN021 ${file}:${lineOf(files, file, 'fecha_entrega:')}`]);
    expect(diagnostics[0]!.message).toContain('1 día hábil después del cierre de la ventana de entrega (del 24/06 al 28/06/2019)');
  });

  it('asks to check a delivery date years away from the window instead of counting days', () => {
    expect(checkRule(PLAN021, deliveredOn('2091-03-27'))[0]!.message).toBe(
      'El reporte «2019-T1» tiene fecha de entrega 27/03/2091, a más de un año de su ventana de entrega (del 25/03 al 29/03/2019); revise la fecha.',
    );
  });

  it('leaves a report whose quarter differs from its file name to PLAN005, instead of measuring the wrong window', () => {
    const files = baseRepo();
    files[OP_T1].trimestre = '2019-T2';
    expect(checkRule(PLAN021, files)).toEqual([]);
  });

  it('gives only PLAN005 among the quarterly rules for OP’s 2019-T1.yaml declaring 2019-T2', () => {
    const files = baseRepo();
    files[OP_T1].trimestre = '2019-T2';
    files['planeacion/retroalimentacion/2019-T1.yaml'] = {
      trimestre: '2019-T1',
      fecha_emision: '2019-04-05',
      observaciones: [{ id: 'RET-2019-T1-01', dependencia: 'OP', tipo: 'observacion', texto: 'Falta evidencia.' }],
    };
    const diagnostics = checkRules([PLAN005, PLAN021, PLAN022, PLAN023, PLAN024, PLAN025], files);
    expect(where(diagnostics)).toEqual([`PLAN005 ${OP_T1}:${lineOf(files, OP_T1, 'trimestre:')}`]);
  });
});
