import type { Ppcs } from '../../../model/types.js';
import { activeEntries, type Criterion } from './criterion.js';

/** Other departments named as participants in the PPCS's activities. */
export function partnersOf(ppcs: Ppcs, clave: string): string[] {
  return [...new Set((ppcs.actividades ?? []).flatMap((a) => a.participantes ?? []).filter((p) => p !== clave))];
}

export const integralidad: Criterion = {
  clave: 'integralidad',
  nombre: 'Integralidad (Participación con otras áreas)',
  recursos: 'Vinculación interinstitucional',
  dimension: 'Estratégica',
  subindicators(context) {
    const { clave, vigentes } = context;
    const shared = vigentes.filter((doc) => partnersOf(doc.data, clave).length > 0);
    const sharedIds = new Set(shared.map((doc) => doc.data.id));
    const entries = activeEntries(context, sharedIds);
    return [
      {
        id: 'ppcs_compartidos',
        nombre: 'PPCS con actividades compartidas',
        medicion: 'PPCS no cancelados con al menos una actividad en la que participa otra dependencia.',
        numerador: shared.length,
        denominador: vigentes.length,
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
    return sub.id === 'ppcs_compartidos'
      ? `Desarrollar PPCS en los que al menos una actividad se realice con la participación de una o más dependencias (en ${year}, ${sub.numerador} de ${sub.denominador} PPCS compartidos).`
      : `Al redactar cada reporte trimestral, hacer referencia a las dependencias con quienes se colaboró en cada PPCS compartido (${sub.numerador} de ${sub.denominador} entradas lo hicieron en ${year}).`;
  },
};
