import { Command, CommanderError, Option } from 'commander';
import type { Lang, Text } from '../i18n/text.js';
import { packageInfo } from '../io/package-files.js';
import { commandNames, localizeHelp, optionNames, suggestion } from './bilingual.js';
import { explainCommand } from './explain.js';
import { initCommand } from './init.js';
import { processIo, UsageError, type CliIo } from './io.js';
import { reportCommand } from './report.js';
import { rulesCommand } from './rules.js';
import { schemaCommand } from './schema.js';
import { validateCommand, type GlobalOptions } from './validate.js';

// Commander speaks English; every text a user can see is set or translated here.
const COMMANDER_ERRORS: [RegExp, Text][] = [
  [/unknown option '([^']*)'/, { es: 'opción desconocida «$1»', en: "unknown option '$1'" }],
  [/unknown command '([^']*)'/, { es: 'comando desconocido «$1»', en: "unknown command '$1'" }],
  [/missing required argument '([^']*)'/, { es: 'falta el argumento obligatorio «$1»', en: "missing required argument '$1'" }],
  [/option '([^']*)' argument missing/, { es: 'falta el valor de la opción «$1»', en: "option '$1' argument missing" }],
  [/argument '([^']*)' is invalid/, { es: 'el valor «$1» no es válido', en: "value '$1' is invalid" }],
  [/too many arguments/, { es: 'demasiados argumentos', en: 'too many arguments' }],
];

function translateCommanderError(message: string, lang: Lang): string {
  for (const [pattern, text] of COMMANDER_ERRORS) {
    const match = message.match(pattern);
    if (match) return match[0].replace(pattern, text[lang]);
  }
  return message.replace(/^error:\s*/, '');
}

const H = {
  usage: { es: '[opciones] [comando]', en: '[options] [command]' },
  description: {
    es: 'Valida y reporta el Plan de Mejora municipal: PPCS, metas, indicadores y reportes trimestrales guardados como YAML en git.\n\nLa ayuda sale en español; con --lang en, en inglés. Las opciones se aceptan con su nombre en español o en inglés (--trimestre o --quarter); la ayuda de cada comando muestra el nombre en español y dice el otro.',
    en: 'Validates and reports the municipal Plan de Mejora: PPCS, goals, indicators and quarterly reports kept as YAML in git.\n\nHelp is in Spanish by default and in English with --lang en. Options are accepted under their English or Spanish name (--quarter or --trimestre); the help of each command shows the English name and says the other.',
  },
  directory: { es: 'carpeta del repositorio del plan (por omisión: se busca plan.yaml hacia arriba)', en: 'plan repository folder (default: look upward for plan.yaml)' },
  folder: { es: '<carpeta>', en: '<folder>' },
  lang: { es: 'idioma de los mensajes y de la ayuda: es o en (por omisión: es)', en: 'language of messages and help: es or en (default: es)' },
  langValue: { es: '<idioma>', en: '<language>' },
  debug: { es: 'muestra el detalle técnico de errores internos', en: 'show the technical detail of internal errors' },
  version: { es: 'muestra la versión de plan', en: 'show the version of plan' },
  helpCommand: { es: 'help [comando]', en: 'help [command]' },
  helpCommandDescription: { es: 'muestra la ayuda de un comando', en: 'show the help of a command' },
  seeHelp: { es: 'Consulte «{command} --help».', en: 'See "{command} --help".' },
  badLang: { es: '--lang admite «es» o «en»; se recibió «{value}».', en: '--lang accepts "es" or "en"; got "{value}".' },
} as const;

/**
 * The `plan` program with its help in `lang`. `active()` is the command being parsed (the
 * program until a subcommand is dispatched), so a usage error can suggest that command's options.
 */
export function buildProgram(io: CliIo, setExit: (code: number) => void, lang: Lang = 'es'): Command & { active: () => Command } {
  const program = new Command('plan');
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  let active: Command = program;
  program
    .usage(H.usage[lang])
    .description(H.description[lang])
    .addOption(new Option(`-C, --directory ${H.folder[lang]}`, H.directory[lang]))
    .addOption(new Option(`--lang ${H.langValue[lang]}`, H.lang[lang]).default('es'))
    .option('--debug', H.debug[lang])
    .version(packageInfo().version, '-V, --version', H.version[lang])
    .helpCommand(H.helpCommand[lang], H.helpCommandDescription[lang])
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .hook('preSubcommand', (_program, subcommand) => {
      active = subcommand;
    })
    .hook('preAction', () => {
      const value = globals().lang;
      if (value !== 'es' && value !== 'en') throw new UsageError(H.badLang, { value: String(value) });
    });
  localizeHelp(program, lang);
  program.addCommand(validateCommand(io, globals, setExit, lang));
  program.addCommand(reportCommand(io, globals, setExit, lang));
  program.addCommand(initCommand(io, globals, setExit, lang));
  program.addCommand(rulesCommand(io, globals, setExit, lang));
  program.addCommand(explainCommand(io, globals, setExit, lang));
  program.addCommand(schemaCommand(io, globals, setExit, lang));
  for (const command of program.commands) {
    localizeHelp(command, lang).exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });
  }
  return Object.assign(program, { active: () => active });
}

/** What a usage error says after Commander's message: the closest name, then where to look. */
function usageAdvice(error: CommanderError, program: Command & { active: () => Command }, lang: Lang): string {
  const command = program.active();
  const typed = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  let similar = '';
  if (error.code === 'commander.unknownCommand') similar = suggestion(typed, commandNames(program), lang);
  if (error.code === 'commander.unknownOption' && typed.startsWith('--')) similar = suggestion(typed, optionNames(command), lang);
  const name = command === program ? 'plan' : `plan ${command.name()}`;
  return `${similar ? `.${similar}` : ''}\n${H.seeHelp[lang].replace('{command}', name)}`;
}

function requestedLang(argv: readonly string[]): Lang {
  const index = argv.indexOf('--lang');
  const inline = argv.find((a) => a.startsWith('--lang='));
  const value = inline ? inline.slice('--lang='.length) : index >= 0 ? argv[index + 1] : undefined;
  return value === 'en' ? 'en' : 'es';
}

/** Runs the CLI and returns the exit code: 0 clean, 1 findings, 2 usage or configuration error. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const lang = requestedLang(argv);
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    lang,
  );
  const prefix = 'plan: error: ';
  if (argv.length <= 2) {
    // No command: show what there is to do, and tell CI nothing was checked.
    program.outputHelp({ error: true });
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: 'node' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      io.stderr(`${prefix}${translateCommanderError(error.message, lang)}${usageAdvice(error, program, lang)}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`${prefix}${error.render(lang)}\n`);
      return 2;
    }
    const debug = argv.includes('--debug');
    // One line, whatever the error carries: a log or a CI annotation keeps it whole.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ').trim();
    const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
    io.stderr(
      lang === 'es'
        ? `plan: error interno: ${message} — esto es un defecto de plan, no de sus datos; por favor repórtelo${debug ? '' : ' (con --debug se ve el detalle técnico)'}.\n${stack}`
        : `plan: internal error: ${message} — this is a defect in plan, not in your data; please report it${debug ? '' : ' (--debug shows the technical detail)'}.\n${stack}`,
    );
    return 2;
  }
}
