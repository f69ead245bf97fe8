// The command line in the user's language. The program is built knowing the language
// (`--lang`, read from argv before parsing), so help is written in it; every option is
// accepted under both of its names (the card's English one and a Spanish one) whatever the
// language, and help shows the name in the help's language, naming the other after it.
import { Command, Help, Option } from 'commander';
import { closestMatch } from '../i18n/similar.js';
import type { Lang, Text } from '../i18n/text.js';
import { UsageError } from './io.js';

export interface OptionSpec {
  /** Short flag (`-o`): it goes with the name help shows. */
  short?: string;
  /** The card's English name, and the Spanish one when it differs: `{ en: '--quarter', es: '--trimestre' }`. */
  long: string | Text;
  /** Value placeholder, in each language when it is a word: `{ es: '<carpeta>', en: '<folder>' }`. None for a flag. */
  value?: string | Text;
  description: Text;
  defaultValue?: string;
}

const ALSO: Text = { es: 'también', en: 'also' };

const SAME_OPTION: Text = {
  es: '«{alias}» y «{name}» son la misma opción (en español y en inglés); escriba sólo una.',
  en: '"{alias}" and "{name}" are the same option (in Spanish and in English); give only one.',
};

/** A command-line text in the help's language; a plain string is the same in both. */
export function inLang(text: string | Text, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

/**
 * Adds an option under its English name and, when it has one, its Spanish name. Actions read
 * the English attribute (`options.quarter`): a value given under the Spanish name is moved there
 * before the action runs. Help lists only the name in the help's language, with «también
 * --quarter» (or "also --trimestre") at the end of its description.
 */
export function addOption(command: Command, lang: Lang, spec: OptionSpec): Command {
  const names: Text = typeof spec.long === 'string' ? { es: spec.long, en: spec.long } : spec.long;
  const value = spec.value === undefined ? '' : ` ${inLang(spec.value, lang)}`;
  const flags = (name: string, withShort: boolean) => `${withShort && spec.short ? `${spec.short}, ` : ''}${name}${value}`;
  const other: Lang = lang === 'es' ? 'en' : 'es';
  const single = names.es === names.en;
  const description = single ? spec.description[lang] : `${spec.description[lang]}; ${ALSO[lang]} ${names[other]}`;
  const english = new Option(flags(names.en, single || lang === 'en'), description);
  if (spec.defaultValue !== undefined) english.default(spec.defaultValue);
  command.addOption(english);
  if (single) return command;
  const spanish = new Option(flags(names.es, lang === 'es'), description);
  (lang === 'es' ? english : spanish).hideHelp();
  command.addOption(spanish);
  return command.hook('preAction', (self) => {
    const given = self.getOptionValue(spanish.attributeName()) as unknown;
    if (given === undefined) return;
    if (self.getOptionValueSource(english.attributeName()) === 'cli') throw new UsageError(SAME_OPTION, { alias: names.es, name: names.en });
    self.setOptionValueWithSource(english.attributeName(), given, 'cli');
  });
}

const TITLES: Record<string, string> = {
  'Usage:': 'Uso:',
  'Options:': 'Opciones:',
  'Commands:': 'Comandos:',
  'Arguments:': 'Argumentos:',
  'Global Options:': 'Opciones globales:',
};

/** Commander's help with its fixed words in the help's language; descriptions are already in it. */
class LocalizedHelp extends Help {
  constructor(private readonly lang: Lang) {
    super();
  }

  override styleTitle(title: string): string {
    return this.lang === 'es' ? (TITLES[title] ?? title) : title;
  }

  // Defaults and choices are written into each description, in its language.
  override optionDescription(option: Option): string {
    return option.description;
  }

  override subcommandTerm(command: Command): string {
    const term = super.subcommandTerm(command);
    return this.lang === 'es' ? term.replace('[options]', '[opciones]') : term;
  }
}

const HELP_OPTION: Text = { es: 'muestra esta ayuda', en: 'show this help' };

/** Help in `lang` for one command: its titles, usage line and -h option. */
export function localizeHelp(command: Command, lang: Lang): Command {
  if (lang === 'es') command.usage(command.usage().replace('[options]', '[opciones]'));
  command.helpOption('-h, --help', HELP_OPTION[lang]);
  command.createHelp = () => new LocalizedHelp(lang);
  return command;
}

const DID_YOU_MEAN: Text = { es: ' ¿Quiso decir «{name}»?', en: ' Did you mean "{name}"?' };

/**
 * The closest of `names` to what the user typed (a typo, a missing letter), as a sentence to
 * add to the error; empty when nothing is close. On a tie the earlier name wins: callers list
 * the names of the user's language first.
 */
export function suggestion(typed: string, names: readonly string[], lang: Lang): string {
  const bare = (name: string) => name.replace(/^--?/, '').toLowerCase();
  // Two edits even for short names: a swapped pair of letters (`--lnag`) costs two.
  const limit = (length: number) => (length >= 4 ? Math.max(2, Math.floor(length / 3)) : 1);
  const match = closestMatch(bare(typed.split('=')[0]!), names, (name) => [bare(name)], limit);
  return match ? DID_YOU_MEAN[lang].replace('{name}', match) : '';
}

/**
 * The long option names `command` and its ancestors accept: those help shows (the user's
 * language) first, then the other language's.
 */
export function optionNames(command: Command): string[] {
  const options: Option[] = [];
  for (let current: Command | null = command; current; current = current.parent) options.push(...current.options);
  const long = (list: Option[]) => list.flatMap((option) => (option.long ? [option.long] : []));
  return [...long(options.filter((o) => !o.hidden)), ...long(options.filter((o) => o.hidden))];
}

/** The subcommand names of `program`, with the implicit `help`. */
export function commandNames(program: Command): string[] {
  return [...program.commands.map((c) => c.name()), 'help'];
}
