import { Command } from 'commander';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/text.js';
import { packageInfo, packagePath } from '../io/package-files.js';
import { UsageError, type CliIo } from './io.js';
import type { GlobalOptions } from './validate.js';

const TEXT = {
  notDir: { es: '«{dir}» existe y no es una carpeta; indique otra carpeta para el repositorio del plan.', en: '"{dir}" exists and is not a folder; choose another folder for the plan repository.' },
  exists: {
    es: 'No se creó ningún archivo: plan init nunca sobrescribe, y en «{dir}» ya existe:\n{files}\nElija una carpeta vacía, o mueva o borre esos archivos y vuelva a intentarlo.',
    en: 'No file was created: plan init never overwrites, and "{dir}" already has:\n{files}\nChoose an empty folder, or move or delete those files and try again.',
  },
  cannotWrite: {
    es: 'No se pudo escribir «{file}»: {reason}. No quedó ningún archivo a medias: se borró lo que plan init había creado.',
    en: 'Could not write "{file}": {reason}. Nothing was left half-done: what plan init had created was removed.',
  },
} as const;

const NEXT_STEPS: Record<Lang, (validate: string) => string> = {
  es: (validate) =>
    [
      'Siguientes pasos:',
      '  1. Escriba el nombre del municipio en plan.yaml y revise el calendario, los umbrales y la rúbrica.',
      '  2. Complete el catálogo catalogos/unidades-de-medida.yaml con las unidades que valida Planeación.',
      '  3. Cree una carpeta dependencias/<CLAVE>/ por dependencia, copiando los ejemplos EJEMPLO y EJEMPLO2;',
      '     bórrelos cuando ya no los necesite.',
      `  4. Revise que todo esté en orden: ${validate}`,
      '  5. Suba el repositorio a GitHub o GitLab: .github/workflows/plan.yml (la acción de plan) y .gitlab-ci.yml',
      '     (el paquete plan-de-mejora) revisan cada pull request o merge request; cambie en ellos',
      '     ORGANIZACION/plan por la dirección del repositorio de plan que usa su oficina.',
      '  6. Abra la carpeta en VS Code con la extensión YAML de Red Hat: verá la ayuda de cada campo en español.',
    ].join('\n'),
  en: (validate) =>
    [
      'Next steps:',
      '  1. Write the municipality name in plan.yaml and check the calendar, thresholds and rubric.',
      '  2. Complete catalogos/unidades-de-medida.yaml with the units Planeación validates.',
      '  3. Create one folder dependencias/<CLAVE>/ per department, copying the EJEMPLO and EJEMPLO2 samples;',
      '     delete them when no longer needed.',
      `  4. Check that everything is in order: ${validate}`,
      '  5. Push the repository to GitHub or GitLab: .github/workflows/plan.yml (plan\'s action) and .gitlab-ci.yml',
      '     (the plan-de-mejora package) check every pull request or merge request; replace ORGANIZACION/plan',
      '     in them with the address of the plan repository your office uses.',
      '  6. Open the folder in VS Code with Red Hat\'s YAML extension to see each field\'s help in Spanish.',
    ].join('\n'),
};

const REASONS: Record<string, { es: string; en: string }> = {
  EACCES: { es: 'permiso denegado', en: 'permission denied' },
  EPERM: { es: 'operación no permitida', en: 'operation not permitted' },
  EROFS: { es: 'el sistema de archivos es de sólo lectura', en: 'read-only file system' },
  ENOSPC: { es: 'no hay espacio en el disco', en: 'no space left on device' },
  ENOTDIR: { es: 'una parte de la ruta no es una carpeta', en: 'part of the path is not a folder' },
  EEXIST: { es: 'apareció un archivo con ese nombre mientras se escribía', en: 'a file with that name appeared while writing' },
};

const TEMPLATES_DIR = packagePath('templates/init/');
const SCHEMAS_DIR = packagePath('schemas/');

