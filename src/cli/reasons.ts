// Why a file or git operation failed, in the user's words; shared by the commands.
import path from 'node:path';
import type { Lang, Text } from '../i18n/text.js';

const FILE_ERRORS: Record<string, Text> = {
  EACCES: { es: 'permiso denegado', en: 'permission denied' },
  EPERM: { es: 'operación no permitida', en: 'operation not permitted' },
  EROFS: { es: 'el sistema de archivos es de sólo lectura', en: 'read-only file system' },
  ENOSPC: { es: 'no hay espacio en el disco', en: 'no space left on device' },
  ENOTDIR: { es: 'una parte de la ruta no es una carpeta', en: 'part of the path is not a folder' },
  EEXIST: { es: 'ya existe un archivo con ese nombre', en: 'a file with that name exists' },
  EISDIR: { es: 'ya existe una carpeta con ese nombre', en: 'a folder with that name exists' },
  ENOENT: { es: 'la carpeta donde debía quedar no existe', en: 'the folder it should go in does not exist' },
};

export function fileErrorReason(error: unknown, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return FILE_ERRORS[code]?.[lang] ?? (error instanceof Error ? error.message : String(error));
}

const GIT_REASONS: Record<string, Text> = {
  not_a_repo: { es: 'la carpeta no es un repositorio git', en: 'the folder is not a git repository' },
  unknown_ref: { es: 'esa referencia no existe en este repositorio', en: 'that reference does not exist in this repository' },
  shallow: {
    es: 'el clon es superficial y le falta historia (use fetch-depth: 0 en GitHub o GIT_DEPTH: 0 en GitLab)',
    en: 'the clone is shallow and lacks history (use fetch-depth: 0 on GitHub or GIT_DEPTH: 0 on GitLab)',
  },
  git_missing: { es: 'git no está instalado', en: 'git is not installed' },
};

export function gitReason(reason: string, lang: Lang): string {
  return GIT_REASONS[reason]?.[lang] ?? reason;
}

/** Relative to the working directory when below it, else absolute: never `../../tmp/…`. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
