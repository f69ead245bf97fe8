// `npm run bench -- --hostil` (issue 11, item 2): for each structure the schemas allow —
// maps, lists, strings, nesting, ids, references — the worst input that stays under the caps
// (one report of about 900 KB, below the 1 MiB file limit) against an ordinary report of the
// same size, both validated by `plan validate` in a fresh node child. The ratio worst ÷
// ordinary must stay under a fixed multiple: a quadratic step shows up as a ratio in the
// tens or hundreds, a linear one stays near 1.
import { cpSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The worst case may cost at most this many times the ordinary file of the same size. */
export const HOSTILE_RATIO_LIMIT = 5;

/** Just under the 1 MiB cap, so every case is read and parsed. */
const TARGET_BYTES = 900 * 1024;

const REPORT = 'dependencias/OP/reportes/2019-T3.yaml';

export interface HostileCase {
  name: string;
  /** What the worst input is, in Spanish, for the table. */
  what: string;
  /** The report's text with the hostile part appended or substituted. */
  build(report: string): string;
}

/** `count` items of `item(i)`, joined, until the text reaches about `bytes`. */
function fill(bytes: number, item: (i: number) => string, join: string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = item(i);
    parts.push(text);
    size += text.length + join.length;
  }
  return parts.join(join);
}

const room = (report: string) => TARGET_BYTES - Buffer.byteLength(report);
const key = (i: number) => `k${i.toString(36)}`;
const clave = (i: number) => `D${i.toString(36).toUpperCase()}`;

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'mapa',
    what: 'un mapa en flujo con decenas de miles de claves distintas (la última repetida)',
    build: (report) => `${report}extra: {${fill(room(report) - 20, (i) => `${key(i)}: 1`, ', ')}, k0: 2}\n`,
  },
  {
    name: 'mapa-campos',
    what: 'decenas de miles de campos desconocidos en el reporte (un error de esquema con su posición por campo)',
    build: (report) => `${report}${fill(room(report), (i) => `${key(i)}: 1`, '\n')}\n`,
  },
  {
    name: 'lista',
    what: 'colaboraciones con cien mil claves distintas (uniqueItems, maxItems 500)',
    build: (report) => report.replace('    colaboraciones:\n      - SP\n', `    colaboraciones: [${fill(room(report), clave, ',')}]\n`),
  },
  {
    name: 'lista-errores',
    what: 'colaboraciones con cientos de miles de números (un error por elemento)',
    build: (report) => report.replace('    colaboraciones:\n      - SP\n', `    colaboraciones: [${fill(room(report), () => '1', ',')}]\n`),
  },
  {
    name: 'texto',
    what: 'un comentario de un avance de casi 1 MB en una sola línea',
    build: (report) => report.replace(/comentario: .*/, `comentario: "${'x'.repeat(Math.max(0, room(report)))}"`),
  },
  {
    name: 'anidamiento',
    what: 'listas anidadas hasta el límite de 64 niveles, repetidas',
    build: (report) => `${report}extra:\n${fill(room(report), () => `  - ${'['.repeat(60)}${']'.repeat(60)}`, '\n')}\n`,
  },
  {
    name: 'ids',
    what: 'miles de PPCS en el reporte con ids que no existen',
    build: (report) => `${report.replace(/\nppcs:\n/, '\nppcs:\n' + fill(room(report), (i) => `  - id: OP-${String(100 + (i % 900))}\n    estatus: activo\n`, ''))}`,
  },
  {
    name: 'referencias',
    what: 'miles de evidencias y observaciones atendidas que no existen',
    build: (report) =>
      report.replace(
        '    colaboraciones:\n      - SP\n',
        `    colaboraciones:\n      - SP\n    observaciones_atendidas: [${fill(room(report), (i) => `RET-2019-T9-${i}`, ',')}]\n`,
      ),
  },
];

/**
 * The ordinary counterpart: the same report with its PPCS repeated, as a large department's
 * real report would grow, to the same size as the hostile one.
 */
export function ordinaryReport(report: string, bytes: number): string {
  const start = report.indexOf('\nppcs:\n') + '\nppcs:\n'.length;
  const end = report.search(/\nplan_de_mejora:|$(?![\s\S])/);
  const block = report.slice(start, end > start ? end : report.length).replace(/\n?$/, '\n');
  let body = '';
  while (body.length + report.length < bytes) body += block;
  return `${report.slice(0, start)}${body}${report.slice(start)}`;
}

/** Copies the example municipality (without its generated reports) with one report replaced. */
export function hostileRepo(examples: string, dir: string, text: (report: string) => string): string {
  rmSync(dir, { recursive: true, force: true });
  // dereference: a linked examples/ must be copied, never linked, or the write below would land in it.
  cpSync(examples, dir, { recursive: true, dereference: true, filter: (source) => path.relative(examples, source) !== 'reportes' });
  const file = path.join(dir, REPORT);
  if (!realpathSync(file).startsWith(`${realpathSync(dir)}${path.sep}`)) throw new Error(`${file} no es una copia dentro de ${dir}: no se escribe en él`);
  writeFileSync(file, text(readFileSync(file, 'utf8')));
  return dir;
}
