// The vocabulary of the plan repository. Field names mirror the YAML (Spanish
// snake_case, see SPEC §2); these are the shapes a document has once it passed
// its JSON Schema, so later code never re-checks them.

import type { IsoDate, Quarter, TrimestreId } from './time.js';

export { QUARTERS, type IsoDate, type Quarter, type TrimestreId } from './time.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';
/** A severity as plan.yaml may write it: Spanish words, or the English ones of the card. */
export type SeverityWord = SeveritySetting | 'advertencia' | 'desactivada';

export type CriterioClave =
  | 'consistencia_programatica'
  | 'seguimiento_retroalimentacion'
  | 'integracion_organizacion'
  | 'integralidad'
  | 'calidad_cobertura'
  | 'perspectiva_genero';

export const CRITERIOS: readonly CriterioClave[] = [
  'consistencia_programatica',
  'seguimiento_retroalimentacion',
  'integracion_organizacion',
  'integralidad',
  'calidad_cobertura',
  'perspectiva_genero',
];

// ---------------------------------------------------------------- plan.yaml

export interface SemaforoBandas {
  /** Cumplimiento (%) from which a meta is green, inclusive. */
  verde_min: number;
  /** Cumplimiento (%) up to which a meta is green, inclusive. */
  verde_max: number;
  amarillo_min: number;
  amarillo_max: number;
}

export interface DiaInhabil {
  fecha: IsoDate;
  motivo: string;
}

export interface GradoRubrica {
  grado: string;
  /** Lowest total score (0–100) that earns this grade. */
  minimo: number;
  /** Type of Plan de Mejora the grade leads to (seed: Aceptable → Consolidación). */
  tipo_plan: string;
}

export interface Rubrica {
  /** Weight of each criterion; weights add up to 100. */
  pesos: Record<CriterioClave, number>;
  grados: GradoRubrica[];
}

export interface PlanConfig {
  municipio: string;
  estado?: string;
  administracion: { inicio: number; fin: number };
  ejercicio: number;
  entrega_reportes: { dias_habiles: number; ventana: 'fin_de_trimestre' };
  dias_inhabiles?: {
    /** Include the federal mandatory rest days of LFT art. 74 (default true). */
    federales?: boolean;
    adicionales?: DiaInhabil[];
  };
  semaforo?: Partial<SemaforoBandas>;
  /** Share (%) of the target population a PPCS should reach in the year. */
  cobertura_minima?: number;
  umbrales?: {
    /** PLAN024: cumulative progress above this % of meta_anual is implausible. */
    avance_excesivo?: number;
    /** PLAN011: tolerated relative gap (%) between programming and meta_anual. */
    tolerancia_programacion?: number;
    /** PLAN013: minimum share (%) of a department's PPCS that must be active. */
    ppcs_activos_minimo?: number;
  };
  rubrica?: Rubrica;
  /** Per-rule severity override, like ESLint: `PLAN021: error`, `PLAN029: desactivada`. */
  reglas?: Record<string, SeverityWord>;
}

// ------------------------------------------------ catalogos/unidades-de-medida.yaml

export interface UnidadMedida {
  clave: string;
  nombre: string;
  validada: boolean;
  /** A percentage unit: values above 100 are implausible (PLAN024). */
  es_porcentaje?: boolean;
}

export interface CatalogoUnidades {
  unidades: UnidadMedida[];
}

// ------------------------------------------------ dependencias/<CLAVE>/dependencia.yaml

export interface AccionMejora {
  /** Unique inside its plan (PM-01); quarterly reports cite it to give the action's status. */
  id: string;
  criterio: CriterioClave;
  accion: string;
  recursos: string;
  dimension: string;
  /** The area in charge (an area or post, not a person). */
  responsable?: string;
  plazo?: IsoDate;
  /** What counts as done, preferably with a number. */
  meta?: string;
  medio_verificacion?: string;
}

/** A department's result in one year's evaluation: the baseline of the next year. */
export interface EvaluacionBase {
  puntaje: number;
  grado: string;
  /** Per-criterion scores when recorded; the 2018 self-evaluation had five criteria. */
  criterios?: Partial<Record<CriterioClave, number>>;
}

