// The registry: an explicit list, like markdownlint's lib/rules. Ids are stable and
// never reused; a new rule is one new module plus one line here.
import { PLAN001 } from './PLAN001-yaml-legible.js';
import { PLAN002 } from './PLAN002-esquema.js';
import { PLAN005 } from './PLAN005-nombre-de-archivo.js';
import { PLAN006 } from './PLAN006-archivo-fuera-de-lugar.js';
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [PLAN001, PLAN002, PLAN005, PLAN006];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
