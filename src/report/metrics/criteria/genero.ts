import { splitBySex } from '../../../model/beneficiaries.js';
import type { PlanModel } from '../../../model/model.js';
import type { RecomendacionGenero } from '../../../model/types.js';
import { activeEntries, reportsOfYear, type Criterion } from './criterion.js';

/** Per model and year: each department's gender recommendations, in file order. */
const recommendationsCache = new WeakMap<PlanModel, Map<number, Map<string, RecomendacionGenero[]>>>();

/**
 * The year's gender recommendations addressed to `clave` (any date). Indexed once per model
 * and year: scanning every recommendation's department list for each department made the
 * annual report grow with departments × recommendations (issue 11).
 */
export function recommendationsFor(model: PlanModel, year: number, clave: string): readonly RecomendacionGenero[] {
  let byYear = recommendationsCache.get(model);
  if (!byYear) recommendationsCache.set(model, (byYear = new Map()));
  let byDepartment = byYear.get(year);
  if (!byDepartment) {
    byDepartment = new Map();
    for (const doc of model.genero) {
      if (doc.data.ejercicio !== year) continue;
      for (const r of doc.data.recomendaciones) {
        for (const dependencia of new Set(r.dependencias)) {
          const list = byDepartment.get(dependencia);
          if (list) list.push(r);
          else byDepartment.set(dependencia, [r]);
        }
      }
    }
    byYear.set(year, byDepartment);
  }
  return byDepartment.get(clave) ?? [];
}

export const genero: Criterion = {
  clave: 'perspectiva_genero',
  nombre: 'Implementación de la Perspectiva de Género',
  recursos: 'Gestión y trabajo institucional',
  dimension: 'Estratégica',
  subindicators(context) {
    const { model, clave, year, vigentes } = context;
    const reports = reportsOfYear(context);
    const applied = new Set(reports.flatMap((r) => r.data.ppcs.flatMap((entry) => entry.recomendaciones_genero_aplicadas ?? [])));
    const addressed = recommendationsFor(model, year, clave).filter((r) => r.fecha <= model.fechaCorte);
    const genderIds = new Set(vigentes.filter((doc) => doc.data.perspectiva_genero?.aplica).map((doc) => doc.data.id));
    const entries = activeEntries(context, genderIds);
    return [
      {
        id: 'recomendaciones_aplicadas',
        nombre: 'Recomendaciones de género aplicadas',
        medicion: 'Recomendaciones de perspectiva de género dirigidas a la dependencia que algún reporte del año informa como aplicadas.',
        numerador: addressed.filter((r) => applied.has(r.id)).length,
        denominador: addressed.length,
      },
      {
        id: 'datos_por_sexo',
        nombre: 'Beneficiarios desagregados por sexo',
        medicion: 'Entradas de reporte de PPCS con perspectiva de género que desagregan sus beneficiarios en mujeres y hombres (puede quedar una parte de sexo no especificado en «no_especificado»).',
        numerador: entries.filter((e) => e.beneficiarios !== undefined && splitBySex(e.beneficiarios)).length,
        denominador: entries.length,
      },
    ];
  },
  action(sub, { year }) {
    return sub.id === 'recomendaciones_aplicadas'
      ? `Participar y aplicar las recomendaciones de perspectiva de género que se hagan llegar al área, e informarlo en el reporte trimestral (${sub.numerador} de ${sub.denominador} aplicadas en ${year}).`
      : `Desagregar por sexo a las personas beneficiarias de los PPCS con perspectiva de género (${sub.numerador} de ${sub.denominador} reportes lo hicieron en ${year}).`;
  },
};
