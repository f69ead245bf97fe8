import { placementOf, type FileKind } from '../repo/layout.js';
import type { Finding } from '../model/finding.js';
import type { Lang, Text } from '../i18n/text.js';
import { defineRule, findingOf } from './rule.js';

export const PLAN006 = defineRule({
  meta: {
    id: 'PLAN006',
    title: { es: 'Archivo fuera de la estructura del plan', en: 'File outside the plan layout' },
    rationale:
      'Un archivo YAML en una carpeta o con un nombre que «plan» no reconoce no se revisa: un reporte guardado en «reporte/» en lugar de «reportes/» pasaría sin validarse y nunca llegaría a la evaluación. Se avisa porque el Plan de Mejora establece que «su aplicación y cumplimiento serán monitoreadas trimestralmente»: nada debe quedar fuera de ese seguimiento sin que nadie lo note. Si el archivo tiene la forma de un dato del plan (un reporte, una carátula, una ficha…), es un error: el pull request que lo trae no debe integrarse hasta que el archivo esté en su lugar.',
    defaultSeverity: 'warning',
    hint: {
      es: 'Muévalo a su lugar: plan.yaml, catalogos/unidades-de-medida.yaml, dependencias/<CLAVE>/dependencia.yaml, dependencias/<CLAVE>/ppcs/<ID>.yaml, dependencias/<CLAVE>/reportes/<AAAA>-T<n>.yaml, planeacion/retroalimentacion/<AAAA>-T<n>.yaml, planeacion/convocatorias/<AAAA>.yaml o planeacion/genero/<AAAA>.yaml (extensión .yaml).',
      en: 'Move it to its place: plan.yaml, catalogos/unidades-de-medida.yaml, dependencias/<CLAVE>/dependencia.yaml, dependencias/<CLAVE>/ppcs/<ID>.yaml, dependencias/<CLAVE>/reportes/<YYYY>-T<n>.yaml, planeacion/retroalimentacion/<YYYY>-T<n>.yaml, planeacion/convocatorias/<YYYY>.yaml or planeacion/genero/<YYYY>.yaml (.yaml extension).',
    },
    messages: {
      stray: { es: 'Este archivo YAML no está en un lugar que «plan» reconozca y no se revisó.', en: 'This YAML file is not at a place "plan" recognises and was not checked.' },
      misplaced: {
        es: 'Este archivo parece {tipo}, pero está fuera de lugar: no se revisó y no cuenta en la evaluación.',
        en: 'This file looks like {tipo}, but it is out of place: it was not checked and does not count in the evaluation.',
      },
      symlink: { es: 'Este archivo es un enlace simbólico; los datos del plan deben ser archivos reales y no se leyó.', en: 'This file is a symbolic link; plan data must be real files, and it was not read.' },
      symlinkFolder: {
        es: 'La carpeta «{carpeta}» es un enlace simbólico; los datos del plan deben estar en carpetas reales del repositorio y no se leyó nada de ella.',
        en: 'The folder "{carpeta}" is a symbolic link; plan data must be in real folders of the repository, and nothing in it was read.',
      },
    },
    examples: {
      file: 'dependencias/OP/2019-T1.yaml',
      invalid: '# guardado en dependencias/OP/2019-T1.yaml\ndependencia: OP\ntrimestre: 2019-T1\n',
      valid: '# guardado en dependencias/OP/reportes/2019-T1.yaml\ndependencia: OP\ntrimestre: 2019-T1\n',
    },
  },
});

/** The hint for a file that looks like plan data: the exact path where it belongs. */
export const MISPLACED_HINT: Text = {
  es: 'Muévalo a «{destino}» (con «git mv», para conservar su historia) y vuelva a validar.',
  en: 'Move it to "{destino}" (with "git mv", to keep its history) and validate again.',
};


export const KIND_NAMES: Record<FileKind, Text> = {
  reporte: { es: 'un reporte trimestral', en: 'a quarterly report' },
  ppcs: { es: 'la carátula de un PPCS', en: 'a PPCS carátula' },
  dependencia: { es: 'la ficha de una dependencia', en: 'a department card' },
  retroalimentacion: { es: 'un formato de retroalimentación', en: 'a feedback file' },
  convocatorias: { es: 'un archivo de convocatorias', en: 'a calls file' },
  genero: { es: 'un archivo de recomendaciones de género', en: 'a gender recommendations file' },
  unidades: { es: 'el catálogo de unidades de medida', en: 'the unit catalog' },
  plan: { es: 'la configuración del plan (plan.yaml)', en: 'the plan configuration (plan.yaml)' },
  excepciones: { es: 'el archivo de excepciones', en: 'the exceptions file' },
};

