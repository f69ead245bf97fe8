// Section builders shared by the quarterly and annual views, one module each; every builder
// returns a finished, ordered table, which the renderers only format. This module: what every
// builder is given (the model, the year and the departments shown).
import type { PlanModel } from '../../../model/model.js';
import type { Column } from '../types.js';

export interface Scope {
  model: PlanModel;
  year: number;
  /** Departments shown, in clave order (one with --dependencia). */
  claves: string[];
}

export const col = (header: string, kind: Column['kind']): Column => ({ header, kind });
