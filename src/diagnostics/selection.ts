import { departmentOf } from './diagnostic.js';

/**
 * The part of the repo a report is narrowed to. Both filters must hold: a path and a
 * department narrow the report together, never widen it.
 */
export interface Selection {
  /** Repo-relative POSIX paths: a file, or a folder that selects everything under it. */
  paths?: readonly string[];
  /** Department clave: the files under `dependencias/<CLAVE>/`. */
  dependencia?: string;
}

/** Whether a repo-relative file lies in the selection. */
export function isSelected(selection: Selection, file: string): boolean {
  if (selection.dependencia !== undefined && departmentOf(file) !== selection.dependencia) return false;
  if (selection.paths === undefined) return true;
  return selection.paths.some((selected) => selected === '' || file === selected || file.startsWith(`${selected}/`));
}
