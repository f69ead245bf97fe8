import { quote as q } from '../i18n/text.js';
import { QUARTERS, type Acumulacion, type Meta, type Quarter } from '../model/types.js';
import type { Rule } from './rule.js';

/** What the quarterly programming says the year should reach, by accumulation kind. */
function expectedAnnual(acumulacion: Acumulacion, programmed: readonly [Quarter, number][]): number {
  const values = programmed.map(([, value]) => value);
  const sum = values.reduce((total, value) => total + value, 0);
  switch (acumulacion) {
    case 'suma':
      return sum;
    case 'ultimo_valor':
      return values[values.length - 1]!;
    case 'promedio':
      return sum / values.length;
  }
}

/** Numbers as a planning office writes them: integers plain, fractions with two decimals at most. */
function formatNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

// Floating-point sums (0.1 + 0.2) must not turn a zero tolerance into a false finding.
const ROUNDING = 1e-9;

export const PLAN011: Rule = {
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
        const programmed = programmedQuarters(meta);
        const acumulacion = meta.indicador?.acumulacion;
        // Without programming, annual target or indicator there is nothing to compare: PLAN010's case.
        if (programmed.length === 0 || meta.meta_anual === undefined || !acumulacion) return;
        const anual = meta.meta_anual;
        const esperado = expectedAnnual(acumulacion, programmed);
        const gap = Math.abs(esperado - anual);
        const allowed = (tolerancia / 100) * Math.abs(anual) + ROUNDING * Math.max(1, Math.abs(anual), Math.abs(esperado));
        if (gap <= allowed) return;
        report({
          messageId: acumulacion,
          file,
          path: ['metas', m, 'meta_anual'],
          data: {
            anual: formatNumber(anual),
            esperado: formatNumber(esperado),
            meta: q(meta.id),
            ppcs: q(data.id),
            trimestre: programmed[programmed.length - 1]![0],
            tolerancia: formatNumber(tolerancia),
          },
        });
      });
    }
  },
};

/** The quarters with a programmed value, in calendar order. */
function programmedQuarters(meta: Meta): [Quarter, number][] {
  const programmed: [Quarter, number][] = [];
  for (const quarter of QUARTERS) {
    const value = meta.programacion?.[quarter];
    if (value !== undefined) programmed.push([quarter, value]);
  }
  return programmed;
}
