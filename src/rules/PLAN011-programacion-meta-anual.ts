import { formatNumber } from '../i18n/numbers.js';
import { quote } from '../i18n/text.js';
import { accumulate, acumulacionOf, isAdjusted } from '../model/progress.js';
import { QUARTERS, type Meta, type Quarter } from '../model/types.js';
import { defineRule } from './rule.js';

// Floating-point sums (0.1 + 0.2) must not turn a zero tolerance into a false finding.
const ROUNDING = 1e-9;

export const PLAN011 = defineRule({
  meta: {
    id: 'PLAN011',
    title: { es: 'Programación trimestral incongruente con la meta anual', en: 'Quarterly programming inconsistent with the annual target' },
    criterio: 'consistencia_programatica',
    rationale:
      'El Plan de Mejora pide «Realizar la planeación correspondiente de forma estratégica» y describir en la carátula «las metas y los indicadores de medición de forma clara». Si lo programado trimestre a trimestre no lleva a la meta anual declarada (según se acumule el indicador: suma, último valor o promedio), el semáforo trimestral y la evaluación anual medirían contra metas que se contradicen.',
    defaultSeverity: 'warning',
    hint: {
      es: 'Ajuste «meta_anual» a {esperado} o corrija la programación trimestral; se tolera una diferencia de hasta {tolerancia} % (umbrales.tolerancia_programacion en plan.yaml).',
      en: 'Set "meta_anual" to {esperado} or fix the quarterly programming; a gap of up to {tolerancia} % is tolerated (umbrales.tolerancia_programacion in plan.yaml).',
    },
    messages: {
      suma: {
        es: 'La meta anual {anual} de la meta {meta} del PPCS {ppcs} no corresponde a su programación: con acumulación «suma», los trimestres programados suman {esperado}.',
        en: 'Annual target {anual} of meta {meta} of PPCS {ppcs} does not match its programming: with accumulation "suma", the programmed quarters add up to {esperado}.',
      },
      ultimo_valor: {
        es: 'La meta anual {anual} de la meta {meta} del PPCS {ppcs} no corresponde a su programación: con acumulación «ultimo_valor», el último trimestre programado ({trimestre}) vale {esperado}.',
        en: 'Annual target {anual} of meta {meta} of PPCS {ppcs} does not match its programming: with accumulation "ultimo_valor", the last programmed quarter ({trimestre}) is {esperado}.',
      },
      promedio: {
        es: 'La meta anual {anual} de la meta {meta} del PPCS {ppcs} no corresponde a su programación: con acumulación «promedio», el promedio de los trimestres programados es {esperado}.',
        en: 'Annual target {anual} of meta {meta} of PPCS {ppcs} does not match its programming: with accumulation "promedio", the average of the programmed quarters is {esperado}.',
      },
      ajustada: {
        es: 'La meta ajustada {anual} de la meta {meta} del PPCS {ppcs} no corresponde a su programación ajustada («ajuste.programacion»): con acumulación «{acumulacion}», los trimestres ajustados llegan a {esperado}.',
        en: 'Adjusted target {anual} of meta {meta} of PPCS {ppcs} does not match its adjusted programming ("ajuste.programacion"): with accumulation "{acumulacion}", the adjusted quarters reach {esperado}.',
      },
    },
    examples: {
      file: 'dependencias/OP/ppcs/OP-01.yaml',
      invalid: 'metas:\n  - id: M1\n    indicador: { nombre: Kilómetros pavimentados, unidad_medida: km, sentido: ascendente, acumulacion: suma }\n    programacion: { T1: 2, T2: 3, T3: 3, T4: 2 }\n    meta_anual: 12\n',
      valid: 'metas:\n  - id: M1\n    indicador: { nombre: Kilómetros pavimentados, unidad_medida: km, sentido: ascendente, acumulacion: suma }\n    programacion: { T1: 2, T2: 3, T3: 3, T4: 2 }\n    meta_anual: 10\n',
    },
  },
  check(model, report) {
    const tolerancia = model.config.toleranciaProgramacion;
    for (const { file, data } of model.ppcs) {
      (data.metas ?? []).forEach((meta, m) => {
        // Without an indicator the accumulation is unknown, and without an annual target
        // there is nothing to compare: both are PLAN010's findings.
        if (!meta.indicador || meta.meta_anual === undefined) return;
        const acumulacion = acumulacionOf(meta);
        // The carátula's own programming against its own annual target: an approved adjustment
        // does not make an inconsistent original plan consistent.
        const original = accumulate(meta.programacion ?? {}, acumulacion, 'T4');
        if (original !== undefined && !within(original, meta.meta_anual, tolerancia)) {
          report({
            messageId: acumulacion,
            file,
            path: ['metas', m, 'meta_anual'],
            about: { ppcs: data.id, meta: meta.id },
            data: names(meta, meta.meta_anual, original, data.id, tolerancia, lastProgrammed(meta.programacion)),
          });
        }
        // An approved adjustment with its own quarters must reach the adjusted goal; scaled
        // quarters (no ajuste.programacion) reach it by construction.
        const ajustada = meta.meta_ajustada;
        const adjusted = isAdjusted(meta) && meta.ajuste?.programacion ? accumulate(meta.ajuste.programacion, acumulacion, 'T4') : undefined;
        if (adjusted === undefined || ajustada === undefined || within(adjusted, ajustada, tolerancia)) return;
        report({
          messageId: 'ajustada',
          file,
          path: ['metas', m, 'ajuste', 'programacion'],
          atKey: true,
          about: { ppcs: data.id, meta: meta.id },
          hint: {
            es: 'Corrija «ajuste.programacion» para que llegue a la meta ajustada {anual}; se tolera una diferencia de hasta {tolerancia} % (umbrales.tolerancia_programacion en plan.yaml).',
            en: 'Fix "ajuste.programacion" so that it reaches the adjusted target {anual}; a gap of up to {tolerancia} % is tolerated (umbrales.tolerancia_programacion in plan.yaml).',
          },
          data: { ...names(meta, ajustada, adjusted, data.id, tolerancia, lastProgrammed(meta.ajuste!.programacion)), acumulacion },
        });
      });
    }
  },
});

/** The last quarter with a programmed value: the one an ultimo_valor meta ends the year on. */
function lastProgrammed(programacion: Meta['programacion']): Quarter | undefined {
  return QUARTERS.filter((quarter) => programacion?.[quarter] !== undefined).pop();
}

function within(esperado: number, anual: number, tolerancia: number): boolean {
  const allowed = (tolerancia / 100) * Math.abs(anual) + ROUNDING * Math.max(1, Math.abs(anual), Math.abs(esperado));
  return Math.abs(esperado - anual) <= allowed;
}

function names(meta: Meta, anual: number, esperado: number, ppcs: string, tolerancia: number, trimestre: Quarter | undefined) {
  return {
    anual: formatNumber(anual),
    esperado: formatNumber(esperado),
    meta: quote(meta.id),
    ppcs: quote(ppcs),
    trimestre: trimestre ?? '',
    tolerancia: formatNumber(tolerancia),
  };
}
