// Reports beyond the base fixture's 2019-T1: the same report delivered for another quarter,
// and the base municipality one year on, so that a 2020 evaluation at a cut-off after T1's
// window (2020-03-25..31) has one due quarter.
import type { Files } from './fixture.js';

export const CUTOFF_2020 = '2020-04-15';

type Repo = Files & Record<string, any>;

/** Adds the department's 2019-T1 report again as `trimestre`'s, delivered on `entregado`, with its evidence. */
export function withReport(files: Repo, clave: string, trimestre: string, entregado: string): Repo {
  const report = structuredClone(files[`dependencias/${clave}/reportes/2019-T1.yaml`]);
  report.trimestre = trimestre;
  report.fecha_entrega = entregado;
  // The statuses are of the 2019 plan's actions as of T1; the copy gives none.
  delete report.plan_de_mejora;
  for (const entry of report.ppcs) {
    entry.evidencias = entry.evidencias.map((e: string) => e.replace('2019-T1', trimestre));
    for (const e of entry.evidencias) files[e] = `Evidencia ${trimestre}.\n`;
  }
  files[`dependencias/${clave}/reportes/${trimestre}.yaml`] = report;
  return files;
}

/** Adds 2020-T1 reports (OP on 2020-03-27, DIF on 2020-03-30) and their evidence to `files`. */
export function with2020(files: Repo): Repo {
  withReport(files, 'OP', '2020-T1', '2020-03-27');
  return withReport(files, 'DIF', '2020-T1', '2020-03-30');
}
