import type { Text } from '../i18n/text.js';
import type { Rule } from './rule.js';

/** How to fix each kind of unreadable file, keyed like the messages. */
export const PLAN001_HINTS: Record<string, Text> = {
  empty: { es: 'Escriba el contenido del archivo o elimínelo si no corresponde.', en: 'Write the file content or delete it if it does not belong here.' },
  multi_document: { es: 'Deje un solo documento por archivo; mueva el resto a su propio archivo.', en: 'Keep one document per file; move the rest to a file of its own.' },
  syntax: { es: 'Revise la sangría, los dos puntos y las comillas en esta línea o en la anterior.', en: 'Check indentation, colons and quotes on this line or the one before.' },
  duplicate_key: { es: 'Deje la clave una sola vez; si son dos elementos distintos, use una lista.', en: 'Keep the key once; if these are two items, use a list.' },
  bad_indent: { es: 'Alinee la línea con las demás claves de su sección, usando espacios.', en: 'Align the line with the other keys of its section, using spaces.' },
  missing_char: { es: 'Cierre la comilla, el corchete o la llave que se abrió antes de esta posición.', en: 'Close the quote, bracket or brace opened before this position.' },
  multiline_key: { es: 'Escriba «clave: valor» con un espacio después de los dos puntos, y cierre las comillas.', en: 'Write "key: value" with a space after the colon, and close quotes.' },
  bad_scalar_start: { es: 'Ponga el valor entre comillas, por ejemplo "@usuario" o "*importante*".', en: 'Put the value in quotes, e.g. "@user" or "*important*".' },
  bad_escape: { es: 'Use comillas simples o escriba la barra invertida doble «\\\\».', en: 'Use single quotes or write a double backslash.' },
  unexpected: { es: 'Revise la sangría, los dos puntos y las comillas en esta línea o en la anterior.', en: 'Check indentation, colons and quotes on this line or the one before.' },
  complex_key: { es: 'Escriba la clave como texto, por ejemplo «nombre: valor».', en: 'Write the key as text, e.g. "name: value".' },
  unreadable_folder: { es: 'Revise los permisos de la carpeta.', en: 'Check the folder permissions.' },
  tab_indent: { es: 'Reemplace cada tabulador del inicio de la línea por dos espacios.', en: 'Replace each leading tab with two spaces.' },
  too_deep: { es: 'Ningún archivo del plan necesita tantos niveles; revise corchetes o guiones sobrantes.', en: 'No plan file needs that many levels; look for stray brackets or dashes.' },
  alias_bomb: { es: 'Escriba los datos explícitamente en lugar de repetir alias.', en: 'Write the data out instead of repeating aliases.' },
  tag: { es: 'Quite la etiqueta que empieza con «!»; los archivos del plan sólo llevan textos, números, listas y secciones.', en: 'Remove the tag starting with "!"; plan files hold only text, numbers, lists and sections.' },
  not_json: { es: 'Escriba números finitos y textos simples.', en: 'Write finite numbers and plain text.' },
  too_large: { es: 'Divida el contenido o guarde los anexos pesados como evidencia aparte.', en: 'Split the content, or keep large attachments as separate evidence files.' },
  nul: { es: 'Guarde aquí sólo texto YAML; los documentos escaneados van en evidencias.', en: 'Keep only YAML text here; scanned documents go into evidence files.' },
  encoding: {
        es: 'Vuelva a guardarlo como UTF-8: en VS Code, clic en la codificación de la barra inferior → «Reabrir con codificación» → Windows 1252, y luego «Guardar con codificación» → UTF-8; en el Bloc de notas, «Guardar como» → Codificación: UTF-8.',
        en: 'Save it again as UTF-8: in VS Code click the encoding in the status bar → "Reopen with Encoding" → Windows 1252, then "Save with Encoding" → UTF-8; in Notepad, "Save as" → Encoding: UTF-8.',
      },
  unreadable: { es: 'Revise los permisos del archivo.', en: 'Check the file permissions.' },
};


export const PLAN001: Rule = {
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
      syntax: { es: 'Error de sintaxis YAML ({detail}).', en: 'YAML syntax error ({detail}).' },
      bad_indent: { es: 'La sangría de esta línea no corresponde a la sección en la que está.', en: 'The indentation of this line does not match its section.' },
      missing_char: { es: 'Falta un carácter de cierre: una comilla, un corchete «]» o una llave «}».', en: 'A closing character is missing: a quote, a bracket "]" or a brace "}".' },
      multiline_key: { es: 'Una clave no puede ocupar varias líneas; suele faltar un espacio después de «:» o cerrar una comilla.', en: 'A key cannot span several lines; usually a space after ":" or a closing quote is missing.' },
      bad_scalar_start: { es: 'Un valor no puede empezar con este carácter sin comillas.', en: 'A value cannot start with this character unless quoted.' },
      bad_escape: { es: 'Secuencia de escape inválida dentro de comillas dobles.', en: 'Invalid escape sequence inside double quotes.' },
      unexpected: { es: 'Contenido inesperado en esta posición.', en: 'Unexpected content at this position.' },
      complex_key: { es: 'Una clave debe ser un texto simple, no una lista ni una sección.', en: 'A key must be plain text, not a list or a section.' },
      unreadable_folder: { es: 'No se pudo leer la carpeta «{folder}» ({detail}); sus archivos no se revisaron.', en: 'Folder "{folder}" could not be read ({detail}); its files were not checked.' },
      duplicate_key: { es: 'La clave se repite en la misma sección.', en: 'The key is repeated in the same section.' },
      tab_indent: { es: 'La sangría usa tabuladores; YAML sólo admite espacios.', en: 'Indentation uses tabs; YAML only allows spaces.' },
      too_deep: { es: 'El contenido está anidado a demasiada profundidad (más de {limit} niveles).', en: 'The content is nested too deeply (more than {limit} levels).' },
      alias_bomb: { es: 'El archivo usa demasiados alias YAML (*ancla); al expandirse crecería sin control.', en: 'The file uses too many YAML aliases (*anchor); expanded it would grow without bound.' },
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
};
