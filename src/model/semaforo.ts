// Cumplimiento and semáforo. Two-sided bands as in the SHCP guidance: missing a meta and
// overshooting it both signal poor planning. The band values are the office's choice in
// plan.yaml (defaults 90–110 green, 80–120 yellow), not a national norm.
import type { SemaforoBandas, Sentido } from './types.js';

/**
 * The light a result gets against its bands; `sin_meta` when nothing was programmed;
 * `no_reportado` when the department did not deliver a report that was due, which is
 * never green and never hidden behind an earlier quarter; `pendiente` when its window
 * has not closed yet and no report came.
 */
export type Semaforo = 'verde' | 'amarillo' | 'rojo' | 'sin_meta' | 'no_reportado' | 'pendiente';

export type Cumplimiento =
  | { kind: 'medido'; porcentaje: number }
  /** Nothing (or zero) programmed for the period: there is no goal to compare with. */
  | { kind: 'sin_programacion' }
  /** Something was programmed but the report gives no value for it. */
  | { kind: 'sin_reporte' }
  /** The quarter is due and the department delivered no report for it (or for any quarter so far). */
  | { kind: 'no_reportado' }
  /** The quarter's delivery window has not closed at the cut-off and no report came yet: nothing to judge. */
  | { kind: 'pendiente' }
  /** A descending indicator brought to zero: programado / 0 has no finite value. */
  | { kind: 'alcanzado_cero' };

/**
 * alcanzado / programado × 100 for ascending indicators; programado / alcanzado × 100 for
 * descending ones (fewer robberies than programmed is over 100 %).
 */
export function cumplimiento(programado: number | undefined, alcanzado: number | undefined, sentido: Sentido): Cumplimiento {
  if (programado === undefined) return { kind: 'sin_programacion' };
  if (sentido === 'ascendente' && programado === 0) return { kind: 'sin_programacion' };
  if (alcanzado === undefined) return { kind: 'sin_reporte' };
  if (sentido === 'ascendente') return { kind: 'medido', porcentaje: (alcanzado / programado) * 100 };
  if (alcanzado === 0) return programado === 0 ? { kind: 'medido', porcentaje: 100 } : { kind: 'alcanzado_cero' };
  return { kind: 'medido', porcentaje: (programado / alcanzado) * 100 };
}

/** Made when a figure first falls near a tie: creating the first Intl formatter of a process
 * loads ICU's number data, tens of milliseconds that a run whose figures are all clear of a tie
 * (and which formats no number in a message) never needs. */
let oneDecimal: Intl.NumberFormat | undefined;

/**
 * The percentage as the reports print it: the view stores it as a fraction and prints it
 * with Intl (ties away from zero on the shortest decimal, so 110.05 is «110.1 %»), and
 * the light is graded on exactly that figure.
 */
export function publishedPercent(porcentaje: number): number {
  const value = (porcentaje / 100) * 100;
  // Intl costs microseconds a call and every meta's light asks it twice a quarter. Away
  // from a tie (x.x5) any rounding of the decimal gives the nearest tenth, and that tenth
  // read back is n / 10 in floating point: the same number, without formatting it. The
  // margin is thousands of times the error of value × 10 and of the shortest decimal, so a
  // figure near a tie, a huge one or one that is not finite still asks Intl.
  const tenths = value * 10;
  const magnitude = Math.abs(tenths);
  if (magnitude < 1e15) {
    const fromTie = Math.abs(tenths - Math.floor(tenths) - 0.5);
    if (fromTie > magnitude * 1e-12 + 1e-12) return Math.round(tenths) / 10;
  }
  oneDecimal ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  return Number(oneDecimal.format(value));
}

export function semaforo(result: Cumplimiento, bandas: SemaforoBandas): Semaforo {
  switch (result.kind) {
    case 'sin_programacion':
      return 'sin_meta';
    case 'sin_reporte':
      return 'rojo';
    case 'no_reportado':
      return 'no_reportado';
    case 'pendiente':
      return 'pendiente';
    case 'alcanzado_cero':
      // Far beyond a descending goal: under two-sided bands, as far off the plan as can be.
      return 'rojo';
    case 'medido': {
      // The light follows the percentage as published, to one decimal: a meta shown at
      // «90.0 %» is green even when the division gave 89.96 (and 110/100 × 100, which is
      // 110.00000000000001 in floating point, is 110.0).
      const p = publishedPercent(result.porcentaje);
      if (p >= bandas.verde_min && p <= bandas.verde_max) return 'verde';
      if (p >= bandas.amarillo_min && p <= bandas.amarillo_max) return 'amarillo';
      return 'rojo';
    }
  }
}
