// ajv errors → one Spanish sentence per real problem, pointing at the key or value.
import type { ErrorObject } from 'ajv';
import type { PathSegment } from '../yaml/path.js';
import { oddCharactersText } from '../i18n/characters.js';
import { closestMatch } from '../i18n/similar.js';
import { fill, listOf, quote, type Lang } from '../i18n/text.js';
import { quoteYaml } from '../yaml/problems.js';
import { DocumentOrder } from './order.js';

export interface SchemaProblem {
  path: PathSegment[];
  atKey: boolean;
  message: string;
  hint?: string;
}

const typeNames: Record<string, { es: string; en: string }> = {
  string: { es: 'un texto', en: 'a text' },
  number: { es: 'un número', en: 'a number' },
  integer: { es: 'un número entero', en: 'a whole number' },
  boolean: { es: 'verdadero o falso (true/false)', en: 'true or false' },
  object: { es: 'una sección con campos (clave: valor)', en: 'a section of key: value fields' },
  array: { es: 'una lista (elementos con «- »)', en: 'a list (items starting with "- ")' },
  null: { es: 'vacío', en: 'empty' },
};

/** Fields of the 0.2 dependencia.yaml that carried a year in their name, and where they live now. */
const LEGACY_YEAR_FIELDS: Record<string, string> = { autoevaluacion_2018: 'evaluaciones', plan_de_mejora: 'planes_de_mejora' };

