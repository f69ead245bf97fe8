import type { ReportCutoff } from '../../calendar/report-cutoff.js';
import { dayMonthYear } from '../../i18n/text.js';
import type { SummaryItem } from './types.js';

/**
 * The summary line that says how the cut-off date was chosen, so a reader knows why a report
 * counts as «No entregado» and that running it again another day gives the same figures.
 * Views built without it (a caller that does not say) show no line.
 */
export function cutoffSummary(cutoff: ReportCutoff | undefined): SummaryItem[] {
  if (!cutoff) return [];
  const { window } = cutoff;
  const v = window
    ? `Día siguiente al cierre de la ventana de entrega de ${window.year}-${window.quarter} (del ${dayMonthYear(window.start)} al ${dayMonthYear(window.end)}, según el calendario de plan.yaml); no depende del día en que se genera el reporte.`
    : 'Indicada con --fecha-corte al generar el reporte.';
  return [{ label: 'Cómo se fijó la fecha de corte', value: { t: 'text', v } }];
}
