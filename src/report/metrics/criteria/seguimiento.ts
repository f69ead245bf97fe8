import { followUpsOf } from '../../../model/feedback.js';
import { deliveryStatus } from '../delivery.js';
import { expectedIn } from '../feedback.js';
import { countOf, filesWith, type Criterion } from './criterion.js';

export const seguimiento: Criterion = {
  clave: 'seguimiento_retroalimentacion',
  nombre: 'Seguimiento y retroalimentación',
  recursos: 'Documental',
  dimension: 'Institucional',
  subindicators(context) {
    const { model, clave, year, dueQuarters } = context;
    // A delivery outside the window that Planeación justified (PLAN021) counts as on time.
    const excused = context.justified.get('PLAN021') ?? new Set<string>();
    const statuses = dueQuarters.map((quarter) =>
      excused.has(`dependencias/${clave}/reportes/${year}-${quarter}.yaml`) ? { kind: 'a_tiempo' as const } : deliveryStatus(model, clave, year, quarter),
    );
    const delivered = dueQuarters.map((quarter) => model.reportFor(clave, `${year}-${quarter}`)).filter((r) => r !== undefined);
    // Only how many: counted, not gathered.
    let avances = 0;
    for (const r of delivered) for (const entry of r.data.ppcs) avances += (entry.avances ?? []).length;
    const incompletos = filesWith(context, 'PLAN023', 'reportes/');
    // Counted in the year of the report that must answer it: a 2019-T4 observation, answered in 2020-T1, counts in 2020.
    const observaciones = followUpsOf(model, clave).filter((f) => f.due && expectedIn(f, year));
    return [
      {
        id: 'reportes_entregados',
        nombre: 'Reportes trimestrales entregados',
        medicion: 'Reportes entregados entre los trimestres cuya ventana de entrega ya cerró.',
        numerador: delivered.length,
        denominador: dueQuarters.length,
      },
      {
        id: 'reportes_a_tiempo',
        nombre: 'Reportes entregados a tiempo',
        medicion: 'Reportes entregados dentro de su ventana (los últimos días hábiles del trimestre), entre los trimestres que ya debían entregarse.',
        numerador: statuses.filter((s) => s.kind === 'a_tiempo').length,
        denominador: dueQuarters.length,
      },
      {
        id: 'avances_alineados',
        nombre: 'Avances alineados a la unidad de medida',
        medicion: 'Avances reportados en la unidad de medida asignada y validada por Planeación (regla PLAN020).',
        numerador: avances - countOf(context, 'PLAN020', new Set(delivered.map((r) => r.file))),
        denominador: avances,
      },
      {
        id: 'reportes_completos',
        nombre: 'Reportes completos',
        medicion: 'Reportes entregados que incluyen todos los PPCS activos, su estatus y el avance de cada meta programada (regla PLAN023).',
        numerador: delivered.filter((r) => !incompletos.has(r.file)).length,
        denominador: delivered.length,
      },
      {
        id: 'observaciones_atendidas',
        nombre: 'Observaciones atendidas en el siguiente reporte',
        medicion: 'Observaciones de retroalimentación dirigidas a la dependencia que su siguiente reporte trimestral cita como atendidas.',
        numerador: observaciones.filter((f) => f.attendedInTime).length,
        denominador: observaciones.length,
      },
    ];
  },
  action(sub, context) {
    const dias = context.model.config.windowLength;
    switch (sub.id) {
      case 'reportes_entregados':
        return `Entregar cada uno de los reportes trimestrales en el formato correspondiente (Anexos 3 y 4); en ${context.year} ${sub.denominador - sub.numerador === 1 ? 'faltó 1 reporte' : `faltaron ${sub.denominador - sub.numerador} reportes`}.`;
      case 'reportes_a_tiempo':
        return `Entregar en tiempo y forma, dentro de los últimos ${dias} días hábiles de marzo, junio, septiembre y diciembre; en ${context.year} ${sub.numerador === 1 ? 'solo 1' : `solo ${sub.numerador}`} de ${sub.denominador} reportes ${sub.numerador === 1 ? 'llegó' : 'llegaron'} dentro de la ventana.`;
      case 'avances_alineados':
        return `Reportar cada avance en la unidad de medida asignada y validada por Planeación (${sub.denominador - sub.numerador} avances no alineados en ${context.year}).`;
      case 'reportes_completos':
        return `Incluir en cada reporte todos los PPCS activos, su estatus y el avance de cada meta programada (${sub.denominador - sub.numerador} reportes incompletos en ${context.year}).`;
      default:
        return `Atender en el siguiente reporte las observaciones emitidas en el formato de retroalimentación y citarlas en «observaciones_atendidas» (${sub.numerador} de ${sub.denominador} atendidas a tiempo en ${context.year}).`;
    }
  },
};