const TEXT = {
  required: { es: 'Falta el campo obligatorio «{field}»{title}.', en: 'Missing required field "{field}"{title}.' },
  requiredHint: { es: 'Agregue «{field}:» en esta sección.', en: 'Add "{field}:" to this section.' },
  additional: { es: 'El campo «{field}» no existe en este tipo de archivo.', en: 'Field "{field}" does not exist in this kind of file.' },
  additionalHintSimilar: { es: '¿Quiso decir «{similar}»?', en: 'Did you mean "{similar}"?' },
  additionalHint: { es: 'Campos permitidos aquí: {allowed}.', en: 'Fields allowed here: {allowed}.' },
  ruleKey: { es: 'Aquí cada clave es una regla: «PLAN» y tres cifras, por ejemplo «PLAN021:»; «plan rules» las lista.', en: 'Each key here is a rule: "PLAN" and three digits, for example "PLAN021:"; "plan rules" lists them.' },
  noFieldsHere: { es: 'Esta sección no admite ese campo: revise la sangría, quizá pertenece a la sección de arriba.', en: 'This section does not take that field: check the indentation, it may belong to the section above.' },
  yearKey: { es: 'Aquí cada clave es un año de cuatro cifras (por ejemplo «2019:»); se encontró «{field}».', en: 'Each key here is a four-digit year (for example "2019:"); found "{field}".' },
  legacyYearField: {
    es: 'Desde la versión 0.3 el año no va en el nombre del campo: mueva este bloque a «{target}:» con el año como clave (el README, «Migrar un dependencia.yaml anterior», lo muestra).',
    en: 'Since version 0.3 the year is not part of a field name: move this block under "{target}:" keyed by year (see the README, «Migrar un dependencia.yaml anterior»).',
  },
  yearKeyHint: { es: 'Escriba el año del ejercicio como clave, por ejemplo «2019:».', en: 'Write the fiscal year as the key, for example "2019:".' },
  type: { es: '{what} debe ser {type}; se encontró {value}.', en: '{what} must be {type}; found {value}.' },
  enum: { es: '{what} tiene el valor {value}, que no está permitido.', en: '{what} has the value {value}, which is not allowed.' },
  enumHint: { es: 'Valores permitidos: {allowed}.', en: 'Allowed values: {allowed}.' },
  pattern: { es: '{what} tiene el valor {value}, que no tiene el formato esperado.', en: '{what} has the value {value}, which does not have the expected format.' },
  patternHint: { es: 'Ejemplo de un valor correcto: {example}.', en: 'Example of a valid value: {example}.' },
  date: { es: '{what} tiene el valor {value}, que no es una fecha válida.', en: '{what} has the value {value}, which is not a valid date.' },
  dateHint: { es: 'Escriba la fecha como AAAA-MM-DD, por ejemplo 2019-06-27.', en: 'Write the date as YYYY-MM-DD, e.g. 2019-06-27.' },
  minimum: { es: '{what} debe ser al menos {limit}; se encontró {value}.', en: '{what} must be at least {limit}; found {value}.' },
  maximum: { es: '{what} debe ser como máximo {limit}; se encontró {value}.', en: '{what} must be at most {limit}; found {value}.' },
  minLength: { es: '{what} no puede estar vacío.', en: '{what} cannot be empty.' },
  minLengthN: { es: '{what} es demasiado corto ({length} caracteres; mínimo {limit}).', en: '{what} is too short ({length} characters; at least {limit}).' },
  maxLength: { es: '{what} es demasiado largo ({length} caracteres; máximo {limit}).', en: '{what} is too long ({length} characters; at most {limit}).' },
  minItems: { es: '{what} debe tener al menos {limit} elemento(s).', en: '{what} must have at least {limit} item(s).' },
  maxItems: { es: '{what} tiene demasiados elementos ({length}; máximo {limit}).', en: '{what} has too many items ({length}; at most {limit}).' },
  uniqueItems: { es: '{what} repite el valor {value}.', en: '{what} repeats the value {value}.' },
  uniqueHint: { es: 'Deje cada valor una sola vez.', en: 'List each value only once.' },
  oneOf: { es: '{what} no coincide con ninguna de las formas permitidas.', en: '{what} matches none of the allowed shapes.' },
  generic: { es: '{what} no es válido: {detail}.', en: '{what} is not valid: {detail}.' },
  numberWithout: { es: 'Escriba {number} sin {marks}.', en: 'Write {number} without {marks}.' },
  numberDecimal: { es: 'Escriba {number}, con punto decimal.', en: 'Write {number}, with a decimal point.' },
  numberDecimalWithout: { es: 'Escriba {number}, con punto decimal y sin {marks}.', en: 'Write {number}, with a decimal point and without {marks}.' },
  textWithColon: { es: 'Si el texto contiene «: », escríbalo entre comillas: {example}', en: 'If the text contains ": ", put it in quotes: {example}' },
  moreProblems: {
    es: '… y {count} problemas de estructura más en este archivo (se muestran los primeros {limit}); corrija los anteriores y vuelva a validar.',
    en: '… and {count} more structure problems in this file (the first {limit} are shown); fix the ones above and validate again.',
  },
  moreProblem: {
    es: '… y 1 problema de estructura más en este archivo (se muestran los primeros {limit}); corrija los anteriores y vuelva a validar.',
    en: '… and 1 more structure problem in this file (the first {limit} are shown); fix the ones above and validate again.',
  },
  wholeFile: { es: 'El archivo', en: 'The file' },
  field: { es: 'El campo «{field}»', en: 'Field "{field}"' },
  item: { es: 'El elemento {index} de «{field}»', en: 'Item {index} of "{field}"' },
} as const;

export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function describe(path: PathSegment[], lang: Lang): string {
  const last = path[path.length - 1];
  if (last === undefined) return TEXT.wholeFile[lang];
  if (typeof last === 'number') {
    const field = [...path].reverse().find((s) => typeof s === 'string') ?? '';
    return fill(TEXT.item[lang], { index: last + 1, field: String(field) });
  }
  return fill(TEXT.field[lang], { field: last });
}

function typeName(type: unknown, lang: Lang): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => typeNames[String(t)]?.[lang] ?? String(t)).join(lang === 'es' ? ' o ' : ' or ');
}

