import { Command } from 'commander';
import { lstatSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { WriteError, writeFilesAtomically } from '../io/write.js';
import { schemaFileNames, schemasDir } from './init.js';
import type { Lang } from '../i18n/text.js';
import { addOption } from './bilingual.js';
import { whileWriting } from './interrupt.js';
import { UsageError, type CliIo } from './io.js';
import { displayPath, fileErrorReason } from './reasons.js';
import { renderTable } from './table.js';
import type { GlobalOptions } from './validate.js';

const TEXT = {
  exists: {
    es: 'No se copió ningún esquema: en «{dir}» ya existe:\n{files}\nUse --force para reemplazarlos, o elija otra carpeta.',
    en: 'No schema was copied: "{dir}" already has:\n{files}\nUse --force to replace them, or choose another folder.',
  },
  outNotDir: { es: 'No se puede usar «{dir}» como carpeta de salida: {reason}.', en: 'Cannot use "{dir}" as output folder: {reason}.' },
  cannotWrite: { es: 'No se pudo escribir «{file}»: {reason}. Revise los permisos y el espacio libre de la carpeta.', en: 'Could not write "{file}": {reason}. Check permissions and free space of the folder.' },
  header: { es: ['Archivo', '$id'], en: ['File', '$id'] },
  listed: {
    es: 'Esquemas JSON (draft 2020-12) con los títulos y descripciones en español que usan plan validate y los editores.\nPara copiarlos: plan schema --out <carpeta>',
    en: 'JSON Schemas (draft 2020-12) with the Spanish titles and descriptions used by plan validate and editors.\nTo copy them: plan schema --out <folder>',
  },
  written: { es: 'Esquemas copiados:', en: 'Schemas copied:' },
} as const;

interface SchemaOptions {
  out?: string;
  force?: boolean;
}

const H = {
  summary: { es: 'muestra o exporta los esquemas JSON de los archivos del plan', en: 'list or export the JSON Schemas of the plan files' },
  description: {
    es: 'Sin opciones, lista los esquemas JSON de plan (uno por tipo de archivo: plan.yaml, catálogo, dependencia, PPCS, reporte…) con su $id. Con --salida los copia a una carpeta, por ejemplo para un editor u otra herramienta que valide YAML; no reemplaza archivos existentes salvo con --force.\n\nCada opción se acepta también con su nombre en inglés, que la ayuda dice al final de su descripción.',
    en: 'Without options, lists plan\'s JSON Schemas (one per kind of file: plan.yaml, catalog, department, PPCS, report…) with their $id. With --out it copies them to a folder, for example for an editor or another tool that validates YAML; it does not replace existing files unless --force is given.\n\nEvery option is also accepted under its Spanish name, given at the end of its description.',
  },
  out: { es: 'carpeta a la que se copian los esquemas (se crea si no existe)', en: 'folder the schemas are copied to (created if missing)' },
  force: { es: 'reemplaza los esquemas que ya existan en la carpeta de --salida', en: 'replace schemas that already exist in the --out folder' },
} as const;

export function schemaCommand(io: CliIo, _globals: () => GlobalOptions, _setExit: (code: number) => void, lang: Lang = 'es'): Command {
  const command = new Command('schema').summary(H.summary[lang]).description(H.description[lang]);
  addOption(command, lang, { long: { en: '--out', es: '--salida' }, value: { en: '<folder>', es: '<carpeta>' }, description: H.out });
  addOption(command, lang, { long: '--force', description: H.force });
  return command
    .action(async (options: SchemaOptions) => {
      const names = schemaFileNames();
      if (options.out === undefined) {
        const rows = names.map((name) => [name, schemaId(name)]);
        io.stdout(`${renderTable([TEXT.header[lang], ...rows])}\n\n${TEXT.listed[lang]}\n`);
        return;
      }
      const dir = path.resolve(io.cwd, options.out);
      try {
        if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() === false) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
        mkdirSync(dir, { recursive: true });
      } catch (error) {
        throw new UsageError(TEXT.outNotDir, { dir: options.out, reason: fileErrorReason(error, lang) });
      }
      const existing = names.filter((name) => lstatSync(path.join(dir, name), { throwIfNoEntry: false }) !== undefined);
      if (existing.length > 0 && !options.force) {
        throw new UsageError(TEXT.exists, { dir: options.out, files: existing.map((name) => `  ${name}`).join('\n') });
      }
      let written: string[];
      try {
        written = await whileWriting(() => writeFilesAtomically(names.map((name) => ({ path: path.join(dir, name), bytes: () => readFileSync(path.join(schemasDir(), name)) }))));
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        throw new UsageError(TEXT.cannotWrite, { file: displayPath(io.cwd, error.file), reason: fileErrorReason(error.cause, lang) });
      }
      io.stdout(`${TEXT.written[lang]}\n${written.map((file) => `  ${displayPath(io.cwd, file)}`).join('\n')}\n`);
    });
}

function schemaId(name: string): string {
  const schema = JSON.parse(readFileSync(path.join(schemasDir(), name), 'utf8')) as { $id?: unknown };
  return typeof schema.$id === 'string' ? schema.$id : '';
}
