import { formatNumber, formatPercent } from '../i18n/numbers.js';
import { quote, type Text } from '../i18n/text.js';
import type { EstatusPpcs } from '../model/types.js';
import { defineRule } from './rule.js';

// A concluded PPCS did its work; cancelled, suspended or not-yet-started ones did not.
const COUNTS_AS_ACTIVE: ReadonlySet<EstatusPpcs> = new Set(['activo', 'concluido']);

// A department with no PPCS has nothing to reactivate: it needs its first carátula.
const SIN_PPCS_HINT: Text = {
  es: 'Cree la primera carátula de la dependencia en «dependencias/{carpeta}/ppcs/{carpeta}-01.yaml» (Anexo 1 y 2), con su estatus.',
  en: 'Create the department\'s first cover sheet at "dependencias/{carpeta}/ppcs/{carpeta}-01.yaml" (Anexo 1 y 2), with its status.',
};

export const PLAN013 = defineRule({
  meta: {
    id: 'PLAN013',
    title: { es: 'Menos de la mitad de los PPCS de la dependencia están activos', en: 'Fewer than half of the department\'s PPCS are active' },
    criterio: 'consistencia_programatica',
    rationale:
      'El criterio Consistencia Programática del Plan de Mejora pide «Mantener la mayoría de los PPCS activos e informar status». Se cuentan como activos los PPCS con estatus «activo» o «concluido» en su carátula; los que están por iniciar, suspendidos o cancelados no cuentan. El porcentaje mínimo es el de plan.yaml (umbrales.ppcs_activos_minimo, 50 % si no se indica). Una dependencia sin ninguna carátula de PPCS tampoco cumple.',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Reactive o concluya los PPCS detenidos, o actualice el estatus de sus carátulas si ya están en operación.',
      en: 'Restart or complete the stalled PPCS, or update the status in their cover sheets if they are already running.',
    },
    messages: {
      pocosActivos: {
        es: 'Sólo {activos} de {total} PPCS de la dependencia {clave} están activos o concluidos ({porcentaje} %); el Plan de Mejora pide al menos el {minimo} %.',
        en: 'Only {activos} of {total} PPCS of department {clave} are active or completed ({porcentaje} %); the improvement plan asks for at least {minimo} %.',
      },
      sinPpcs: {
        es: 'La dependencia {clave} no tiene ningún PPCS: falta al menos una carátula en «dependencias/{carpeta}/ppcs/».',
        en: 'Department {clave} has no PPCS: at least one cover sheet is missing in "dependencias/{carpeta}/ppcs/".',
      },
    },
    examples: {
      file: 'dependencias/OP/dependencia.yaml',
      invalid: '# ppcs/OP-01.yaml: estatus: activo\n# ppcs/OP-02.yaml: estatus: suspendido\n# ppcs/OP-03.yaml: estatus: cancelado\nclave: OP\n',
      valid: '# ppcs/OP-01.yaml: estatus: activo\n# ppcs/OP-02.yaml: estatus: concluido\n# ppcs/OP-03.yaml: estatus: cancelado\nclave: OP\n',
    },
  },
  check(model, report) {
    const minimo = model.config.ppcsActivosMinimo;
    for (const clave of model.departmentClaves()) {
      // An unreadable carátula could be active: its PLAN001/PLAN002 finding comes first.
      if (model.hasUnreadableUnder(`dependencias/${clave}/ppcs/`)) continue;
      const { file } = model.departmentsByClave.get(clave)!;
      const ppcs = model.ppcsOf(clave);
      if (ppcs.length === 0) {
        report({ messageId: 'sinPpcs', file, path: ['clave'], about: { dependencia: clave }, data: { clave: quote(clave), carpeta: clave }, hint: SIN_PPCS_HINT });
        continue;
      }
      const activos = ppcs.filter((doc) => COUNTS_AS_ACTIVE.has(doc.data.estatus)).length;
      const porcentaje = (activos / ppcs.length) * 100;
      if (porcentaje >= minimo) continue;
      report({
        messageId: 'pocosActivos',
        file,
        path: ['clave'],
        about: { dependencia: clave },
        data: { activos, total: ppcs.length, clave: quote(clave), porcentaje: formatPercent(porcentaje), minimo: formatNumber(minimo) },
      });
    }
  },
});
