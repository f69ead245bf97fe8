import { type Diagnostic } from './diagnostic.js';
import { departmentOf } from '../repo/layout.js';

/**
 * The part of the repo a report is narrowed to. Both filters must hold: a path and a
 * department narrow the report together, never widen it.
 */
export interface Selection {
  /** Repo-relative POSIX paths: a file, or a folder that selects everything under it. */
  paths?: readonly string[];
  /**
   * Department clave: the files under `dependencias/<CLAVE>/` and, for findings, those in
   * Planeación's files that are about the department (an observation it has not attended).
   */
  dependencia?: string;
}

/** Whether a repo-relative file lies in the selection. */
export function isSelected(selection: Selection, file: string): boolean {
  if (selection.dependencia !== undefined && departmentOf(file) !== selection.dependencia) return false;
  if (selection.paths === undefined) return true;
  return selection.paths.some((selected) => selected === '' || file === selected || file.startsWith(`${selected}/`));
}

/**
 * Whether a finding lies in the selection: its file does, or, when a department is selected,
 * it sits in Planeación's files (`planeacion/`) and is about that department, by the data its
 * rule set (PLAN025, PLAN042, PLAN050), never by its message text.
 */
export function isFindingSelected(selection: Selection, finding: Pick<Diagnostic, 'file' | 'about'>): boolean {
  if (isSelected(selection, finding.file)) return true;
  if (selection.dependencia === undefined || !finding.file.startsWith('planeacion/') || finding.about?.dependencia !== selection.dependencia) return false;
  return isSelected({ ...(selection.paths ? { paths: selection.paths } : {}) }, finding.file);
}