export interface PlanDeMejora {
  tipo: string;
  acciones: AccionMejora[];
}

export interface Dependencia {
  clave: string;
  nombre: string;
  titular: string;
  enlace: { nombre: string; cargo?: string; correo?: string; telefono?: string };
  /** Keyed by year («2018»): no year lives in a field name. */
  evaluaciones: Record<string, EvaluacionBase>;
  /** Keyed by the year the plan is carried out. */
  planes_de_mejora?: Record<string, PlanDeMejora>;
}

// ------------------------------------------------ dependencias/<CLAVE>/ppcs/<ID>.yaml

export type TipoPpcs = 'programa' | 'proyecto' | 'campana' | 'servicio';
export type EstatusPpcs = 'por_iniciar' | 'activo' | 'suspendido' | 'concluido' | 'cancelado';
export type Sentido = 'ascendente' | 'descendente';
export type Acumulacion = 'suma' | 'ultimo_valor' | 'promedio';

/** How often the indicator is measured (LGT art. 70 fr. VI, «Frecuencia de medición»). */
export type Frecuencia = 'mensual' | 'trimestral' | 'semestral' | 'anual';

/** The MIR level of an indicator (Matriz de Indicadores para Resultados). */
export type NivelMir = 'fin' | 'proposito' | 'componente' | 'actividad';
/** What an indicator measures (LGT art. 70 fr. VI, «Dimensión(es) a medir»). */
export type Dimension = 'eficacia' | 'eficiencia' | 'calidad' | 'economia';
export type TipoIndicador = 'estrategico' | 'gestion';

/** A baseline value, alone (the value at the start of the year) or with the year it was measured. */
export type LineaBase = number | { valor: number; anio: number };

export interface Indicador {
  nombre: string;
  /** What the indicator measures, in words (LGT art. 70 fr. VI, «Definición del indicador»). */
  definicion?: string;
  formula?: string;
  unidad_medida?: string;
  sentido: Sentido;
  linea_base?: LineaBase;
  acumulacion: Acumulacion;
  frecuencia?: Frecuencia;
  /** Where the measured data comes from (LGT art. 70 fr. VI, «Fuente de información»). */
  fuente?: string;
  nivel?: NivelMir;
  dimension?: Dimension;
  tipo?: TipoIndicador;
}

/** Planeación's approval of a meta_ajustada; `programacion` replaces the quarters when given. */
export interface AjusteMeta {
  aprobo: string;
  fecha: IsoDate;
  motivo?: string;
  programacion?: Partial<Record<Quarter, number>>;
}

/** What a meta programs and aims at in one year: the carátula's top level, or one `ejercicios` entry. */
export interface ProgramacionMeta {
  /** Programmed value per quarter; a quarter left out has nothing programmed. */
  programacion?: Partial<Record<Quarter, number>>;
  meta_anual?: number;
  /**
   * The annual goal after an official adjustment, if any (LGT art. 70 fr. VI, «Metas ajustadas»).
   * It drives the figures only once `ajuste.aprobo` says Planeación approved it (PLAN015).
   */
  meta_ajustada?: number;
  ajuste?: AjusteMeta;
}

export interface Meta extends ProgramacionMeta {
  id: string;
  descripcion: string;
  indicador?: Indicador;
  /**
   * A later year's own programming, keyed by year («2020»). A year with an entry takes all of
   * it (programming, goal, adjustment); every other year takes the top-level values
   * (progress.ts, metaForYear).
   */
  ejercicios?: Record<string, ProgramacionMeta>;
  /** Per-meta override of the semáforo bands. */
  semaforo?: Partial<SemaforoBandas>;
}

export interface Actividad {
  descripcion: string;
  /** Other departments (clave) taking part: this is integralidad. */
  participantes?: string[];
}

export interface Ppcs {
  id: string;
  tipo: TipoPpcs;
  nombre: string;
  estatus: EstatusPpcs;
  alineacion_pmd?: { eje: string; objetivo?: string; estrategia?: string };
  problematica?: string;
  objetivo?: string;
  poblacion_objetivo?: { descripcion: string; cantidad: number };
  responsable?: string;
  metas?: Meta[];
  actividades?: Actividad[];
  perspectiva_genero?: { aplica: boolean; descripcion?: string };
}

