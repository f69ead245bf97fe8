import { joinWithAnd, quote, type Text } from '../i18n/text.js';
import type { Indicador } from '../model/types.js';
import { defineRule } from './rule.js';

// The seed's action for Consistencia Programática, quoted verbatim in the rationale.
const ANEXO_1_Y_2 =
  'Contar con las caratulas de proyecto Anexo 1 y 2 de cada uno de sus PPCS donde se describan las metas y los indicadores de medición de forma clara';

/**
 * The indicator fields the «Indicadores de resultados» table (LGT art. 70 fr. VI) publishes
 * and that the carátula may leave out, in the order of the format's columns. The other
 * columns come from fields the schema or PLAN010 already require.
 */
const FIELDS = ['dimension', 'definicion', 'frecuencia', 'linea_base', 'fuente'] as const satisfies readonly (keyof Indicador)[];

/** What to write for each field, for a hint that names only the missing ones. */
const HOW: Record<(typeof FIELDS)[number], Text> = {
  dimension: { es: '«dimension» (eficacia, eficiencia, calidad o economia)', en: '"dimension" (eficacia, eficiencia, calidad or economia)' },
  definicion: { es: '«definicion» (qué mide, en palabras)', en: '"definicion" (what it measures, in words)' },
  frecuencia: { es: '«frecuencia» (mensual, trimestral, semestral o anual)', en: '"frecuencia" (mensual, trimestral, semestral or anual)' },
  linea_base: { es: '«linea_base» (un número, o {valor, anio})', en: '"linea_base" (a number, or {valor, anio})' },
  fuente: { es: '«fuente» (de dónde salen los datos)', en: '"fuente" (where the data comes from)' },
};

function hintFor(missing: readonly (typeof FIELDS)[number][]): Text {
  return {
    es: `Agregue al indicador ${joinWithAnd(missing.map((field) => HOW[field].es), 'es')}.`,
    en: `Add to the indicator ${joinWithAnd(missing.map((field) => HOW[field].en), 'en')}.`,
  };
}

/** Text that is only blanks is published as «Sin dato», like a missing field. */
function lacks(indicador: Indicador, field: (typeof FIELDS)[number]): boolean {
  const value = indicador[field];
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

export const PLAN014 = defineRule({
  meta: {
    id: 'PLAN014',
    title: { es: 'Indicador sin los datos que pide el formato de transparencia', en: 'Indicator lacks data the transparency format needs' },
    criterio: 'consistencia_programatica',
    rationale: `El Plan de Mejora pide «${ANEXO_1_Y_2}», y cada trimestre el municipio publica sus indicadores en el formato de Indicadores de resultados de la Ley General de Transparencia (art. 70, fracción VI), que tiene columnas para la dimensión a medir, la definición del indicador, la frecuencia de medición, la línea base y la fuente de información. Un indicador sin esos datos se publica con «Sin dato»: la advertencia llega mientras se captura la carátula, no cuando ya hay que publicar. Revisa los PPCS que se publican (todos los no cancelados); una meta sin indicador es de PLAN010.`,
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Agregue al indicador lo que falta: «dimension» (eficacia, eficiencia, calidad o economia), «definicion» (qué mide, en palabras), «frecuencia» (mensual, trimestral, semestral o anual), «linea_base» (un número, o {valor, anio}) y «fuente» (de dónde salen los datos).',
      en: 'Add what is missing to the indicator: "dimension" (eficacia, eficiencia, calidad or economia), "definicion" (what it measures, in words), "frecuencia" (mensual, trimestral, semestral or anual), "linea_base" (a number, or {valor, anio}) and "fuente" (where the data comes from).',
    },
    messages: {
      faltaUno: {
        es: 'El indicador de la meta {meta} del PPCS {ppcs} no tiene {campos}, que se publica en el formato de Indicadores de resultados (Ley General de Transparencia, art. 70, fracción VI).',
        en: 'The indicator of meta {meta} of PPCS {ppcs} has no {campos}, which the Indicadores de resultados format publishes (Ley General de Transparencia, art. 70, fracción VI).',
      },
      faltanVarios: {
        es: 'El indicador de la meta {meta} del PPCS {ppcs} no tiene {campos}, que se publican en el formato de Indicadores de resultados (Ley General de Transparencia, art. 70, fracción VI).',
        en: 'The indicator of meta {meta} of PPCS {ppcs} has no {campos}, which the Indicadores de resultados format publishes (Ley General de Transparencia, art. 70, fracción VI).',
      },
    },
    examples: {
      file: 'dependencias/OP/ppcs/OP-01.yaml',
      invalid:
        'metas:\n  - id: M1\n    descripcion: Kilómetros pavimentados\n    indicador:\n      nombre: Kilómetros pavimentados\n      formula: Suma de km terminados\n      unidad_medida: km\n      sentido: ascendente\n      acumulacion: suma\n',
      valid:
        'metas:\n  - id: M1\n    descripcion: Kilómetros pavimentados\n    indicador:\n      nombre: Kilómetros pavimentados\n      formula: Suma de km terminados\n      unidad_medida: km\n      sentido: ascendente\n      acumulacion: suma\n      dimension: eficacia\n      definicion: Mide los kilómetros de calle pavimentados en el año.\n      frecuencia: trimestral\n      linea_base: { valor: 8, anio: 2018 }\n      fuente: Bitácoras de obra de la Dirección de Obras Públicas\n',
    },
  },
  check(model, report) {
    for (const { file, data } of model.ppcs) {
      if (data.estatus === 'cancelado') continue;
      (data.metas ?? []).forEach((meta, m) => {
        if (!meta.indicador) return;
        const missing = FIELDS.filter((field) => lacks(meta.indicador!, field));
        if (missing.length === 0) return;
        // One finding per indicator, on its «indicador:» line, naming every missing field.
        report({
          messageId: missing.length === 1 ? 'faltaUno' : 'faltanVarios',
          file,
          path: ['metas', m, 'indicador'],
          atKey: true,
          hint: hintFor(missing),
          data: { meta: quote(meta.id), ppcs: quote(data.id), campos: missing.map((field) => quote(field)).join(', ') },
          about: { ppcs: data.id, meta: meta.id },
        });
      });
    }
  },
});