/** One file of the new repository: its repo-relative POSIX path and its bytes. */
export interface ScaffoldFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * The files `plan init` writes: the templates under templates/init/ and a copy of the
 * package's JSON Schemas (so editors show the help offline). npm leaves `.gitignore` out of
 * published packages and dot-folders are easy to lose, so templates spell a leading dot as
 * `dot-`; `@PLAN_VERSION@` pins the CI workflows to the version that wrote the schemas.
 */
export function scaffoldFiles(): ScaffoldFile[] {
  const files: ScaffoldFile[] = [];
  const version = packageInfo().version;
  for (const rel of listFiles(TEMPLATES_DIR)) {
    const target = rel
      .split('/')
      .map((segment) => (segment.startsWith('dot-') ? `.${segment.slice('dot-'.length)}` : segment))
      .join('/');
    const bytes = readFileSync(path.join(TEMPLATES_DIR, rel));
    const content = /\.(ya?ml|json)$/.test(rel) ? bytes.toString('utf8').replaceAll('@PLAN_VERSION@', version) : bytes;
    files.push({ path: target, content });
  }
  for (const name of schemaFileNames()) files.push({ path: `schemas/${name}`, content: readFileSync(path.join(SCHEMAS_DIR, name)) });
  return files.sort((a, b) => order(a.path) - order(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The package's JSON Schemas, sorted: what `plan init` and `plan schema` copy. */
export function schemaFileNames(): string[] {
  return readdirSync(SCHEMAS_DIR)
    .filter((name) => name.endsWith('.schema.json'))
    .sort();
}

export function schemasDir(): string {
  return SCHEMAS_DIR;
}

/** plan.yaml first, then the data, then schemas, then editor and CI settings: the order a reader wants. */
function order(file: string): number {
  if (file === 'plan.yaml') return 0;
  if (file.startsWith('catalogos/')) return 1;
  if (file.startsWith('dependencias/')) return 2;
  if (file.startsWith('schemas/')) return 3;
  return 4;
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Targets that already exist, or whose folder is taken by a file: any of them stops init. */
function conflicts(dir: string, files: readonly ScaffoldFile[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const segments = file.path.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const rel = segments.slice(0, i).join('/');
      const stat = lstatOrUndefined(path.join(dir, rel));
      if (!stat) break;
      // An existing folder on the way is fine; anything else there (a file, a link) is in the way.
      if (i < segments.length && stat.isDirectory()) continue;
      found.add(rel);
      break;
    }
  }
  return [...found].sort();
}

function lstatOrUndefined(target: string) {
  try {
    return lstatSync(target);
  } catch {
    return undefined;
  }
}

/**
 * Writes every file with `wx` (fail if it exists), so a file that appears after the check is
 * still never overwritten; on any failure removes what this run created, and nothing else.
 */
function writeAll(dir: string, files: readonly ScaffoldFile[], lang: Lang): void {
  const createdFiles: string[] = [];
  const createdDirs: string[] = [];
  const ensureDir = (folder: string): void => {
    if (lstatOrUndefined(folder)) return;
    ensureDir(path.dirname(folder));
    mkdirSync(folder);
    createdDirs.push(folder);
  };
  let current = dir;
  try {
    ensureDir(dir);
    for (const file of files) {
      current = path.join(dir, file.path);
      ensureDir(path.dirname(current));
      writeFileSync(current, file.content, { flag: 'wx', mode: 0o644 });
      createdFiles.push(current);
    }
  } catch (error) {
    for (const file of createdFiles.reverse()) unlinkSync(file);
    for (const folder of createdDirs.reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // Not empty: something else was put there meanwhile, and it is not ours to delete.
      }
    }
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code]?.[lang] ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(TEXT.cannotWrite, { file: current, reason });
  }
}

/** Relative to the working directory when below it, else absolute: never `../../tmp/…`. */
function displayPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  return relative.startsWith('..') || path.isAbsolute(relative) ? target : relative;
}

