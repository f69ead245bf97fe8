import type { SourceDoc } from '../model/model.js';
import { defineRule } from './rule.js';

/**
 * The scale every number of the plan data keeps. Reports divide by programmed goals and
 * target populations and add up whole years: a non-zero value under a millionth (1e-320
 * programmed for a quarter) made a cumplimiento of Infinity, and values past a trillion
 * add up past what a double holds exactly. Validate refuses them, so no report meets them.
 */
export const SMALLEST_NON_ZERO = 1e-6;
export const LARGEST = 1e12;

const SCALE_HINT_ES = 'Escriba la cantidad real en la unidad del indicador: 0 si no hay nada, o un valor entre 0.000001 y 1,000,000,000,000 (o el mismo intervalo bajo cero).';
const SCALE_HINT_EN = 'Write the actual amount in the indicator\'s unit: 0 if there is nothing, or a value between 0.000001 and 1,000,000,000,000 (or the same range below zero).';

export const PLAN009 = defineRule({
  meta: {
    id: 'PLAN009',
    title: { es: 'Número fuera de la escala que los reportes pueden calcular', en: 'Number outside the scale reports can compute' },
    rationale:
      'El Plan de Mejora pide carátulas «donde se describan las metas y los indicadores de medición de forma clara», y reportes «donde se manifieste el avance de las metas planteadas en las caratulas de proyecto». Los reportes dividen entre lo programado y entre la población objetivo, y suman los trimestres de todo el año: un número distinto de cero más pequeño que una millonésima (por ejemplo 1e-320 programado en un trimestre) da un cumplimiento infinito, y uno mayor que un billón deja de sumarse con exactitud. Ninguna cantidad de un plan municipal necesita esos valores; casi siempre son un error de captura (un exponente, una coma de más), y un reporte que muestra un porcentaje infinito no se puede entregar. Por eso no se puede cambiar su severidad: con estos valores no se genera ningún reporte.',
    defaultSeverity: 'error',
    scope: 'department',
    fixedSeverity: true,
    hint: { es: SCALE_HINT_ES, en: SCALE_HINT_EN },
    messages: {
      pequeno: {
        es: 'El número {valor} en «{campo}» es demasiado pequeño: distinto de cero, un valor debe ser de al menos 0.000001; con menos, el cumplimiento o el porcentaje que se divide entre él no tiene un resultado finito.',
        en: 'The number {valor} in "{campo}" is too small: other than zero, a value must be at least 0.000001; below that, the compliance or percentage divided by it has no finite result.',
      },
      grande: {
        es: 'El número {valor} en «{campo}» es demasiado grande: el máximo es 1,000,000,000,000 (un billón); con más, las sumas y los porcentajes de los reportes dejan de ser exactos.',
        en: 'The number {valor} in "{campo}" is too large: the maximum is 1,000,000,000,000 (a trillion); beyond it, the reports\' sums and percentages are no longer exact.',
      },
    },
    examples: {
      file: 'dependencias/OP/ppcs/OP-01.yaml',
      invalid: 'metas:\n  - id: M1\n    programacion:\n      T1: 2000\n      T2: 3500\n      T3: 1e-320   # un exponente capturado por error\n      T4: 2500\n',
      valid: 'metas:\n  - id: M1\n    programacion:\n      T1: 2000\n      T2: 3500\n      T3: 4000\n      T4: 2500\n',
    },
  },
  check(model, report) {
    const docs: SourceDoc<unknown>[] = [
      ...(model.plan ? [model.plan] : []),
      ...(model.unidades ? [model.unidades] : []),
      ...model.dependencias,
      ...model.ppcs,
      ...model.reportes,
      ...model.retroalimentacion,
      ...model.convocatorias,
      ...model.genero,
      ...(model.excepciones ? [model.excepciones] : []),
    ];
    for (const doc of docs) {
      outOfScale(doc.data, (value, path) => {
        const magnitude = Math.abs(value);
        const messageId = magnitude > LARGEST ? 'grande' : 'pequeno';
        report({ messageId, file: doc.file, path, data: { valor: String(value), campo: fieldName(path) } });
      });
    }
  },
});

/** Whether a number is off the scale: above LARGEST, or non-zero under SMALLEST_NON_ZERO in magnitude (NaN is neither). */
function offScale(value: number): boolean {
  const magnitude = Math.abs(value);
  return magnitude > LARGEST || (magnitude !== 0 && magnitude < SMALLEST_NON_ZERO);
}

/** A container being walked: its keys (undefined for an array) and the next child to visit. */
interface Frame {
  value: object;
  keys: string[] | undefined;
  next: number;
}

/**
 * Calls `found` with each number of a parsed document that is off the scale, with its
 * path, in document order (depth first, each container's children in order). A stack, not
 * recursion, so nesting depth costs no call frames; the path is one array kept in step
 * with the stack and copied only for a finding, since nearly every number is in scale.
 */
function outOfScale(data: unknown, found: (value: number, path: (string | number)[]) => void): void {
  if (typeof data === 'number') {
    if (offScale(data)) found(data, []);
    return;
  }
  if (data === null || typeof data !== 'object') return;
  const path: (string | number)[] = [];
  const stack: Frame[] = [{ value: data, keys: Array.isArray(data) ? undefined : Object.keys(data), next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { keys } = frame;
    const length = keys === undefined ? (frame.value as unknown[]).length : keys.length;
    if (frame.next >= length) {
      stack.pop();
      path.pop();
      continue;
    }
    const index = frame.next++;
    const key = keys === undefined ? index : keys[index]!;
    const child = (frame.value as Record<string | number, unknown>)[key];
    if (typeof child === 'number') {
      if (offScale(child)) found(child, [...path, key]);
    } else if (child !== null && typeof child === 'object') {
      path.push(key);
      stack.push({ value: child, keys: Array.isArray(child) ? undefined : Object.keys(child), next: 0 });
    }
  }
}

/** `metas.programacion.T3`: the keys a user reads in the file; list positions are in the line and column. */
function fieldName(path: readonly (string | number)[]): string {
  return path.filter((key) => typeof key === 'string').join('.');
}