const QUARTER = /^\d{4}-T[1-4]$/;
const YEAR = /^\d{4}$/;
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Where a stray YAML file belongs, judged by its content (the keys each kind of file must
 * have) and, failing that, by its name: `dependencias/SP/2019-T3.yml` with a report's keys
 * belongs at `dependencias/SP/reportes/2019-T3.yaml`. Undefined when it does not look like
 * plan data (a department's own notes file), which stays a warning.
 */
export function whereItBelongs(relPath: string, value: unknown): { kind: FileKind; target: string } | undefined {
  const { stem, folder } = nameParts(relPath);
  // A file in its right place but for the extension: `.yml` → `.yaml`.
  const renamed = relPath.replace(/\.ya?ml$/i, '.yaml');
  const sameFolder = placementOf(renamed);
  if (sameFolder && renamed !== relPath) return { kind: sameFolder.kind, target: renamed };
  // Unreadable or unknown content: a quarter-named file in a department folder is a report.
  return byContent(relPath, value) ?? (folder && QUARTER.test(stem) ? { kind: 'reporte', target: `dependencias/${folder}/reportes/${stem}.yaml` } : undefined);
}

/** A path's file name without its YAML extension, and the department folder it is under, if any. */
function nameParts(relPath: string): { stem: string; folder: string | undefined } {
  const segments = relPath.split('/');
  return {
    stem: segments[segments.length - 1]!.replace(/\.ya?ml$/i, ''),
    folder: segments[0] === 'dependencias' && segments.length > 2 ? segments[1] : undefined,
  };
}

/** Where a file belongs by the keys each kind of file must have; undefined when none fits. */
function byContent(relPath: string, value: unknown): { kind: FileKind; target: string } | undefined {
  const { stem, folder } = nameParts(relPath);
  const data = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const has = (...keys: string[]) => keys.every((key) => key in data);
  const text = (key: string, pattern: RegExp) => (typeof data[key] === 'string' && pattern.test(data[key] as string) ? (data[key] as string) : undefined);
  const year = (key: string) => (typeof data[key] === 'number' && YEAR.test(String(data[key])) ? String(data[key]) : undefined);
  const department = (declared?: string) => folder ?? declared ?? '<CLAVE>';

  if (has('trimestre', 'ppcs')) {
    return { kind: 'reporte', target: `dependencias/${department(text('dependencia', SAFE_SEGMENT))}/reportes/${text('trimestre', QUARTER) ?? (QUARTER.test(stem) ? stem : '<AAAA>-T<n>')}.yaml` };
  }
  if (has('trimestre', 'observaciones')) {
    return { kind: 'retroalimentacion', target: `planeacion/retroalimentacion/${text('trimestre', QUARTER) ?? '<AAAA>-T<n>'}.yaml` };
  }
  if (has('id', 'tipo', 'estatus') || has('id', 'metas')) {
    const id = text('id', SAFE_SEGMENT);
    return { kind: 'ppcs', target: `dependencias/${department(id?.split('-')[0])}/ppcs/${id ?? '<ID>'}.yaml` };
  }
  if (has('clave', 'titular')) {
    const clave = text('clave', SAFE_SEGMENT);
    return { kind: 'dependencia', target: `dependencias/${clave ?? department()}/dependencia.yaml` };
  }
  if (has('convocatorias')) return { kind: 'convocatorias', target: `planeacion/convocatorias/${year('ejercicio') ?? '<AAAA>'}.yaml` };
  if (has('recomendaciones')) return { kind: 'genero', target: `planeacion/genero/${year('ejercicio') ?? '<AAAA>'}.yaml` };
  if (has('unidades')) return { kind: 'unidades', target: 'catalogos/unidades-de-medida.yaml' };
  if (has('excepciones')) return { kind: 'excepciones', target: 'planeacion/excepciones.yaml' };
  if (has('municipio', 'ejercicio')) return { kind: 'plan', target: 'plan.yaml' };
  return undefined;
}

/**
 * A file at a known place whose content is another kind of plan file (a report saved in
 * `ppcs/`): one PLAN006 error naming where it belongs, in place of the schema errors of the
 * kind its place implies. Asked only of files that fail their schema.
 */
export function misplacedByContent(file: string, placedAs: FileKind, value: unknown, lang: Lang): Finding | undefined {
  const belongs = byContent(file, value);
  if (!belongs || belongs.kind === placedAs) return undefined;
  return misplacedFinding(file, belongs, lang);
}

function misplacedFinding(file: string, belongs: { kind: FileKind; target: string }, lang: Lang): Finding {
  return findingOf(
    PLAN006.meta,
    { messageId: 'misplaced', file, path: [], severity: 'error', data: { tipo: KIND_NAMES[belongs.kind][lang] }, hint: MISPLACED_HINT, hintData: { destino: belongs.target } },
    lang,
  );
}

/**
 * A YAML file at no known place. One that looks like plan data (a report saved as
 * `dependencias/SP/2019-T3.yml`) is an error naming where it belongs, so the pull request that
 * brings it cannot pass green while the report it holds goes unchecked. `content` is the
 * file's parsed value (undefined when it could not be read); a symbolic link is not judged.
 */
export function strayFinding(file: string, stray: { symlink: boolean; content: unknown }, lang: Lang): Finding {
  const belongs = stray.symlink ? undefined : whereItBelongs(file, stray.content);
  if (!belongs) return findingOf(PLAN006.meta, { messageId: 'stray', file, path: [], hint: null }, lang);
  return misplacedFinding(file, belongs, lang);
}

/**
 * A folder of the plan's data (a department, its ppcs/ or reportes/, a planeacion/ section)
 * that is a symbolic link: one finding for the folder, in place of one «no existe» per
 * reference to what it would have held.
 */
export function symlinkFolderFinding(folder: string, lang: Lang): Finding {
  return findingOf(PLAN006.meta, { messageId: 'symlinkFolder', file: folder, at: { line: 1, column: 1 }, severity: 'error', data: { carpeta: folder }, hint: SYMLINK_FOLDER_HINT }, lang);
}

const SYMLINK_FOLDER_HINT: Text = {
  es: 'Reemplace el enlace por una carpeta real con los archivos (por ejemplo, copie su contenido y confírmelo en git) y vuelva a validar.',
  en: 'Replace the link with a real folder holding the files (for example, copy its content and commit it to git) and validate again.',
};

/** A data file that is a symbolic link: never followed, so a plan cannot point outside itself. */
export function symlinkFinding(file: string, lang: Lang): Finding {
  return findingOf(PLAN006.meta, { messageId: 'symlink', file, at: { line: 1, column: 1 }, severity: 'error', hint: null }, lang);
}
