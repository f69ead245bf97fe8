// The next year's Plan de Mejora as a department can act on it: who answers for each action
// (an area, never a person), by when, what counts as done (a number from this year's
// sub-indicator) and how Planeación checks it, with the action's text framed by the plan type
// the grade leads to. The criterion modules own the action sentence per sub-indicator; this
// module owns what every action adds to it, so each criterion stays in its own file.
import { Trimestre } from '../../model/time.js';
import type { Dependencia, IsoDate, Quarter } from '../../model/types.js';
import type { SubIndicator } from './criteria/criterion.js';

/** The four plan types of the default rubric, from the weakest grade to the strongest. */
export type PlanType = 'Reestructuración' | 'Fortalecimiento' | 'Consolidación' | 'Innovación';

interface TypeFraming {
  /** The sentence added to every action: what this type of plan asks beyond the fix itself. */
  framing: string;
  /** Deadline of an action done once (a carátula, a status): the end of this quarter of the plan's year. */
  quarter: Quarter;
}

// A weaker grade gets an earlier deadline: the department rebuilds first and is checked
// soonest; a strong one has the year to document and share what already works.
const TYPES: Record<PlanType, TypeFraming> = {
  Reestructuración: {
    framing: 'Como plan de Reestructuración: rehacer el procedimiento desde el inicio, con un área responsable designada por escrito y revisión mensual del avance con Planeación.',
    quarter: 'T1',
  },
  Fortalecimiento: {
    framing: 'Como plan de Fortalecimiento: reforzar el procedimiento que ya existe con una lista de verificación que el área revise antes de cada entrega trimestral.',
    quarter: 'T2',
  },
  Consolidación: {
    framing: 'Como plan de Consolidación: dejar la práctica por escrito como procedimiento del área, para que se sostenga aunque cambie el personal.',
    quarter: 'T3',
  },
  Innovación: {
    framing: 'Como plan de Innovación: proponer una mejora al procedimiento y compartir la práctica con otras dependencias en una sesión convocada por Planeación.',
    quarter: 'T4',
  },
};

/** A plan type of the rubric's own naming (plan.yaml may call them otherwise) gets no framing and the mid-year deadline. */
const OTHER_TYPE_QUARTER: Quarter = 'T2';

export function isPlanType(tipo: string): tipo is PlanType {
  return Object.hasOwn(TYPES, tipo);
}

/** The criterion's action sentence followed by what the plan type asks. */
export function framedAction(tipo: string, accion: string): string {
  return isPlanType(tipo) ? `${accion} ${TYPES[tipo].framing}` : accion;
}

/**
 * The deadline of an action in `planYear`. An action measured on every quarterly report
 * (deliveries, coverage, data by sex) is met only when the year's last report is in: its
 * deadline is the year's end whatever the type. One done once takes the type's quarter.
 */
export function plazoFor(tipo: string, recurring: boolean, planYear: number): IsoDate {
  const quarter: Quarter = recurring ? 'T4' : isPlanType(tipo) ? TYPES[tipo].quarter : OTHER_TYPE_QUARTER;
  return Trimestre.of(planYear, quarter).lastDay;
}

/** The area in charge: the liaison's post when dependencia.yaml gives it, else the head's office. */
export function responsableOf(department: Dependencia): string {
  const cargo = department.enlace.cargo?.trim();
  if (cargo) return cargo;
  const named = `Titular de la dependencia (${department.nombre})`;
  // The plan's schema allows 200 characters for the area.
  return named.length <= 200 ? named : 'Titular de la dependencia';
}

export interface ActionTarget {
  /** Measured on every quarterly report of the year (so due at year end) rather than done once. */
  recurring: boolean;
  meta: string;
  medio_verificacion: string;
}

interface TargetSpec {
  recurring: boolean;
  /** The target for the plan's year; `den` is this year's denominator. */
  meta: (den: number, planYear: number) => string;
  medio: (clave: string, planYear: number) => string;
}