function foundValue(value: unknown, lang: Lang): string {
  if (value === null) return lang === 'es' ? 'un valor vacío' : 'an empty value';
  if (Array.isArray(value)) return typeNames.array![lang];
  if (typeof value === 'object') return typeNames.object![lang];
  return quote(value);
}

/**
 * Schema problems explained per file, at most this many; the rest are one «… y N problemas
 * más» finding. A real file with a systematic slip (a list written with the wrong indentation,
 * a renamed field in every PPCS of a large report) gives tens of problems, and all of them
 * help; past a hundred the same mistake is repeating, a hundred lines are what a terminal or
 * a pull-request comment can still be read through, and explaining and placing them costs
 * milliseconds. A hostile file under the size cap gives close to a million ajv errors.
 */
export const SCHEMA_PROBLEMS_PER_FILE = 100;

export interface ExplainLimit {
  /** Problems explained at most; the rest are counted, not explained nor placed. */
  limit: number;
  /** The parsed file the errors are about, to keep the first problems in document order. */
  value: unknown;
}

export function explainSchemaErrors(errors: readonly ErrorObject[], lang: Lang, cap?: ExplainLimit): SchemaProblem[] {
  // Alternatives (oneOf/anyOf) explain themselves through one summary message; the
  // per-branch errors under them are noise for someone editing YAML. (A schema location
  // repeats for every list item: the distinct ones are few.)
  const alternativePaths = [...new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.schemaPath))];
  const kept = errors.filter(
    (e) => e.keyword === 'oneOf' || e.keyword === 'anyOf' || !alternativePaths.some((p) => e.schemaPath.startsWith(`${p}/`)),
  );
  // `if`/`then` only says a branch failed; the branch's own error says why.
  // A misspelled required key fails twice (unknown key, missing key): the typo's
  // suggestion already names the missing key, so the second message is noise.
  const suggested = new Set(
    kept
      .filter((e) => e.keyword === 'additionalProperties')
      .map((e) => `${e.instancePath}|${closest(String(e.params.additionalProperty), Object.keys(((e.parentSchema ?? {}) as { properties?: object }).properties ?? {}))}`),
  );
  const meaningful = kept.filter((e) => e.keyword !== 'if' && !(e.keyword === 'required' && suggested.has(`${e.instancePath}|${String(e.params.missingProperty)}`)));
  if (!cap || meaningful.length <= cap.limit) return explainAll(meaningful, lang);
  return explainFirst(meaningful, lang, cap);
}

function explainAll(errors: readonly ErrorObject[], lang: Lang): SchemaProblem[] {
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    const problem = explainOne(error, lang);
    const key = `${problem.path.join('/')}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/**
 * The first `limit` problems in document order, explained, and one finding counting the
 * others at the first omitted one. Only ordering keys and a cheap signature are computed for
 * the omitted errors: no message, no hint, no position.
 */
function explainFirst(errors: readonly ErrorObject[], lang: Lang, { limit, value }: ExplainLimit): SchemaProblem[] {
  const order = new DocumentOrder(value);
  const keys = errors.map((error) => order.keyOfPointer(error.instancePath, belowPointer(error)));
  // Stable: errors about the same place keep ajv's order, and sit together.
  const sorted = errors.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));

  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  let omitted = 0;
  let firstOmitted: ErrorObject | undefined;
  // Errors about the same place are the only possible duplicates of each other: signatures
  // are remembered for one place at a time.
  let place: string | undefined;
  const signatures = new Set<string>();
  for (const i of sorted) {
    const error = errors[i]!;
    if (keys[i] !== place) {
      place = keys[i];
      signatures.clear();
    }
    const signature = signatureOf(error);
    if (problems.length < limit) {
      const problem = explainOne(error, lang);
      const key = `${problem.path.join('/')}|${problem.message}`;
      signatures.add(signature);
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
      continue;
    }
    if (signatures.has(signature)) continue;
    signatures.add(signature);
    omitted++;
    firstOmitted ??= error;
  }
  if (!firstOmitted) return problems;
  const at = explainOne(firstOmitted, lang);
  const text = omitted === 1 ? TEXT.moreProblem[lang] : TEXT.moreProblems[lang];
  problems.push({ path: at.path, atKey: at.atKey, message: fill(text, { count: omitted, limit }) });
  return problems;
}

/** Where explainOne places an error's problem below its instancePath: the unknown field's key, the repeated item. */
function belowPointer(error: ErrorObject): PathSegment | undefined {
  if (error.keyword === 'additionalProperties') return String(error.params.additionalProperty);
  if (error.keyword === 'uniqueItems') return Math.max(Number(error.params.i), Number(error.params.j));
  return undefined;
}

/**
 * Two errors about one place with the same signature give the same message in explainOne
 * (the place and what is wrong with it), without building the message.
 */
function signatureOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `required|${String(params.missingProperty)}`;
    case 'type':
      return `type|${String(params.type)}`;
    case 'enum':
    case 'const':
      return 'enum';
    case 'minimum':
    case 'exclusiveMinimum':
      return `minimum|${String(params.limit)}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `maximum|${String(params.limit)}`;
    case 'oneOf':
    case 'anyOf':
      return 'oneOf';
    case 'additionalProperties':
    case 'uniqueItems':
    case 'pattern':
    case 'format':
      return error.keyword;
    default:
      return `${error.keyword}|${JSON.stringify(params)}`;
  }
}