// ------------------------------------------------ dependencias/<CLAVE>/reportes/<AAAA>-T<n>.yaml

export interface Avance {
  meta: string;
  valor: number;
  unidad_medida: string;
  comentario?: string;
  justificacion_variacion?: string;
}

/**
 * How a quarter's total adds up over the year: `nuevas`, people not served before this year
 * (quarters add); `atendidas` (the default), people served at a time, who may come back
 * (quarters do not add).
 */
export type ConteoBeneficiarios = 'nuevas' | 'atendidas';

export const GRUPOS_DE_EDAD = ['ninas_ninos_0_11', 'adolescentes_12_17', 'jovenes_18_29', 'adultos_30_59', 'adultos_mayores_60'] as const;
export type GrupoDeEdad = (typeof GRUPOS_DE_EDAD)[number];

export interface Beneficiarios {
  total: number;
  mujeres?: number;
  hombres?: number;
  /** People whose sex was not recorded: mujeres + hombres + no_especificado = total. */
  no_especificado?: number;
  conteo?: ConteoBeneficiarios;
  /** Year-end count of unique people; the latest report of the year that gives it wins. */
  personas_unicas_anio?: number;
  /** When given, the groups add up to the total. */
  edades?: Partial<Record<GrupoDeEdad, number>>;
}

export interface ReportePpcs {
  id: string;
  estatus?: EstatusPpcs;
  avances?: Avance[];
  beneficiarios?: Beneficiarios;
  colaboraciones?: string[];
  evidencias?: string[];
  observaciones_atendidas?: string[];
  recomendaciones_genero_aplicadas?: string[];
}

export type EstatusAccion = 'no_iniciada' | 'en_proceso' | 'cumplida';

/** A quarterly report's status of one action of the department's Plan de Mejora for the year. */
export interface SeguimientoAccion {
  /** The action's id in planes_de_mejora.<AAAA> of dependencia.yaml. */
  accion: string;
  estatus: EstatusAccion;
  evidencias?: string[];
  comentario?: string;
}

export interface Reporte {
  dependencia: string;
  trimestre: TrimestreId;
  fecha_entrega: IsoDate;
  elaboro: string;
  ppcs: ReportePpcs[];
  /** The quarterly status of each action of the Plan de Mejora of the report's year. */
  plan_de_mejora?: SeguimientoAccion[];
}

// ------------------------------------------------ planeacion/retroalimentacion/<AAAA>-T<n>.yaml

export interface Observacion {
  id: string;
  dependencia: string;
  ppcs?: string;
  tipo: 'observacion' | 'recomendacion';
  texto: string;
}

export interface Retroalimentacion {
  /** The quarter whose reports this round reviews; answers are due in the next one. */
  trimestre: TrimestreId;
  fecha_emision: IsoDate;
  observaciones: Observacion[];
}

// ------------------------------------------------ planeacion/convocatorias/<AAAA>.yaml

export interface Convocatoria {
  id: string;
  fecha: IsoDate;
  asunto: string;
  convocadas: string[];
  asistentes: string[];
  /** When the call asks for information, the date it is due. */
  fecha_limite_entrega?: IsoDate;
  entregas?: { dependencia: string; fecha: IsoDate }[];
}

export interface Convocatorias {
  ejercicio: number;
  convocatorias: Convocatoria[];
}

// ------------------------------------------------ planeacion/excepciones.yaml

export interface Excepcion {
  regla: string;
  archivo: string;
  /** Without a line, every finding of the rule in the file. */
  linea?: number;
  motivo: string;
  aprobo: string;
  fecha: IsoDate;
}

export interface Excepciones {
  excepciones: Excepcion[];
}

// ------------------------------------------------ planeacion/genero/<AAAA>.yaml

export interface RecomendacionGenero {
  id: string;
  fecha: IsoDate;
  dependencias: string[];
  recomendacion: string;
  /** What later reports must show once a department declares it applied (PLAN044). */
  verificacion?: VerificacionGenero;
}

export type VerificacionGenero = 'desagregar_por_sexo' | 'desagregar_por_edad';

export interface RecomendacionesGenero {
  ejercicio: number;
  recomendaciones: RecomendacionGenero[];
}
