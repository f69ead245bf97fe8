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
const code = standaloneCode(ajv, exportNames);
const kinds = texts.map(([kind], i) => `${JSON.stringify(kind)}: exports.v${i}`).join(', ');
const out = new URL(`../schema/${PRECOMPILED_FILE}`, import.meta.url);
writeFileSync(out, `${code}\nexports.validators = { ${kinds} };\nexports.digest = ${JSON.stringify(schemaDigest(texts))};\n`);
