// Part of `npm run build`: writes the schemas' validators as code beside the compiled
// validator module (schema/validator.ts, PRECOMPILED_FILE), so no process compiles them
// at start. Run from dist/tools after tsc.
import { writeFileSync } from 'node:fs';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { PRECOMPILED_FILE, schemaCompiler, schemaDigest, schemaTexts } from '../schema/validator.js';

// ajv's standalone module is CommonJS; under NodeNext its default export is the module object.
const standaloneCode = (standaloneCodeModule as unknown as { default: typeof standaloneCodeModule.default }).default;

const texts = schemaTexts();
const ajv = schemaCompiler({ source: true });
const exportNames: Record<string, string> = {};
texts.forEach(([, text], i) => {
  const schema = JSON.parse(text) as { $id: string };
  ajv.addSchema(schema);
  exportNames[`v${i}`] = schema.$id;
});
/**
 * ajv counts a string's length in code points (minLength, maxLength) by walking every
 * character, a tenth of the schema check's time; a string without a high surrogate has
 * nothing to pair, and its length is the answer. Its own function still counts the others.
 */
const UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
const CODE_POINT_LENGTH = `function codePointLength(text) { return /[\\uD800-\\uDBFF]/.test(text) ? ${UCS2LENGTH}(text) : text.length; }`;
/**
 * ajv's bound checks, `count(data) > max` and `count(data) < min`. A string has no more code
 * points than UTF-16 units and no fewer than half as many, so most strings are settled by
 * their length alone, without looking for surrogates in them (a third of the check's time).
 */
function boundedByLength(code: string): string {
  // The name ajv's code gives the counter (`const func2 = codePointLength`): only its calls are bounds.
  const counter = /\bconst (func\d+) = codePointLength;/.exec(code)?.[1];
  if (!counter) throw new Error('precompile-schemas: ajv ya no nombra su contador de longitud como «const funcN = …»');
  const bound = new RegExp(`\\b${counter}\\(([A-Za-z_$][\\w$]*)\\) ([<>]) (\\d+)\\)`, 'g');
  let bounds = 0;
  const out = code.replace(bound, (_, data: string, op: string, limit: string) => {
    bounds++;
    return op === '>' ? `${data}.length > ${limit} && ${counter}(${data}) > ${limit})` : `${data}.length < ${2 * Number(limit)} && ${counter}(${data}) < ${limit})`;
  });
  if (bounds === 0) throw new Error(`precompile-schemas: ajv ya no compara longitudes de texto como «${counter}(data) > n»`);
  return out;
}
const standalone = standaloneCode(ajv, exportNames);
if (!standalone.includes(UCS2LENGTH)) throw new Error(`precompile-schemas: ajv ya no usa ${UCS2LENGTH}`);
const code = `${boundedByLength(standalone.replace(UCS2LENGTH, 'codePointLength'))}\n${CODE_POINT_LENGTH}`;
const kinds = texts.map(([kind], i) => `${JSON.stringify(kind)}: exports.v${i}`).join(', ');
const out = new URL(`../schema/${PRECOMPILED_FILE}`, import.meta.url);
writeFileSync(out, `${code}\nexports.validators = { ${kinds} };\nexports.digest = ${JSON.stringify(schemaDigest(texts))};\n`);
