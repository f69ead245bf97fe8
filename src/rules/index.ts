// The registry: an explicit list, like markdownlint's lib/rules. Ids are stable and
// never reused; a new rule is one new module plus one line here.
import { PLAN001 } from './PLAN001-yaml-legible.js';
import { PLAN002 } from './PLAN002-esquema.js';
import { PLAN005 } from './PLAN005-nombre-de-archivo.js';
import { PLAN006 } from './PLAN006-archivo-fuera-de-lugar.js';
import { PLAN030 } from './PLAN030-sin-ppcs-compartido.js';
import { PLAN031 } from './PLAN031-colaboracion-no-reportada.js';
import { PLAN040 } from './PLAN040-beneficiarios-inconsistentes.js';
import { PLAN041 } from './PLAN041-beneficiarios-sin-sexo.js';
import { PLAN042 } from './PLAN042-recomendacion-genero-no-aplicada.js';
import { PLAN050 } from './PLAN050-convocatoria-incumplida.js';
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [PLAN001, PLAN002, PLAN005, PLAN006, PLAN030, PLAN031, PLAN040, PLAN041, PLAN042, PLAN050];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
