import type { CriterioClave, GradoRubrica, PlanConfig, SemaforoBandas, SeveritySetting, SeverityWord } from './types.js';

/** plan.yaml with every default filled in: what rules and reports actually use. */
export interface ResolvedConfig {
  municipio: string;
  ejercicio: number;
  windowLength: number;
  federalHolidays: boolean;
  extraNonWorkingDays: string[];
  semaforo: SemaforoBandas;
  coberturaMinima: number;
  avanceExcesivo: number;
  toleranciaProgramacion: number;
  ppcsActivosMinimo: number;
  pesos: Record<CriterioClave, number>;
  grados: GradoRubrica[];
  reglas: Record<string, SeveritySetting>;
}

// SHCP-style two-sided bands: overshooting a meta also signals poor planning.
export const DEFAULT_SEMAFORO: SemaforoBandas = { verde_min: 90, verde_max: 110, amarillo_min: 80, amarillo_max: 120 };

export const DEFAULT_PESOS: Record<CriterioClave, number> = {
  consistencia_programatica: 20,
  seguimiento_retroalimentacion: 25,
  integracion_organizacion: 10,
  integralidad: 15,
  calidad_cobertura: 20,
  perspectiva_genero: 10,
};

// The seed fixes one pair (grade Aceptable → plan Consolidación); the rest is the
// office's choice and lives in plan.yaml.
export const DEFAULT_GRADOS: GradoRubrica[] = [
  { grado: 'Sobresaliente', minimo: 85, tipo_plan: 'Innovación' },
  { grado: 'Aceptable', minimo: 70, tipo_plan: 'Consolidación' },
  { grado: 'En desarrollo', minimo: 50, tipo_plan: 'Fortalecimiento' },
  { grado: 'Insuficiente', minimo: 0, tipo_plan: 'Reestructuración' },
];

// plan.yaml is written by Spanish-speaking staff, and `plan rules` shows «advertencia» and
// «desactivada»: those words must work where they are read. The card's English words stay valid.
const SEVERITY_WORDS: Readonly<Record<SeverityWord, SeveritySetting>> = {
  error: 'error',
  advertencia: 'warning',
  warning: 'warning',
  desactivada: 'off',
  off: 'off',
};

/** The setting a severity word of plan.yaml stands for; undefined for anything else (PLAN002 reports it). */
export function severitySetting(word: unknown): SeveritySetting | undefined {
  return typeof word === 'string' && Object.hasOwn(SEVERITY_WORDS, word) ? SEVERITY_WORDS[word as SeverityWord] : undefined;
}

function resolveReglas(reglas: Record<string, SeverityWord> | undefined): Record<string, SeveritySetting> {
  const resolved: Record<string, SeveritySetting> = {};
  for (const [id, word] of Object.entries(reglas ?? {})) {
    const setting = severitySetting(word);
    if (setting) resolved[id] = setting;
  }
  return resolved;
}

export function resolveConfig(plan: PlanConfig | undefined, fallbackYear: number): ResolvedConfig {
  return {
    municipio: plan?.municipio ?? '',
    ejercicio: plan?.ejercicio ?? fallbackYear,
    windowLength: plan?.entrega_reportes.dias_habiles ?? 5,
    federalHolidays: plan?.dias_inhabiles?.federales ?? true,
    extraNonWorkingDays: (plan?.dias_inhabiles?.adicionales ?? []).map((d) => d.fecha),
    semaforo: { ...DEFAULT_SEMAFORO, ...plan?.semaforo },
    coberturaMinima: plan?.cobertura_minima ?? 50,
    avanceExcesivo: plan?.umbrales?.avance_excesivo ?? 150,
    toleranciaProgramacion: plan?.umbrales?.tolerancia_programacion ?? 5,
    ppcsActivosMinimo: plan?.umbrales?.ppcs_activos_minimo ?? 50,
    pesos: plan?.rubrica?.pesos ?? DEFAULT_PESOS,
    grados: [...(plan?.rubrica?.grados ?? DEFAULT_GRADOS)].sort((a, b) => b.minimo - a.minimo),
    reglas: resolveReglas(plan?.reglas),
  };
}
