import { QUARTERS, type Quarter } from '../../../model/types.js';
import { deliveryStatus } from '../../metrics/delivery.js';
import { date, empty, text } from '../cell-text.js';
import { deliveryLabel, departmentName } from '../labels.js';
import type { Section } from '../types.js';
import { col, type Scope } from './scope.js';

/** Department × quarter matrix of delivery status, through `through`. */
export function deliveriesSection({ model, year, claves }: Scope, through: Quarter): Section {
  const quarters = QUARTERS.slice(0, QUARTERS.indexOf(through) + 1);
  const rows = claves.map((clave) => {
    const statuses = quarters.map((q) => deliveryStatus(model, clave, year, q));
    const last = statuses[statuses.length - 1]!;
    return [
      text(clave),
      text(departmentName(model, clave)),
      ...statuses.map((s) => text(deliveryLabel(s))),
      'fecha' in last ? date(last.fecha) : empty('Sin fecha'),
    ];
  });
  const windows = quarters.map((q) => {
    const w = model.calendar.deliveryWindow(year, q);
    return `${q}: ${w.days.length} días hábiles del ${w.start.slice(8)}/${w.start.slice(5, 7)} al ${w.end.slice(8)}/${w.end.slice(5, 7)}`;
  });
  return {
    id: 'entregas',
    sheet: 'Entregas',
    title: 'Entrega de reportes trimestrales',
    intro: 'Estado de entrega de cada reporte trimestral (Anexos 3 y 4) respecto de su ventana de entrega; los días de diferencia se cuentan en días hábiles.',
    table: {
      columns: [col('Clave', 'text'), col('Dependencia', 'text'), ...quarters.map((q) => col(`${year}-${q}`, 'text')), col(`Fecha de entrega ${year}-${through}`, 'date')],
      rows,
    },
    notes: [`Ventanas de entrega ${year}: ${windows.join('; ')}.`],
  };
}
