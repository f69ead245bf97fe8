import { partnersOf, ppcsJoinedBy } from '../../../model/participation.js';
import { activeEntries, type Criterion } from './criterion.js';

export const integralidad: Criterion = {
  clave: 'integralidad',
  nombre: 'Integralidad (Participación con otras áreas)',
  recursos: 'Vinculación interinstitucional',
  dimension: 'Estratégica',
  subindicators(context) {
    const { model, clave, year, vigentes } = context;
    const shared = vigentes.filter((doc) => partnersOf(doc, clave).length > 0);
    // Both sides of working together: a department that only takes part in others' PPCS
    // shares as much as one that leads them, and every such PPCS is shared by definition.
    const joined = ppcsJoinedBy(model, clave, year);
    const sharedIds = new Set(shared.map((doc) => doc.data.id));
    const entries = activeEntries(context, sharedIds);
    return [
      {
        id: 'participacion_compartida',
        nombre: 'PPCS con participación compartida',
        medicion:
          'PPCS propios no cancelados con al menos una actividad en la que participa otra dependencia, más los PPCS no cancelados de otras dependencias en los que la dependencia participa (nombrada en «participantes» de una actividad de su carátula o en «colaboraciones» de sus reportes del año), sobre los PPCS propios no cancelados más esos PPCS de otras dependencias.',
        numerador: shared.length + joined.length,
        denominador: vigentes.length + joined.length,
      },
      {
        id: 'colaboraciones_reportadas',
        nombre: 'Colaboraciones referidas en los reportes',
        medicion: 'Entradas de reporte de PPCS compartidos que nombran a las dependencias con las que se colaboró en el trimestre.',
        numerador: entries.filter((entry) => (entry.colaboraciones ?? []).length > 0).length,
        denominador: entries.length,
      },
    ];
  },
  action(sub, { year }) {
    return sub.id === 'participacion_compartida'
      ? `Desarrollar PPCS en los que al menos una actividad se realice con la participación de una o más dependencias, o participar en los de otras dependencias (en ${year}, ${sub.numerador} de ${sub.denominador} PPCS con participación compartida).`
      : `Al redactar cada reporte trimestral, hacer referencia a las dependencias con quienes se colaboró en cada PPCS compartido (${sub.numerador} de ${sub.denominador} entradas lo hicieron en ${year}).`;
  },
};