/**
 * How this user runs plan: `plan` once installed (README, «Instalación»); under
 * `npx --package=<paquete> plan init`, where no `plan` is on the PATH afterwards, that same
 * npx command, so the next steps name a command that works.
 */
function planCommand(env: NodeJS.ProcessEnv): string {
  const spec = env['npm_config_package'];
  if (env['npm_lifecycle_event'] !== 'npx' || !spec || spec.includes('\n')) return 'plan';
  return `npx --package=${shellQuote(spec)} plan`;
}

function shellQuote(value: string): string {
  return /^[\w./:@-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

const HELP = {
  summary: {
    es: 'crea un repositorio del plan nuevo, con ejemplos, esquemas, CI y ajustes del editor',
    en: 'create a new plan repository, with examples, schemas, CI and editor settings',
  },
  description: {
    es: 'Crea en la carpeta indicada (por omisión, la actual) un repositorio del plan listo para usarse: plan.yaml con el calendario 2019 y la rúbrica del Plan de Mejora, el catálogo de unidades de medida, dos dependencias de ejemplo que colaboran entre sí (carátula de PPCS, cuatro reportes trimestrales y sus evidencias), los esquemas JSON, los flujos de GitHub Actions y GitLab CI que revisan cada pull request, y los ajustes de VS Code para ver la ayuda de cada campo.\n\nNunca sobrescribe: si alguno de esos archivos ya existe, no escribe nada y termina con código 2.',
    en: 'Creates in the given folder (default: the current one) a plan repository ready to use: plan.yaml with the 2019 calendar and the Plan de Mejora rubric, the catalog of units of measure, two sample departments that work together (PPCS cover sheet, four quarterly reports and their evidence), the JSON Schemas, the GitHub Actions and GitLab CI workflows that check every pull request, and VS Code settings to show each field\'s help.\n\nIt never overwrites: if any of those files already exists, it writes nothing and exits with code 2.',
  },
  argument: { es: '[carpeta]', en: '[folder]' },
  argumentDescription: {
    es: 'carpeta del repositorio nuevo (por omisión: la actual; se crea si no existe)',
    en: 'folder of the new repository (default: the current one; created if missing)',
  },
} as const;

export function initCommand(io: CliIo, globals: () => GlobalOptions, _setExit: (code: number) => void, helpLang: Lang = 'es'): Command {
  return new Command('init')
    .summary(HELP.summary[helpLang])
    .description(HELP.description[helpLang])
    .argument(HELP.argument[helpLang], HELP.argumentDescription[helpLang])
    .action((carpeta: string | undefined) => {
      const { lang, directory } = globals();
      const base = path.resolve(io.cwd, directory ?? '.');
      const dir = path.resolve(base, carpeta ?? '.');
      const shown = displayPath(io.cwd, dir) || '.';
      const stat = lstatOrUndefined(dir);
      if (stat && !(stat.isDirectory() || (stat.isSymbolicLink() && statSync(dir, { throwIfNoEntry: false })?.isDirectory()))) {
        throw new UsageError(TEXT.notDir, { dir: shown });
      }
      const files = scaffoldFiles();
      const existing = conflicts(dir, files);
      if (existing.length > 0) throw new UsageError(TEXT.exists, { dir: shown, files: existing.map((f) => `  ${f}`).join('\n') });
      writeAll(dir, files, lang);
      const header = lang === 'es' ? `Repositorio del plan creado en «${shown}» (${files.length} archivos):` : `Plan repository created in "${shown}" (${files.length} files):`;
      const plan = planCommand(io.env);
      const validate = shown === '.' ? `${plan} validate` : `${plan} -C ${shellQuote(shown)} validate`;
      io.stdout(`${header}\n${files.map((f) => `  ${f.path}`).join('\n')}\n\n${NEXT_STEPS[lang](validate)}\n`);
    });
}
