import { formatNumber, formatShare } from '../i18n/numbers.js';
import { quote } from '../i18n/text.js';
import { accumulate, achievedByQuarterOf, goalOf, isAdjusted } from '../model/progress.js';
import { Trimestre } from '../model/time.js';
import { defineRule } from './rule.js';

export const PLAN024 = defineRule({
  meta: {
    id: 'PLAN024',
    title: { es: 'Avance imposible o poco creíble', en: 'Impossible or implausible progress' },
    criterio: 'seguimiento_retroalimentacion',
    rationale:
      'El Plan de Mejora pide entregar los reportes trimestrales «en el formato correspondiente (Anexo 3 y 4) donde se manifieste el avance de las metas planteadas en las caratulas de proyecto». Un avance negativo o un porcentaje mayor que 100 no pueden ser reales y el reporte no puede aceptarse así (error). Un avance acumulado muy por encima de la meta anual suele ser un error de captura —por ejemplo, escribir el acumulado del año donde va sólo lo del trimestre— o una meta mal planeada, y se señala como advertencia; el límite es el de plan.yaml (umbrales.avance_excesivo, 150 % si no se indica) y sólo se aplica a indicadores ascendentes que se acumulan por suma.',
    defaultSeverity: 'error',
    scope: 'department',
    hint: {
      es: 'Revise el valor: escriba sólo lo logrado en el trimestre, en la unidad de medida de la meta.',
      en: 'Check the value: write only what was achieved this quarter, in the meta\'s unit.',
    },
    messages: {
      negativo: {
        es: 'El avance de la meta {meta} del PPCS {ppcs} es negativo ({valor}); un avance no puede ser menor que cero.',
        en: 'The progress of meta {meta} of PPCS {ppcs} is negative ({valor}); progress cannot be less than zero.',
      },
      porcentajeMayorA100: {
        es: 'El avance de la meta {meta} del PPCS {ppcs} es {valor} en {unidad}, que es un porcentaje; no puede ser mayor que 100.',
        en: 'The progress of meta {meta} of PPCS {ppcs} is {valor} in {unidad}, a percentage; it cannot be greater than 100.',
      },
      excesivo: {
        es: 'El avance acumulado de la meta {meta} del PPCS {ppcs} hasta {trimestre} es {acumulado}, el {porcentaje} % de su meta anual de {metaAnual}; supera el {umbral} % que se considera creíble.',
        en: 'The cumulative progress of meta {meta} of PPCS {ppcs} through {trimestre} is {acumulado}, {porcentaje} % of its annual target of {metaAnual}; above the {umbral} % considered plausible.',
      },
      excesivoAjustada: {
        es: 'El avance acumulado de la meta {meta} del PPCS {ppcs} hasta {trimestre} es {acumulado}, el {porcentaje} % de su meta ajustada (aprobada) de {metaAnual}; supera el {umbral} % que se considera creíble.',
        en: 'The cumulative progress of meta {meta} of PPCS {ppcs} through {trimestre} is {acumulado}, {porcentaje} % of its approved adjusted target of {metaAnual}; above the {umbral} % considered plausible.',
      },
    },
    examples: {
      file: 'dependencias/OP/reportes/2019-T2.yaml',
      invalid: 'ppcs:\n  - id: OP-01        # meta anual: 10 km; en T1 se reportaron 2\n    avances:\n      - meta: M1\n        valor: 14      # acumulado 16 km, 160 % de la meta anual\n        unidad_medida: km\n',
      valid: 'ppcs:\n  - id: OP-01\n    avances:\n      - meta: M1\n        valor: 3\n        unidad_medida: km\n',
    },
  },
  check(model, report) {
    const umbral = model.config.avanceExcesivo;
    for (const { file, placement, data } of model.reportes) {
      const folder = placement.folder!;
      const trimestre = Trimestre.parse(data.trimestre);
      const { year, quarter } = trimestre;
      // A report declaring another quarter than its file name is PLAN005's: what it adds to
      // the year's total is unknown until that is fixed.
      const judgeTotal = data.trimestre === placement.stem;
      data.ppcs.forEach((entry, i) => {
        // Only against the department's own carátula: another department's PPCS is PLAN004's.
        const caratula = model.caratulaOf(folder, entry.id)?.data;
        (entry.avances ?? []).forEach((avance, j) => {
          // Built only for a finding: most avances have none.
          const at = () => ({ file, path: ['ppcs', i, 'avances', j, 'valor'], about: { ppcs: entry.id, meta: avance.meta, trimestre: data.trimestre } });
          const names = () => ({ meta: quote(avance.meta), ppcs: quote(entry.id) });
          // Six decimals, the finest step PLAN009 lets through: -0.001 rounded to two would read «negativo (0)».
          if (avance.valor < 0) {
            report({ ...at(), messageId: 'negativo', data: { ...names(), valor: formatNumber(avance.valor, 6) } });
            return;
          }
          if (model.unitsByClave.get(avance.unidad_medida)?.es_porcentaje && avance.valor > 100) {
            report({ ...at(), messageId: 'porcentajeMayorA100', data: { ...names(), valor: formatNumber(avance.valor, 6), unidad: quote(avance.unidad_medida) } });
            return;
          }
          const meta = caratula?.metas?.find((m) => m.id === avance.meta);
          // The goal every figure of the report's year uses: that year's approved meta_ajustada replaces its meta_anual.
          const metaAnual = meta && goalOf(meta, year);
          if (!judgeTotal || !meta || meta.indicador?.sentido !== 'ascendente' || meta.indicador.acumulacion !== 'suma' || metaAnual === undefined || metaAnual <= 0) return;
          const limit = (metaAnual * umbral) / 100;
          const values = achievedByQuarterOf(model, folder, entry.id, meta.id, year);
          const acumulado = accumulate(values, 'suma', quarter);
          const previous = quarter === 'T1' ? undefined : accumulate(values, 'suma', trimestre.previous().quarter);
          // Only the report that pushed the total over the limit is flagged; later ones inherit it.
          if (acumulado === undefined || acumulado <= limit || (previous !== undefined && previous > limit)) return;
          report({
            ...at(),
            messageId: isAdjusted(meta, year) ? 'excesivoAjustada' : 'excesivo',
            severity: 'warning',
            data: {
              ...names(),
              trimestre: quote(data.trimestre),
              acumulado: formatNumber(acumulado),
              porcentaje: formatShare(acumulado, metaAnual),
              metaAnual: formatNumber(metaAnual),
              umbral: formatNumber(umbral),
            },
          });
        });
      });
    }
  },
});
