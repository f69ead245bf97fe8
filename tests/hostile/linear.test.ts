// Hostile inputs under the caps that used to take quadratic time or crash (issue 11, item 1
// and 2): every cap is judged before any parse, repeated keys are found in one pass, a
// formatter takes any number of findings, and a linked data folder is one finding. These
// tests assert outcomes; how long the worst cases take is measured by
// `npm run bench -- --hostil`, never here.
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/format/stylish.js';
import { readPlanFile } from '../../src/plan-file.js';
import { readDataFile } from '../../src/repo/read.js';
import { PARSE_OPTIONS, parseYaml } from '../../src/yaml/parse.js';
import { validatePlan } from '../../src/validate.js';
import { diag, inputOf } from '../format/sample.js';
import { baseRepo, DEFAULT_CUTOFF, render, validateFiles, writeRepo } from '../helpers/fixture.js';

const REPORT = 'dependencias/OP/reportes/2019-T1.yaml';

/** Where the yaml library's own (quadratic) check puts each repeated key, as offsets. */
function libraryDuplicateOffsets(text: string): number[] {
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, uniqueKeys: true });
  const doc = Array.isArray(docs) ? docs[0]! : undefined;
  return (doc?.errors ?? []).filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]);
}

function duplicateProblems(text: string) {
  const outcome = parseYaml(text);
  return outcome.ok ? [] : outcome.problems.filter((p) => p.code === 'duplicate_key');
}

describe('repeated keys are found in one pass, where the yaml library found them', () => {
  const cases: Record<string, string> = {
    'a key repeated at the top': 'dependencia: OP\ntrimestre: 2019-T1\ndependencia: SP\n',
    'a key written three times': 'a: 1\nb: 2\na: 3\na: 4\n',
    'keys repeated in nested sections and list items': 'ppcs:\n  - id: OP-01\n    id: OP-02\n  - id: OP-03\n    avances:\n      - meta: M1\n        meta: M2\nppcs: []\n',
    'a flow map': 'enlace: {nombre: Ana, correo: a@x.mx, nombre: Eva}\n',
    'a quoted key and a plain one with the same text': 'titular: Ana\n"titular": Eva\n',
    'the number 1 and the text «1», which are different keys': '1: a\n"1": b\n',
    'two empty keys': '? \n: a\n? \n: b\n',
    'a key with an anchor': '&k clave: 1\nclave: 2\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`reports ${name} at the offsets the library reported`, () => {
      expect(duplicateProblems(text).map((p) => p.offset)).toEqual(libraryDuplicateOffsets(text));
    });
  }

  it('names the key and the line of its first occurrence, even for the third occurrence', () => {
    expect(duplicateProblems('a: 1\nb: 2\na: 3\na: 4\n').map((p) => p.params)).toEqual([
      { key: 'a', firstLine: 1 },
      { key: 'a', firstLine: 1 },
    ]);
  });

  it('shows the first 20 repeated keys of a file, in the order they are written', () => {
    const text = `${Array.from({ length: 30 }, (_, i) => `k${i}: 1\nk${i}: 2\n`).join('')}`;
    const problems = duplicateProblems(text);
    expect(problems).toHaveLength(20);
    expect(problems.map((p) => p.offset)).toEqual(libraryDuplicateOffsets(text).slice(0, 20));
  });

  it('reports one repeated key at the end of a flow map of 60,000 keys at its line and column', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`);
    const files = baseRepo();
    const text = `${render(files[REPORT]!) as string}extra: {${keys.join(', ')}, k7: 2}\n`;
    const diagnostics = validateFiles({ ...files, [REPORT]: text }).filter((d) => d.file === REPORT);
    const line = text.split('\n').length - 1;
    const column = text.split('\n')[line - 1]!.lastIndexOf('k7: 2') + 1;
    expect(diagnostics.map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`)).toEqual([
      `PLAN001 ${line}:${column} La clave «k7» se repite en la misma sección; ya aparece en la línea ${line}.`,
    ]);
  });
});

describe('every size cap is judged before the file is read or parsed', () => {
  it('refuses a 50 MB plan.yaml from its size alone, with the PLAN001 size message at 1:1', () => {
    const root = writeRepo(baseRepo());
    // A sparse file: 50 MB on paper, no data to read. Reading it whole would take 50 MB.
    truncateSync(path.join(root, 'plan.yaml'), 50 * 1024 * 1024);
    const diagnostics = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF }).diagnostics.filter((d) => d.file === 'plan.yaml');
    expect(diagnostics.map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`)).toEqual(['PLAN001 1:1 El archivo pesa 51200 KiB; el máximo es 1024 KiB.']);
  });

  it('gives the report and rules commands no plan.yaml to use when it is over the cap', () => {
    const root = writeRepo(baseRepo());
    truncateSync(path.join(root, 'plan.yaml'), 4 * 1024 * 1024);
    expect(readPlanFile(root)).toEqual({ ok: false, file: path.join(root, 'plan.yaml'), reason: 'unreadable' });
  });

  it('reports the size of a file over the cap without reading its bytes', () => {
    const root = writeRepo({});
    const file = path.join(root, 'grande.yaml');
    writeFileSync(file, '');
    truncateSync(file, 3 * 1024 * 1024);
    expect(readDataFile(file)).toEqual({ ok: false, reason: 'decode', problem: { kind: 'too_large', bytes: 3 * 1024 * 1024, limit: 1024 * 1024 } });
  });

  it('does not follow a plan.yaml that is a symbolic link', () => {
    const root = writeRepo({ ...baseRepo(), 'otro/plan.yaml': render(baseRepo()['plan.yaml']!) });
    const link = path.join(root, 'enlace.yaml');
    symlinkSync(path.join(root, 'otro/plan.yaml'), link);
    expect(readDataFile(link)).toMatchObject({ ok: false, reason: 'unreadable' });
  });
});

describe('formatters take any number of findings', () => {
  it('prints 200,000 findings of one file in stylish, aligned on the widest position', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => diag({ line: i + 1, column: 1 }));
    const lines = stylish(inputOf(many)).split('\n');
    expect(lines[1]).toBe(`  1:1       error  Mensaje.  PLAN020`);
    expect(lines).toContain(`  200000:1  error  Mensaje.  PLAN020`);
  });
});

describe('a data folder that is a symbolic link', () => {
  it('is one PLAN006 finding naming the folder, not one «no existe» per reference to it', () => {
    const files = baseRepo();
    const elsewhere = Object.fromEntries(Object.entries(files).filter(([f]) => f.startsWith('dependencias/OP/')).map(([f, c]) => [f.replace('dependencias/OP/', 'real/OP/'), c]));
    const kept = Object.fromEntries(Object.entries(files).filter(([f]) => !f.startsWith('dependencias/OP/')));
    const root = writeRepo({ ...kept, ...elsewhere });
    symlinkSync(path.join(root, 'real/OP'), path.join(root, 'dependencias/OP'));
    const diagnostics = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF }).diagnostics;
    expect(diagnostics.filter((d) => d.file === 'dependencias/OP').map((d) => `${d.rule} ${d.severity} ${d.message}`)).toEqual([
      'PLAN006 error La carpeta «dependencias/OP» es un enlace simbólico; los datos del plan deben estar en carpetas reales del repositorio y no se leyó nada de ella.',
    ]);
    expect(diagnostics.filter((d) => d.message.includes('«OP» no existe'))).toEqual([]);
  });
});
