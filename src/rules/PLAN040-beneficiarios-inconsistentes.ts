import { formatNumber as n } from '../i18n/numbers.js';
import { quote, type Text } from '../i18n/text.js';
import { defineRule } from './rule.js';

const POBLACION_HINT: Text = {
  es: 'Revise el total de beneficiarios del trimestre o, si la población objetivo cambió, actualice «poblacion_objetivo.cantidad» en la carátula.',
  en: 'Check the quarter\'s total beneficiaries or, if the target population changed, update "poblacion_objetivo.cantidad" in the cover sheet.',
};

export const PLAN040 = defineRule({
  meta: {
    id: 'PLAN040',
    title: { es: 'Beneficiarios inconsistentes', en: 'Inconsistent beneficiaries' },
    criterio: 'calidad_cobertura',
    rationale:
      'El criterio Calidad de Resultados y Cobertura de la Intervención pide que «la cobertura de la intervención beneficie a un porcentaje considerable respecto a la población objetivo». La cobertura sólo se puede medir si los beneficiarios reportados cuadran: mujeres más hombres deben sumar el total (error, el dato no se puede aceptar) y el total de un trimestre no debería superar la población objetivo de la carátula (advertencia: o el dato o la población objetivo están mal).',
    defaultSeverity: 'error',
    hint: {
      es: 'Corrija las cifras de «beneficiarios» para que mujeres más hombres sumen el total y el total no exceda la población objetivo de la carátula.',
      en: 'Fix the "beneficiarios" figures so that women plus men add up to the total and the total does not exceed the cover sheet\'s target population.',
    },
    messages: {
      sumaDistinta: {
        es: 'Los beneficiarios del PPCS {ppcs} no cuadran: mujeres ({mujeres}) más hombres ({hombres}) suman {suma}, pero el total es {total}.',
        en: 'Beneficiaries of PPCS {ppcs} do not add up: women ({mujeres}) plus men ({hombres}) make {suma}, but the total is {total}.',
      },
      mujeresExceden: {
        es: 'Los beneficiarios del PPCS {ppcs} no cuadran: las mujeres ({valor}) son más que el total ({total}).',
        en: 'Beneficiaries of PPCS {ppcs} do not add up: women ({valor}) exceed the total ({total}).',
      },
      hombresExceden: {
        es: 'Los beneficiarios del PPCS {ppcs} no cuadran: los hombres ({valor}) son más que el total ({total}).',
        en: 'Beneficiaries of PPCS {ppcs} do not add up: men ({valor}) exceed the total ({total}).',
      },
      excedePoblacion: {
        es: 'El total de beneficiarios del PPCS {ppcs} ({total}) es mayor que la población objetivo de su carátula ({poblacion}).',
        en: 'The total beneficiaries of PPCS {ppcs} ({total}) exceed the target population in its cover sheet ({poblacion}).',
      },
    },
    examples: {
      file: 'dependencias/DIF/reportes/2019-T1.yaml',
      invalid: 'ppcs:\n  - id: DIF-01\n    beneficiarios:\n      total: 600\n      mujeres: 300\n      hombres: 290   # 300 + 290 = 590\n',
      valid: 'ppcs:\n  - id: DIF-01\n    beneficiarios:\n      total: 590\n      mujeres: 300\n      hombres: 290\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.reportes) {
      data.ppcs.forEach((entry, i) => {
        const beneficiarios = entry.beneficiarios;
        if (!beneficiarios) return;
        const { total, mujeres, hombres } = beneficiarios;
        const at = ['ppcs', i, 'beneficiarios'];
        const ppcs = quote(entry.id);
        const about = { ppcs: entry.id, trimestre: data.trimestre };
        if (mujeres !== undefined && hombres !== undefined) {
          if (mujeres + hombres !== total) {
            report({ messageId: 'sumaDistinta', file, path: [...at, 'total'], about, data: { ppcs, mujeres: n(mujeres), hombres: n(hombres), suma: n(mujeres + hombres), total: n(total) } });
          }
        } else if (mujeres !== undefined && mujeres > total) {
          report({ messageId: 'mujeresExceden', file, path: [...at, 'mujeres'], about, data: { ppcs, valor: n(mujeres), total: n(total) } });
        } else if (hombres !== undefined && hombres > total) {
          report({ messageId: 'hombresExceden', file, path: [...at, 'hombres'], about, data: { ppcs, valor: n(hombres), total: n(total) } });
        }
        // Only the department's own carátula: another department's PPCS is PLAN004's.
        const poblacion = model.caratulaOf(placement.folder!, entry.id)?.data.poblacion_objetivo?.cantidad;
        if (poblacion !== undefined && total > poblacion) {
          report({ messageId: 'excedePoblacion', severity: 'warning', file, path: [...at, 'total'], about, data: { ppcs, total: n(total), poblacion: n(poblacion) }, hint: POBLACION_HINT });
        }
      });
    }
  },
});
