import { describe, expect, it } from 'vitest';
import { PLAN014 } from '../../src/rules/PLAN014-indicador-sin-datos-de-transparencia.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';

describe('PLAN014 indicator lacks data the transparency format needs', () => {
  it('accepts indicators with dimension, definicion, frecuencia, linea_base and fuente', () => {
    expect(checkRule(PLAN014, baseRepo())).toEqual([]);
  });

  it('warns once on the «indicador:» line, naming every missing field in the order of the format', () => {
    const files = baseRepo();
    const indicador = files[OP_01].metas[0].indicador;
    for (const field of ['fuente', 'linea_base', 'frecuencia', 'definicion', 'dimension']) delete indicador[field];
    const diagnostics = checkRule(PLAN014, files);
    expect(where(diagnostics)).toEqual([`PLAN014 ${OP_01}:${lineOf(files, OP_01, 'indicador:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'El indicador de la meta «M1» del PPCS «OP-01» no tiene «dimension», «definicion», «frecuencia», «linea_base», «fuente», que se publican en el formato de Indicadores de resultados (Ley General de Transparencia, art. 70, fracción VI).',
    );
  });

  it('hints how to write each missing field, and only those', () => {
    const files = baseRepo();
    delete files[OP_01].metas[0].indicador.dimension;
    delete files[OP_01].metas[0].indicador.linea_base;
    expect(checkRule(PLAN014, files)[0]!.hint).toBe('Agregue al indicador «dimension» (eficacia, eficiencia, calidad o economia) y «linea_base» (un número, o {valor, anio}).');
    expect(checkRule(PLAN014, files, { lang: 'en' })[0]!.hint).toBe('Add to the indicator "dimension" (eficacia, eficiencia, calidad or economia) and "linea_base" (a number, or {valor, anio}).');
  });

  it('names a single missing field in the singular', () => {
    const files = baseRepo();
    delete files[OP_01].metas[0].indicador.dimension;
    expect(checkRule(PLAN014, files)[0]!.message).toBe(
      'El indicador de la meta «M1» del PPCS «OP-01» no tiene «dimension», que se publica en el formato de Indicadores de resultados (Ley General de Transparencia, art. 70, fracción VI).',
    );
  });

  it('speaks English with --lang en', () => {
    const files = baseRepo();
    delete files[OP_01].metas[0].indicador.fuente;
    expect(checkRule(PLAN014, files, { lang: 'en' })[0]!.message).toBe(
      'The indicator of meta «M1» of PPCS «OP-01» has no «fuente», which the Indicadores de resultados format publishes (Ley General de Transparencia, art. 70, fracción VI).',
    );
  });

  it('points at the indicator of the meta that lacks the field, one finding per indicator', () => {
    const files = baseRepo();
    const m1 = files[OP_01].metas[0];
    const m2 = { ...structuredClone(m1), id: 'M2' };
    delete m2.indicador.definicion;
    delete m2.indicador.fuente;
    files[OP_01].metas.push(m2);
    const diagnostics = checkRule(PLAN014, files);
    expect(where(diagnostics)).toEqual([`PLAN014 ${OP_01}:${lineOf(files, OP_01, 'indicador:', 'id: M2')}`]);
    expect(diagnostics[0]!.message).toContain('de la meta «M2» del PPCS «OP-01» no tiene «definicion», «fuente»,');
  });

  it('counts a definition of blanks only as missing', () => {
    const files = baseRepo();
    files[OP_01].metas[0].indicador.definicion = '   ';
    expect(checkRule(PLAN014, files)[0]!.message).toContain('no tiene «definicion»,');
  });

  it('accepts a baseline given as {valor, anio}', () => {
    const files = baseRepo();
    files[OP_01].metas[0].indicador.linea_base = { valor: 8, anio: 2018 };
    expect(checkRule(PLAN014, files)).toEqual([]);
  });

  it('accepts a baseline of zero', () => {
    const files = baseRepo();
    files[OP_01].metas[0].indicador.linea_base = 0;
    expect(checkRule(PLAN014, files)).toEqual([]);
  });

  it('checks a PPCS that is not active yet but still published', () => {
    const files = baseRepo();
    files[OP_01].estatus = 'por_iniciar';
    delete files[OP_01].metas[0].indicador.dimension;
    expect(where(checkRule(PLAN014, files))).toEqual([`PLAN014 ${OP_01}:${lineOf(files, OP_01, 'indicador:')}`]);
  });

  it('leaves a cancelled PPCS alone: it is not published', () => {
    const files = baseRepo();
    files[OP_01].estatus = 'cancelado';
    delete files[OP_01].metas[0].indicador.dimension;
    expect(checkRule(PLAN014, files)).toEqual([]);
  });

  it('leaves a meta without indicator to PLAN010', () => {
    const files = baseRepo();
    delete files[OP_01].metas[0].indicador;
    expect(checkRule(PLAN014, files)).toEqual([]);
  });
});
