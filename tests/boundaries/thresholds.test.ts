// Rule thresholds at their exact edge: PLAN024's credible maximum (150 % of the annual
// goal), a percentage unit's 100 and a negative value, and PLAN013's minimum share of
// active PPCS (50 %). The edge itself passes; one step beyond is reported.
import { describe, expect, it } from 'vitest';
import { baseRepo, validateFiles } from '../helpers/fixture.js';

type Repo = ReturnType<typeof baseRepo>;

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';

const findings = (files: Repo, rule: string) => validateFiles(files).filter((d) => d.rule === rule);

/** OP-01 M1 (10 km a year, added up) with `valor` reported in 2019-T1. */
function opReports(valor: number): Repo {
  const files = baseRepo();
  files[OP_T1].ppcs[0].avances[0].valor = valor;
  return files;
}

describe('PLAN024 credible maximum', () => {
  it('accepts a cumulative progress of exactly 150 % of the annual goal (15 of 10 km)', () => {
    expect(findings(opReports(15), 'PLAN024')).toEqual([]);
  });

  it('warns just above 150 % (15.1 of 10 km)', () => {
    const [finding, ...rest] = findings(opReports(15.1), 'PLAN024');
    expect(rest).toEqual([]);
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toBe('El avance acumulado de la meta «M1» del PPCS «OP-01» hasta «2019-T1» es 15.1, el 151 % de su meta anual de 10; supera el 150 % que se considera creíble.');
  });

  it('follows umbrales.avance_excesivo in plan.yaml: 120 % accepted at 120, not at 121', () => {
    const at = opReports(12);
    at['plan.yaml'].umbrales = { avance_excesivo: 120 };
    expect(findings(at, 'PLAN024')).toEqual([]);
    const above = opReports(12.1);
    above['plan.yaml'].umbrales = { avance_excesivo: 120 };
    expect(findings(above, 'PLAN024').map((d) => d.severity)).toEqual(['warning']);
  });

  it('accepts a progress of 0 and refuses -1 as an error', () => {
    expect(findings(opReports(0), 'PLAN024')).toEqual([]);
    expect(findings(opReports(-1), 'PLAN024').map((d) => d.severity)).toEqual(['error']);
  });

  it('accepts 100 in a percentage unit and refuses 100.5', () => {
    const percentage = (valor: number) => {
      const files = baseRepo();
      const meta = files[OP_01].metas[0];
      meta.indicador.unidad_medida = 'porcentaje';
      meta.indicador.acumulacion = 'ultimo_valor';
      meta.programacion = { T1: 100, T2: 100, T3: 100, T4: 100 };
      meta.meta_anual = 100;
      Object.assign(files[OP_T1].ppcs[0].avances[0], { valor, unidad_medida: 'porcentaje' });
      return files;
    };
    expect(findings(percentage(100), 'PLAN024')).toEqual([]);
    expect(findings(percentage(100.5), 'PLAN024').map((d) => d.severity)).toEqual(['error']);
  });
});

describe('PLAN013 minimum share of active PPCS', () => {
  function withOthers(...estatus: string[]): Repo {
    const files = baseRepo();
    estatus.forEach((e, i) => {
      const id = `OP-0${i + 2}`;
      files[`dependencias/OP/ppcs/${id}.yaml`] = { ...structuredClone(files[OP_01]), id, nombre: `Programa ${id}`, estatus: e };
    });
    return files;
  }

  it('accepts exactly half of the PPCS active (1 of 2)', () => {
    expect(findings(withOthers('suspendido'), 'PLAN013')).toEqual([]);
  });

  it('warns under half (1 of 3)', () => {
    expect(findings(withOthers('suspendido', 'por_iniciar'), 'PLAN013').map((d) => `${d.file} ${d.severity}`)).toEqual(['dependencias/OP/dependencia.yaml warning']);
  });

  it('counts a concluded PPCS as active (1 active, 1 concluded, 2 suspended)', () => {
    expect(findings(withOthers('concluido', 'suspendido', 'suspendido'), 'PLAN013')).toEqual([]);
  });
});
