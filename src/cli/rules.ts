import { Command, Option } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/text.js';
import type { Severity, SeveritySetting } from '../model/types.js';
import { decodeYamlBytes } from '../repo/decode.js';
import { findPlanRoot, PLAN_FILE } from '../repo/find-root.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { parseYaml } from '../yaml/parse.js';
import { UsageError, type CliIo } from './io.js';
import { MESSAGES, type GlobalOptions } from './validate.js';

const T = {
  badFormat: { es: '--format espera text o json; se recibió «{value}».', en: '--format expects text or json; got "{value}".' },
  header: { es: ['Regla', 'Severidad', 'Título'], en: ['Rule', 'Severity', 'Title'] },
  configuredNote: { es: '* Severidad cambiada en «reglas» de {file}.', en: '* Severity changed in "reglas" of {file}.' },
  fromRepo: { es: 'Severidades de {file}.', en: 'Severities from {file}.' },
  noRepo: {
    es: 'No se encontró plan.yaml: se muestran las severidades por omisión.',
    en: 'No plan.yaml found: default severities are shown.',
  },
  unreadable: {
    es: '{file} no se pudo leer como YAML: se muestran las severidades por omisión (plan validate dice qué corregir).',
    en: '{file} could not be read as YAML: default severities are shown (plan validate says what to fix).',
  },
  more: { es: 'Detalle de una regla: plan explain PLAN020', en: 'Details of a rule: plan explain PLAN020' },
} as const;

export const SEVERITY_LABEL: Record<Lang, Record<SeveritySetting, string>> = {
  es: { error: 'error', warning: 'advertencia', off: 'desactivada' },
  en: { error: 'error', warning: 'warning', off: 'off' },
};

const SETTINGS: ReadonlySet<string> = new Set<SeveritySetting>(['error', 'warning', 'off']);

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
  const file = path.join(root, PLAN_FILE);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return { file, unreadable: true, reglas: new Map() };
  }
  const decoded = decodeYamlBytes(bytes);
  const parsed = decoded.ok ? parseYaml(decoded.text) : undefined;
  if (!parsed?.ok) return { file, unreadable: true, reglas: new Map() };
  const reglas = new Map<string, SeveritySetting>();
  const value = parsed.parsed.value;
  const raw = isRecord(value) ? value['reglas'] : undefined;
  if (isRecord(raw)) {
    for (const [id, setting] of Object.entries(raw)) {
      if (typeof setting === 'string' && SETTINGS.has(setting)) reglas.set(id, setting as SeveritySetting);
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

/** Plain text columns, padded by characters (not bytes), so «Título» and «desactivada» line up. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length))).join('  '))
    .join('\n');
}

interface RulesOptions {
  format: string;
}

export function rulesCommand(io: CliIo, globals: () => GlobalOptions, _setExit: (code: number) => void): Command {
  return new Command('rules')
    .summary('lista las reglas de validación con su severidad en este repositorio')
    .description(
      'Lista las reglas de validación: su clave, la severidad con que se revisan en este repositorio (error, advertencia o desactivada, según «reglas» de plan.yaml) y su título. Fuera de un repositorio del plan muestra las severidades por omisión.\n\nEl detalle de cada regla (por qué existe, ejemplos y cómo corregirla) se ve con «plan explain PLAN020».',
    )
    .addOption(new Option('-f, --format <formato>', 'formato de salida: text o json (por omisión: text)').default('text'))
    .action((options: RulesOptions) => {
      const { lang, directory } = globals();
      if (options.format !== 'text' && options.format !== 'json') throw new UsageError(T.badFormat, { value: options.format });
      const config = readSeverityConfig(io, directory);
      const rows = ruleRows(config, lang);
      if (options.format === 'json') {
        io.stdout(`${JSON.stringify({ version: 1, config: config.file && !config.unreadable ? config.file : null, rules: rows }, null, 2)}\n`);
        return;
      }
      const table = renderTable([
        T.header[lang],
        ...rows.map((row) => [row.id, `${SEVERITY_LABEL[lang][row.severity]}${row.configured ? '*' : ''}`, row.title]),
      ]);
      const notes: string[] = [];
      const shown = config.file ? path.relative(io.cwd, config.file) || PLAN_FILE : '';
      const file = config.file && !shown.startsWith('..') && !path.isAbsolute(shown) ? shown : (config.file ?? '');
      if (rows.some((row) => row.configured)) notes.push(T.configuredNote[lang].replace('{file}', file));
      if (!config.file) notes.push(T.noRepo[lang]);
      else if (config.unreadable) notes.push(T.unreadable[lang].replace('{file}', file));
      else notes.push(T.fromRepo[lang].replace('{file}', file));
      notes.push(T.more[lang]);
      io.stdout(`${table}\n\n${notes.join('\n')}\n`);
    });
}
