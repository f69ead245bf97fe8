import { formatNumber } from '../i18n/numbers.js';
import { quote } from '../i18n/text.js';
import { accumulate, acumulacionOf, isApproved, programmingSets } from '../model/progress.js';
import { QUARTERS, type Meta, type Quarter } from '../model/types.js';
import type { PathSegment } from '../yaml/path.js';
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
    scope: 'department',
    hint: {
      es: 'Ajuste «meta_anual» a {esperado} o corrija la programación trimestral; se tolera una diferencia de hasta {tolerancia} % (umbrales.tolerancia_programacion en plan.yaml).',
      en: 'Set "meta_anual" to {esperado} or fix the quarterly programming; a gap of up to {tolerancia} % is tolerated (umbrales.tolerancia_programacion in plan.yaml).',
    },
    messages: {
      suma: {
        es: 'La meta anual {anual} de la meta {meta} del PPCS {ppcs}{enEjercicio} no corresponde a su programación: con acumulación «suma», los trimestres programados suman {esperado}.',
        en: 'Annual target {anual} of meta {meta} of PPCS {ppcs}{inYear} does not match its programming: with accumulation "suma", the programmed quarters add up to {esperado}.',
      },
      ultimo_valor: {
        es: 'La meta anual {anual} de la meta {meta} del PPCS {ppcs}{enEjercicio} no corresponde a su programación: con acumulación «ultimo_valor», el último trimestre programado ({trimestre}) vale {esperado}.',
        en: 'Annual target {anual} of meta {meta} of PPCS {ppcs}{inYear} does not match its programming: with accumulation "ultimo_valor", the last programmed quarter ({trimestre}) is {esperado}.',
      },
      promedio: {
        es: 'La meta anual {anual} de la meta {meta} del PPCS {ppcs}{enEjercicio} no corresponde a su programación: con acumulación «promedio», el promedio de los trimestres programados es {esperado}.',
        en: 'Annual target {anual} of meta {meta} of PPCS {ppcs}{inYear} does not match its programming: with accumulation "promedio", the average of the programmed quarters is {esperado}.',
      },
      ajustada: {
        es: 'La meta ajustada {anual} de la meta {meta} del PPCS {ppcs}{enEjercicio} no corresponde a su programación ajustada («{campoAjuste}»): con acumulación «{acumulacion}», los trimestres ajustados llegan a {esperado}.',
        en: 'Adjusted target {anual} of meta {meta} of PPCS {ppcs}{inYear} does not match its adjusted programming ("{campoAjuste}"): with accumulation "{acumulacion}", the adjusted quarters reach {esperado}.',
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
        // Without an indicator the accumulation is unknown: PLAN010's finding.
        if (!meta.indicador) return;
        const acumulacion = acumulacionOf(meta);
        // The top-level programming (every year without its own entry) and each year's own
        // entry are checked alike, each at its own keys.
        for (const { values, year } of programmingSets(meta)) {
          const at: PathSegment[] = year === undefined ? ['metas', m] : ['metas', m, 'ejercicios', year];
          // Without an annual target there is nothing to compare: PLAN010's (or the schema's) finding.
          if (values.meta_anual === undefined) continue;
          const where = {
            campo: fieldName(year, 'meta_anual'),
            campoAjuste: fieldName(year, 'ajuste.programacion'),
            enEjercicio: year === undefined ? '' : ` en el ejercicio ${year}`,
            inYear: year === undefined ? '' : ` in ${year}`,
            ejercicio: year ?? '',
          };
          const about = { ppcs: data.id, meta: meta.id, ...(year === undefined ? {} : { ejercicio: Number(year) }) };
          // The programming against its own annual target: an approved adjustment does not
          // make an inconsistent original plan consistent.
          const original = accumulate(values.programacion ?? {}, acumulacion, 'T4');
          if (original !== undefined && !within(original, values.meta_anual, tolerancia)) {
            report({
              messageId: acumulacion,
              file,
              path: [...at, 'meta_anual'],
              about,
              // The rule's hint names the top-level field; a year's entry has its own.
              ...(year === undefined ? {} : { hint: YEAR_HINT }),
              data: { ...names(meta, values.meta_anual, original, data.id, tolerancia, lastProgrammed(values.programacion)), ...where },
            });
          }
          // An approved adjustment with its own quarters must reach the adjusted goal; scaled
          // quarters (no ajuste.programacion) reach it by construction.
          const ajustada = values.meta_ajustada;
          const adjusted = isApproved(values) && values.ajuste?.programacion ? accumulate(values.ajuste.programacion, acumulacion, 'T4') : undefined;
          if (adjusted === undefined || ajustada === undefined || within(adjusted, ajustada, tolerancia)) continue;
          report({
            messageId: 'ajustada',
            file,
            path: [...at, 'ajuste', 'programacion'],
            atKey: true,
            about,
            hint: {
              es: 'Corrija «{campoAjuste}» para que llegue a la meta ajustada {anual}; se tolera una diferencia de hasta {tolerancia} % (umbrales.tolerancia_programacion en plan.yaml).',
              en: 'Fix "{campoAjuste}" so that it reaches the adjusted target {anual}; a gap of up to {tolerancia} % is tolerated (umbrales.tolerancia_programacion in plan.yaml).',
            },
            data: { ...names(meta, ajustada, adjusted, data.id, tolerancia, lastProgrammed(values.ajuste!.programacion)), acumulacion, ...where },
          });
        }
      });
    }
  },
});

/** How to fix a year's entry whose quarters do not lead to its meta anual. */
const YEAR_HINT = {
  es: 'Ajuste «{campo}» a {esperado} o corrija «ejercicios.{ejercicio}.programacion»; se tolera una diferencia de hasta {tolerancia} % (umbrales.tolerancia_programacion en plan.yaml).',
  en: 'Set "{campo}" to {esperado} or fix "ejercicios.{ejercicio}.programacion"; a gap of up to {tolerancia} % is tolerated (umbrales.tolerancia_programacion in plan.yaml).',
};

/** The field as the department finds it in its carátula: «ejercicios.2020.meta_anual» for a year's entry. */
function fieldName(year: string | undefined, field: string): string {
  return year === undefined ? field : `ejercicios.${year}.${field}`;
}

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
