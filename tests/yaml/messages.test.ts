// PLAN001 messages for the YAML mistakes people really make, and a message for every error
// code the yaml library can raise: the code itself never reaches the user.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments, YAMLParseError, type ErrorCode } from 'yaml';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { PLAN001, PLAN001_HINTS } from '../../src/rules/PLAN001-yaml-legible.js';
import { PARSE_OPTIONS } from '../../src/yaml/parse.js';
import { LIBRARY_CODES, problemFor, YAML_PROBLEM_CODES } from '../../src/yaml/problems.js';
import { checkRule, type RunOptions } from '../helpers/fixture.js';

const REPORT = 'dependencias/OP/reportes/2019-T1.yaml';

/** PLAN001's diagnostics for one file holding `text`, placed as the user sees them. */
function plan001(text: string, options: RunOptions = {}): Diagnostic[] {
  return checkRule(PLAN001, { [REPORT]: text }, options).filter((d) => d.rule === 'PLAN001');
}

/** The one diagnostic as `línea:columna mensaje (pista)`, for exact comparison. */
function shown(text: string, options: RunOptions = {}): string[] {
  return plan001(text, options).map((d) => `${d.file}:${d.line}:${d.column} ${d.message} (${d.hint})`);
}

describe('a text with «: » in it', () => {
  it('says to quote it, on the line of the value, showing the line quoted', () => {
    expect(shown('trimestre: 2019-T1\ncomentario: Se avanzó. Nota: falta material\n')).toEqual([
      `${REPORT}:2:13 El texto contiene «: », y YAML lo lee como el inicio de otra clave. (Si el texto contiene «: », escríbalo entre comillas: comentario: "Se avanzó. Nota: falta material")`,
    ]);
  });

  it('finds it in a list item deep in the file', () => {
    const text = 'trimestre: 2019-T1\nppcs:\n  - id: OP-01\n    avances:\n      - meta: M1\n        comentario: Obra al 50%. Pendiente: pintura\n';
    expect(shown(text)).toEqual([
      `${REPORT}:6:21 El texto contiene «: », y YAML lo lee como el inicio de otra clave. (Si el texto contiene «: », escríbalo entre comillas: comentario: "Obra al 50%. Pendiente: pintura")`,
    ]);
  });

  it('uses single quotes when the text already holds double quotes', () => {
    expect(plan001('comentario: Dijo "listo: sí" ayer\n')[0]!.hint).toBe(`Si el texto contiene «: », escríbalo entre comillas: comentario: 'Dijo "listo: sí" ayer'`);
  });

  it('leaves a trailing comment out of the quoted example', () => {
    expect(plan001('comentario: Avance: 50 # revisar\n')[0]!.hint).toBe('Si el texto contiene «: », escríbalo entre comillas: comentario: "Avance: 50"');
  });

  it('quotes a whole list item whose text starts before the «: »', () => {
    expect(shown('evidencias:\n  - Acta: firmada. Nota: falta sello\n')).toEqual([
      `${REPORT}:2:11 El texto contiene «: », y YAML lo lee como el inicio de otra clave. (Si el texto contiene «: », escríbalo entre comillas: - "Acta: firmada. Nota: falta sello")`,
    ]);
  });

  it('points at the continuation line that holds the «: », and joins the text in the example', () => {
    const text = 'trimestre: 2019-T1\ncomentario: Se avanzó mucho\n  en la obra. Nota: falta material\nfecha_entrega: 2019-03-27\n';
    expect(shown(text)).toEqual([
      `${REPORT}:3:3 El texto contiene «: », y YAML lo lee como el inicio de otra clave. (Si el texto contiene «: », escríbalo entre comillas: comentario: "Se avanzó mucho en la obra. Nota: falta material")`,
    ]);
  });

  it('says it in English with --lang en', () => {
    expect(shown('comentario: Se avanzó. Nota: falta material\n', { lang: 'en' })).toEqual([
      `${REPORT}:1:13 The text contains ": ", which YAML reads as the start of another key. (If the text contains ": ", put it in quotes: comentario: "Se avanzó. Nota: falta material")`,
    ]);
  });
});

describe('a key indented deeper than the key above it', () => {
  it('names both keys and points at the indented one', () => {
    expect(shown('dependencia: OP\n  trimestre: 2019-T1\n')).toEqual([
      `${REPORT}:2:3 La clave «trimestre» tiene más sangría que «dependencia» (línea 1), que ya tiene valor; YAML la lee como parte de ese valor. (Si «trimestre» es otra clave, alinéela con «dependencia»; si es parte del texto de «dependencia», escriba todo el texto entre comillas.)`,
    ]);
  });
});

