import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { packagePath } from '../io/package-files.js';
import { SCHEMA_FILE, type FileKind } from '../repo/layout.js';

// The compiler is loaded only to compile (a build, an edited schema): loading ajv and
// ajv-formats took each thread a tenth of a second that the precompiled validators never need.
const requireCjs = createRequire(import.meta.url);

const SCHEMAS_DIR = packagePath('schemas/');

/**
 * The validators `npm run build` writes into dist/schema/ (tools/precompile-schemas.ts):
 * compiling every schema takes each process, and each worker thread, over half a second,
 * while loading their code takes a few milliseconds.
 */
export const PRECOMPILED_FILE = 'schemas.compiled.cjs';

/** What the precompiled module exports: one validator per kind, and the digest of the schemas it was built from. */
export interface PrecompiledValidators {
  digest: string;
  validators: Record<FileKind, ValidateFunction>;
}

let compiled: Map<FileKind, ValidateFunction> | undefined;

/** The compiler every schema goes through, at run time and when the build precompiles them. */
export function schemaCompiler(code?: { source: true }): Ajv2020 {
  // Never `$data` or `loadSchema`: a schema never reaches outside this folder.
  const { Ajv2020: Compiler } = requireCjs('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // ajv-formats ships CommonJS: its function is the module's default.
  const addFormats = (requireCjs('ajv-formats') as { default: (ajv: Ajv2020, formats: string[]) => Ajv2020 }).default;
  const ajv = new Compiler({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, ...(code ? { code } : {}) });
  addFormats(ajv, ['date', 'email']);
  return ajv;
}

/** Each kind's schema text, in SCHEMA_FILE's order. */
export function schemaTexts(): [FileKind, string][] {
  return (Object.entries(SCHEMA_FILE) as [FileKind, string][]).map(([kind, file]) => [kind, readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')]);
}

/** Identifies the schemas (texts) and the compiler (ajv's version): precompiled code for others is never used. */
export function schemaDigest(texts: readonly [FileKind, string][]): string {
  const ajvVersion = (requireCjs('ajv/package.json') as { version: string }).version;
  const hash = createHash('sha256').update(`ajv ${ajvVersion}\n`);
  for (const [kind, text] of texts) hash.update(`${kind}\n${text.length}\n${text}`);
  return hash.digest('hex');
}

/** Compiles every schema once per process, or loads them precompiled; validating 20,000 files reuses them. */
function validators(): Map<FileKind, ValidateFunction> {
  if (compiled) return compiled;
  const texts = schemaTexts();
  compiled = precompiled(schemaDigest(texts)) ?? compile(texts);
  return compiled;
}

function compile(texts: readonly [FileKind, string][]): Map<FileKind, ValidateFunction> {
  const ajv = schemaCompiler();
  return new Map(texts.map(([kind, text]) => [kind, ajv.compile(JSON.parse(text) as object)]));
}

/** The build's validators when they were built from these very schemas; undefined otherwise (a source checkout, an edited schema). */
function precompiled(digest: string): Map<FileKind, ValidateFunction> | undefined {
  // Beside this module as tsc writes it (dist/schema/); from the bundle (dist/bundle/) too.
  const file = new URL(`../schema/${PRECOMPILED_FILE}`, import.meta.url);
  if (!existsSync(file)) return undefined;
  // A path, not the URL's: its pathname keeps a folder's spaces and accents percent-encoded.
  const module = requireCjs(fileURLToPath(file)) as PrecompiledValidators;
  if (module.digest !== digest) return undefined;
  return new Map(Object.entries(module.validators) as [FileKind, ValidateFunction][]);
}

/** Loads (or compiles) the validators now, before the first file needs them. */
export function prepareSchemas(): void {
  validators();
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
