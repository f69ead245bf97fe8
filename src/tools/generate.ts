// A synthetic municipality for the benchmark (SPEC §6): N departments × P PPCS × M metas,
// four quarterly reports each, feedback rounds, calls and gender recommendations, every
// evidence file that a report cites. The output validates with no errors and with an
// exact, known number of warnings (a controlled share of late reports, unattended
// observations, unjustified variations, unapplied recommendations and missed calls).
//
// Deterministic: every choice comes from a seeded PRNG (mulberry32) keyed by the seed and
// the entity it decides, never from Math.random or the clock, and the YAML is written by
// `yaml`'s stringify; the same arguments give the same files, byte for byte.
//
//   npm run gen -- --out DIR [--departments 100] [--ppcs 40] [--metas 4] [--seed 42]
//
// Files written: 7 + D × (1 + P + 4 + 4P): plan.yaml, the unit catalog, three feedback
// rounds (T1–T3), convocatorias and género; per department its card, P carátulas, four
// reports and one evidence file per PPCS per quarter. 100 × 40 → 20,507 files (4,507 YAML).
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { BusinessCalendar } from '../calendar/business-days.js';
import { DEFAULT_SEMAFORO } from '../model/config.js';
import type {
  Acumulacion,
  Avance,
  CriterioClave,
  Dependencia,
  Dimension,
  EstatusPpcs,
  Meta,
  Ppcs,
  PlanConfig,
  Quarter,
  Reporte,
  ReportePpcs,
  Sentido,
  TipoPpcs,
} from '../model/types.js';
import { CRITERIOS, QUARTERS } from '../model/types.js';
import { cumplimiento, semaforo } from '../model/semaforo.js';

export const EJERCICIO = 2019;
/** The cut-off date the generated repo is meant to be validated with: every 2019 report is due. */
export const FECHA_CORTE = '2020-01-31';

/** The share of each deliberate compliance finding (of the items it can happen to). */
export const SHARES = {
  /** PLAN021: reports delivered after their window. */
  lateReports: 0.05,
  /** PLAN025: observations the next report does not attend. */
  unattendedObservations: 0.05,
  /** PLAN026: off-green avances without justificacion_variacion. */
  unjustifiedVariations: 0.005,
  /** PLAN042: (recommendation, department) pairs never applied. */
  unappliedRecommendations: 0.02,
  /** PLAN050: convened departments that did not attend. */
  absences: 0.02,
  /** PLAN050: deliveries after a call's deadline. */
  lateDeliveries: 0.02,
} as const;

// Up to 5,000 departments: the scale tests of issue 11 (reports linear in departments) run
// 1,000 and 3,000 with few PPCS each.
export const LIMITS = { departments: [2, 5000], ppcs: [1, 200], metas: [1, 50] } as const;

/** The schemas' maxItems for a list of departments (convocadas, dependencias of a recommendation): past it, a sample. */
const DEPARTMENT_LIST_MAX = 500;
/** The schema's maxItems for the observations of one feedback round. */
const OBSERVATION_LIST_MAX = 2000;

export interface GenerateOptions {
  out: string;
  departments: number;
  ppcs: number;
  metas: number;
  seed: number;
}

export interface GenerateSummary {
  files: number;
  yamlFiles: number;
  evidenceFiles: number;
  bytes: number;
  byKind: Record<string, number>;
  /** Warnings `plan validate --fecha-corte 2020-01-31` must report, by rule. Errors: none. */
  expectedWarnings: Record<string, number>;
  /** What each expected warning count is a share of, for the summary. */
  population: Record<string, number>;
}

/** 7 files at the top (plan, catalog, 3 feedback rounds, calls, gender) + per department card, carátulas, 4 reports, 4 evidence files per PPCS. */
export function expectedFileCount(departments: number, ppcs: number): number {
  return 7 + departments * (1 + ppcs + QUARTERS.length + QUARTERS.length * ppcs);
}

/** A controlled share of n, at least one when n > 0 so every kind of finding is exercised. */
export function controlledCount(n: number, share: number): number {
  return n === 0 ? 0 : Math.max(1, Math.round(n * share));
}

