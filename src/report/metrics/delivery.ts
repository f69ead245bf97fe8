// Delivery status of each department's quarterly report (Anexo 3 y 4).
import type { PlanModel, SourceDoc } from '../../model/model.js';
import { yearOf } from '../../model/time.js';
import type { IsoDate, Quarter, Reporte } from '../../model/types.js';

export type DeliveryStatus =
  | { kind: 'a_tiempo'; fecha: IsoDate }
  /** `diasHabiles` is absent when the date is more than a year from the window (PLAN021: a typo to check). */
  | { kind: 'tarde'; fecha: IsoDate; diasHabiles?: number }
  | { kind: 'anticipado'; fecha: IsoDate; diasHabiles?: number }
  | { kind: 'no_entregado' }
  /** The window has not closed yet at the cut-off date, and there is no report. */
  | { kind: 'pendiente' };

export function deliveryStatus(model: PlanModel, clave: string, year: number, quarter: Quarter): DeliveryStatus {
  const report: SourceDoc<Reporte> | undefined = model.reportFor(clave, `${year}-${quarter}`);
  if (!report) return model.isDue(year, quarter) ? { kind: 'no_entregado' } : { kind: 'pendiente' };
  const fecha = report.data.fecha_entrega;
  // As PLAN021 does: counting business days across years would only measure a typo in the
  // year, and walking to 9999-12-31 day by day would take a minute.
  if (Math.abs(yearOf(fecha) - year) > 1) return fecha > `${year}` ? { kind: 'tarde', fecha } : { kind: 'anticipado', fecha };
  const timing = model.calendar.timing(fecha, model.calendar.deliveryWindow(year, quarter));
  switch (timing.kind) {
    case 'a_tiempo':
      return { kind: 'a_tiempo', fecha };
    case 'tarde':
      return { kind: 'tarde', fecha, diasHabiles: timing.businessDays };
    case 'anticipado':
      return { kind: 'anticipado', fecha, diasHabiles: timing.businessDays };
  }
}
