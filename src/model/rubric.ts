// The rubric's grade bands (plan.yaml rubrica.grados, sorted highest first by config.ts):
// one place that says which band a score falls in and which plan type a grade leads to, for
// the annual evaluation and for the rules that check recorded evaluations and plans.
import type { GradoRubrica } from './types.js';

/** The highest band whose minimum the score reaches (bands come sorted, highest first). */
export function gradeFor(score: number, grados: readonly GradoRubrica[]): GradoRubrica {
  return grados.find((g) => score >= g.minimo) ?? grados[grados.length - 1]!;
}

/** The band a recorded grade names, compared as written (the rubric is the office's own words). */
export function bandNamed(grado: string, grados: readonly GradoRubrica[]): GradoRubrica | undefined {
  return grados.find((g) => g.grado === grado);
}