// ---------------------------------------------------------------- deterministic randomness

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of the seed and a key: one independent stream per decision, so sizes don't shift each other. */
function streamSeed(seed: number, key: string): number {
  let h = 0x811c9dc5;
  const text = `${seed >>> 0}:${key}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

class Random {
  private readonly next: () => number;

  constructor(seed: number, key: string) {
    this.next = mulberry32(streamSeed(seed, key));
  }

  float(min = 0, max = 1): number {
    return min + (max - min) * this.next();
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  /** k distinct items, in their original order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const chosen = new Set(this.shuffle(items.map((_, i) => i)).slice(0, k));
    return items.filter((_, i) => chosen.has(i));
  }
}

// ---------------------------------------------------------------- word lists

const AREAS = [
  'Obras Públicas', 'Desarrollo Social', 'Seguridad Pública', 'Servicios Públicos', 'Desarrollo Económico',
  'Protección Civil', 'Medio Ambiente', 'Educación', 'Cultura', 'Deporte', 'Salud Municipal', 'Desarrollo Rural',
  'Turismo', 'Catastro', 'Agua Potable y Saneamiento', 'Atención a la Juventud', 'Atención a la Mujer',
  'Asuntos Indígenas', 'Participación Ciudadana', 'Desarrollo Urbano', 'Movilidad', 'Transparencia', 'Gobernación',
  'Registro Civil', 'Fomento Agropecuario', 'Bienestar Animal', 'Alumbrado Público', 'Parques y Jardines',
  'Limpia y Recolección', 'Mercados', 'Panteones', 'Comunicación Social', 'Recursos Humanos', 'Innovación Gubernamental',
  'Asuntos Jurídicos', 'Atención a Personas con Discapacidad', 'Atención a Personas Adultas Mayores', 'Vivienda',
  'Ecología', 'Fomento al Empleo',
];
const AREA_PREFIXES = ['Dirección de', 'Coordinación de', 'Jefatura de', 'Unidad de', 'Departamento de'];
const ZONES = ['Zona Norte', 'Zona Sur', 'Zona Oriente', 'Zona Poniente', 'Zona Centro', 'Zona Serrana', 'Zona Lacustre', 'Zona Rural'];

const WOMEN = ['María Guadalupe', 'Alejandra', 'Verónica', 'Rosa Elena', 'Claudia', 'Norma Angélica', 'Adriana', 'Patricia', 'Silvia', 'Leticia', 'Gabriela', 'Mónica', 'Laura', 'Araceli', 'Beatriz', 'Yolanda', 'Fernanda', 'Itzel'];
const MEN = ['José Luis', 'Juan Carlos', 'Miguel Ángel', 'Francisco', 'Jesús Alberto', 'Arturo', 'Roberto', 'Ricardo', 'Fernando', 'Alejandro', 'Jorge', 'Héctor', 'Raúl', 'Sergio', 'Eduardo', 'Martín', 'Rodrigo', 'Iván'];
const SURNAMES = [
  'Hernández', 'García', 'Martínez', 'López', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Cruz', 'Flores',
  'Gómez', 'Morales', 'Vázquez', 'Jiménez', 'Reyes', 'Díaz', 'Torres', 'Gutiérrez', 'Ruiz', 'Mendoza', 'Aguilar',
  'Ortiz', 'Moreno', 'Castillo', 'Romero', 'Álvarez', 'Méndez', 'Chávez', 'Rivera', 'Juárez', 'Domínguez', 'Nava',
  'Abarca', 'Trujillo', 'Ocampo', 'Salgado', 'Tapia', 'Bahena', 'Olivares',
];
const TITLES_WOMEN = ['Lic.', 'Ing.', 'Mtra.', 'C.P.', 'Arq.', 'Dra.', 'Profra.'];
const TITLES_MEN = ['Lic.', 'Ing.', 'Mtro.', 'C.P.', 'Arq.', 'Dr.', 'Profr.'];
const CARGOS = ['Coordinadora Administrativa', 'Coordinador Administrativo', 'Enlace de Planeación', 'Jefa de Departamento de Seguimiento', 'Jefe de Departamento de Seguimiento', 'Analista de Programas'];

const TIPOS: readonly TipoPpcs[] = ['programa', 'proyecto', 'campana', 'servicio'];
const TIPO_LABEL: Record<TipoPpcs, string> = { programa: 'Programa de', proyecto: 'Proyecto de', campana: 'Campaña de', servicio: 'Servicio de' };
const ACCIONES = [
  'rehabilitación de', 'mantenimiento de', 'fortalecimiento de', 'atención a', 'capacitación para', 'prevención en',
  'promoción de', 'mejoramiento de', 'ampliación de', 'difusión de', 'equipamiento de', 'regularización de',
  'modernización de', 'vigilancia de', 'limpieza de', 'acompañamiento a',
];
const OBJETOS = [
  'caminos rurales', 'espacios deportivos', 'la red de alumbrado público', 'la salud comunitaria', 'huertos familiares',
  'emprendimientos de mujeres', 'bibliotecas públicas', 'mercados municipales', 'pozos de agua potable',
  'la cultura de la legalidad', 'unidades de transporte escolar', 'escuelas de tiempo completo', 'parques y jardines',
  'la seguridad vial', 'personas adultas mayores', 'personas con discapacidad', 'jóvenes emprendedores', 'el hábito de la lectura',
  'el patrimonio histórico', 'la denuncia ciudadana', 'barrancas y cauces', 'centros de desarrollo comunitario',
];
const LUGARES = [
  'en la cabecera municipal', 'en las localidades rurales', 'en San Miguel Tlaltenango', 'en Santa Cruz del Monte',
  'en la colonia Centro', 'en el barrio de San Juan', 'en Tecomatlán', 'en Xochitepec el Alto', 'en la zona oriente',
  'en la zona poniente', 'en Ahuehuetitla', 'en las unidades habitacionales',
];
const EJES = [
  'Eje 1. Gobierno honesto, cercano y eficiente',
  'Eje 2. Bienestar social e igualdad',
  'Eje 3. Desarrollo económico sustentable',
  'Eje 4. Seguridad y paz social',
  'Eje 5. Infraestructura y medio ambiente',
];
const ACTIVIDADES = [
  'Diagnóstico y levantamiento de necesidades con la población beneficiaria.',
  'Integración del padrón de beneficiarios y de los expedientes.',
  'Ejecución de las acciones programadas en el trimestre.',
  'Seguimiento en campo y registro de evidencias.',
  'Difusión del PPCS en medios municipales y asambleas comunitarias.',
  'Evaluación de resultados y reporte a Planeación.',
];
const EVIDENCIAS = ['informe-trimestral', 'listas-de-asistencia', 'reporte-fotografico', 'padron-de-beneficiarios', 'bitacora-de-campo', 'actas-de-entrega'];
const EVIDENCIA_TITULO: Record<string, string> = {
  'informe-trimestral': 'Informe trimestral de actividades',
  'listas-de-asistencia': 'Listas de asistencia',
  'reporte-fotografico': 'Reporte fotográfico',
  'padron-de-beneficiarios': 'Padrón de beneficiarios',
  'bitacora-de-campo': 'Bitácora de campo',
  'actas-de-entrega': 'Actas de entrega-recepción',
};
const JUSTIFICACION_BAJO = [
  'El proveedor entregó los materiales con retraso y parte de las acciones se reprogramó para el siguiente trimestre.',
  'La temporada de lluvias impidió trabajar en campo durante varias semanas.',
  'La ministración de los recursos estatales llegó al final del trimestre.',
  'Se redujo la plantilla operativa por incapacidades y vacaciones del personal.',
];
const JUSTIFICACION_SOBRE = [
  'La demanda de la población superó lo previsto y se atendió con recursos propios de la dependencia.',
  'Se sumaron acciones en coordinación con otra dependencia que no estaban programadas.',
  'Se adelantaron acciones programadas para el siguiente trimestre aprovechando la disponibilidad de materiales.',
];
const OBSERVACIONES = [
  'La fórmula del indicador de la meta {meta} no precisa el universo considerado. Aclarar el denominador en el siguiente reporte.',
  'Las evidencias del trimestre no incluyen las listas de asistencia que respaldan el avance de la meta {meta}. Anexarlas en el siguiente reporte.',
  'El comentario del avance de la meta {meta} no explica la diferencia con lo programado. Detallar las causas.',
  'Se recomienda desagregar por localidad a las personas beneficiarias del PPCS para mejorar el seguimiento.',
  'El acumulado reportado de la meta {meta} no coincide con los registros administrativos. Conciliar las cifras.',
];
const CONVOCATORIAS = [
  { fecha: '2019-01-17', asunto: 'Presentación del Plan de Mejora 2019 y lineamientos para la integración de las carátulas de los PPCS (Anexos 1 y 2)', share: 1, limite: '2019-02-15' },
  { fecha: '2019-04-11', asunto: 'Taller de construcción de indicadores con la Metodología de Marco Lógico y validación de unidades de medida', share: 1 },
  { fecha: '2019-05-23', asunto: 'Mesa de trabajo para la transversalización de la perspectiva de género en los PPCS', share: 0.4 },
  { fecha: '2019-07-11', asunto: 'Entrega de los padrones de beneficiarios del primer semestre, desagregados por sexo', share: 0.3, limite: '2019-07-26' },
  { fecha: '2019-08-22', asunto: 'Coordinación de los operativos de las Fiestas Patrias', share: 0.3 },
  { fecha: '2019-10-17', asunto: 'Integración de los PPCS 2020 y del anteproyecto de Presupuesto de Egresos 2020', share: 1, limite: '2019-11-08' },
] as const;
const RECOMENDACIONES = [
  { fecha: '2019-02-20', share: 1, texto: 'Desagregar por sexo a las personas beneficiarias en todos los padrones y reportes trimestrales de los PPCS.' },
  { fecha: '2019-04-25', share: 0.2, texto: 'Ofrecer horarios vespertinos y espacios de cuidado infantil para facilitar la participación de las mujeres cuidadoras.' },
  { fecha: '2019-05-30', share: 0.2, texto: 'Registrar el sexo y la edad de las personas atendidas en los servicios de atención directa.' },
  { fecha: '2019-06-27', share: 0.2, texto: 'Realizar consultas diferenciadas con mujeres en la planeación de las obras para identificar rutas peatonales seguras.' },
  { fecha: '2019-08-15', share: 0.2, texto: 'Utilizar lenguaje incluyente y no sexista e imágenes sin estereotipos de género en los materiales de difusión.' },
  { fecha: '2019-09-12', share: 0.2, texto: 'Garantizar que al menos el 50 % de los apoyos económicos y de las plazas de capacitación se asignen a mujeres.' },
  { fecha: '2019-10-24', share: 0.2, texto: 'Incluir en los PPCS 2020 un indicador de brechas de género con línea base desagregada por sexo.' },
] as const;
const ACCIONES_MEJORA: Record<CriterioClave, { accion: string; recursos: string; dimension: string }> = {
  consistencia_programatica: { accion: 'Mantener actualizadas las carátulas de los PPCS y vincular cada meta con el Plan Municipal de Desarrollo.', recursos: 'Documental', dimension: 'Institucional' },
  seguimiento_retroalimentacion: { accion: 'Entregar los cuatro reportes trimestrales dentro de los últimos cinco días hábiles del trimestre y atender cada observación de Planeación.', recursos: 'Documental', dimension: 'Institucional' },
  integracion_organizacion: { accion: 'Asistir a las convocatorias de Planeación y entregar en la fecha límite la información solicitada.', recursos: 'Documental', dimension: 'Estratégica' },
  integralidad: { accion: 'Diseñar al menos un PPCS en coordinación con otra dependencia.', recursos: 'Vinculación interinstitucional', dimension: 'Estratégica' },
  calidad_cobertura: { accion: 'Ampliar la cobertura de los PPCS a las localidades rurales mediante módulos itinerantes.', recursos: 'Gestión y trabajo institucional', dimension: 'Estratégica' },
  perspectiva_genero: { accion: 'Asegurar la participación paritaria de mujeres en los PPCS y desagregar por sexo todos los padrones.', recursos: 'Gestión y trabajo institucional', dimension: 'Estratégica' },
};

interface IndicatorTemplate {
  unidad: string;
  unidadNombre: string;
  nombre: string;
  formula: string;
  acumulacion: Acumulacion;
  sentido: Sentido;
  /** Range of one quarter's programmed value (flows) or of the year's levels. */
  min: number;
  max: number;
  decimals: 0 | 1;
  porcentaje?: boolean;
}

/** The transparency format's «Dimensión a medir»: times are efficiency, satisfaction is quality, counts are efficacy. */
function dimensionOf(template: IndicatorTemplate): Dimension {
  if (template.sentido === 'descendente') return 'eficiencia';
  return template.acumulacion === 'promedio' ? 'calidad' : 'eficacia';
}

const INDICATORS: readonly IndicatorTemplate[] = [
  { unidad: 'persona', unidadNombre: 'Persona', nombre: 'Personas atendidas', formula: 'Suma de personas atendidas en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 40, max: 400, decimals: 0 },
  { unidad: 'taller', unidadNombre: 'Taller', nombre: 'Talleres impartidos', formula: 'Suma de talleres impartidos en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 4, max: 24, decimals: 0 },
  { unidad: 'platica', unidadNombre: 'Plática', nombre: 'Pláticas de sensibilización impartidas', formula: 'Suma de pláticas impartidas en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 6, max: 30, decimals: 0 },
  { unidad: 'obra', unidadNombre: 'Obra', nombre: 'Obras concluidas', formula: 'Suma de obras con acta de entrega-recepción en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 4, max: 10, decimals: 0 },
  { unidad: 'km', unidadNombre: 'Kilómetro', nombre: 'Kilómetros de camino rehabilitados', formula: 'Suma de kilómetros rehabilitados en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 2, max: 12, decimals: 1 },
  { unidad: 'm2', unidadNombre: 'Metro cuadrado', nombre: 'Metros cuadrados de espacio público rehabilitados', formula: 'Suma de metros cuadrados rehabilitados en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 200, max: 2500, decimals: 0 },
  { unidad: 'luminaria', unidadNombre: 'Luminaria', nombre: 'Luminarias reparadas o sustituidas', formula: 'Suma de luminarias reparadas o sustituidas en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 40, max: 300, decimals: 0 },
  { unidad: 'tonelada', unidadNombre: 'Tonelada', nombre: 'Toneladas de residuos recolectadas', formula: 'Suma de toneladas registradas en báscula en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 300, max: 1500, decimals: 1 },
  { unidad: 'evento', unidadNombre: 'Evento', nombre: 'Eventos realizados', formula: 'Suma de eventos realizados en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 4, max: 12, decimals: 0 },
  { unidad: 'credencial', unidadNombre: 'Credencial', nombre: 'Credenciales entregadas', formula: 'Suma de credenciales entregadas en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 50, max: 400, decimals: 0 },
  { unidad: 'asesoria', unidadNombre: 'Asesoría', nombre: 'Asesorías brindadas', formula: 'Suma de asesorías registradas en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 30, max: 250, decimals: 0 },
  { unidad: 'recorrido', unidadNombre: 'Recorrido', nombre: 'Recorridos de supervisión realizados', formula: 'Suma de recorridos registrados en bitácora en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 90, max: 400, decimals: 0 },
  { unidad: 'racion', unidadNombre: 'Ración alimentaria', nombre: 'Raciones alimentarias entregadas', formula: 'Suma de raciones entregadas en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 2000, max: 15000, decimals: 0 },
  { unidad: 'atencion', unidadNombre: 'Atención', nombre: 'Atenciones brindadas', formula: 'Suma de atenciones registradas en el periodo', acumulacion: 'suma', sentido: 'ascendente', min: 100, max: 800, decimals: 0 },
  { unidad: 'escuela', unidadNombre: 'Escuela', nombre: 'Escuelas incorporadas al programa (acumulado)', formula: 'Número de escuelas incorporadas al cierre del periodo', acumulacion: 'ultimo_valor', sentido: 'ascendente', min: 5, max: 40, decimals: 0 },
  { unidad: 'espacio_publico', unidadNombre: 'Espacio público', nombre: 'Espacios públicos recuperados (acumulado)', formula: 'Número de espacios públicos recuperados al cierre del periodo', acumulacion: 'ultimo_valor', sentido: 'ascendente', min: 4, max: 30, decimals: 0 },
  { unidad: 'porcentaje', unidadNombre: 'Porcentaje', nombre: 'Porcentaje de solicitudes atendidas', formula: '(Solicitudes atendidas / Solicitudes recibidas) × 100', acumulacion: 'ultimo_valor', sentido: 'ascendente', min: 60, max: 95, decimals: 1, porcentaje: true },
  { unidad: 'porcentaje', unidadNombre: 'Porcentaje', nombre: 'Porcentaje de satisfacción de las personas usuarias', formula: '(Personas encuestadas satisfechas / Personas encuestadas) × 100', acumulacion: 'promedio', sentido: 'ascendente', min: 70, max: 95, decimals: 1, porcentaje: true },
  { unidad: 'dia_habil', unidadNombre: 'Día hábil', nombre: 'Tiempo promedio de respuesta a solicitudes', formula: 'Suma de días hábiles de respuesta / Solicitudes respondidas', acumulacion: 'promedio', sentido: 'descendente', min: 3, max: 15, decimals: 1 },
  { unidad: 'minuto', unidadNombre: 'Minuto', nombre: 'Tiempo promedio de llegada al lugar del reporte', formula: 'Suma de minutos de llegada / Reportes atendidos', acumulacion: 'promedio', sentido: 'descendente', min: 8, max: 30, decimals: 1 },
];
/** Units in the catalog that no meta uses; one still awaits validation, as in a real catalog. */
const EXTRA_UNITS = [
  { clave: 'vacante', nombre: 'Vacante', validada: true },
  { clave: 'licencia', nombre: 'Licencia de funcionamiento', validada: true },
  { clave: 'cabeza_de_ganado', nombre: 'Cabeza de ganado', validada: true },
  { clave: 'vivienda', nombre: 'Vivienda', validada: false },
];

// ---------------------------------------------------------------- the plan in memory

interface Person {
  nombre: string;
  mujer: boolean;
}

interface MetaPlan {
  meta: Meta;
  template: IndicatorTemplate;
  programacion: Record<Quarter, number>;
}

interface PpcsPlan {
  id: string;
  data: Ppcs;
  metas: MetaPlan[];
  participantes: string[];
  evidencia: string;
  poblacion: number;
}

interface DeptPlan {
  clave: string;
  nombre: string;
  titular: Person;
  enlace: Person;
  ppcs: PpcsPlan[];
}

interface AvancePlan {
  dept: number;
  quarter: Quarter;
  ppcs: number;
  avance: Avance;
  offGreen: boolean;
  under: boolean;
}

const round = (value: number, decimals: 0 | 1): number => (decimals === 0 ? Math.round(value) : Math.round(value * 10) / 10);
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function person(rng: Random): Person {
  const mujer = rng.chance(0.5);
  const title = rng.pick(mujer ? TITLES_WOMEN : TITLES_MEN);
  const given = rng.pick(mujer ? WOMEN : MEN);
  return { nombre: `${title} ${given} ${rng.pick(SURNAMES)} ${rng.pick(SURNAMES)}`, mujer };
}

function departmentName(index: number, order: readonly number[]): string {
  const combos = AREAS.length * AREA_PREFIXES.length;
  const slot = order[index % combos]!;
  const base = `${AREA_PREFIXES[slot % AREA_PREFIXES.length]} ${AREAS[Math.floor(slot / AREA_PREFIXES.length)]}`;
  const lap = Math.floor(index / combos);
  return lap === 0 ? base : `${base}, ${ZONES[(lap - 1) % ZONES.length]}${lap > ZONES.length ? ` ${lap}` : ''}`;
}

/** Quarterly programming and the annual target it leads to, per the indicator's accumulation. */
function programming(rng: Random, t: IndicatorTemplate): { programacion: Record<Quarter, number>; anual: number } {
  const values: number[] = [];
  if (t.acumulacion === 'suma') {
    const base = rng.float(t.min, t.max);
    for (let q = 0; q < 4; q++) values.push(Math.max(t.min, round(base * rng.float(0.7, 1.3), t.decimals)));
  } else if (t.sentido === 'descendente') {
    // A time that should come down during the year.
    let level = rng.float((t.min + t.max) / 2, t.max);
    for (let q = 0; q < 4; q++) {
      values.push(round(Math.max(t.min, level), t.decimals));
      level *= rng.float(0.85, 0.97);
    }
  } else {
    // A level that climbs toward the year's target (ultimo_valor) or hovers around it (promedio).
    let level = rng.float(t.min, (t.min + t.max) / 2);
    for (let q = 0; q < 4; q++) {
      values.push(round(Math.min(t.max, level), t.decimals));
      level += rng.float(0, (t.max - t.min) / 4);
    }
  }
  const [T1, T2, T3, T4] = values as [number, number, number, number];
  const programacion = { T1, T2, T3, T4 };
  const anual = t.acumulacion === 'suma' ? round(T1 + T2 + T3 + T4, t.decimals) : t.acumulacion === 'ultimo_valor' ? T4 : Math.round(((T1 + T2 + T3 + T4) / 4) * 100) / 100;
  return { programacion, anual };
}

function planDepartment(seed: number, index: number, options: GenerateOptions, claves: readonly string[], names: readonly number[]): DeptPlan {
  const rng = new Random(seed, `dependencia:${claves[index]}`);
  const clave = claves[index]!;
  const d = claves.length;
  const next = claves[(index + 1) % d]!;
  const prev = claves[(index - 1 + d) % d]!;
  const ppcs: PpcsPlan[] = [];
  for (let p = 0; p < options.ppcs; p++) {
    const id = `${clave}-${pad(p + 1, 2)}`;
    const tipo = rng.pick(TIPOS);
    // The first two are always active and shared with a neighbour (integralidad); the rest
    // are mostly active, a few suspended or not started, never below half active (PLAN013).
    const estatus: EstatusPpcs = p < 2 ? 'activo' : rng.chance(0.92) ? 'activo' : rng.pick(['suspendido', 'por_iniciar'] as const);
    const participantes = p === 0 ? [next] : p === 1 ? [prev] : rng.chance(0.15) ? [rng.pick([next, prev])] : [];
    const uniqueParticipants = [...new Set(participantes)].filter((c) => c !== clave);
    const objeto = rng.pick(OBJETOS);
    const lugar = rng.pick(LUGARES);
    const nombre = `${TIPO_LABEL[tipo]} ${rng.pick(ACCIONES)} ${objeto} ${lugar}`;
    const poblacion = rng.int(8, 300) * 100;
    const generoAplica = p === 0 || rng.chance(0.6);
    const metas: MetaPlan[] = [];
    for (let m = 0; m < options.metas; m++) {
      const template = rng.pick(INDICATORS);
      const { programacion, anual } = programming(rng, template);
      const meta: Meta = {
        id: `M${m + 1}`,
        descripcion: `Alcanzar ${anual} en el indicador «${template.nombre}» durante ${EJERCICIO}.`,
        indicador: {
          nombre: template.nombre,
          definicion: `Mide ${template.nombre.toLowerCase()} por el PPCS ${id} en cada trimestre del ejercicio.`,
          formula: template.formula,
          unidad_medida: template.unidad,
          sentido: template.sentido,
          linea_base: round(programacion.T1 * rng.float(0.7, 1), template.decimals),
          acumulacion: template.acumulacion,
          frecuencia: 'trimestral',
          fuente: `Registros administrativos de la ${departmentName(index, names)}`,
          dimension: dimensionOf(template),
        },
        programacion: { ...programacion },
        meta_anual: anual,
      };
      metas.push({ meta, template, programacion });
    }
    const actividades = ACTIVIDADES.slice(0, 3).map((descripcion, a) =>
      a === 1 && uniqueParticipants.length > 0 ? { descripcion: `Coordinación con ${uniqueParticipants.join(', ')} para la ${descripcion.charAt(0).toLowerCase()}${descripcion.slice(1)}`, participantes: uniqueParticipants } : { descripcion },
    );
    const responsable = person(rng);
    const data: Ppcs = {
      id,
      tipo,
      nombre,
      estatus,
      alineacion_pmd: { eje: rng.pick(EJES), objetivo: `Mejorar la atención de ${objeto} en el municipio.` },
      problematica: `La atención de ${objeto} ${lugar} es insuficiente: la demanda registrada en 2018 superó la capacidad de la dependencia y no existe un registro sistemático de resultados.`,
      objetivo: `Atender ${objeto} con acciones medibles en cada trimestre de ${EJERCICIO}, con cobertura de al menos ${Math.round(poblacion * 0.6)} personas.`,
      poblacion_objetivo: { descripcion: `Personas habitantes del municipio que requieren ${objeto}.`, cantidad: poblacion },
      responsable: responsable.nombre,
      metas: metas.map((m) => m.meta),
      actividades,
      perspectiva_genero: generoAplica
        ? { aplica: true, descripcion: 'Registro desagregado por sexo de las personas beneficiarias y horarios compatibles con las tareas de cuidado.' }
        : { aplica: false },
    };
    ppcs.push({ id, data, metas, participantes: uniqueParticipants, evidencia: rng.pick(EVIDENCIAS), poblacion });
  }
  return { clave, nombre: departmentName(index, names), titular: person(rng), enlace: person(rng), ppcs };
}

/** What a department reports for one meta in one quarter, and whether the semáforo leaves green. */
function achieved(rng: Random, plan: MetaPlan, quarter: Quarter, cumulative: number): { valor: number; color: string; cumplimientoPct: number } {
  const t = plan.template;
  const programado = plan.programacion[quarter];
  const roll = rng.float();
  // About 80 % green (±7 %), 12 % yellow, 8 % red, on either side of the target.
  const c = roll < 0.8 ? rng.float(0.93, 1.07) : roll < 0.92 ? (rng.chance(0.5) ? rng.float(0.82, 0.88) : rng.float(1.12, 1.18)) : rng.chance(0.6) ? rng.float(0.5, 0.75) : rng.float(1.25, 1.35);
  let valor = round(t.sentido === 'ascendente' ? programado * c : programado / c, t.decimals);
  if (t.porcentaje) valor = Math.min(100, valor);
  if (t.sentido === 'descendente') valor = Math.max(t.decimals === 0 ? 1 : 0.1, valor);
  // PLAN024 judges a sum far above the annual target: stay well under its 150 %.
  if (t.acumulacion === 'suma') valor = Math.max(0, Math.min(valor, round(1.4 * (plan.meta.meta_anual ?? 0) - cumulative, 0) - 1));
  const result = cumplimiento(programado, valor, t.sentido);
  const color = semaforo(result, DEFAULT_SEMAFORO);
  return { valor, color, cumplimientoPct: result.kind === 'medido' ? result.porcentaje : 0 };
}

// ---------------------------------------------------------------- generation

export function generatePlan(options: GenerateOptions): GenerateSummary {
  checkOptions(options);
  prepareOut(options.out);
  const { seed } = options;
  const D = options.departments;
  // Three digits up to 999 (the files of smaller runs stay byte for byte); wider past that, so names still sort.
  const claves = Array.from({ length: D }, (_, i) => `D${pad(i + 1, Math.max(3, String(D).length))}`);
  const names = new Random(seed, 'nombres').shuffle(Array.from({ length: AREAS.length * AREA_PREFIXES.length }, (_, i) => i));
  const depts = claves.map((_, i) => planDepartment(seed, i, options, claves, names));
  const adicionales = [
    { fecha: '2019-11-01', motivo: 'Celebración de Todos Santos (acuerdo de Cabildo)' },
    { fecha: '2019-12-12', motivo: 'Día de la Virgen de Guadalupe (acuerdo de Cabildo)' },
  ];
  const calendar = new BusinessCalendar({ federal: true, extraNonWorkingDays: adicionales.map((a) => a.fecha), windowLength: 5 });
  const windows = Object.fromEntries(QUARTERS.map((q) => [q, calendar.deliveryWindow(EJERCICIO, q)])) as Record<Quarter, ReturnType<BusinessCalendar['deliveryWindow']>>;
  const global = new Random(seed, 'planeacion');

  // Reports: which are late.
  const reportKeys = depts.flatMap((d) => QUARTERS.map((q) => `${d.clave}/${q}`));
  const late = new Set(global.sample(reportKeys, controlledCount(reportKeys.length, SHARES.lateReports)));

  // Feedback rounds T1–T3: one or two observations per department, on active PPCS.
  type Obs = { id: string; round: Quarter; dept: DeptPlan; ppcs: PpcsPlan; tipo: 'observacion' | 'recomendacion'; texto: string };
  const observaciones: Obs[] = [];
  for (const ronda of ['T1', 'T2', 'T3'] as const) {
    let n = 0;
    for (const dept of depts) {
      const rng = new Random(seed, `retroalimentacion:${ronda}:${dept.clave}`);
      const activos = dept.ppcs.filter((p) => p.data.estatus === 'activo');
      for (const ppcs of rng.sample(activos, rng.chance(0.5) ? 2 : 1)) {
        if (n >= OBSERVATION_LIST_MAX) break;
        n++;
        const texto = rng.pick(OBSERVACIONES).replace('{meta}', rng.pick(ppcs.metas).meta.id);
        observaciones.push({ id: `RET-${EJERCICIO}-${ronda}-${pad(n, 4)}`, round: ronda, dept, ppcs, tipo: texto.startsWith('Se recomienda') ? 'recomendacion' : 'observacion', texto });
      }
    }
  }
  const unattended = new Set(global.sample(observaciones, controlledCount(observaciones.length, SHARES.unattendedObservations)).map((o) => o.id));
  /** `${clave}/${quarter}/${ppcsId}` → observation ids that entry attends. */
  const attends = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const o of observaciones) {
    if (unattended.has(o.id)) continue;
    const next = QUARTERS[QUARTERS.indexOf(o.round) + 1]!;
    push(attends, `${o.dept.clave}/${next}/${o.ppcs.id}`, o.id);
  }

  // Gender recommendations, applied in the first report delivered after they were issued.
  const recomendaciones = RECOMENDACIONES.map((r, i) => {
    const dependencias = r.share >= 1 && D <= DEPARTMENT_LIST_MAX ? claves : new Random(seed, `genero:${i}`).sample(claves, Math.min(DEPARTMENT_LIST_MAX, Math.max(1, Math.round(r.share * D))));
    return { id: `GEN-${EJERCICIO}-${pad(i + 1, 2)}`, fecha: r.fecha, dependencias: [...dependencias], recomendacion: r.texto };
  });
  const pairs = recomendaciones.flatMap((r) => r.dependencias.map((clave) => ({ r, clave })));
  const unapplied = new Set(global.sample(pairs, controlledCount(pairs.length, SHARES.unappliedRecommendations)));
  const applies = new Map<string, string[]>();
  for (const pair of pairs) {
    if (unapplied.has(pair)) continue;
    const quarter = QUARTERS.find((q) => windows[q].start > pair.r.fecha)!;
    const dept = depts[claves.indexOf(pair.clave)]!;
    const target = dept.ppcs.find((p) => p.data.estatus === 'activo' && p.data.perspectiva_genero?.aplica) ?? dept.ppcs[0]!;
    push(applies, `${pair.clave}/${quarter}/${target.id}`, pair.r.id);
  }

  // Calls: who was convened, who attended, who delivered by the deadline.
  const convocatorias = CONVOCATORIAS.map((c, i) => {
    const convocadas = c.share >= 1 && D <= DEPARTMENT_LIST_MAX ? [...claves] : new Random(seed, `convocatoria:${i}`).sample(claves, Math.min(DEPARTMENT_LIST_MAX, Math.max(1, Math.round(c.share * D))));
    return { id: `CONV-${EJERCICIO}-${pad(i + 1, 2)}`, ...c, convocadas };
  });
  const convened = convocatorias.flatMap((c) => c.convocadas.map((clave) => `${c.id}/${clave}`));
  const absent = new Set(global.sample(convened, controlledCount(convened.length, SHARES.absences)));
  const deliveries = convocatorias.filter((c) => 'limite' in c).flatMap((c) => c.convocadas.map((clave) => `${c.id}/${clave}`));
  const lateDelivery = new Set(global.sample(deliveries, controlledCount(deliveries.length, SHARES.lateDeliveries)));

  // Progress values, quarter by quarter, then which off-green ones lack a justification.
  const avances: AvancePlan[] = [];
  const reportEntries = new Map<string, ReportePpcs[]>();
  depts.forEach((dept, d) => {
    const rng = new Random(seed, `avances:${dept.clave}`);
    const cumulative = new Map<string, number>();
    for (const quarter of QUARTERS) {
      const entries: ReportePpcs[] = [];
      dept.ppcs.forEach((ppcs, p) => {
        const evidencia = `dependencias/${dept.clave}/evidencias/${EJERCICIO}-${quarter}/${ppcs.evidencia}-${ppcs.id}.txt`;
        if (ppcs.data.estatus !== 'activo') {
          entries.push({ id: ppcs.id, estatus: ppcs.data.estatus, evidencias: [evidencia] });
          return;
        }
        const entryAvances: Avance[] = ppcs.metas.map((plan) => {
          const key = `${ppcs.id}/${plan.meta.id}`;
          const { valor, color, cumplimientoPct } = achieved(rng, plan, quarter, cumulative.get(key) ?? 0);
          cumulative.set(key, (cumulative.get(key) ?? 0) + valor);
          const avance: Avance = { meta: plan.meta.id, valor, unidad_medida: plan.template.unidad, comentario: `${plan.template.nombre}: ${valor} en el trimestre (programado: ${plan.programacion[quarter]}).` };
          avances.push({ dept: d, quarter, ppcs: p, avance, offGreen: color !== 'verde', under: cumplimientoPct < 100 });
          return avance;
        });
        const total = Math.round(ppcs.poblacion * rng.float(0.08, 0.3));
        const mujeres = Math.round(total * rng.float(0.45, 0.58));
        const entry: ReportePpcs = { id: ppcs.id, estatus: 'activo', avances: entryAvances, beneficiarios: { total, mujeres, hombres: total - mujeres } };
        if (ppcs.participantes.length > 0) entry.colaboraciones = [...ppcs.participantes];
        entry.evidencias = [evidencia];
        const atendidas = attends.get(`${dept.clave}/${quarter}/${ppcs.id}`);
        if (atendidas) entry.observaciones_atendidas = atendidas;
        const aplicadas = applies.get(`${dept.clave}/${quarter}/${ppcs.id}`);
        if (aplicadas) entry.recomendaciones_genero_aplicadas = aplicadas;
        entries.push(entry);
      });
      reportEntries.set(`${dept.clave}/${quarter}`, entries);
    }
  });
  const offGreen = avances.filter((a) => a.offGreen);
  const unjustified = new Set(global.sample(offGreen, controlledCount(offGreen.length, SHARES.unjustifiedVariations)));
  const justRng = new Random(seed, 'justificaciones');
  for (const a of offGreen) {
    if (!unjustified.has(a)) a.avance.justificacion_variacion = justRng.pick(a.under ? JUSTIFICACION_BAJO : JUSTIFICACION_SOBRE);
  }

  // ------------------------------------------------------------ files
  const writer = new Writer(options.out);
  const header = (text: string) => `# ${text}\n# Municipio sintético generado por «npm run gen» (semilla ${seed}); no son datos reales.\n`;
  const plan: PlanConfig = {
    municipio: 'San Isidro de las Huertas (municipio sintético)',
    estado: 'Morelos',
    administracion: { inicio: 2018, fin: 2021 },
    ejercicio: EJERCICIO,
    entrega_reportes: { dias_habiles: 5, ventana: 'fin_de_trimestre' },
    dias_inhabiles: { federales: true, adicionales },
    semaforo: { ...DEFAULT_SEMAFORO },
    cobertura_minima: 50,
    umbrales: { avance_excesivo: 150, tolerancia_programacion: 5, ppcs_activos_minimo: 50 },
    reglas: { PLAN029: 'off' },
  };
  writer.yaml(
    'plan.yaml',
    header('Configuración del plan: ejercicio, calendario de entregas, umbrales y severidad de reglas.') +
      '# PLAN029 (fecha de entrega contra el historial de git) está apagada: los archivos se generan\n# de una vez y su primer commit, si lo hay, no dice nada de las fechas de entrega de 2019.\n',
    plan,
  );
  const units = [...new Map(INDICATORS.map((t) => [t.unidad, { clave: t.unidad, nombre: t.unidadNombre, validada: true, ...(t.porcentaje ? { es_porcentaje: true } : {}) }])).values(), ...EXTRA_UNITS];
  writer.yaml('catalogos/unidades-de-medida.yaml', header('Catálogo de unidades de medida asignadas y validadas por Planeación.'), { unidades: units });

  for (const dept of depts) {
    const rng = new Random(seed, `ficha:${dept.clave}`);
    const puntaje = rng.int(45, 92);
    const [grado, tipo] = puntaje >= 85 ? ['Sobresaliente', 'Innovación'] : puntaje >= 70 ? ['Aceptable', 'Consolidación'] : puntaje >= 50 ? ['En desarrollo', 'Fortalecimiento'] : ['Insuficiente', 'Reestructuración'];
    const card: Dependencia = {
      clave: dept.clave,
      nombre: dept.nombre,
      titular: dept.titular.nombre,
      enlace: { nombre: dept.enlace.nombre, cargo: rng.pick(CARGOS), correo: `${dept.clave.toLowerCase()}.planeacion@sanisidro.gob.mx`, telefono: `777 ${rng.int(100, 999)} ${pad(rng.int(0, 9999), 4)}` },
      evaluaciones: { [EJERCICIO - 1]: { puntaje, grado } },
      planes_de_mejora: { [EJERCICIO]: { tipo, acciones: CRITERIOS.map((criterio, index) => ({ id: `PM-${pad(index + 1, 2)}`, criterio, ...ACCIONES_MEJORA[criterio] })) } },
    };
    writer.yaml(`dependencias/${dept.clave}/dependencia.yaml`, header(`Ficha de la dependencia ${dept.clave}, autoevaluación 2018 y Plan de Mejora ${EJERCICIO}.`), card);
    for (const ppcs of dept.ppcs) {
      writer.yaml(`dependencias/${dept.clave}/ppcs/${ppcs.id}.yaml`, header(`Carátula de PPCS (Anexos 1 y 2) — ${dept.nombre}.`), ppcs.data);
    }
    QUARTERS.forEach((quarter, q) => {
      const key = `${dept.clave}/${quarter}`;
      const window = windows[quarter];
      const rngDate = new Random(seed, `entrega:${key}`);
      const fecha = late.has(key) ? businessDaysAfter(calendar, window.end, rngDate.int(1, 5)) : rngDate.pick(window.days);
      // Each action of the plan is done in its own quarter (PM-01 in T1, PM-02 in T2, …, PM-05 in T1 again) and
      // every report gives the status of all of them (PLAN062).
      const plan_de_mejora = card.planes_de_mejora![EJERCICIO]!.acciones.map((accion, i) => ({
        accion: accion.id,
        estatus: q >= i % 4 ? ('cumplida' as const) : q === 0 ? ('no_iniciada' as const) : ('en_proceso' as const),
      }));
      const reporte: Reporte = { dependencia: dept.clave, trimestre: `${EJERCICIO}-${quarter}`, fecha_entrega: fecha, elaboro: dept.enlace.nombre, ppcs: reportEntries.get(key)!, plan_de_mejora };
      writer.yaml(`dependencias/${dept.clave}/reportes/${EJERCICIO}-${quarter}.yaml`, header(`Reporte trimestral (Anexos 3 y 4) — ${dept.nombre}, trimestre ${q + 1} de ${EJERCICIO}.`), reporte);
      for (const ppcs of dept.ppcs) {
        writer.evidence(
          `dependencias/${dept.clave}/evidencias/${EJERCICIO}-${quarter}/${ppcs.evidencia}-${ppcs.id}.txt`,
          `${EVIDENCIA_TITULO[ppcs.evidencia]} del trimestre ${q + 1} de ${EJERCICIO}\n\nDependencia: ${dept.nombre} (${dept.clave})\nPPCS: ${ppcs.id} — ${ppcs.data.nombre}\nPeriodo: ${EJERCICIO}-${quarter}\nResponsable: ${ppcs.data.responsable}\n\nFicha descriptiva de la evidencia documental que respalda el reporte trimestral\n(Anexos 3 y 4). El documento original, firmado y sellado, se resguarda en el\narchivo de la dependencia y está disponible para su consulta por Planeación.\n`,
        );
      }
    });
  }

  const emision: Record<string, string> = { T1: '2019-04-10', T2: '2019-07-10', T3: '2019-10-10' };
  for (const ronda of ['T1', 'T2', 'T3'] as const) {
    writer.yaml(`planeacion/retroalimentacion/${EJERCICIO}-${ronda}.yaml`, header(`Retroalimentación a los reportes del trimestre ${ronda.slice(1)} de ${EJERCICIO}; se atiende en el reporte siguiente.`), {
      trimestre: `${EJERCICIO}-${ronda}`,
      fecha_emision: emision[ronda],
      observaciones: observaciones.filter((o) => o.round === ronda).map((o) => ({ id: o.id, dependencia: o.dept.clave, ppcs: o.ppcs.id, tipo: o.tipo, texto: o.texto })),
    });
  }
  writer.yaml(`planeacion/convocatorias/${EJERCICIO}.yaml`, header(`Convocatorias de Planeación ${EJERCICIO}: dependencias convocadas, asistentes y entregas.`), {
    ejercicio: EJERCICIO,
    convocatorias: convocatorias.map((c, i) => {
      const rng = new Random(seed, `entregas:${i}`);
      return {
        id: c.id,
        fecha: c.fecha,
        asunto: c.asunto,
        convocadas: c.convocadas,
        asistentes: c.convocadas.filter((clave) => !absent.has(`${c.id}/${clave}`)),
        ...('limite' in c
          ? {
              fecha_limite_entrega: c.limite,
              entregas: c.convocadas.map((clave) => ({ dependencia: clave, fecha: lateDelivery.has(`${c.id}/${clave}`) ? businessDaysAfter(calendar, c.limite, rng.int(1, 4)) : businessDaysAfter(calendar, c.limite, -rng.int(0, 6)) })),
            }
          : {}),
      };
    }),
  });
  writer.yaml(`planeacion/genero/${EJERCICIO}.yaml`, header(`Recomendaciones de perspectiva de género enviadas a las dependencias en ${EJERCICIO}.`), {
    ejercicio: EJERCICIO,
    recomendaciones,
  });

  const activeAvances = avances.length;
  return {
    files: writer.files,
    yamlFiles: writer.yamlFiles,
    evidenceFiles: writer.files - writer.yamlFiles,
    bytes: writer.bytes,
    byKind: writer.byKind,
    expectedWarnings: {
      PLAN021: late.size,
      PLAN025: unattended.size,
      PLAN026: unjustified.size,
      PLAN042: unapplied.size,
      PLAN050: absent.size + lateDelivery.size,
    },
    population: {
      PLAN021: reportKeys.length,
      PLAN025: observaciones.length,
      PLAN026: offGreen.length,
      PLAN042: pairs.length,
      PLAN050: convened.length + deliveries.length,
      avances: activeAvances,
    },
  };
}