function explainOne(error: ErrorObject, lang: Lang): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const what = describe(path, lang);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const value = error.data;
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      const props = (parent.properties ?? {}) as Record<string, { title?: string }>;
      const title = props[field]?.title;
      return {
        path,
        atKey: false,
        message: fill(TEXT.required[lang], { field, title: title ? ` (${title})` : '' }),
        hint: fill(TEXT.requiredHint[lang], { field }),
      };
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      // Sections keyed by year (evaluaciones, planes_de_mejora) have no fixed fields to list.
      if (Object.keys((parent.patternProperties ?? {}) as object).some((pattern) => pattern.startsWith('^20'))) {
        return { path: [...path, field], atKey: true, message: withOddCharacters(fill(TEXT.yearKey[lang], { field }), field, lang), hint: TEXT.yearKeyHint[lang] };
      }
      const legacy = LEGACY_YEAR_FIELDS[field];
      if (legacy) return { path: [...path, field], atKey: true, message: fill(TEXT.additional[lang], { field }), hint: fill(TEXT.legacyYearField[lang], { target: legacy }) };
      const allowed = Object.keys((parent.properties ?? {}) as object);
      const similar = closest(field, allowed);
      return {
        path: [...path, field],
        atKey: true,
        message: withOddCharacters(fill(TEXT.additional[lang], { field }), field, lang),
        hint: similar ? fill(TEXT.additionalHintSimilar[lang], { similar }) : allowedHint(allowed, parent, field, lang),
      };
    }
    case 'type': {
      const hint = typeHint(params.type, value, path, lang);
      return { path, atKey: false, message: fill(TEXT.type[lang], { what, type: typeName(params.type, lang), value: foundValue(value, lang) }), ...(hint ? { hint } : {}) };
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      return {
        path,
        atKey: false,
        message: withOddCharacters(fill(TEXT.enum[lang], { what, value: foundValue(value, lang) }), value, lang),
        hint: fill(TEXT.enumHint[lang], { allowed: listOf(allowed, lang) }),
      };
    }
    case 'pattern': {
      const examples = parent.examples as unknown[] | undefined;
      return {
        path,
        atKey: false,
        message: withOddCharacters(fill(TEXT.pattern[lang], { what, value: foundValue(value, lang) }), value, lang),
        ...(examples?.length ? { hint: fill(TEXT.patternHint[lang], { example: quote(examples[0]) }) } : {}),
      };
    }
    case 'format':
      return { path, atKey: false, message: withOddCharacters(fill(TEXT.date[lang], { what, value: foundValue(value, lang) }), value, lang), hint: TEXT.dateHint[lang] };
    case 'minimum':
    case 'exclusiveMinimum':
      return { path, atKey: false, message: fill(TEXT.minimum[lang], { what, limit: String(params.limit), value: foundValue(value, lang) }) };
    case 'maximum':
    case 'exclusiveMaximum':
      return { path, atKey: false, message: fill(TEXT.maximum[lang], { what, limit: String(params.limit), value: foundValue(value, lang) }) };
    case 'minLength': {
      const limit = Number(params.limit);
      const length = typeof value === 'string' ? value.length : 0;
      if (limit <= 1 || length === 0) return { path, atKey: false, message: fill(TEXT.minLength[lang], { what }) };
      return { path, atKey: false, message: fill(TEXT.minLengthN[lang], { what, limit: String(limit), length: String(length) }) };
    }
    case 'maxLength':
      return { path, atKey: false, message: fill(TEXT.maxLength[lang], { what, limit: String(params.limit), length: String((value as string).length) }) };
    case 'minItems':
      return { path, atKey: false, message: fill(TEXT.minItems[lang], { what, limit: String(params.limit) }) };
    case 'maxItems':
      return { path, atKey: false, message: fill(TEXT.maxItems[lang], { what, limit: String(params.limit), length: String((value as unknown[]).length) }) };
    case 'uniqueItems': {
      const list = value as unknown[];
      // ajv names the pair in either order depending on the item type: the repeat is the later one.
      const index = Math.max(Number(params.i), Number(params.j));
      return { path: [...path, index], atKey: false, message: fill(TEXT.uniqueItems[lang], { what, value: quote(list[index]) }), hint: TEXT.uniqueHint[lang] };
    }
    case 'oneOf':
    case 'anyOf':
      return { path, atKey: false, message: fill(TEXT.oneOf[lang], { what }) };
    default:
      return { path, atKey: false, message: fill(TEXT.generic[lang], { what, detail: error.message ?? error.keyword }) };
  }
}



