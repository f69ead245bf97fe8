// `plan validate [rutas…] [--dependencia CLAVE]`: from what the user typed to the part of the
// repo whose findings are reported. The whole repo is still loaded and checked (cross-file
// rules need it); only the report is narrowed.
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Scope } from '../diagnostics/diagnostic.js';
import type { Selection } from '../diagnostics/selection.js';
import { closestMatch } from '../i18n/similar.js';
import { listRepo } from '../repo/files.js';
import { UsageError, type CliIo } from './io.js';
import { displayPath } from './reasons.js';

const MESSAGES = {
  pathMissingSuggest: {
    es: 'La ruta «{path}» no existe en el plan. ¿Quiso decir «{suggestion}»?',
    en: 'Path "{path}" does not exist in the plan. Did you mean "{suggestion}"?',
  },
  pathMissing: {
    es: 'La ruta «{path}» no existe. Indique un archivo o una carpeta del plan, desde la carpeta actual o desde la raíz del plan («{root}»).',
    en: 'Path "{path}" does not exist. Give a file or folder of the plan, from the current folder or from the plan root ("{root}").',
  },
  pathOutside: {
    es: 'La ruta «{path}» está fuera del plan («{root}»); indique archivos o carpetas dentro de él.',
    en: 'Path "{path}" is outside the plan ("{root}"); give files or folders inside it.',
  },
  departmentSuggest: {
    es: 'La dependencia «{clave}» no existe en el plan (no hay carpeta «dependencias/{clave}/»). ¿Quiso decir «{suggestion}»?',
    en: 'Department "{clave}" does not exist in the plan (there is no folder "dependencias/{clave}/"). Did you mean "{suggestion}"?',
  },
  departmentList: {
    es: 'La dependencia «{clave}» no existe en el plan (no hay carpeta «dependencias/{clave}/»). Dependencias del plan: {all}.',
    en: 'Department "{clave}" does not exist in the plan (there is no folder "dependencias/{clave}/"). Departments of the plan: {all}.',
  },
  departmentNone: {
    es: 'La dependencia «{clave}» no existe: el plan aún no tiene carpetas en «dependencias/».',
    en: 'Department "{clave}" does not exist: the plan has no folders in "dependencias/" yet.',
  },
} as const;

/** How many claves an error message lists before it stops. */
const LISTED_DEPARTMENTS = 30;

export interface ReportScope {
  /** What to keep, in repo-relative paths. */
  selection: Selection;
  /** What the summary line says was kept. */
  scope: Scope;
}

/**
 * The selection and its description, or undefined when nothing narrows the report (no
 * arguments, or only the plan's root folder). Throws a UsageError for a path that does not
 * exist or lies outside the plan and for an unknown department, suggesting the closest one.
 */
export function resolveScope(io: CliIo, root: string, typedPaths: readonly string[], dependencia: string | undefined): ReportScope | undefined {
  const paths: string[] = [];
  const shown: string[] = [];
  let wholeRepo = false;
  for (const typed of typedPaths) {
    const { rel, folder } = resolvePath(io, root, typed);
    if (rel === '') wholeRepo = true;
    else if (!paths.includes(rel)) {
      paths.push(rel);
      shown.push(folder ? `${rel}/` : rel);
    }
  }
  if (dependencia !== undefined) checkDepartment(root, dependencia);
  const byPath = paths.length > 0 && !wholeRepo;
  if (!byPath && dependencia === undefined) return undefined;
  return {
    selection: { ...(byPath ? { paths } : {}), ...(dependencia !== undefined ? { dependencia } : {}) },
    scope: { ...(dependencia !== undefined ? { dependencia } : {}), ...(byPath ? { paths: shown } : {}) },
  };
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** The repo-relative POSIX path of `absolute`, `''` for the root, undefined outside it. */
function insideRoot(root: string, absolute: string): string | undefined {
  const lexical = relativeInside(root, absolute);
  if (lexical !== undefined) return lexical;
  // A symlinked working directory or -C: compare where both really are.
  try {
    return relativeInside(realpathSync(root), realpathSync(absolute));
  } catch {
    return undefined;
  }
}

function relativeInside(root: string, absolute: string): string | undefined {
  const relative = path.relative(root, absolute);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return toPosix(relative);
}

function lstat(absolute: string) {
  try {
    return lstatSync(absolute, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * A typed path is looked up from the current folder, as the shell completes it, and when
 * nothing inside the plan is there, from the plan's root: with `-C examples`, both
 * `examples/dependencias/OP` and `dependencias/OP` name the same folder, even when the
 * current folder has a `dependencias/` of its own.
 */
function resolvePath(io: CliIo, root: string, typed: string): { rel: string; folder: boolean } {
  const fromCwd = path.resolve(io.cwd, typed);
  const fromRoot = path.isAbsolute(typed) ? undefined : path.resolve(root, typed);
  let existsOutside = false;
  for (const absolute of [fromCwd, fromRoot]) {
    if (absolute === undefined) continue;
    const stats = lstat(absolute);
    if (!stats) continue;
    const rel = insideRoot(root, absolute);
    if (rel !== undefined) return { rel, folder: stats.isDirectory() };
    existsOutside = true;
  }
  const cwdRel = insideRoot(root, fromCwd);
  const rootRel = fromRoot === undefined ? undefined : insideRoot(root, fromRoot);
  if (existsOutside || (cwdRel === undefined && rootRel === undefined)) throw new UsageError(MESSAGES.pathOutside, { path: typed, root: displayPath(io.cwd, root) });
  // Suggest in the form the user typed: from the current folder if that is how the path reads.
  const target = cwdRel ?? rootRel!;
  const show = cwdRel !== undefined ? (candidate: string) => toPosix(path.relative(io.cwd, path.join(root, candidate))) : (candidate: string) => candidate;
  const suggestion = closestMatch(target.toLowerCase(), repoPaths(root), (candidate) => [candidate.toLowerCase()]);
  if (suggestion !== undefined) throw new UsageError(MESSAGES.pathMissingSuggest, { path: typed, suggestion: show(suggestion) });
  throw new UsageError(MESSAGES.pathMissing, { path: typed, root: displayPath(io.cwd, root) });
}

/** Every file of the repo and every folder above one: what a path argument can name. */
function repoPaths(root: string): string[] {
  const all = new Set<string>();
  for (const file of listRepo(root).entries.keys()) {
    all.add(file);
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) all.add(file.slice(0, slash));
  }
  return [...all].sort();
}

/**
 * A department is a folder under dependencias/, spelled exactly (claves are case-sensitive):
 * a usage error with the closest clave otherwise, checked before the long validation run.
 */
export function checkDepartment(root: string, clave: string): void {
  let folders: string[];
  try {
    folders = readdirSync(path.join(root, 'dependencias'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    folders = [];
  }
  if (folders.includes(clave)) return;
  if (folders.length === 0) throw new UsageError(MESSAGES.departmentNone, { clave });
  const suggestion = closestMatch(clave.toLowerCase(), folders, (folder) => [folder.toLowerCase()]);
  if (suggestion !== undefined) throw new UsageError(MESSAGES.departmentSuggest, { clave, suggestion });
  const all = folders.length > LISTED_DEPARTMENTS ? `${folders.slice(0, LISTED_DEPARTMENTS).join(', ')}…` : folders.join(', ');
  throw new UsageError(MESSAGES.departmentList, { clave, all });
}