/**
 * The business day `n` business days after `from` (n > 0), or the latest business day
 * at most -n business days before it (n ≤ 0; 0 is `from` itself or the business day before).
 */
function businessDaysAfter(calendar: BusinessCalendar, from: string, n: number): string {
  const date = new Date(`${from}T12:00:00Z`);
  const iso = () => date.toISOString().slice(0, 10);
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  if (n <= 0) {
    while (!calendar.isBusinessDay(iso())) date.setUTCDate(date.getUTCDate() - 1);
  }
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + step);
    if (calendar.isBusinessDay(iso())) left--;
  }
  return iso();
}

class Writer {
  files = 0;
  yamlFiles = 0;
  bytes = 0;
  byKind: Record<string, number> = {};
  private readonly dirs = new Set<string>();

  constructor(private readonly root: string) {}

  yaml(rel: string, header: string, value: unknown): void {
    this.yamlFiles++;
    this.write(rel, header + stringify(value, { lineWidth: 0 }));
  }

  evidence(rel: string, text: string): void {
    this.write(rel, text);
  }

  private write(rel: string, text: string): void {
    const target = path.join(this.root, rel);
    const dir = path.dirname(target);
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(target, bytes);
    this.files++;
    this.bytes += bytes.length;
    const kind = kindOf(rel);
    this.byKind[kind] = (this.byKind[kind] ?? 0) + 1;
  }
}

