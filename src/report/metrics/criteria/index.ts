// The six criteria of the Plan de Mejora, in the seed's order; each one module.
import { calidad } from './calidad.js';
import { consistencia } from './consistencia.js';
import type { Criterion } from './criterion.js';
import { genero } from './genero.js';
import { integracion } from './integracion.js';
import { integralidad } from './integralidad.js';
import { seguimiento } from './seguimiento.js';

export const CRITERIA: readonly Criterion[] = [consistencia, seguimiento, integracion, integralidad, calidad, genero];
