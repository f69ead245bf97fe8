import type { LineCounter } from 'yaml';
import type { Finding } from '../model/finding.js';
import type { Lang, Params, Text } from '../i18n/text.js';
import type { DecodeProblem } from '../repo/decode.js';
import { position } from '../yaml/locate.js';
import { MAX_NESTING, type YamlProblem } from '../yaml/parse.js';
import { defineRule, findingOf, type MessageId } from './rule.js';

/**
 * How to fix each kind of unreadable file, keyed like the messages. `{example}` is the
 * user's own line rewritten the way it should be written (see src/yaml/problems.ts).
 */
export const PLAN001_HINTS: Record<string, Text> = {
  empty: { es: 'Escriba el contenido del archivo o elimínelo si no corresponde.', en: 'Write the file content or delete it if it does not belong here.' },
  multi_document: { es: 'Deje un solo documento por archivo; mueva el resto a su propio archivo.', en: 'Keep one document per file; move the rest to a file of its own.' },
  syntax: { es: 'Revise la sangría, los dos puntos y las comillas en esta línea o en la anterior.', en: 'Check indentation, colons and quotes on this line or the one before.' },
  internal: {
    es: 'Revise la sangría, los dos puntos y las comillas en esta línea o en la anterior; si no encuentra el error, vuelva a escribir la sección copiando otra que sí se lea.',
    en: 'Check indentation, colons and quotes on this line or the one before; if you cannot find the mistake, rewrite the section copying one that reads correctly.',
  },
  duplicate_key: {
    es: 'Deje «{key}» una sola vez: borre una de las dos o únalas; si son dos elementos distintos, use una lista.',
    en: 'Keep "{key}" once: delete one of them or merge them; if these are two items, use a list.',
  },
  bad_indent: { es: 'Alinee la línea con las demás claves de su sección, usando espacios.', en: 'Align the line with the other keys of its section, using spaces.' },
  indented_key: {
    es: 'Si «{key}» es otra clave, alinéela con «{parent}»; si es parte del texto de «{parent}», escriba todo el texto entre comillas.',
    en: 'If "{key}" is another key, align it with "{parent}"; if it is part of the text of "{parent}", put the whole text in quotes.',
  },
  missing_dash: { es: 'Escríbalo como los demás elementos de la lista: {example}', en: 'Write it like the other items of the list: {example}' },
  missing_char: { es: 'Cierre la comilla, el corchete o la llave que se abrió antes de esta posición.', en: 'Close the quote, bracket or brace opened before this position.' },
  missing_colon: {
    es: 'Escriba la clave, dos puntos y un espacio antes del valor: {example}; si la línea continúa un texto, escriba todo el texto entre comillas.',
    en: 'Write the key, a colon and a space before the value: {example}; if the line continues a text, put the whole text in quotes.',
  },
  missing_space: { es: 'Escriba un espacio después de los dos puntos: {example}', en: 'Write a space after the colon: {example}' },
  missing_comma: {
    es: 'Separe los elementos con comas, por ejemplo [OP, DIF]; si es un texto, escríbalo entre comillas.',
    en: 'Separate the items with commas, e.g. [OP, DIF]; if it is a text, put it in quotes.',
  },
  extra_comma: { es: 'Quite la coma sobrante: los elementos van separados por una sola coma, por ejemplo [OP, DIF].', en: 'Remove the extra comma: items are separated by one comma, e.g. [OP, DIF].' },
  prop_space: {
    es: 'Si «&» o «!» es parte del texto, escriba el valor entre comillas: {example}',
    en: 'If "&" or "!" is part of the text, put the value in quotes: {example}',
  },
  doc_start_line: { es: 'Pase el contenido a la línea siguiente a «---».', en: 'Move the content to the line after "---".' },
  comment_space: {
    es: 'Deje un espacio antes de «#» si es un comentario; si «#» es parte del texto, escriba el valor entre comillas: {example}',
    en: 'Leave a space before "#" if it is a comment; if "#" is part of the text, put the value in quotes: {example}',
  },
  unclosed_quote: {
    es: 'Agregue «{quote}» al final del texto; si el texto lleva «{quote}» adentro, enciérrelo entre «{other}».',
    en: 'Add {quote} at the end of the text; if the text holds {quote} inside, enclose it in {other} instead.',
  },
  unclosed_flow: {
    es: 'Cierre con «{closer}» en la misma línea; si «{opener}» es parte de un texto, escriba el texto entre comillas: {example}',
    en: 'Close it with "{closer}" on the same line; if "{opener}" is part of a text, put the text in quotes: {example}',
  },
  block_in_flow: {
    es: 'Separe los elementos con comas, [OP, DIF], o quite los corchetes y escriba un elemento por línea, cada uno con «- ».',
    en: 'Separate the items with commas, [OP, DIF], or drop the brackets and write one item per line, each with "- ".',
  },
  colon_in_text: { es: 'Si el texto contiene «: », escríbalo entre comillas: {example}', en: 'If the text contains ": ", put it in quotes: {example}' },
  multiline_key: { es: 'Escriba «clave: valor» con un espacio después de los dos puntos, y cierre las comillas.', en: 'Write "key: value" with a space after the colon, and close quotes.' },
  key_too_long: {
    es: 'Una clave es un nombre corto, como «comentario»; si es un texto que contiene «: », escríbalo entre comillas después de su clave: comentario: "…"',
    en: 'A key is a short name such as "comentario"; if this is a text containing ": ", put it in quotes after its key: comentario: "…"',
  },
  bad_scalar_start: { es: 'Escriba el valor entre comillas: {example}', en: 'Put the value in quotes: {example}' },
  bad_escape: {
    es: 'Use comillas simples, que aceptan «\\» tal cual: {example}',
    en: 'Use single quotes, which take "\\" as it is: {example}',
  },
  text_after_value: {
    es: 'Si el texto lleva comillas, corchetes o llaves, escriba todo el valor entre comillas: {example}',
    en: 'If the text holds quotes, brackets or braces, put the whole value in quotes: {example}',
  },
  seq_on_key_line: {
    es: 'Pase el elemento «- …» a la línea siguiente, con más sangría que la clave; si es un texto, escríbalo entre comillas: {example}',
    en: 'Move the "- …" item to the next line, indented deeper than the key; if it is a text, put it in quotes: {example}',
  },
  block_scalar_header: {
    es: 'Pase el texto a la línea siguiente, con más sangría que la clave, o escriba el valor entre comillas: {example}',
    en: 'Move the text to the next line, indented deeper than the key, or put the value in quotes: {example}',
  },
  unexpected: { es: 'Revise la sangría, los dos puntos y las comillas en esta línea o en la anterior.', en: 'Check indentation, colons and quotes on this line or the one before.' },
  seq_in_map: {
    es: 'Si es un elemento de una lista, alinee su «- » con los demás elementos, con más sangría que la clave de la lista; si es una clave, quite el «- ».',
    en: 'If it is a list item, align its "- " with the other items, indented deeper than the list\'s key; if it is a key, remove the "- ".',
  },
  complex_key: { es: 'Escriba la clave como texto, por ejemplo «nombre: valor».', en: 'Write the key as text, e.g. "name: value".' },
  unreadable_folder: { es: 'Revise los permisos de la carpeta.', en: 'Check the folder permissions.' },
  tab_indent: { es: 'Reemplace cada tabulador del inicio de la línea por dos espacios.', en: 'Replace each leading tab with two spaces.' },
  too_deep: { es: 'Ningún archivo del plan necesita tantos niveles; revise corchetes o guiones sobrantes.', en: 'No plan file needs that many levels; look for stray brackets or dashes.' },
  alias_bomb: { es: 'Escriba los datos explícitamente en lugar de repetir alias.', en: 'Write the data out instead of repeating aliases.' },
  bad_alias: { es: 'Si es texto, escríbalo entre comillas: {example}', en: 'If it is text, put it in quotes: {example}' },
  unknown_alias: { es: 'Si es texto, escríbalo entre comillas: {example}', en: 'If it is text, put it in quotes: {example}' },
  alias_props: {
    es: 'Los archivos del plan no necesitan alias; si es texto, escríbalo entre comillas: {example}',
    en: 'Plan files need no aliases; if it is text, put it in quotes: {example}',
  },
  multiple_anchors: {
    es: 'Deje una sola ancla; si «&» es parte del texto, escríbalo entre comillas: {example}',
    en: 'Keep a single anchor; if "&" is part of the text, put it in quotes: {example}',
  },
  multiple_tags: {
    es: 'Quite las etiquetas; si «!» es parte del texto, escríbalo entre comillas: {example}',
    en: 'Remove the tags; if "!" is part of the text, put it in quotes: {example}',
  },
  prop_order: {
    es: 'Los archivos del plan no necesitan anclas ni etiquetas: quítelas; si son parte del texto, escríbalo entre comillas: {example}',
    en: 'Plan files need no anchors or tags: remove them; if they are part of the text, put it in quotes: {example}',
  },
  directive: {
    es: 'Quite la línea que empieza con «%»: los archivos del plan no necesitan directivas.',
    en: 'Remove the line starting with "%": plan files need no directives.',
  },
  missing_doc_start: {
    es: 'Agregue una línea «---» después de la directiva, o quite la directiva.',
    en: 'Add a "---" line after the directive, or remove the directive.',
  },
  tag: { es: 'Quite la etiqueta que empieza con «!»; los archivos del plan sólo llevan textos, números, listas y secciones.', en: 'Remove the tag starting with "!"; plan files hold only text, numbers, lists and sections.' },
  not_json: { es: 'Escriba números finitos y textos simples.', en: 'Write finite numbers and plain text.' },
  too_large: { es: 'Divida el contenido o guarde los anexos pesados como evidencia aparte.', en: 'Split the content, or keep large attachments as separate evidence files.' },
  nul: { es: 'Guarde aquí sólo texto YAML; los documentos escaneados van en evidencias.', en: 'Keep only YAML text here; scanned documents go into evidence files.' },
  encoding: {
    es: 'Vuelva a guardarlo como UTF-8: en VS Code, clic en la codificación de la barra inferior → «Reabrir con codificación» → Windows 1252, y luego «Guardar con codificación» → UTF-8; en el Bloc de notas, «Guardar como» → Codificación: UTF-8.',
    en: 'Save it again as UTF-8: in VS Code click the encoding in the status bar → "Reopen with Encoding" → Windows 1252, then "Save with Encoding" → UTF-8; in Notepad, "Save as" → Encoding: UTF-8.',
  },
  // UTF-16 is detected and read correctly by editors: reopening it as Windows 1252 would garble it.
  utf16: {
    es: 'Vuelva a guardarlo como UTF-8: en VS Code, clic en la codificación de la barra inferior → «Guardar con codificación» → UTF-8; en el Bloc de notas, «Guardar como» → Codificación: UTF-8.',
    en: 'Save it again as UTF-8: in VS Code click the encoding in the status bar → "Save with Encoding" → UTF-8; in Notepad, "Save as" → Encoding: UTF-8.',
  },
  unreadable: { es: 'Revise los permisos del archivo.', en: 'Check the file permissions.' },
};