function kindOf(rel: string): string {
  if (rel.includes('/evidencias/')) return 'evidencias';
  if (rel.includes('/reportes/')) return 'reportes';
  if (rel.includes('/ppcs/')) return 'carátulas';
  if (rel.endsWith('/dependencia.yaml')) return 'dependencias';
  if (rel.startsWith('planeacion/')) return 'planeación';
  return 'configuración';
}

function checkOptions(options: GenerateOptions): void {
  for (const key of ['departments', 'ppcs', 'metas'] as const) {
    const [min, max] = LIMITS[key];
    const value = options[key];
    if (!Number.isInteger(value) || value < min || value > max) throw new GenerateError(`--${key} debe ser un número entero entre ${min} y ${max}; se recibió «${value}».`);
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) throw new GenerateError(`--seed debe ser un número entero entre 0 y 4294967295; se recibió «${options.seed}».`);
}

function prepareOut(out: string): void {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new GenerateError(`«${out}» existe y no es una carpeta.`);
    if (readdirSync(out).length > 0) throw new GenerateError(`La carpeta «${out}» no está vacía; el generador sólo escribe en una carpeta nueva o vacía y no sobrescribe nada.`);
  }
  mkdirSync(out, { recursive: true });
}

export class GenerateError extends Error {}

// ---------------------------------------------------------------- CLI