type NumberMark = 'commas' | 'percent' | 'spaces' | 'quotes';

const markNames: Record<NumberMark, { es: string; en: string }> = {
  commas: { es: 'comas', en: 'commas' },
  percent: { es: '%', en: '%' },
  spaces: { es: 'espacios', en: 'spaces' },
  quotes: { es: 'comillas', en: 'quotes' },
};

export interface PlainNumber {
  number: string;
  /** Currency marks as written: `$`, `pesos`, `MXN`. */
  currency: string[];
  marks: NumberMark[];
  decimalComma: boolean;
}

/**
 * A number written the way a spreadsheet or a typed report shows it (`3,420`, `40 %`,
 * `$1,250.50`, `"12"`): the plain number it stands for and the marks to leave out.
 * Only unambiguous forms: in Mexico `,` groups thousands and `.` is the decimal point,
 * so `3,420` is three thousand; a lone comma before one, two or four-plus digits (`12,5`)
 * can only be a decimal comma.
 */
export function plainNumber(text: string): PlainNumber | undefined {
  let rest = text.trim();
  const currency: string[] = [];
  const marks = new Set<NumberMark>();
  for (let match; (match = /^\$\s*|\s*(pesos|MXN|M\.?N\.?)$/i.exec(rest)); ) {
    currency.push(match[1] ?? '$');
    rest = rest.slice(0, match.index) + rest.slice(match.index + match[0].length);
  }
  if (/\s*%$/.test(rest)) {
    rest = rest.replace(/\s*%$/, '');
    marks.add('percent');
  }
  let decimalComma = false;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(rest)) {
    rest = rest.replace(/,/g, '');
    marks.add('commas');
  } else if (/^[+-]?\d{1,3}( \d{3})+(\.\d+)?$/.test(rest)) {
    rest = rest.replace(/ /g, '');
    marks.add('spaces');
  } else if (/^[+-]?\d+,(\d{1,2}|\d{4,})$/.test(rest)) {
    rest = rest.replace(',', '.');
    decimalComma = true;
  }
  if (!/^[+-]?\d+(\.\d+)?$/.test(rest)) return undefined;
  // A string that is already a plain number was quoted in the YAML (`valor: "12"`).
  if (currency.length === 0 && marks.size === 0 && !decimalComma) marks.add('quotes');
  return { number: rest.replace(/^\+/, ''), currency, marks: [...marks], decimalComma };
}

