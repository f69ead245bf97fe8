import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/text.js';
import { severitySetting } from '../model/config.js';
import type { Severity, SeveritySetting } from '../model/types.js';
import { readPlanFile } from '../plan-file.js';
import { findPlanRoot } from '../repo/find-root.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { UsageError, type CliIo } from './io.js';
import { MESSAGES } from './validate.js';

export const SEVERITY_LABEL: Record<Lang, Record<SeveritySetting, string>> = {
  es: { error: 'error', warning: 'advertencia', off: 'desactivada' },
  en: { error: 'error', warning: 'warning', off: 'off' },
};

/** What plan.yaml says about rule severities, read leniently: `plan rules` must work on a broken repo. */
export interface SeverityConfig {
  /** Absolute path of the plan.yaml read, if a repo was found. */
  file?: string;
  /** The file exists but is not readable YAML. */
  unreadable?: boolean;
  reglas: ReadonlyMap<string, SeveritySetting>;
}

/**
 * The `reglas` of the repo's plan.yaml, found like `plan validate` finds it (-C, else upward
 * from the working directory). No repo is not an error here: the defaults apply. Entries that
 * are not a known setting are skipped; `plan validate` reports them (PLAN002, PLAN007).
 */
export function readSeverityConfig(io: CliIo, directory: string | undefined): SeverityConfig {
  const start = path.resolve(io.cwd, directory ?? '.');
  if (directory !== undefined && !existsSync(start)) throw new UsageError(MESSAGES.noDir, { dir: directory });
  if (directory !== undefined && !statSync(start).isDirectory()) throw new UsageError(MESSAGES.notDir, { dir: directory });
  const root = findPlanRoot(start);
  if (!root) return { reglas: new Map() };
  const read = readPlanFile(root);
  const { file } = read;
  if (!read.ok) return { file, unreadable: true, reglas: new Map() };
  const reglas = new Map<string, SeveritySetting>();
  const value = read.value;
  const raw = isRecord(value) ? value['reglas'] : undefined;
  if (isRecord(raw)) {
    for (const [id, setting] of Object.entries(raw)) {
      const resolved = severitySetting(setting);
      if (resolved) reglas.set(id, resolved);
    }
  }
  return { file, reglas };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The severity a rule runs with in this repo: fixed rules (PLAN001, PLAN002) ignore plan.yaml. */
export function effectiveSeverity(rule: Rule, config: SeverityConfig): SeveritySetting {
  if (rule.meta.fixedSeverity) return rule.meta.defaultSeverity;
  return config.reglas.get(rule.meta.id) ?? rule.meta.defaultSeverity;
}

export interface RuleRow {
  id: string;
  title: string;
  severity: SeveritySetting;
  defaultSeverity: Severity;
  /** plan.yaml changed this rule's severity. */
  configured: boolean;
  /** The severity cannot be changed in plan.yaml. */
  fixed: boolean;
  criterio: string | null;
}

export function ruleRows(config: SeverityConfig, lang: Lang): RuleRow[] {
  return RULES.map((rule) => {
    const severity = effectiveSeverity(rule, config);
    return {
      id: rule.meta.id,
      title: rule.meta.title[lang],
      severity,
      defaultSeverity: rule.meta.defaultSeverity,
      configured: severity !== rule.meta.defaultSeverity,
      fixed: Boolean(rule.meta.fixedSeverity),
      criterio: rule.meta.criterio ?? null,
    };
  });
}
