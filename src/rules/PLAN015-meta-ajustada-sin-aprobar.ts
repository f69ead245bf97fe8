import { formatNumber } from '../i18n/numbers.js';
import { quote } from '../i18n/text.js';
import { isApproved, programmingSets } from '../model/progress.js';
import type { PathSegment } from '../yaml/path.js';
import { defineRule } from './rule.js';

export const PLAN015 = defineRule({
  meta: {
    id: 'PLAN015',
    title: { es: 'Meta ajustada sin aprobación de Planeación', en: 'Adjusted target without Planeación\'s approval' },
    criterio: 'consistencia_programatica',
    rationale:
      'El Plan de Mejora pide «Contar con las caratulas de proyecto Anexo 1 y 2 de cada uno de sus PPCS donde se describan las metas y los indicadores de medición de forma clara», y los reportes deben manifestar «el avance de las metas planteadas en las caratulas de proyecto». Si una dependencia pudiera cambiar su propia meta con sólo escribir «meta_ajustada», el semáforo y la evaluación medirían contra una meta que nadie revisó. Por eso una meta ajustada sólo se aplica cuando Planeación aprueba el ajuste («ajuste» con quién aprobó y cuándo); mientras tanto todas las cifras siguen midiendo contra «meta_anual».',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Si Planeación aprobó el ajuste, agregue junto a «meta_ajustada» el bloque «ajuste» con «aprobo» (nombre y cargo) y «fecha» (AAAA-MM-DD); si no, quite «meta_ajustada».',
      en: 'If Planeación approved the adjustment, add next to "meta_ajustada" the "ajuste" block with "aprobo" (name and post) and "fecha" (YYYY-MM-DD); otherwise remove "meta_ajustada".',
    },
    messages: {
      sinAprobar: {
        es: 'La meta ajustada {ajustada} de la meta {meta} del PPCS {ppcs}{enEjercicio} no tiene la aprobación de Planeación («ajuste.aprobo»): no se aplica hasta que Planeación la apruebe; el semáforo y el avance siguen midiendo contra la meta anual {anual}.',
        en: 'Adjusted target {ajustada} of meta {meta} of PPCS {ppcs}{inYear} has no approval from Planeación ("ajuste.aprobo"): it does not apply until Planeación approves it; the semáforo and progress keep measuring against the annual target {anual}.',
      },
    },
    examples: {
      file: 'dependencias/OP/ppcs/OP-05.yaml',
      invalid: 'metas:\n  - id: M1\n    programacion: { T1: 2, T2: 3, T3: 3, T4: 2 }\n    meta_anual: 10\n    meta_ajustada: 3      # sin «ajuste»: no se aplica\n',
      valid:
        'metas:\n  - id: M1\n    programacion: { T1: 2, T2: 3, T3: 3, T4: 2 }\n    meta_anual: 10\n    meta_ajustada: 3\n    ajuste:\n      aprobo: Mtra. Laura Campos Ríos, Directora de Planeación\n      fecha: 2019-07-15\n      motivo: Recorte presupuestal de julio.\n',
    },
  },
  check(model, report) {
    for (const { file, data } of model.ppcs) {
      (data.metas ?? []).forEach((meta, m) => {
        // A year's own entry («ejercicios») carries its own adjustment, judged at its own keys.
        for (const { values, year } of programmingSets(meta)) {
          const at: PathSegment[] = year === undefined ? ['metas', m] : ['metas', m, 'ejercicios', year];
          if (values.meta_ajustada === undefined || isApproved(values)) continue;
          report({
            messageId: 'sinAprobar',
            file,
            path: [...at, 'meta_ajustada'],
            about: { ppcs: data.id, meta: meta.id, ...(year === undefined ? {} : { ejercicio: Number(year) }) },
            data: {
              ajustada: formatNumber(values.meta_ajustada),
              anual: values.meta_anual === undefined ? '—' : formatNumber(values.meta_anual),
              meta: quote(meta.id),
              ppcs: quote(data.id),
              enEjercicio: year === undefined ? '' : ` en el ejercicio ${year}`,
              inYear: year === undefined ? '' : ` in ${year}`,
            },
          });
        }
      });
    }
  },
});
