import { describe, expect, it } from 'vitest';
import { PLAN010 } from '../../src/rules/PLAN010-caratula-incompleta.js';
import { baseRepo, checkRule, lineOf, where, type Files } from '../helpers/fixture.js';

const OP01 = 'dependencias/OP/ppcs/OP-01.yaml';
const at = (files: Files, needle: string, after?: string) => `PLAN010 ${OP01}:${lineOf(files, OP01, needle, after)}`;

describe('PLAN010 incomplete carátula (Anexo 1 y 2)', () => {
  it('accepts complete carátulas', () => {
    expect(checkRule(PLAN010, baseRepo())).toEqual([]);
  });

  it('reports a missing objetivo on the carátula itself, quoting the Plan de Mejora in the hint', () => {
    const files = baseRepo();
    delete files[OP01].objetivo;
    const diagnostics = checkRule(PLAN010, files);
    expect(where(diagnostics)).toEqual([at(files, 'id: OP-01')]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe('La carátula del PPCS «OP-01» no tiene objetivo: el campo «objetivo» falta o está vacío.');
    expect(diagnostics[0]!.hint).toBe(
      'Complete la carátula: el Plan de Mejora pide «Contar con las caratulas de proyecto Anexo 1 y 2 de cada uno de sus PPCS donde se describan las metas y los indicadores de medición de forma clara».',
    );
  });

  it('reports an objetivo written only with spaces on its own line', () => {
    const files = baseRepo();
    files[OP01].objetivo = '   ';
    expect(where(checkRule(PLAN010, files))).toEqual([at(files, 'objetivo:')]);
  });

  it('reports one finding per missing field: problemática, población objetivo and responsable', () => {
    const files = baseRepo();
    delete files[OP01].problematica;
    delete files[OP01].poblacion_objetivo;
    delete files[OP01].responsable;
    const diagnostics = checkRule(PLAN010, files);
    expect(where(diagnostics)).toEqual([at(files, 'id: OP-01'), at(files, 'id: OP-01'), at(files, 'id: OP-01')]);
    expect(diagnostics.map((d) => d.message.match(/«(\w+)»/)![1]).sort()).toEqual(['poblacion_objetivo', 'problematica', 'responsable']);
  });

  it('reports a carátula without metas on the carátula itself', () => {
    const files = baseRepo();
    delete files[OP01].metas;
    const diagnostics = checkRule(PLAN010, files);
    expect(where(diagnostics)).toEqual([at(files, 'id: OP-01')]);
    expect(diagnostics[0]!.message).toContain('no tiene metas');
  });

  it('reports an empty list of metas on the metas line', () => {
    const files = baseRepo();
    files[OP01].metas = [];
    expect(where(checkRule(PLAN010, files))).toEqual([at(files, 'metas:')]);
  });

  it('does not check a cancelled PPCS', () => {
    const files = baseRepo();
    files[OP01] = { id: 'OP-01', tipo: 'programa', nombre: 'Pavimentación', estatus: 'cancelado' };
    expect(checkRule(PLAN010, files)).toEqual([]);
  });

  it('checks a PPCS that has not started yet', () => {
    const files = baseRepo();
    files[OP01].estatus = 'por_iniciar';
    delete files[OP01].responsable;
    expect(where(checkRule(PLAN010, files))).toEqual([at(files, 'id: OP-01')]);
  });

  it('reports a meta without indicador on the meta, and nothing about the indicator’s parts', () => {
    const files = baseRepo();
    delete files[OP01].metas[0].indicador;
    const diagnostics = checkRule(PLAN010, files);
    expect(where(diagnostics)).toEqual([at(files, 'id: M1')]);
    expect(diagnostics[0]!.message).toBe(
      'La meta «M1» del PPCS «OP-01» no tiene indicador de medición: falta «indicador» con su nombre, fórmula, unidad de medida, sentido y acumulación.',
    );
  });

  it('reports an indicator without formula and without unit on the indicador line', () => {
    const files = baseRepo();
    delete files[OP01].metas[0].indicador.formula;
    delete files[OP01].metas[0].indicador.unidad_medida;
    const diagnostics = checkRule(PLAN010, files);
    expect(where(diagnostics)).toEqual([at(files, 'indicador:'), at(files, 'indicador:')]);
    expect(diagnostics.map((d) => d.message).join('\n')).toContain('no tiene fórmula de cálculo');
    expect(diagnostics.map((d) => d.message).join('\n')).toContain('no tiene unidad de medida');
  });

  it('reports a meta without programacion on the meta', () => {
    const files = baseRepo();
    delete files[OP01].metas[0].programacion;
    expect(where(checkRule(PLAN010, files))).toEqual([at(files, 'id: M1')]);
  });

  it('reports a programacion with no quarter on the programacion line', () => {
    const files = baseRepo();
    files[OP01].metas[0].programacion = {};
    const diagnostics = checkRule(PLAN010, files);
    expect(where(diagnostics)).toEqual([at(files, 'programacion:')]);
    expect(diagnostics[0]!.message).toContain('no tiene ningún trimestre (T1 a T4)');
  });

  it('accepts a programacion with a single quarter', () => {
    const files = baseRepo();
    files[OP01].metas[0].programacion = { T4: 10 };
    expect(checkRule(PLAN010, files)).toEqual([]);
  });

  it('reports a meta without meta_anual on the meta, for each incomplete meta', () => {
    const files = baseRepo();
    delete files[OP01].metas[0].meta_anual;
    files[OP01].metas.push({ ...files[OP01].metas[0], id: 'M2', descripcion: 'Calles balizadas' });
    expect(where(checkRule(PLAN010, files))).toEqual([at(files, 'id: M1'), at(files, 'id: M2')]);
  });
});
