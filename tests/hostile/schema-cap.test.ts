// A file with hundreds of thousands of schema errors (one per item of a huge list) used to
// become as many PLAN002 findings, each with its message and position: 48 s and 1.5 GB.
// Only the first problems of a file in document order are explained and placed; the rest are
// one finding that counts them (issue 11).
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SCHEMA_PROBLEMS_PER_FILE } from '../../src/schema/messages.js';
import { baseRepo, validateFiles } from '../helpers/fixture.js';

const REPORT = 'dependencias/OP/reportes/2019-T1.yaml';

function inReport(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.file === REPORT).map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`);
}

/** The base report with its only PPCS's colaboraciones replaced by `count` numbers, one per line. */
function withNumbers(count: number) {
  const files = baseRepo();
  files[REPORT].ppcs[0].colaboraciones = Array.from({ length: count }, () => 1);
  return files;
}

/** The line of item `n` (1-based) of colaboraciones in the rendered base report. */
const ITEM_LINE = (n: number) => 16 + n;

describe('schema problems per file', () => {
  it(`keeps the first ${SCHEMA_PROBLEMS_PER_FILE} in document order and counts the rest in one finding at the first one left out`, () => {
    const found = inReport(validateFiles(withNumbers(250)));
    const item = (n: number) => `PLAN002 ${ITEM_LINE(n)}:9 El elemento ${n} de «colaboraciones» debe ser un texto; se encontró «1».`;
    expect(found).toEqual([
      ...Array.from({ length: 100 }, (_, i) => item(i + 1)),
      `PLAN002 ${ITEM_LINE(101)}:9 … y 150 problemas de estructura más en este archivo (se muestran los primeros 100); corrija los anteriores y vuelva a validar.`,
    ]);
  });

  it('shows every problem, with no counting finding, when a file has exactly the limit (each item failing two schema checks)', () => {
    const found = inReport(validateFiles(withNumbers(100)));
    expect(found).toHaveLength(100);
    expect(found.filter((line) => line.includes('problemas más'))).toEqual([]);
  });

  it('says «1 problema más» in the singular', () => {
    const found = inReport(validateFiles(withNumbers(101)));
    expect(found.at(-1)).toBe(`PLAN002 ${ITEM_LINE(101)}:9 … y 1 problema de estructura más en este archivo (se muestran los primeros 100); corrija los anteriores y vuelva a validar.`);
  });

  it('orders by place in the file, not by the order the schema checks run: a bad field above a hundred unknown ones is kept', () => {
    const files = baseRepo();
    const report = files[REPORT];
    const unknown = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`campo${i + 1}`, 1]));
    files[REPORT] = { dependencia: report.dependencia, trimestre: report.trimestre, fecha_entrega: 5, elaboro: report.elaboro, ppcs: report.ppcs, plan_de_mejora: report.plan_de_mejora, ...unknown };
    const found = inReport(validateFiles(files));
    expect(found.slice(0, 2)).toEqual(['PLAN002 3:16 El campo «fecha_entrega» debe ser un texto; se encontró «5».', 'PLAN002 23:1 El campo «campo1» no existe en este tipo de archivo.']);
    expect(found.at(-2)).toBe('PLAN002 121:1 El campo «campo99» no existe en este tipo de archivo.');
    expect(found.at(-1)).toBe('PLAN002 122:1 … y 21 problemas de estructura más en este archivo (se muestran los primeros 100); corrija los anteriores y vuelva a validar.');
  });

  it('in English', () => {
    const found = validateFiles(withNumbers(250), { lang: 'en' }).filter((d) => d.file === REPORT);
    expect(found.at(-1)?.message).toBe('… and 150 more structure problems in this file (the first 100 are shown); fix the ones above and validate again.');
  });
});
