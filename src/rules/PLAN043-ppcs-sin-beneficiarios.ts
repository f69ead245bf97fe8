import { formatNumber as n } from '../i18n/numbers.js';
import { quote } from '../i18n/text.js';
import { defineRule } from './rule.js';

export const PLAN043 = defineRule({
  meta: {
    id: 'PLAN043',
    title: { es: 'PPCS con población objetivo sin beneficiarios en su reporte', en: 'PPCS with a target population and no beneficiaries in its report' },
    criterio: 'calidad_cobertura',
    rationale:
      'El criterio Calidad de Resultados y Cobertura de la Intervención pide que «la cobertura de la intervención beneficie a un porcentaje considerable respecto a la población objetivo». Un PPCS en operación cuya carátula fija una población objetivo debe informar en cada reporte trimestral a las personas que atendió: si no lo hace, al cierre del año su cobertura es 0 sin que nadie lo haya advertido. Por eso se advierte durante el año, en cada reporte entregado, y no sólo en la evaluación anual.',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Agregue «beneficiarios» a la entrada del PPCS con el «total» de personas atendidas en el trimestre (0 si no atendió a nadie) y, si suma personas nuevas cada trimestre, «conteo: nuevas».',
      en: 'Add "beneficiarios" to the PPCS entry with the "total" of people served in the quarter (0 if it served nobody) and, if it adds new people each quarter, "conteo: nuevas".',
    },
    messages: {
      sinBeneficiarios: {
        es: 'El PPCS {ppcs} tiene una población objetivo de {poblacion} personas, pero el reporte {trimestre} no informa sus beneficiarios; sin ellos no se puede medir su cobertura.',
        en: 'PPCS {ppcs} has a target population of {poblacion} people, but report {trimestre} gives no beneficiaries; without them its coverage cannot be measured.',
      },
    },
    examples: {
      file: 'dependencias/DIF/reportes/2019-T1.yaml',
      invalid: 'ppcs:\n  - id: DIF-01        # su carátula: poblacion_objetivo: {cantidad: 800}\n    estatus: activo\n    avances: [...]\n',
      valid: 'ppcs:\n  - id: DIF-01\n    estatus: activo\n    avances: [...]\n    beneficiarios:\n      total: 590\n      mujeres: 300\n      hombres: 290\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.reportes) {
      data.ppcs.forEach((entry, i) => {
        if (entry.beneficiarios) return;
        // A PPCS that did not run this quarter (por iniciar, suspendido, concluido, cancelado) served nobody.
        if (entry.estatus !== undefined && entry.estatus !== 'activo') return;
        // Only the department's own carátula: another department's PPCS is PLAN004's.
        const caratula = model.caratulaOf(placement.folder!, entry.id)?.data;
        if (!caratula || caratula.estatus === 'cancelado') return;
        const poblacion = caratula.poblacion_objetivo?.cantidad ?? 0;
        if (poblacion <= 0) return;
        // A PPCS with gender perspective is PLAN041's finding, which also asks for the split by sex.
        if (caratula.perspectiva_genero?.aplica === true) return;
        report({
          messageId: 'sinBeneficiarios',
          file,
          path: ['ppcs', i],
          about: { ppcs: entry.id, trimestre: data.trimestre },
          data: { ppcs: quote(entry.id), poblacion: n(poblacion), trimestre: quote(data.trimestre) },
        });
      });
    }
  },
});
