// Where each kind of file lives (SPEC §2). The path decides the kind, so a file is
// checked against exactly one schema and a misplaced file is reported, not skipped.

export type FileKind =
  | 'plan'
  | 'unidades'
  | 'dependencia'
  | 'ppcs'
  | 'reporte'
  | 'retroalimentacion'
  | 'convocatorias'
  | 'genero'
  | 'excepciones';

export interface Placement {
  kind: FileKind;
  /** Department folder name, for files under dependencias/<CLAVE>/. */
  folder?: string;
  /** File name without `.yaml`: the PPCS id, the quarter or the year it must declare. */
  stem?: string;
}

export const SCHEMA_FILE: Record<FileKind, string> = {
  plan: 'plan.schema.json',
  unidades: 'unidades-de-medida.schema.json',
  dependencia: 'dependencia.schema.json',
  ppcs: 'ppcs.schema.json',
  reporte: 'reporte.schema.json',
  retroalimentacion: 'retroalimentacion.schema.json',
  convocatorias: 'convocatorias.schema.json',
  genero: 'genero.schema.json',
  excepciones: 'excepciones.schema.json',
};

const patterns: [RegExp, (m: RegExpMatchArray) => Placement][] = [
  [/^plan\.yaml$/, () => ({ kind: 'plan' })],
  [/^catalogos\/unidades-de-medida\.yaml$/, () => ({ kind: 'unidades' })],
  [/^dependencias\/([^/]+)\/dependencia\.yaml$/, (m) => ({ kind: 'dependencia', folder: m[1] })],
  [/^dependencias\/([^/]+)\/ppcs\/([^/]+)\.yaml$/, (m) => ({ kind: 'ppcs', folder: m[1], stem: m[2] })],
  [/^dependencias\/([^/]+)\/reportes\/([^/]+)\.yaml$/, (m) => ({ kind: 'reporte', folder: m[1], stem: m[2] })],
  [/^planeacion\/retroalimentacion\/([^/]+)\.yaml$/, (m) => ({ kind: 'retroalimentacion', stem: m[1] })],
  [/^planeacion\/convocatorias\/([^/]+)\.yaml$/, (m) => ({ kind: 'convocatorias', stem: m[1] })],
  [/^planeacion\/genero\/([^/]+)\.yaml$/, (m) => ({ kind: 'genero', stem: m[1] })],
  [/^planeacion\/excepciones\.yaml$/, () => ({ kind: 'excepciones' })],
];

export function placementOf(relPath: string): Placement | undefined {
  for (const [pattern, build] of patterns) {
    const match = relPath.match(pattern);
    if (match) return build(match);
  }
  return undefined;
}

/** What a folder of the plan's data holds: the kinds of file, and the department it belongs to. */
export interface DataFolder {
  kinds: FileKind[];
  department?: string;
}

const DATA_FOLDERS: [RegExp, (m: RegExpMatchArray) => DataFolder][] = [
  [/^dependencias$/, () => ({ kinds: ['dependencia', 'ppcs', 'reporte'] })],
  [/^dependencias\/([^/]+)$/, (m) => ({ kinds: ['dependencia', 'ppcs', 'reporte'], department: m[1] })],
  [/^dependencias\/([^/]+)\/ppcs$/, (m) => ({ kinds: ['ppcs'], department: m[1] })],
  [/^dependencias\/([^/]+)\/reportes$/, (m) => ({ kinds: ['reporte'], department: m[1] })],
  [/^planeacion$/, () => ({ kinds: ['retroalimentacion', 'convocatorias', 'genero', 'excepciones'] })],
  [/^planeacion\/retroalimentacion$/, () => ({ kinds: ['retroalimentacion'] })],
  [/^planeacion\/convocatorias$/, () => ({ kinds: ['convocatorias'] })],
  [/^planeacion\/genero$/, () => ({ kinds: ['genero'] })],
  [/^catalogos$/, () => ({ kinds: ['unidades'] })],
];

/** The folder of plan data at `relPath` (a department's folder, `planeacion/genero`…), if it is one. */
export function dataFolderOf(relPath: string): DataFolder | undefined {
  for (const [pattern, build] of DATA_FOLDERS) {
    const match = relPath.match(pattern);
    if (match) return build(match);
  }
  return undefined;
}

const YAML_EXTENSION = /\.ya?ml$/i;
const MANAGED_TOP = /^(plan\.ya?ml$|catalogos\/|dependencias\/|planeacion\/)/;
const EVIDENCE_FOLDER = /(^|\/)evidencias\//;

/**
 * A YAML file where the office keeps its data but at no known place: most often a typo
 * in a folder name (`reporte/`), a `.yml` extension or a file dropped at the wrong level.
 * Left unread it would pass silently, so it is reported.
 */
export function isStrayDataFile(relPath: string): boolean {
  return YAML_EXTENSION.test(relPath) && MANAGED_TOP.test(relPath) && !EVIDENCE_FOLDER.test(relPath);
}

/**
 * The department a file belongs to: its clave for anything under `dependencias/<CLAVE>/`,
 * null for Planeación's files (plan.yaml, catalogos/, planeacion/ and anything else in the
 * repo, which the office owns).
 */
export function departmentOf(file: string): string | null {
  // Asked for every file of the repo, several times a run: no match array.
  if (!file.startsWith(DEPARTMENTS)) return null;
  const end = file.indexOf('/', DEPARTMENTS.length);
  return end > DEPARTMENTS.length ? file.slice(DEPARTMENTS.length, end) : null;
}

const DEPARTMENTS = 'dependencias/';

/** Folders that hold the plan's input: no output of plan is ever written into them. */
const INPUT_FOLDERS = ['dependencias', 'planeacion', 'catalogos', 'schemas'];

/** Whether a repo-relative path is part of the plan's input (plan.yaml or an input folder). */
export function isPlanInput(relPath: string): boolean {
  return relPath === 'plan.yaml' || INPUT_FOLDERS.includes(relPath.split('/')[0]!);
}
