import { formatNumber } from '../i18n/numbers.js';
import { quote } from '../i18n/text.js';
import { acumulacionOf, programmedThrough } from '../model/progress.js';
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
        // What the programming reaches by year end, accumulated the way the report adds it up.
        const esperado = programmedThrough(meta, 'T4');
        if (esperado === undefined) return;
        const acumulacion = acumulacionOf(meta);
        const anual = meta.meta_anual;
        const gap = Math.abs(esperado - anual);
        const allowed = (tolerancia / 100) * Math.abs(anual) + ROUNDING * Math.max(1, Math.abs(anual), Math.abs(esperado));
        if (gap <= allowed) return;
        report({
          messageId: acumulacion,
          file,
          path: ['metas', m, 'meta_anual'],
          about: { ppcs: data.id, meta: meta.id },
          data: {
            anual: formatNumber(anual),
            esperado: formatNumber(esperado),
            meta: quote(meta.id),
            ppcs: quote(data.id),
            trimestre: lastProgrammed(meta) ?? '',
            tolerancia: formatNumber(tolerancia),
          },
        });
      });
    }
  },
});

/** The last quarter with a programmed value: the one an ultimo_valor meta ends the year on. */
function lastProgrammed(meta: Meta): Quarter | undefined {
  return QUARTERS.filter((quarter) => meta.programacion?.[quarter] !== undefined).pop();
}
