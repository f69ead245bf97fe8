import type { TrimestreId } from '../../../model/types.js';
import { pendingFeedback } from '../../metrics/feedback.js';
import { empty, text } from '../cell-text.js';
import { followUpLabel } from '../labels.js';
import type { Section } from '../types.js';
import { col, type Scope } from './scope.js';
import { Trimestre } from '../../../model/time.js';

/** Observations not attended in time, and those still to be answered. */
export function feedbackSection({ model, claves }: Scope, trimestre: TrimestreId): Section {
  const { overdue, upcoming } = pendingFeedback(model, claves, trimestre);
  const rows = [...overdue, ...upcoming].map((f) => [
    text(f.observacion.id),
    text(f.observacion.dependencia),
    f.observacion.ppcs ? text(f.observacion.ppcs) : empty(''),
    text(f.observacion.texto),
    text(f.esperado),
    text(followUpLabel(f)),
  ]);
  return {
    id: 'retroalimentacion',
    sheet: 'Retroalimentación',
    title: 'Retroalimentación pendiente',
    intro: `Observaciones de Planeación que debían atenderse a más tardar en ${trimestre} y no se atendieron a tiempo, y las emitidas sobre los reportes de ${trimestre}, que deben atenderse en ${Trimestre.parse(trimestre).next()}.`,
    table: {
      columns: [col('Observación', 'text'), col('Dependencia', 'text'), col('PPCS', 'text'), col('Observación emitida', 'text'), col('Debía atenderse en', 'text'), col('Estado', 'text')],
      rows,
    },
  };
}