export const PLAN001 = defineRule({
  meta: {
    id: 'PLAN001',
    title: { es: 'Archivo YAML legible', en: 'Readable YAML file' },
    rationale:
      'Planeación sólo puede revisar lo que puede leer: el Plan de Mejora pide entregar «cada uno de los 4 reportes trimestrales en el formato correspondiente (Anexo 3 y 4)». Un archivo con errores de sintaxis, claves repetidas, otra codificación que no sea UTF-8, un tamaño desmedido o alias que se multiplican no tiene una forma única de leerse y se rechaza completo.',
    defaultSeverity: 'error',
    fixedSeverity: true,
    hint: { es: 'Corrija el archivo en la posición indicada y vuelva a ejecutar «plan validate».', en: 'Fix the file at the given position and run "plan validate" again.' },
    messages: {
      empty: { es: 'El archivo está vacío.', en: 'The file is empty.' },
      multi_document: { es: 'El archivo contiene más de un documento YAML (separados por «---»).', en: 'The file holds more than one YAML document (separated by "---").' },
      syntax: { es: 'El archivo no tiene una forma YAML válida en esta posición.', en: 'The file is not valid YAML at this position.' },
      internal: { es: 'El lector de YAML no pudo interpretar esta parte del archivo.', en: 'The YAML reader could not make sense of this part of the file.' },
      bad_indent: { es: 'La sangría de esta línea no corresponde a la sección en la que está.', en: 'The indentation of this line does not match its section.' },
      indented_key: {
        es: 'La clave «{key}» tiene más sangría que «{parent}» (línea {parentLine}), que ya tiene valor; YAML la lee como parte de ese valor.',
        en: 'Key "{key}" is indented deeper than "{parent}" (line {parentLine}), which already has a value; YAML reads it as part of that value.',
      },
      missing_dash: { es: 'A este elemento de la lista le falta el guion «- » del principio.', en: 'This list item is missing its leading "- ".' },
      missing_char: { es: 'Falta un carácter de cierre: una comilla, un corchete «]» o una llave «}».', en: 'A closing character is missing: a quote, a bracket "]" or a brace "}".' },
      missing_colon: { es: 'Falta «: » entre la clave y su valor en «{text}».', en: 'A ": " is missing between the key and its value in "{text}".' },
      missing_space: { es: 'Falta un espacio después de «:» en «{text}».', en: 'A space is missing after ":" in "{text}".' },
      missing_comma: { es: 'Falta una coma entre dos elementos dentro de corchetes «[ ]» o llaves «{ }».', en: 'A comma is missing between two items inside brackets "[ ]" or braces "{ }".' },
      extra_comma: { es: 'Sobra una coma: hay dos comas seguidas o una coma sin elemento.', en: 'Extra comma: two commas in a row, or a comma with no item.' },
      prop_space: { es: 'Falta un espacio entre el ancla «&» o la etiqueta «!» y el valor.', en: 'A space is missing between the anchor "&" or tag "!" and the value.' },
      doc_start_line: { es: 'Una lista o sección no puede empezar en la misma línea que «---».', en: 'A list or section cannot start on the same line as "---".' },
      comment_space: { es: 'Falta un espacio antes de «#»: sin él, YAML no sabe si «#» empieza un comentario.', en: 'A space is missing before "#": without it YAML cannot tell whether "#" starts a comment.' },
      unclosed_quote: { es: 'La comilla «{quote}» que abre este texto no se cierra.', en: 'The {quote} quote that opens this text is never closed.' },
      unclosed_flow: { es: 'Falta «{closer}» para cerrar el «{opener}» que se abre aquí.', en: 'A "{closer}" is missing to close the "{opener}" opened here.' },
      block_in_flow: {
        es: 'Dentro de corchetes «[ ]» o llaves «{ }» no se pueden usar elementos con «- » ni secciones con sangría.',
        en: 'Items with "- " and indented sections cannot be used inside brackets "[ ]" or braces "{ }".',
      },
      colon_in_text: { es: 'El texto contiene «: », y YAML lo lee como el inicio de otra clave.', en: 'The text contains ": ", which YAML reads as the start of another key.' },
      multiline_key: { es: 'Una clave no puede ocupar varias líneas; suele faltar un espacio después de «:» o cerrar una comilla.', en: 'A key cannot span several lines; usually a space after ":" or a closing quote is missing.' },
      key_too_long: { es: 'Hay más de 1024 caracteres antes de «:»: es demasiado largo para ser una clave.', en: 'There are more than 1024 characters before ":": too long to be a key.' },
      bad_scalar_start: { es: 'Un valor sin comillas no puede empezar con «{char}».', en: 'A value cannot start with "{char}" unless quoted.' },
      bad_escape: {
        es: 'Dentro de comillas dobles, «{sequence}» no es válido: la barra invertida «\\» empieza un código especial.',
        en: 'Inside double quotes "{sequence}" is not valid: a backslash "\\" starts a special code.',
      },
      text_after_value: { es: 'Después del valor sobra «{text}».', en: 'Unexpected "{text}" after the value.' },
      seq_on_key_line: { es: 'Una lista no puede empezar en la misma línea que su clave.', en: 'A list cannot start on the same line as its key.' },
      block_scalar_header: { es: 'Después de «|» o «>» no puede seguir texto en la misma línea.', en: 'No text may follow "|" or ">" on the same line.' },
      unexpected: { es: 'Contenido inesperado en esta posición: «{text}».', en: 'Unexpected content at this position: "{text}".' },
      seq_in_map: { es: 'Aquí empieza una lista («- ») donde la sección espera una clave.', en: 'A list ("- ") starts here where the section expects a key.' },
      complex_key: { es: 'Una clave debe ser un texto simple, no una lista ni una sección.', en: 'A key must be plain text, not a list or a section.' },
      unreadable_folder: { es: 'No se pudo leer la carpeta «{folder}» ({detail}); sus archivos no se revisaron.', en: 'Folder "{folder}" could not be read ({detail}); its files were not checked.' },
      duplicate_key: {
        es: 'La clave «{key}» se repite en la misma sección; ya aparece en la línea {firstLine}.',
        en: 'Key "{key}" is repeated in the same section; it already appears on line {firstLine}.',
      },
      tab_indent: { es: 'La sangría usa tabuladores; YAML sólo admite espacios.', en: 'Indentation uses tabs; YAML only allows spaces.' },
      too_deep: { es: 'El contenido está anidado a demasiada profundidad (más de {limit} niveles).', en: 'The content is nested too deeply (more than {limit} levels).' },
      alias_bomb: { es: 'El archivo usa demasiados alias YAML (*ancla); al expandirse crecería sin control.', en: 'The file uses too many YAML aliases (*anchor); expanded it would grow without bound.' },
      bad_alias: {
        es: 'Un valor que empieza con «*» o «&» se lee como alias o ancla de YAML, no como texto.',
        en: 'A value starting with "*" or "&" reads as a YAML alias or anchor, not as text.',
      },
      unknown_alias: {
        es: '«*{name}» se lee como un alias de YAML, pero ningún ancla «&{name}» lo define antes.',
        en: '"*{name}" reads as a YAML alias, but no "&{name}" anchor defines it before.',
      },
      alias_props: { es: 'Un alias «*…» no puede llevar ancla «&» ni etiqueta «!».', en: 'An alias "*…" cannot carry an anchor "&" or a tag "!".' },
      multiple_anchors: { es: 'Un valor lleva dos anclas «&».', en: 'A value carries two anchors "&".' },
      multiple_tags: { es: 'Un valor lleva dos etiquetas «!».', en: 'A value carries two tags "!".' },
      prop_order: { es: 'Un ancla «&» o una etiqueta «!» está antes de «?», «:» o «-»; debe ir después.', en: 'An anchor "&" or a tag "!" comes before "?", ":" or "-"; it must come after.' },
      directive: { es: 'Directiva YAML no admitida: «{text}».', en: 'Unsupported YAML directive: "{text}".' },
      missing_doc_start: { es: 'Después de una directiva «%…» falta la línea «---» que abre el documento.', en: 'After a "%…" directive the "---" line that opens the document is missing.' },
      tag: { es: 'Etiqueta YAML no permitida: {detail}', en: 'YAML tag not allowed: {detail}' },
      not_json: { es: 'El archivo contiene valores que no son texto, número, lista o sección (por ejemplo .inf o .nan).', en: 'The file holds values that are not text, number, list or section (e.g. .inf or .nan).' },
      too_large: { es: 'El archivo pesa {size} KiB; el máximo es {limit} KiB.', en: 'The file is {size} KiB; the limit is {limit} KiB.' },
      utf16: { es: 'El archivo está guardado en UTF-16 («Unicode» del Bloc de notas), no en UTF-8.', en: 'The file is saved as UTF-16 (Notepad "Unicode"), not UTF-8.' },
      nul: { es: 'El archivo contiene bytes nulos: parece un archivo binario, no texto YAML.', en: 'The file contains NUL bytes: it looks binary, not YAML text.' },
      not_utf8: {
        es: 'El archivo no está en UTF-8: el byte 0x{byte} parece «{char}» de Latin-1/Windows-1252.',
        en: 'The file is not UTF-8: byte 0x{byte} looks like "{char}" in Latin-1/Windows-1252.',
      },
      unreadable: { es: 'No se pudo leer el archivo: {detail}', en: 'The file could not be read: {detail}' },
    },
    examples: {
      file: 'dependencias/OP/dependencia.yaml',
      invalid: 'clave: OP\nnombre: Dirección de Obras Públicas\nnombre: Obras Públicas\n',
      valid: 'clave: OP\nnombre: Dirección de Obras Públicas\n',
    },
  },
});

