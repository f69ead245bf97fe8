import { Command, CommanderError, Help, Option } from 'commander';
import { createRequire } from 'node:module';
import type { Lang } from '../i18n/text.js';
import { explainCommand } from './explain.js';
import { initCommand } from './init.js';
import { processIo, UsageError, type CliIo } from './io.js';
import { reportCommand } from './report.js';
import { rulesCommand } from './rules.js';
import { schemaCommand } from './schema.js';
import { validateCommand, type GlobalOptions } from './validate.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Uso:',
  'Options:': 'Opciones:',
  'Commands:': 'Comandos:',
  'Arguments:': 'Argumentos:',
  'Global Options:': 'Opciones globales:',
};

// Commander speaks English; every text a user can see is set or translated here.
const COMMANDER_ERRORS: [RegExp, { es: string; en: string }][] = [
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

class SpanishHelp extends Help {
  override styleTitle(title: string): string {
    return TITLES[title] ?? title;
  }

  // Defaults and choices are written into each description in Spanish.
  override optionDescription(option: Option): string {
    return option.description;
  }

  override subcommandTerm(command: Command): string {
    return super.subcommandTerm(command).replace('[options]', '[opciones]');
  }
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('plan');
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  program
    .usage('[opciones] [comando]')
    .description('Valida y reporta el Plan de Mejora municipal: PPCS, metas, indicadores y reportes trimestrales guardados como YAML en git.')
    .addOption(new Option('-C, --directory <carpeta>', 'carpeta del repositorio del plan (por omisión: se busca plan.yaml hacia arriba)'))
    .addOption(new Option('--lang <idioma>', 'idioma de los mensajes: es o en (por omisión: es)').default('es'))
    .option('--debug', 'muestra el detalle técnico de errores internos')
    .version(packageVersion(), '-V, --version', 'muestra la versión de plan')
    .helpOption('-h, --help', 'muestra esta ayuda')
    .helpCommand('help [comando]', 'muestra la ayuda de un comando')
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .hook('preAction', () => {
      const lang = globals().lang;
      if (lang !== 'es' && lang !== 'en') throw new UsageError({ es: '--lang admite «es» o «en»; se recibió «{value}».', en: '--lang accepts "es" or "en"; got "{value}".' }, { value: String(lang) });
    });
  program.createHelp = () => new SpanishHelp();
  program.addCommand(validateCommand(io, globals, setExit));
  program.addCommand(reportCommand(io, globals, setExit));
  program.addCommand(initCommand(io, globals, setExit));
  program.addCommand(rulesCommand(io, globals, setExit));
  program.addCommand(explainCommand(io, globals, setExit));
  program.addCommand(schemaCommand(io, globals, setExit));
  for (const command of program.commands) {
    command.usage(command.usage().replace('[options]', '[opciones]')).helpOption('-h, --help', 'muestra esta ayuda').createHelp = () => new SpanishHelp();
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });
  }
  return program;
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
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  const lang = requestedLang(argv);
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
      io.stderr(`${prefix}${translateCommanderError(error.message, lang)}\n${lang === 'es' ? 'Consulte «plan --help».' : 'See "plan --help".'}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`${prefix}${error.render(lang)}\n`);
      return 2;
    }
    const debug = argv.includes('--debug');
    const detail = error instanceof Error ? (debug ? error.stack : error.message) : String(error);
    io.stderr(
      lang === 'es'
        ? `plan: error interno: ${detail}\nEsto es un defecto de plan, no de sus datos; por favor repórtelo${debug ? '' : ' (con --debug se ve el detalle técnico)'}.\n`
        : `plan: internal error: ${detail}\nThis is a defect in plan, not in your data; please report it${debug ? '' : ' (--debug shows the technical detail)'}.\n`,
    );
    return 2;
  }
}
