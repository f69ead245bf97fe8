// Schema-valid plan repos with extreme numbers and strings, for the pipeline fuzzer: the base
// municipality of tests/helpers/fixture.ts with a report for every quarter of 2019 and every
// number and report-bound text the schemas allow drawn from its edges: 0, -0, 1e-6, 1e12, the
// bounds of bounded fields, now and then a subnormal, 1e308 or 2^53 (which validate refuses);
// 200 astral characters, combining marks, bidi controls, formula look-alikes. The structure
// stays fixed so that most cases get past validation and reach the reports.
import fc from 'fast-check';
import { DEFAULT_GRADOS } from '../../src/model/config.js';
import { gradeFor } from '../../src/model/rubric.js';
import { baseRepo, type Files } from '../helpers/fixture.js';
import { withReport } from '../helpers/year-2020.js';

type Repo = Files & Record<string, any>;

/**
 * Numbers at the edges of what validate accepts (PLAN009: zero, or a magnitude from 0.000001
 * to 1e12): where rounding, percentages and divisions go wrong first.
 */
const SANE_EDGES = [
  0, -0, 1, -1, 0.1, 0.5, 1 / 3, 2 / 3, 0.045, 0.0449999, 99.95, 99.949999, 99.99999, 100.00001, 1e-6, 1.0000001e-6, 1e-5,
  0.0000015, 123456.789, 2 ** 31, 2 ** 32, 1e9, 999_999_999_999.99, 1e12, -1e12, 123456789.123456789,
];

/** Numbers no report can show: subnormals, overflowing magnitudes, beyond 2^53. Validate must refuse them. */
const INSANE_EDGES = [
  1e-7, 1e-15, Number.EPSILON, 1e-300, 1e-320, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308,
  1e15, 1e16, 1e21, 1e22, 1e100, 1e300, 1e308, Number.MAX_VALUE, -Number.MAX_VALUE, -1e308,
  Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER,
];

// Out of about 40 numbers in a repo, one is insane in a third of the cases: the rest get
// past validation and reach the reports.
const RARE = 1;
const OFTEN = 90;

/** Any number a field without bounds accepts: mostly ordinary or at the edges, rarely beyond them. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: OFTEN, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: OFTEN, arbitrary: fc.constantFrom(...SANE_EDGES) },
  { weight: OFTEN / 3, arbitrary: fc.double({ min: 1e-6, max: 1e12, noNaN: true }) },
  { weight: RARE, arbitrary: fc.constantFrom(...INSANE_EDGES) },
  { weight: RARE, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

/** A number within [min, max]: the bounds themselves, the edges inside them, or any double between. */
export function boundedNumber(min: number, max: number): fc.Arbitrary<number> {
  const sane = SANE_EDGES.filter((n) => n >= min && n <= max);
  const insane = INSANE_EDGES.filter((n) => n >= min && n <= max);
  return fc.oneof(
    { weight: OFTEN, arbitrary: fc.constantFrom(min, max, ...sane) },
    { weight: OFTEN, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) },
    { weight: OFTEN / 3, arbitrary: fc.double({ min: Math.max(min, 1e-6), max, noNaN: true }) },
    { weight: RARE, arbitrary: insane.length > 0 ? fc.constantFrom(...insane) : fc.constant(min) },
    { weight: RARE, arbitrary: fc.double({ min, max, noNaN: true }) },
  );
}

export function boundedInteger(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(min, max, Math.min(max, min + 1)) }, { weight: 2, arbitrary: fc.integer({ min, max }) });
}

/**
 * Pieces of text that look like numbers, formulas or nothing at all. Not «NaN», «Infinity» or
 * «∞»: the pipeline looks for those in the written files as the sign of a non-finite number.
 */
const TEXT_PIECES = [
  '=1+1', '-5', '+SUM(A1:A2)', '@SUM(1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")', '1e-320', '1e308', '-0', '0x1F', '٣٤', '１２',
  '\u200b', '\u00a0', '\u00ad', '\ufeff', '\u202e', '\u2066', 'a\u0301\u0301\u0301', 'ОР-01', '𝔸', '👩🏽‍🌾', '|', '\\', '\n', '<b>', '{{x}}', '«»', 'ñ', '%', '.',
];

