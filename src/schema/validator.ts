import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SCHEMA_FILE, type FileKind } from '../repo/layout.js';

// ajv-formats ships CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020, formats: string[]) => Ajv2020;

const SCHEMAS_DIR = new URL('../../schemas/', import.meta.url);

let compiled: Map<FileKind, ValidateFunction> | undefined;

/** Compiles every schema once per process; validating 20,000 files reuses them. */
function validators(): Map<FileKind, ValidateFunction> {
  if (compiled) return compiled;
  // Never `$data` or `loadSchema`: a schema never reaches outside this folder.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['date', 'email']);
  compiled = new Map();
  for (const [kind, file] of Object.entries(SCHEMA_FILE) as [FileKind, string][]) {
    const schema = JSON.parse(readFileSync(new URL(file, SCHEMAS_DIR), 'utf8')) as object;
    compiled.set(kind, ajv.compile(schema));
  }
  return compiled;
}

export function checkSchema(kind: FileKind, value: unknown): ErrorObject[] {
  const validate = validators().get(kind)!;
  if (validate(value)) return [];
  // ajv keeps the last run's errors on the function: a hostile file's million errors would
  // stay alive until the next file of the same kind.
  const errors = validate.errors ?? [];
  validate.errors = null;
  return errors;
}