describe('a duplicated key', () => {
  it('names the key and the line of its first occurrence, on the repeat', () => {
    expect(shown('dependencia: OP\ntrimestre: 2019-T1\ncomentario: x\ntrimestre: 2019-T2\n')).toEqual([
      `${REPORT}:4:1 La clave «trimestre» se repite en la misma sección; ya aparece en la línea 2. (Deje «trimestre» una sola vez: borre una de las dos o únalas; si son dos elementos distintos, use una lista.)`,
    ]);
  });

  it('finds the first occurrence inside a list item, not a same-named key elsewhere', () => {
    const text = 'valor: 1\nppcs:\n  - id: OP-01\n    valor: 2\n    meta: M1\n    valor: 3\n';
    expect(plan001(text).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['6:5 La clave «valor» se repite en la misma sección; ya aparece en la línea 4.']);
  });

  it('reports every repeated key, each with its own first line', () => {
    const text = 'a: 1\nb: 2\na: 3\nb: 4\n';
    expect(plan001(text).map((d) => `${d.line} ${d.message}`)).toEqual([
      '3 La clave «a» se repite en la misma sección; ya aparece en la línea 1.',
      '4 La clave «b» se repite en la misma sección; ya aparece en la línea 2.',
    ]);
  });

  it('names a key repeated inside braces', () => {
    expect(plan001('enlace: {nombre: Ana, correo: a@x.mx, nombre: Luis}\n').map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '1:39 La clave «nombre» se repite en la misma sección; ya aparece en la línea 1.',
    ]);
  });
});

describe('other everyday mistakes', () => {
  it('points a missing closing quote at the quote that opens the text', () => {
    expect(shown('dependencia: OP\ncomentario: "Se avanzó\ntrimestre: 2019-T1\nvalor: 3\n')).toEqual([
      `${REPORT}:2:13 La comilla «"» que abre este texto no se cierra. (Agregue «"» al final del texto; si el texto lleva «"» adentro, enciérrelo entre «'».)`,
    ]);
  });

  it('points a bracket left open at the bracket, not at the line after it', () => {
    expect(shown('colaboraciones: [DIF, SP\ntrimestre: 2019-T1\n')).toEqual([
      `${REPORT}:1:17 Falta «]» para cerrar el «[» que se abre aquí. (Cierre con «]» en la misma línea; si «[» es parte de un texto, escriba el texto entre comillas: colaboraciones: "[DIF, SP")`,
    ]);
  });

  it('shows the line with the missing «: » written right', () => {
    expect(shown('dependencia: OP\ntrimestre 2019-T1\nvalor: 3\n')).toEqual([
      `${REPORT}:2:1 Falta «: » entre la clave y su valor en «trimestre 2019-T1». (Escriba la clave, dos puntos y un espacio antes del valor: trimestre: 2019-T1; si la línea continúa un texto, escriba todo el texto entre comillas.)`,
    ]);
  });

  it('shows the line with the missing space after «:» written right', () => {
    expect(shown('dependencia: OP\ntrimestre:2019-T1\n')).toEqual([
      `${REPORT}:2:1 Falta un espacio después de «:» en «trimestre:2019-T1». (Escriba un espacio después de los dos puntos: trimestre: 2019-T1)`,
    ]);
  });

  it('tells a list item without its dash', () => {
    expect(shown('evidencias:\n  - acta.pdf\n  fotos.zip\n')).toEqual([
      `${REPORT}:3:3 A este elemento de la lista le falta el guion «- » del principio. (Escríbalo como los demás elementos de la lista: - fotos.zip)`,
    ]);
  });

  it('names the text left after a closing quote', () => {
    expect(shown('comentario: "Obras" nuevas\n')).toEqual([
      `${REPORT}:1:21 Después del valor sobra «nuevas». (Si el texto lleva comillas, corchetes o llaves, escriba todo el valor entre comillas: comentario: '"Obras" nuevas')`,
    ]);
  });

  it('drops the outer quotes of a text that holds quotes when it shows the fix', () => {
    expect(plan001('comentario: "Dijo "sí" ayer"\n')[0]!.hint).toBe(`Si el texto lleva comillas, corchetes o llaves, escriba todo el valor entre comillas: comentario: 'Dijo "sí" ayer'`);
  });

  it('explains a Windows path in double quotes and shows it in single quotes', () => {
    expect(shown('evidencia: "C:\\Documentos\\acta.pdf"\n')).toEqual([
      `${REPORT}:1:15 Dentro de comillas dobles, «\\D» no es válido: la barra invertida «\\» empieza un código especial. (Use comillas simples, que aceptan «\\» tal cual: evidencia: 'C:\\Documentos\\acta.pdf')`,
    ]);
  });

  it('reads asterisks written for emphasis as an alias and says to quote the text', () => {
    expect(shown('comentario: *Urgente* falta material\n')).toEqual([
      `${REPORT}:1:13 Un valor que empieza con «*» o «&» se lee como alias o ancla de YAML, no como texto. (Si es texto, escríbalo entre comillas: comentario: "*Urgente* falta material")`,
    ]);
  });

  it('tells a list item written at the indentation of the keys above it', () => {
    expect(shown('ppcs:\n  - id: OP-01\n    evidencias:\n      - acta.pdf\n    - fotos.zip\n')).toEqual([
      `${REPORT}:5:5 Aquí empieza una lista («- ») donde la sección espera una clave. (Si es un elemento de una lista, alinee su «- » con los demás elementos, con más sangría que la clave de la lista; si es una clave, quite el «- ».)`,
    ]);
  });

  it('names a line starting with «%» as a directive even when nothing follows it', () => {
    expect(plan001('%Avance del trimestre\n').map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['1:1 Directiva YAML no admitida: «%Avance del trimestre».']);
  });

  it('reads «*texto» with no anchor as a text to quote', () => {
    expect(shown('comentario: *urgente*\n')).toEqual([
      `${REPORT}:1:13 «*urgente*» se lee como un alias de YAML, pero ningún ancla «&urgente*» lo define antes. (Si es texto, escríbalo entre comillas: comentario: "*urgente*")`,
    ]);
  });
});