function marksList(fix: PlainNumber, lang: Lang): string {
  const names = [
    ...fix.currency.map((c) => (c === '$' ? c : lang === 'es' ? `«${c}»` : `"${c}"`)),
    ...fix.marks.map((m) => markNames[m][lang]),
  ];
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}${lang === 'es' ? ' ni ' : ' or '}${names[names.length - 1]}`;
}

/** What to write instead, when the wrong type has an obvious fix. */
function typeHint(type: unknown, value: unknown, path: PathSegment[], lang: Lang): string | undefined {
  const types = (Array.isArray(type) ? type : [type]).map(String);
  if ((types.includes('number') || types.includes('integer')) && typeof value === 'string') {
    const fix = plainNumber(value);
    if (!fix) return undefined;
    const marks = marksList(fix, lang);
    if (!fix.decimalComma) return fill(TEXT.numberWithout[lang], { number: fix.number, marks });
    return fill(marks ? TEXT.numberDecimalWithout[lang] : TEXT.numberDecimal[lang], { number: fix.number, marks });
  }
  // `- Acta: firmada` in a list of texts is read as a section with one field.
  if (types.includes('string') && isOneFieldSection(value)) {
    const [key, inner] = Object.entries(value)[0]!;
    const text = inner === null ? `${key}:` : `${key}: ${String(inner)}`;
    const last = path[path.length - 1];
    if (last === undefined) return undefined;
    const example = typeof last === 'number' ? `- ${quoteYaml(text)}` : `${last}: ${quoteYaml(text)}`;
    return fill(TEXT.textWithColon[lang], { example });
  }
  return undefined;
}

function isOneFieldSection(value: unknown): value is Record<string, string | number | boolean | null> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.values(value);
  return entries.length === 1 && (entries[0] === null || ['string', 'number', 'boolean'].includes(typeof entries[0]));
}

/**
 * `message`, followed by a sentence naming the look-alike and invisible characters of the
 * value it quotes: «ОP-01» with a Cyrillic О and the example «OP-01» look the same.
 */
function withOddCharacters(message: string, value: unknown, lang: Lang): string {
  const odd = typeof value === 'string' ? oddCharactersText(value) : undefined;
  return odd ? `${message} ${odd[lang]}` : message;
}

/** The fields a section takes; a section keyed only by a pattern (reglas) has none to list. */
function allowedHint(allowed: readonly string[], parent: Record<string, unknown>, field: string, lang: Lang): string {
  if (allowed.length > 0) return fill(TEXT.additionalHint[lang], { allowed: allowed.join(', ') });
  const patterns = Object.keys((parent.patternProperties ?? {}) as object);
  if (patterns.some((pattern) => pattern.startsWith('^PLAN'))) {
    const rule = field.trim().toUpperCase();
    return /^PLAN[0-9]{3}$/.test(rule) ? fill(TEXT.additionalHintSimilar[lang], { similar: rule }) : TEXT.ruleKey[lang];
  }
  return TEXT.noFieldsHere[lang];
}

/** The allowed name closest to a typo, when it is close enough to be the likely intent. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  return closestMatch(word.toLowerCase(), candidates, (c) => [c.toLowerCase()], (n) => Math.max(2, Math.floor(n / 3)));
}
