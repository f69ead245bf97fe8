// The one place these tests name the modules that build and render report views, so a
// move inside src/report changes one import here and no test. The tests themselves only
// read the returned data (cells, labels), which is the behaviour that must not change.
import { loadPlan } from '../../src/load.js';
import type { Semaforo } from '../../src/model/semaforo.js';
import { annualView } from '../../src/report/view/annual.js';
import { quarterlyView } from '../../src/report/view/quarterly.js';
import { transparencyView } from '../../src/report/view/transparency.js';
import type { Cell, ReportView } from '../../src/report/view/types.js';
import { validatePlan } from '../../src/validate.js';
import { DEFAULT_CUTOFF, writeRepo, type Files } from '../helpers/fixture.js';

export type { Cell, ReportView };
export { renderMarkdown } from '../../src/report/render/markdown/markdown.js';

export interface BuildOptions {
  fechaCorte?: string;
  dependencia?: string;
}

function load(files: Files, options: BuildOptions) {
  const root = writeRepo(files);
  const settings = { lang: 'es' as const, fechaCorte: options.fechaCorte ?? DEFAULT_CUTOFF };
  const { model } = loadPlan(root, settings);
  const { diagnostics } = validatePlan(root, settings);
  const viewOptions = { year: model.config.ejercicio, ...(options.dependencia ? { dependencia: options.dependencia } : {}) };
  return { model, diagnostics, viewOptions };
}

export function quarterly(files: Files, quarter: 'T1' | 'T2' | 'T3' | 'T4', options: BuildOptions = {}): ReportView {
  const { model, diagnostics, viewOptions } = load(files, options);
  return quarterlyView(model, diagnostics, quarter, viewOptions);
}

export function annual(files: Files, options: BuildOptions = {}): ReportView {
  const { model, diagnostics, viewOptions } = load(files, options);
  return annualView(model, diagnostics, viewOptions);
}

export function transparency(files: Files, trimestre: `${number}-T${1 | 2 | 3 | 4}`, options: BuildOptions = {}): ReportView {
  const { model, viewOptions } = load(files, options);
  const { year: _year, ...rest } = viewOptions;
  return transparencyView(model, trimestre, rest);
}

/** The section with this id; fails loudly when a view lost it. */
export function section(view: ReportView, id: string) {
  const found = view.sections.find((s) => s.id === id);
  if (!found) throw new Error(`the view has no section «${id}» (it has ${view.sections.map((s) => s.id).join(', ')})`);
  return found;
}

/** The row whose first cells are these texts (e.g. the clave, or clave and PPCS). */
export function row(view: ReportView, id: string, ...keys: string[]): Cell[] {
  const table = section(view, id).table;
  const found = table.rows.find((r) => keys.every((k, i) => r[i]?.t === 'text' && r[i]!.v === k));
  if (!found) throw new Error(`section «${id}» has no row starting ${keys.join(', ')}`);
  return found;
}

/** The cell of `row` under the column headed `header`. */
export function cell(view: ReportView, id: string, keys: string[], header: string): Cell {
  const table = section(view, id).table;
  const index = table.columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`section «${id}» has no column «${header}» (it has ${table.columns.map((c) => c.header).join(', ')})`);
  return row(view, id, ...keys)[index]!;
}

/** A Resumen value by its label. */
export function summary(view: ReportView, label: string): Cell | undefined {
  return view.resumen.find((item) => item.label === label)?.value;
}

export const text = (v: string): Cell => ({ t: 'text', v });
export const int = (v: number): Cell => ({ t: 'int', v });
export const num = (v: number, decimals: number): Cell => ({ t: 'number', v, decimals });
export const pct = (v: number): Cell => ({ t: 'percent', v });
export const date = (v: string): Cell => ({ t: 'date', v });
export const light = (v: Semaforo): Cell => ({ t: 'semaforo', v });
export const empty = (note?: string): Cell => (note === undefined ? { t: 'empty' } : { t: 'empty', note });

/** The value a cell holds (`undefined` for an empty one), to pick rows by their cells. */
export const valueOf = (c: Cell | undefined): unknown => (c !== undefined && 'v' in c ? c.v : undefined);
