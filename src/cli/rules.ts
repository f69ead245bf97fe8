import { Command } from 'commander';
import path from 'node:path';
import { PLAN_FILE } from '../repo/find-root.js';
import type { Lang } from '../i18n/text.js';
import { addOption } from './bilingual.js';
import { UsageError, type CliIo } from './io.js';
import { renderTable } from './table.js';
import type { GlobalOptions } from './validate.js';

const TEXT = {
  badFormat: { es: '--formato (o --format) espera text o json; se recibió «{value}».', en: '--format (or --formato) expects text or json; got "{value}".' },
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

interface RulesOptions {
  format: string;
}

const H = {
  summary: { es: 'lista las reglas de validación con su severidad en este repositorio', en: 'list the validation rules with their severity in this repository' },
  description: {
    es: 'Lista las reglas de validación: su clave, la severidad con que se revisan en este repositorio (error, advertencia o desactivada, según «reglas» de plan.yaml) y su título. Fuera de un repositorio del plan muestra las severidades por omisión.\n\nEl detalle de cada regla (por qué existe, ejemplos y cómo corregirla) se ve con «plan explain PLAN020».',
    en: 'Lists the validation rules: their id, the severity they run with in this repository (error, warning or off, from «reglas» in plan.yaml) and their title. Outside a plan repository it shows the default severities.\n\nThe details of a rule (why it exists, examples and how to fix it) are shown by "plan explain PLAN020".',
  },
  format: { es: 'formato de salida: text o json (por omisión: text)', en: 'output format: text or json (default: text)' },
} as const;

export function rulesCommand(io: CliIo, globals: () => GlobalOptions, _setExit: (code: number) => void, lang: Lang = 'es'): Command {
  const command = new Command('rules').summary(H.summary[lang]).description(H.description[lang]);
  addOption(command, lang, { short: '-f', long: { en: '--format', es: '--formato' }, value: { en: '<format>', es: '<formato>' }, description: H.format, defaultValue: 'text' });
  return command
    .action(async (options: RulesOptions) => {
      const { directory } = globals();
      if (options.format !== 'text' && options.format !== 'json') throw new UsageError(TEXT.badFormat, { value: options.format });
      // The rule catalog loads only when asked for: `plan --help` stays fast.
      const { readSeverityConfig, ruleRows, SEVERITY_LABEL } = await import('./rule-table.js');
      const config = readSeverityConfig(io, directory);
      const rows = ruleRows(config, lang);
      if (options.format === 'json') {
        io.stdout(`${JSON.stringify({ version: 1, config: config.file && !config.unreadable ? config.file : null, rules: rows }, null, 2)}\n`);
        return;
      }
      const table = renderTable([
        TEXT.header[lang],
        ...rows.map((row) => [row.id, `${SEVERITY_LABEL[lang][row.severity]}${row.configured ? '*' : ''}`, row.title]),
      ]);
      const notes: string[] = [];
      const shown = config.file ? path.relative(io.cwd, config.file) || PLAN_FILE : '';
      const file = config.file && !shown.startsWith('..') && !path.isAbsolute(shown) ? shown : (config.file ?? '');
      if (rows.some((row) => row.configured)) notes.push(TEXT.configuredNote[lang].replace('{file}', file));
      if (!config.file) notes.push(TEXT.noRepo[lang]);
      else if (config.unreadable) notes.push(TEXT.unreadable[lang].replace('{file}', file));
      else notes.push(TEXT.fromRepo[lang].replace('{file}', file));
      notes.push(TEXT.more[lang]);
      io.stdout(`${table}\n\n${notes.join('\n')}\n`);
    });
}
