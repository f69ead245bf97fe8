import type { ObservationFollowUp } from '../../../model/feedback.js';
import { Trimestre } from '../../../model/time.js';
import type { TrimestreId } from '../../../model/types.js';
import { annualFeedback, pendingFeedback } from '../../metrics/feedback.js';
import { empty, text } from '../cell-text.js';
import { followUpLabel } from '../labels.js';
import type { Cell, Section } from '../types.js';
import { col, type Scope } from './scope.js';

function followUpRow(f: ObservationFollowUp): Cell[] {
  return [
    text(f.observacion.id),
    text(f.observacion.dependencia),
    f.observacion.ppcs ? text(f.observacion.ppcs) : empty(''),
    text(f.observacion.texto),
    text(f.esperado),
    text(followUpLabel(f)),
  ];
}

const COLUMNS = [col('Observación', 'text'), col('Dependencia', 'text'), col('PPCS', 'text'), col('Observación emitida', 'text'), col('Debía atenderse en', 'text'), col('Estado', 'text')];

/**
 * Observations not attended in time, and those still to be answered; on a T4 summary the
 * latter are answered in next year's T1 report.
 */
export function feedbackSection({ model, claves }: Scope, trimestre: TrimestreId): Section {
  const { overdue, upcoming } = pendingFeedback(model, claves, trimestre);
  return {
    id: 'retroalimentacion',
    sheet: 'Retroalimentación',
    title: 'Retroalimentación pendiente',
    intro: `Observaciones de Planeación que debían atenderse a más tardar en ${trimestre} y no se atendieron a tiempo, y las emitidas sobre los reportes de ${trimestre}, que deben atenderse en ${Trimestre.parse(trimestre).next()}.`,
    table: { columns: COLUMNS, rows: [...overdue, ...upcoming].map(followUpRow) },
  };
}

/**
 * The year's feedback: every observation expected in one of its reports (what the Seguimiento
 * criterion counts, once due), then those issued on its T4 reports, which are answered in
 * next year's T1 report and count in next year's evaluation.
 */
export function annualFeedbackSection({ model, claves }: Scope, year: number): Section {
  const { expected, nextYear } = annualFeedback(model, claves, year);
  const rows = [...expected, ...nextYear].map((f) => [...followUpRow(f), text(f.esperado.slice(0, 4))]);
  return {
    id: 'retroalimentacion',
    sheet: 'Retroalimentación',
    title: 'Retroalimentación del ejercicio',
    intro: `Observaciones de Planeación que debían atenderse en los reportes de ${year}, y las emitidas sobre los reportes de ${year}-T4, que se atienden en el reporte ${year + 1}-T1. Cada observación cuenta en el criterio Seguimiento y retroalimentación del año del reporte que debía atenderla, una vez cerrada su ventana de entrega.`,
    table: { columns: [...COLUMNS, col('Cuenta en la evaluación', 'text')], rows },
  };
}