/** The library's own list of error codes, read from its type declarations. */
function declaredErrorCodes(): string[] {
  const dist = path.dirname(createRequire(import.meta.url).resolve('yaml'));
  const declaration = readFileSync(path.join(dist, 'errors.d.ts'), 'utf8');
  const union = /export type ErrorCode = ([^;]+);/.exec(declaration);
  if (!union) throw new Error('yaml/dist/errors.d.ts no longer declares ErrorCode');
  return [...union[1]!.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]!).sort();
}

/** The codes the library raises (errors and warnings) for a text, with our parse options. */
function libraryCodes(text: string): string[] {
  // uniqueKeys back on: parse.ts turns the library's quadratic check off and finds repeated
  // keys itself; DUPLICATE_KEY's row checks it reports what the library's check would find.
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, uniqueKeys: true });
  const all = Array.isArray(docs) ? docs.flatMap((d) => [...d.errors, ...d.warnings]) : [];
  return all.map((e) => e.code);
}

const LONG_KEY = 'x'.repeat(1030);

/**
 * A small input that makes the library raise each code, and the message it must give.
 * `null`: the code cannot be raised through our parse options (the reason is in
 * src/yaml/problems.ts); it still has a message.
 */
const TRIGGERS: Record<ErrorCode, { text: string; at: string; message: string } | null> = {
  ALIAS_PROPS: { text: 'titular: &jefe *director\n', at: '1:16', message: 'Un alias «*…» no puede llevar ancla «&» ni etiqueta «!».' },
  BAD_ALIAS: { text: 'comentario: * importante\n', at: '1:13', message: 'Un valor que empieza con «*» o «&» se lee como alias o ancla de YAML, no como texto.' },
  BAD_COLLECTION_TYPE: { text: 'evidencias: !!set [acta.pdf]\n', at: '1:13', message: 'Etiqueta YAML no permitida: !!set' },
  BAD_DIRECTIVE: { text: '%FOO bar\n---\ndependencia: OP\n', at: '1:1', message: 'Directiva YAML no admitida: «%FOO bar».' },
  BAD_DQ_ESCAPE: { text: 'evidencia: "C:\\Documentos"\n', at: '1:15', message: 'Dentro de comillas dobles, «\\D» no es válido: la barra invertida «\\» empieza un código especial.' },
  BAD_INDENT: { text: 'enlace:\n  nombre: Ana\n correo: ana@x.mx\n', at: '3:1', message: 'La sangría de esta línea no corresponde a la sección en la que está.' },
  BAD_PROP_ORDER: { text: '&a ? dependencia\n: OP\n', at: '1:4', message: 'Un ancla «&» o una etiqueta «!» está antes de «?», «:» o «-»; debe ir después.' },
  BAD_SCALAR_START: { text: 'titular: @juan\n', at: '1:10', message: 'Un valor sin comillas no puede empezar con «@».' },
  BLOCK_AS_IMPLICIT_KEY: { text: 'comentario: Se avanzó. Nota: falta material\n', at: '1:13', message: 'El texto contiene «: », y YAML lo lee como el inicio de otra clave.' },
  BLOCK_IN_FLOW: {
    text: 'enlace: {nombre: Ana correo: ana@x.mx}\n',
    at: '1:18',
    message: 'Dentro de corchetes «[ ]» o llaves «{ }» no se pueden usar elementos con «- » ni secciones con sangría.',
  },
  DUPLICATE_KEY: { text: 'dependencia: OP\ndependencia: SP\n', at: '2:1', message: 'La clave «dependencia» se repite en la misma sección; ya aparece en la línea 1.' },
  IMPOSSIBLE: null,
  KEY_OVER_1024_CHARS: { text: `${LONG_KEY}: 1\n`, at: '1:1', message: 'Hay más de 1024 caracteres antes de «:»: es demasiado largo para ser una clave.' },
  MISSING_CHAR: { text: 'comentario: "Se avanzó\n', at: '1:13', message: 'La comilla «"» que abre este texto no se cierra.' },
  MULTILINE_IMPLICIT_KEY: { text: 'dependencia: OP\ntrimestre 2019-T1\nvalor: 3\n', at: '2:1', message: 'Falta «: » entre la clave y su valor en «trimestre 2019-T1».' },
  MULTIPLE_ANCHORS: { text: 'titular: &a &b Ana\n', at: '1:13', message: 'Un valor lleva dos anclas «&».' },
  MULTIPLE_DOCS: null,
  MULTIPLE_TAGS: { text: 'titular: !!str !!str Ana\n', at: '1:16', message: 'Un valor lleva dos etiquetas «!».' },
  NON_STRING_KEY: null,
  RESOURCE_EXHAUSTION: { text: `valor: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, at: '1:1', message: 'El contenido está anidado a demasiada profundidad (más de 64 niveles).' },
  TAB_AS_INDENT: { text: 'enlace:\n\tnombre: Ana\n', at: '2:1', message: 'La sangría usa tabuladores; YAML sólo admite espacios.' },
  TAG_RESOLVE_FAILED: { text: 'valor: !!int diez\n', at: '1:8', message: 'Etiqueta YAML no permitida: !!int' },
  UNEXPECTED_TOKEN: { text: 'comentario: "Obras" nuevas\n', at: '1:21', message: 'Después del valor sobra «nuevas».' },
};

describe('every error code of the yaml library gets a message and a hint', () => {
  it('knows every code the installed yaml library declares', () => {
    expect(Object.keys(LIBRARY_CODES).sort()).toEqual(declaredErrorCodes());
    expect(Object.keys(TRIGGERS).sort()).toEqual(declaredErrorCodes());
  });

  it('has a Spanish and an English message and hint for every problem it can report', () => {
    for (const code of YAML_PROBLEM_CODES) {
      expect(PLAN001.meta.messages[code]?.es, code).toBeTruthy();
      expect(PLAN001.meta.messages[code]?.en, code).toBeTruthy();
      expect(PLAN001_HINTS[code]?.es, code).toBeTruthy();
      expect(PLAN001_HINTS[code]?.en, code).toBeTruthy();
    }
  });

  for (const [code, trigger] of Object.entries(TRIGGERS)) {
    if (!trigger) continue;
    it(`explains ${code} at its position with a hint, never the code`, () => {
      expect(libraryCodes(trigger.text)).toContain(code);
      const diagnostics = plan001(trigger.text);
      expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([`${REPORT}:${trigger.at} ${trigger.message}`]);
      expect(diagnostics[0]!.hint).toBeTruthy();
      expect(`${diagnostics[0]!.message} ${diagnostics[0]!.hint}`).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    });
  }

  for (const [code, trigger] of Object.entries(TRIGGERS)) {
    if (trigger) continue;
    it(`still has a message for ${code}, which our parse options never raise`, () => {
      const error = new YAMLParseError([0, 1], code as ErrorCode, 'synthetic');
      const problem = problemFor(error, 'dependencia: OP\n', undefined, new LineCounter());
      const message = PLAN001.meta.messages[problem.code];
      expect(message?.es).toBeTruthy();
      expect(`${message!.es} ${PLAN001_HINTS[problem.code]!.es}`).not.toContain(code);
    });
  }
});