const TARGETS: Record<string, TargetSpec> = {
  caratulas_completas: {
    recurring: false,
    meta: (den) => `${den} de ${den} carátulas completas (Anexo 1 y 2)`,
    medio: (clave) => `Carátulas en dependencias/${clave}/ppcs/ sin hallazgos PLAN010 en «plan validate»`,
  },
  programacion_congruente: {
    recurring: false,
    meta: (den) => `${den} de ${den} metas con programación trimestral congruente con su meta anual`,
    medio: (clave) => `Carátulas en dependencias/${clave}/ppcs/ sin hallazgos PLAN011 en «plan validate»`,
  },
  ppcs_activos: {
    recurring: false,
    meta: (den) => `${den} de ${den} PPCS activos o concluidos, con su estatus informado en cada reporte`,
    medio: () => 'Estatus de cada PPCS en su carátula y en los reportes trimestrales',
  },
  reportes_entregados: {
    recurring: true,
    meta: (_den, y) => `4 de 4 reportes trimestrales de ${y} entregados`,
    medio: (clave, y) => `Reportes ${y}-T1 a ${y}-T4 en dependencias/${clave}/reportes/ (sin hallazgos PLAN022)`,
  },
  reportes_a_tiempo: {
    recurring: true,
    meta: (_den, y) => `4 de 4 reportes trimestrales de ${y} entregados dentro de su ventana`,
    medio: (_clave, y) => `Fecha de entrega de cada reporte de ${y} frente a la ventana del calendario de plan.yaml (sin hallazgos PLAN021)`,
  },
  avances_alineados: {
    recurring: true,
    meta: (_den, y) => `Todos los avances de ${y} en la unidad de medida validada de su meta`,
    medio: (_clave, y) => `Reportes trimestrales de ${y} sin hallazgos PLAN020`,
  },
  reportes_completos: {
    recurring: true,
    meta: (_den, y) => `4 de 4 reportes de ${y} con todos los PPCS activos, su estatus y el avance de cada meta programada`,
    medio: (_clave, y) => `Reportes trimestrales de ${y} sin hallazgos PLAN023`,
  },
  observaciones_atendidas: {
    recurring: true,
    meta: () => 'Todas las observaciones de Planeación atendidas y citadas en el reporte siguiente',
    medio: () => 'Formatos de retroalimentación de planeacion/retroalimentacion/ y «observaciones_atendidas» de los reportes (sin hallazgos PLAN025)',
  },
  asistencia: {
    recurring: true,
    meta: (_den, y) => `Asistencia a todas las convocatorias de ${y}`,
    medio: (_clave, y) => `Asistentes registrados en planeacion/convocatorias/${y}.yaml`,
  },
  entregas_a_tiempo: {
    recurring: true,
    meta: (_den, y) => `Toda la información solicitada en las convocatorias de ${y} entregada antes de su fecha límite`,
    medio: (_clave, y) => `Entregas registradas en planeacion/convocatorias/${y}.yaml (sin hallazgos PLAN050)`,
  },
  participacion_compartida: {
    recurring: false,
    meta: (den) => `${den} de ${den} PPCS con participación de otra dependencia (propios o de otras dependencias)`,
    medio: () => 'Actividades con «participantes» de otras dependencias en las carátulas, o «colaboraciones» que nombren a la dependencia en los reportes',
  },
  colaboraciones_reportadas: {
    recurring: true,
    meta: (_den, y) => `Todas las entradas de PPCS compartidos de ${y} con sus «colaboraciones»`,
    medio: (_clave, y) => `«colaboraciones» de los reportes trimestrales de ${y} (sin hallazgos PLAN031)`,
  },
  metas_en_verde: {
    recurring: true,
    meta: (den, y) => `${den} de ${den} metas en verde al cierre de ${y}`,
    medio: (_clave, y) => `Semáforo acumulado de las metas en el resumen trimestral ${y}-T4`,
  },
  cobertura: {
    recurring: true,
    meta: (den, y) => `${den} de ${den} PPCS con población objetivo que alcanzan la cobertura mínima de plan.yaml en ${y}`,
    medio: (clave) => `Beneficiarios de los reportes trimestrales frente a la población objetivo de las carátulas de dependencias/${clave}/ppcs/`,
  },
  variaciones_justificadas: {
    recurring: true,
    meta: (_den, y) => `Toda meta en amarillo o rojo de ${y} con su variación justificada y su evidencia`,
    medio: (_clave, y) => `«justificacion_variacion» y evidencias de los reportes de ${y} (sin hallazgos PLAN026)`,
  },
  recomendaciones_aplicadas: {
    recurring: false,
    meta: (den) => `${den} de ${den} recomendaciones de perspectiva de género aplicadas e informadas`,
    medio: () => 'Recomendaciones de planeacion/genero/ y su aplicación informada en los reportes (sin hallazgos PLAN042)',
  },
  datos_por_sexo: {
    recurring: true,
    meta: (_den, y) => `Todas las entradas de ${y} de PPCS con perspectiva de género con beneficiarios desagregados por sexo`,
    medio: (_clave, y) => `Beneficiarios por sexo en los reportes trimestrales de ${y} (sin hallazgos PLAN041)`,
  },
  acciones_plan: {
    recurring: true,
    // The pending actions are the evaluated year's; this action of next year's plan reports on them.
    meta: (_den, y) => `Todas las acciones del Plan de Mejora ${y - 1} de este criterio cumplidas`,
    medio: (_clave, y) => `Estatus de esta acción, con la evidencia de cada acción concluida, en «plan_de_mejora» de los reportes trimestrales de ${y}`,
  },
};

/** A sub-indicator this module does not know yet still gets a target: all of its denominator. */
const FALLBACK: TargetSpec = {
  recurring: true,
  meta: (den) => `${den} de ${den}`,
  medio: (_clave, y) => `Reportes trimestrales de ${y} y registros de Planeación`,
};

/**
 * The action's own target and means of verification. The target always closes with this
 * year's figure, so the department sees how far it has to go: «4 de 4 reportes … (en 2019: 1 de 4)».
 */
export function actionTarget(sub: SubIndicator, clave: string, year: number): ActionTarget {
  const spec = TARGETS[sub.id] ?? FALLBACK;
  const meta = spec === FALLBACK ? `${sub.nombre}: ${spec.meta(sub.denominador, year + 1)}` : spec.meta(sub.denominador, year + 1);
  return {
    recurring: spec.recurring,
    meta: `${meta} (en ${year}: ${sub.numerador} de ${sub.denominador})`,
    medio_verificacion: spec.medio(clave, year + 1),
  };
}

/** The target of the one action kept by a department with no shortfall: its practice, written and shared. */
export function practiceTarget(criterionName: string, planYear: number): Omit<ActionTarget, 'recurring'> {
  return {
    meta: `1 documento con las prácticas de ${criterionName.toLowerCase()} presentado a otras dependencias en ${planYear}`,
    medio_verificacion: 'Documento de la práctica y minuta de la sesión en que se presentó, entregados a Planeación',
  };
}
