// The words a report shows for what the metrics and the model give as data: delivery
// statuses, follow-up states, the sentido of an indicator, department and unit names, and
// a report's title. The metrics stay numbers and kinds; the wording lives here.
import type { ObservationFollowUp } from '../../model/feedback.js';
import type { PlanModel } from '../../model/model.js';
import type { Sentido } from '../../model/types.js';
import type { DeliveryStatus } from '../metrics/delivery.js';

function businessDays(count: number | undefined): string {
  if (count === undefined) return 'más de un año; revise la fecha';
  return `${count} ${count === 1 ? 'día hábil' : 'días hábiles'}`;
}

export function deliveryLabel(status: DeliveryStatus): string {
  switch (status.kind) {
    case 'a_tiempo':
      return 'A tiempo';
    case 'tarde':
      return `Tarde (${businessDays(status.diasHabiles)})`;
    case 'anticipado':
      return `Anticipado (${businessDays(status.diasHabiles)})`;
    case 'no_entregado':
      // The same words as the metas and transparency tables, so a gap reads alike everywhere.
      return 'No reportado';
    case 'pendiente':
      return 'Pendiente';
  }
}

/** A follow-up not yet due names the report that must answer it: a T4 one, next year's T1. */
export function followUpLabel(f: ObservationFollowUp): string {
  if (f.attendedInTime) return 'Atendida a tiempo';
  if (f.attendedLateIn) return `Atendida tarde (${f.attendedLateIn.data.trimestre})`;
  return f.due ? 'No atendida' : `Pendiente: se atiende en el reporte ${f.esperado}`;
}

/** An indicator without a stated sentido is ascending, as everywhere else in plan. */
export function sentidoLabel(sentido: Sentido | undefined): string {
  return sentido === 'descendente' ? 'Descendente' : 'Ascendente';
}

export function departmentName(model: PlanModel, clave: string): string {
  return model.departmentsByClave.get(clave)?.data.nombre ?? clave;
}

export function unitName(model: PlanModel, clave: string | undefined): string {
  if (clave === undefined) return '';
  return model.unitsByClave.get(clave)?.nombre ?? clave;
}

/** `Resumen trimestral 2019-T2`, and ` — <department name>` when the report is one department's. */
export function reportTitle(model: PlanModel, title: string, dependencia: string | undefined): string {
  return dependencia ? `${title} — ${departmentName(model, dependencia)}` : title;
}