/** Text of 1 to `max` code points with at least one visible character, often at the extremes. */
export function extremeText(max: number): fc.Arbitrary<string> {
  const fill = (unit: string) => unit.repeat(Math.floor(max / [...unit].length));
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...TEXT_PIECES), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 10 }).map((p) => p.join('')) },
      { weight: 1, arbitrary: fc.constantFrom(fill('𝔸'), fill('x'), fill('a\u0301'), `=${fill('9').slice(1)}`, fill('W'), `${fill('ñ').slice(1)}\u200b`) },
      { weight: 2, arbitrary: fc.constantFrom('Texto ordinario', 'Dirección de Obras Públicas', 'X') },
    )
    // «∞» from a random grapheme would read as a non-finite number in the written files.
    .map((s) => s.replace(/∞/g, '8'))
    .filter((s) => [...s].length >= 1 && [...s].length <= max && /\S/.test(s));
}

const optional = <T>(arbitrary: fc.Arbitrary<T>, freq = 2) => fc.option(arbitrary, { nil: undefined, freq });

/** An avance: a department reports what it did, so mostly not negative (a negative one is refused, PLAN024). */
const avance = fc.oneof({ weight: 9, arbitrary: anyNumber.map(Math.abs) }, { weight: 1, arbitrary: anyNumber });

const QUARTERS = ['T1', 'T2', 'T3', 'T4'] as const;
const DELIVERED: Record<(typeof QUARTERS)[number], string> = { T1: '2019-03-27', T2: '2019-06-26', T3: '2019-09-26', T4: '2019-12-27' };

/** Four quarters, now and then all zero: the denominators of progress, averages and shares. */
const quarters = fc.oneof({ weight: 8, arbitrary: fc.tuple(anyNumber, anyNumber, anyNumber, anyNumber) }, { weight: 1, arbitrary: fc.constant([0, 0, 0, 0] as [number, number, number, number]) });

const meta = fc.record({
  sentido: fc.constantFrom('ascendente', 'descendente'),
  acumulacion: fc.constantFrom('suma', 'ultimo_valor', 'promedio'),
  porcentaje: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
  lineaBase: fc.oneof(anyNumber, fc.record({ valor: anyNumber, anio: boundedInteger(1900, 2100) })),
  programacion: quarters,
  // Missing only now and then: PLAN010 refuses a meta without it.
  metaAnual: optional(anyNumber, 10),
  ajuste: optional(fc.record({ metaAjustada: anyNumber, programacion: optional(quarters) })),
  semaforo: optional(fc.record({ verde_min: boundedNumber(0, 1000), amarillo_min: boundedNumber(0, 1000) })),
  nombre: extremeText(500),
  cantidad: boundedInteger(0, 1_000_000_000),
});

const quarterReport = fc.record({
  valor: avance,
  total: boundedInteger(0, 100_000_000),
  mujeres: boundedInteger(0, 100_000_000),
  justificacion: optional(extremeText(4000)),
  elaboro: extremeText(200),
});

const department = fc.record({
  nombre: extremeText(200),
  puntaje: boundedNumber(0, 100),
  criterios: optional(fc.tuple(...Array.from({ length: 6 }, () => boundedNumber(0, 100)))),
  ppcsNombre: extremeText(200),
  meta,
  reports: fc.tuple(quarterReport, quarterReport, quarterReport, quarterReport),
});

export const fuzzedPlan = fc.record({
  municipio: extremeText(200),
  umbrales: optional(fc.record({ avance_excesivo: boundedNumber(0, 10_000), tolerancia_programacion: boundedNumber(0, 10_000), ppcs_activos_minimo: boundedNumber(0, 100) })),
  coberturaMinima: optional(boundedNumber(0, 100)),
  semaforo: optional(fc.record({ verde_min: boundedNumber(0, 1000), amarillo_min: boundedNumber(0, 1000) })),
  rubrica: optional(
    fc.record({
      // All six weights zero now and then: the weighted mean's denominator.
      pesos: fc.oneof({ weight: 8, arbitrary: fc.tuple(...Array.from({ length: 6 }, () => boundedNumber(0, 100))) }, { weight: 1, arbitrary: fc.constant([0, 0, 0, 0, 0, 0]) }),
      grados: fc.array(fc.record({ grado: extremeText(200), minimo: boundedNumber(0, 100), tipo_plan: extremeText(200) }), { minLength: 1, maxLength: 3 }),
    }),
  ),
  unidad: extremeText(200),
  op: department,
  dif: department,
});