export interface GenerateIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = 'Uso: npm run gen -- --out CARPETA [--departments 100] [--ppcs 40] [--metas 4] [--seed 42]\n';

/** `npm run gen`: returns the exit code (0 written, 2 usage error or refused folder). */
export function runGenerateCli(args: readonly string[], io: GenerateIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }): number {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...args],
      options: { out: { type: 'string' }, departments: { type: 'string' }, ppcs: { type: 'string' }, metas: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.stderr(`gen: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (typeof values.out !== 'string' || values.out === '') {
    io.stderr(`gen: falta --out CARPETA.\n${USAGE}`);
    return 2;
  }
  const number = (value: string | boolean | undefined, fallback: number) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value === undefined ? fallback : Number.NaN);
  const options: GenerateOptions = {
    out: path.resolve(values.out),
    departments: number(values.departments, 100),
    ppcs: number(values.ppcs, 40),
    metas: number(values.metas, 4),
    seed: number(values.seed, 42),
  };
  let summary: GenerateSummary;
  const started = process.hrtime.bigint();
  try {
    summary = generatePlan(options);
  } catch (error) {
    if (error instanceof GenerateError) {
      io.stderr(`gen: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  io.stdout(describeSummary(options, summary, seconds));
  return 0;
}

const n = (value: number) => value.toLocaleString('en-US');
const pct = (part: number, whole: number) => (whole === 0 ? '0' : ((part / whole) * 100).toFixed(1));

export function describeSummary(options: GenerateOptions, s: GenerateSummary, seconds?: number): string {
  const warnings = Object.values(s.expectedWarnings).reduce((a, b) => a + b, 0);
  const lines = [
    `Repositorio sintético escrito en «${options.out}» (semilla ${options.seed}): ${options.departments} dependencias × ${options.ppcs} PPCS × ${options.metas} metas${seconds === undefined ? '' : `, en ${seconds.toFixed(1)} s`}.`,
    `Archivos: ${n(s.files)} (${n(s.yamlFiles)} YAML de datos + ${n(s.evidenceFiles)} evidencias), ${(s.bytes / 1048576).toFixed(1)} MB. Fórmula: 7 + D × (1 + P + 4 + 4P) = ${n(expectedFileCount(options.departments, options.ppcs))}.`,
    `  ${Object.entries(s.byKind)
      .sort(([a], [b]) => a.localeCompare(b, 'es'))
      .map(([k, v]) => `${k}: ${n(v)}`)
      .join('; ')}`,
    `Hallazgos esperados con «plan validate --fecha-corte ${FECHA_CORTE}»: 0 errores, ${n(warnings)} advertencias (${pct(warnings, s.yamlFiles)} % de los archivos YAML):`,
    `  PLAN021 ${n(s.expectedWarnings.PLAN021!)} reportes entregados tarde (de ${n(s.population.PLAN021!)})`,
    `  PLAN025 ${n(s.expectedWarnings.PLAN025!)} observaciones no atendidas (de ${n(s.population.PLAN025!)})`,
    `  PLAN026 ${n(s.expectedWarnings.PLAN026!)} variaciones sin justificar (de ${n(s.population.PLAN026!)} avances fuera de verde; ${n(s.population.avances!)} avances en total)`,
    `  PLAN042 ${n(s.expectedWarnings.PLAN042!)} recomendaciones de género no aplicadas (de ${n(s.population.PLAN042!)} pares recomendación-dependencia)`,
    `  PLAN050 ${n(s.expectedWarnings.PLAN050!)} inasistencias o entregas tardías a convocatorias (de ${n(s.population.PLAN050!)})`,
    `Para validar: node bin/plan.js validate -C ${JSON.stringify(options.out)} --fecha-corte ${FECHA_CORTE}`,
  ];
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = runGenerateCli(process.argv.slice(2));
}