type Plan001Message = MessageId<typeof PLAN001>;

/** Byte-level problems have no document to point into: they are placed at a known position. */
const START = { line: 1, column: 1 };

function plan001Finding(file: string, at: { line: number; column: number }, messageId: Plan001Message, lang: Lang, params: Params = {}, hintId: string = messageId): Finding {
  const hint = PLAN001_HINTS[hintId];
  return findingOf(PLAN001.meta, { messageId, file, at, data: params, hint: hint ?? null }, lang);
}

/** A folder of the repo that could not be listed (permissions). */
export function unreadableFolderFinding(folder: { path: string; code: string }, lang: Lang): Finding {
  const shown = folder.path || '.';
  return plan001Finding(shown, START, 'unreadable_folder', lang, { folder: shown, detail: folder.code });
}

/** A data file the system would not let us read; `detail` is the system's error code. */
export function unreadableFileFinding(file: string, detail: string, lang: Lang): Finding {
  return plan001Finding(file, START, 'unreadable', lang, { detail });
}

/** A file whose bytes are not UTF-8 YAML text (too large, UTF-16, binary, Latin-1). */
export function decodeFinding(file: string, problem: DecodeProblem, lang: Lang): Finding {
  switch (problem.kind) {
    case 'too_large':
      return plan001Finding(file, START, 'too_large', lang, { size: Math.ceil(problem.bytes / 1024), limit: Math.floor(problem.limit / 1024) });
    case 'utf16':
      return plan001Finding(file, START, 'utf16', lang);
    case 'nul':
      return plan001Finding(file, problem, 'nul', lang);
    case 'not_utf8':
      return plan001Finding(file, problem, 'not_utf8', lang, { byte: problem.byte.toString(16).toUpperCase().padStart(2, '0'), char: problem.latin1 }, 'encoding');
  }
}

/** A YAML problem of the parser, placed by its offset in the text. */
export function parseFinding(file: string, problem: YamlProblem, lineCounter: LineCounter, lang: Lang): Finding {
  return plan001Finding(file, position(lineCounter, problem.offset), problem.code, lang, { detail: problem.detail ?? '', limit: MAX_NESTING, ...problem.params });
}
