import { quote, type Text } from '../i18n/text.js';
import { splitByAge, splitBySex } from '../model/beneficiaries.js';
import type { SourceDoc } from '../model/model.js';
import { compareTrimestres } from '../model/time.js';
import type { RecomendacionGenero, Reporte, VerificacionGenero } from '../model/types.js';
import { defineRule } from './rule.js';

const EDAD_HINT: Text = {
  es: 'Desagregue los beneficiarios del PPCS en grupos de «edades» que sumen el total, como pide la recomendación que la dependencia declaró aplicada; si no la aplicó, no la cite en «recomendaciones_genero_aplicadas».',
  en: 'Split the PPCS beneficiaries into "edades" (age groups) that add up to the total, as the recommendation the department declared applied asks; if it did not apply it, do not cite it in "recomendaciones_genero_aplicadas".',
};

export const PLAN044 = defineRule({
  meta: {
    id: 'PLAN044',
    title: { es: 'Recomendación de género declarada aplicada que los reportes siguientes contradicen', en: 'Gender recommendation declared applied that later reports contradict' },
    criterio: 'perspectiva_genero',
    rationale:
      'El criterio Implementación de la Perspectiva de Género pide «Participar y aplicar las recomendaciones que de éste criterio se hagan llegar a su área o Dirección». Declarar aplicada una recomendación (campo «recomendaciones_genero_aplicadas») no basta si los datos que siguen no la reflejan. Cuando la recomendación pide desagregar por sexo o por edad —lo dice su campo «verificacion» o, si falta, su texto pide «desagregar … por sexo» o «… por edad»—, cada reporte de la dependencia desde el trimestre en que la declaró aplicada (ese mismo incluido) debe dar ese desglose en los beneficiarios de sus PPCS con perspectiva de género.',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Desagregue los beneficiarios del PPCS en «mujeres» y «hombres» (las personas cuyo sexo no se registró, en «no_especificado»), como pide la recomendación que la dependencia declaró aplicada; si no la aplicó, no la cite en «recomendaciones_genero_aplicadas».',
      en: 'Split the PPCS beneficiaries into "mujeres" and "hombres" (people whose sex was not recorded in "no_especificado"), as the recommendation the department declared applied asks; if it did not apply it, do not cite it in "recomendaciones_genero_aplicadas".',
    },
    messages: {
      sinSexo: {
        es: 'La dependencia declaró aplicada la recomendación de género {recomendacion}, que pide desagregar por sexo, en su reporte {aplicada}, pero en el reporte {trimestre} los beneficiarios del PPCS {ppcs} no están desagregados en mujeres y hombres.',
        en: 'The department declared gender recommendation {recomendacion}, which asks for a split by sex, applied in its report {aplicada}, but in report {trimestre} the beneficiaries of PPCS {ppcs} are not split into women and men.',
      },
      sinEdad: {
        es: 'La dependencia declaró aplicada la recomendación de género {recomendacion}, que pide desagregar por edad, en su reporte {aplicada}, pero en el reporte {trimestre} los beneficiarios del PPCS {ppcs} no están desagregados por grupos de edad.',
        en: 'The department declared gender recommendation {recomendacion}, which asks for a split by age, applied in its report {aplicada}, but in report {trimestre} the beneficiaries of PPCS {ppcs} are not split by age group.',
      },
    },
    examples: {
      file: 'dependencias/DIF/reportes/2019-T3.yaml',
      invalid:
        '# 2019-T2 citó GEN-2019-01 («Desagregar por sexo…») en recomendaciones_genero_aplicadas\nppcs:\n  - id: DIF-01        # su carátula: perspectiva_genero: {aplica: true}\n    beneficiarios:\n      total: 590\n',
      valid: 'ppcs:\n  - id: DIF-01\n    beneficiarios:\n      total: 590\n      mujeres: 300\n      hombres: 280\n      no_especificado: 10\n',
    },
  },
  check(model, report) {
    // Each department's reports in quarter order, sorted once rather than per recommendation.
    // By text, not by a locale's collation, whose first use loads ICU's data.
    const byDepartment = new Map<string, SourceDoc<Reporte>[]>();
    for (const { placement } of model.reportes) {
      const clave = placement.folder!;
      if (!byDepartment.has(clave)) byDepartment.set(clave, [...model.reportsOf(clave)].sort((a, b) => compareTrimestres(a.data.trimestre, b.data.trimestre)));
    }
    for (const { data } of model.genero) {
      for (const recomendacion of data.recomendaciones) {
        const checks = verificacionesOf(recomendacion);
        if (checks.length === 0) continue;
        for (const [clave, ordered] of byDepartment) {
          const declared = ordered.find((r) => r.data.ppcs.some((entry) => entry.recomendaciones_genero_aplicadas?.includes(recomendacion.id)));
          if (!declared) continue;
          for (const { file, data: reporte } of ordered) {
            if (reporte.trimestre < declared.data.trimestre) continue;
            reporte.ppcs.forEach((entry, i) => {
              // Only the department's own carátula: another department's PPCS is PLAN004's.
              if (model.caratulaOf(clave, entry.id)?.data.perspectiva_genero?.aplica !== true) return;
              // No beneficiaries at all is PLAN041's finding; nobody served has nothing to split.
              const beneficiarios = entry.beneficiarios;
              if (!beneficiarios || beneficiarios.total === 0) return;
              for (const check of checks) {
                const bySex = check === 'desagregar_por_sexo';
                if (bySex ? splitBySex(beneficiarios) : splitByAge(beneficiarios)) continue;
                report({
                  messageId: bySex ? 'sinSexo' : 'sinEdad',
                  file,
                  path: ['ppcs', i, 'beneficiarios'],
                  atKey: true,
                  about: { ppcs: entry.id, trimestre: reporte.trimestre },
                  data: { recomendacion: quote(recomendacion.id), aplicada: quote(declared.data.trimestre), trimestre: quote(reporte.trimestre), ppcs: quote(entry.id) },
                  ...(bySex ? {} : { hint: EDAD_HINT }),
                });
              }
            });
          }
        }
      }
    }
  },
});

// «Desagregar por sexo …», «desagregar … por sexo y grupo de edad», «desagregados por edad»:
// the wording a recommendation uses when it asks for a split, within one sentence.
const POR_SEXO = /desagreg[^.;]*?\bpor\s+sexo\b/i;
const POR_EDAD = /desagreg[^.;]*?\bpor\s+(?:sexo\s+y\s+)?(?:(?:grupos?|rangos?)\s+de\s+)?edad(?:es)?\b/i;

/**
 * What a recommendation asks later reports to show: its `verificacion` when given;
 * otherwise inferred from its text, which may ask for both splits.
 */
export function verificacionesOf(recomendacion: RecomendacionGenero): VerificacionGenero[] {
  if (recomendacion.verificacion) return [recomendacion.verificacion];
  const text = recomendacion.recomendacion;
  return [...(POR_SEXO.test(text) ? ['desagregar_por_sexo' as const] : []), ...(POR_EDAD.test(text) ? ['desagregar_por_edad' as const] : [])];
}