export type FuzzedPlan = typeof fuzzedPlan extends fc.Arbitrary<infer T> ? T : never;

const CRITERIOS = ['consistencia_programatica', 'seguimiento_retroalimentacion', 'integracion_organizacion', 'integralidad', 'calidad_cobertura', 'perspectiva_genero'];
const zip = (keys: readonly string[], values: readonly number[]) => Object.fromEntries(keys.map((k, i) => [k, values[i]]));

/** The repo a generated plan describes: every field set, none left as the fixture had it by chance. */
export function repoOf(plan: FuzzedPlan): Repo {
  const files: Repo = baseRepo();
  for (const q of ['T2', 'T3', 'T4'] as const) {
    withReport(files, 'OP', `2019-${q}`, DELIVERED[q]);
    withReport(files, 'DIF', `2019-${q}`, DELIVERED[q]);
  }
  const planFile = files['plan.yaml'];
  planFile.municipio = plan.municipio;
  if (plan.umbrales) planFile.umbrales = plan.umbrales;
  if (plan.coberturaMinima !== undefined) planFile.cobertura_minima = plan.coberturaMinima;
  if (plan.semaforo) planFile.semaforo = plan.semaforo;
  if (plan.rubrica) planFile.rubrica = { pesos: zip(CRITERIOS, plan.rubrica.pesos), grados: plan.rubrica.grados };
  files['catalogos/unidades-de-medida.yaml'].unidades[0].nombre = plan.unidad;

  for (const [clave, d] of [['OP', plan.op], ['DIF', plan.dif]] as const) {
    const card = files[`dependencias/${clave}/dependencia.yaml`];
    card.nombre = d.nombre;
    // The grade and next plan's type follow from the score (PLAN061, PLAN060), as Planeación writes them.
    const band = gradeFor(d.puntaje, [...(plan.rubrica?.grados ?? DEFAULT_GRADOS)].sort((a, b) => b.minimo - a.minimo));
    card.evaluaciones[2018] = { puntaje: d.puntaje, grado: band.grado, ...(d.criterios ? { criterios: zip(CRITERIOS, d.criterios) } : {}) };
    card.planes_de_mejora[2019].tipo = band.tipo_plan;
    const ppcs = files[`dependencias/${clave}/ppcs/${clave}-01.yaml`];
    ppcs.nombre = d.ppcsNombre;
    ppcs.poblacion_objetivo.cantidad = d.meta.cantidad;
    const m = ppcs.metas[0];
    m.indicador.nombre = d.meta.nombre;
    m.indicador.sentido = d.meta.sentido;
    m.indicador.acumulacion = d.meta.acumulacion;
    m.indicador.linea_base = d.meta.lineaBase;
    if (d.meta.porcentaje) m.indicador.unidad_medida = 'porcentaje';
    m.programacion = zip(QUARTERS, d.meta.programacion);
    if (d.meta.metaAnual === undefined) delete m.meta_anual;
    else m.meta_anual = d.meta.metaAnual;
    if (d.meta.ajuste) {
      m.meta_ajustada = d.meta.ajuste.metaAjustada;
      m.ajuste = { aprobo: 'Dirección de Planeación', fecha: '2019-07-15', ...(d.meta.ajuste.programacion ? { programacion: zip(QUARTERS, d.meta.ajuste.programacion) } : {}) };
    }
    if (d.meta.semaforo) m.semaforo = d.meta.semaforo;
    QUARTERS.forEach((q, i) => {
      const r = d.reports[i]!;
      const report = files[`dependencias/${clave}/reportes/2019-${q}.yaml`];
      report.elaboro = r.elaboro;
      const entry = report.ppcs[0];
      // A percentage above 100 is refused (PLAN024): folded into range, edges kept.
      const valor = d.meta.porcentaje && Math.abs(r.valor) > 100 ? Math.abs(r.valor) % 100 : r.valor;
      entry.avances[0] = { meta: 'M1', valor, unidad_medida: m.indicador.unidad_medida, ...(r.justificacion ? { justificacion_variacion: r.justificacion } : {}) };
      const mujeres = Math.min(r.mujeres, r.total);
      entry.beneficiarios = { total: r.total, mujeres, hombres: r.total - mujeres };
    });
  }
  return files;
}
