import { describe, expect, it } from 'vitest';
import { PLAN060 } from '../../src/rules/PLAN060-tipo-de-plan.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP = 'dependencias/OP/dependencia.yaml';

describe('PLAN060 plan type that does not follow from the previous evaluation’s grade', () => {
  it('accepts a Consolidación plan after an Aceptable evaluation', () => {
    expect(checkRule(PLAN060, baseRepo())).toEqual([]);
  });

  it('reports a Consolidación plan after an Insuficiente evaluation on its tipo, naming Reestructuración', () => {
    const files = baseRepo();
    files[OP].evaluaciones[2018] = { puntaje: 47, grado: 'Insuficiente' };
    const diagnostics = checkRule(PLAN060, files);
    expect(where(diagnostics)).toEqual([`PLAN060 ${OP}:${lineOf(files, OP, 'tipo:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe(
      'El Plan de Mejora 2019 es de tipo «Consolidación», pero la evaluación 2018 tiene grado «Insuficiente», que en la rúbrica de plan.yaml lleva a un plan de tipo «Reestructuración».',
    );
  });

  it('follows the rubric of plan.yaml, not the default one', () => {
    const files = baseRepo();
    files['plan.yaml'].rubrica = {
      pesos: { consistencia_programatica: 20, seguimiento_retroalimentacion: 25, integracion_organizacion: 10, integralidad: 15, calidad_cobertura: 20, perspectiva_genero: 10 },
      grados: [
        { grado: 'Aceptable', minimo: 60, tipo_plan: 'Mejora continua' },
        { grado: 'Insuficiente', minimo: 0, tipo_plan: 'Reestructuración' },
      ],
    };
    // Both departments of the base fixture have the Consolidación plan after an Aceptable 2018.
    const diagnostics = checkRule(PLAN060, files);
    expect(diagnostics.map((d) => [d.file, d.message])).toEqual(
      ['DIF', 'OP'].map((clave) => [
        `dependencias/${clave}/dependencia.yaml`,
        'El Plan de Mejora 2019 es de tipo «Consolidación», pero la evaluación 2018 tiene grado «Aceptable», que en la rúbrica de plan.yaml lleva a un plan de tipo «Mejora continua».',
      ]),
    );
  });

  it('takes the band of the score when the recorded grade is not in the rubric (PLAN061 reports the grade)', () => {
    const files = baseRepo();
    files[OP].evaluaciones[2018] = { puntaje: 55, grado: 'Regular' };
    expect(checkRule(PLAN060, files).map((d) => d.message)).toEqual([
      'El Plan de Mejora 2019 es de tipo «Consolidación», pero la evaluación 2018 tiene grado «Regular», que en la rúbrica de plan.yaml lleva a un plan de tipo «Fortalecimiento».',
    ]);
  });

  it('says nothing about a plan whose previous year has no recorded evaluation', () => {
    const files = baseRepo();
    files[OP].planes_de_mejora[2020] = { tipo: 'Innovación', acciones: structuredClone(files[OP].planes_de_mejora[2019].acciones) };
    expect(checkRule(PLAN060, files)).toEqual([]);
  });

  it('checks every year’s plan against the evaluation of the year before it', () => {
    const files = baseRepo();
    files[OP].evaluaciones[2019] = { puntaje: 90, grado: 'Sobresaliente' };
    files[OP].planes_de_mejora[2020] = { tipo: 'Consolidación', acciones: structuredClone(files[OP].planes_de_mejora[2019].acciones) };
    const diagnostics = checkRule(PLAN060, files);
    expect(where(diagnostics)).toEqual([`PLAN060 ${OP}:${lineOf(files, OP, 'tipo:', '"2020":')}`]);
    expect(diagnostics[0]!.message).toContain('que en la rúbrica de plan.yaml lleva a un plan de tipo «Innovación».');
  });
});
