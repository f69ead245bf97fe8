import type { Rule } from './rule.js';

export const PLAN001: Rule = {
  meta: {
    id: 'PLAN001',
    title: { es: 'Archivo YAML legible', en: 'Readable YAML file' },
    rationale:
      'Planeación sólo puede revisar lo que puede leer: el Plan de Mejora pide entregar «cada uno de los 4 reportes trimestrales en el formato correspondiente (Anexo 3 y 4)». Un archivo con errores de sintaxis, claves repetidas, otra codificación que no sea UTF-8, un tamaño desmedido o alias que se multiplican no tiene una forma única de leerse y se rechaza completo.',
    defaultSeverity: 'error',
    hint: { es: 'Corrija el archivo en la posición indicada y vuelva a ejecutar «plan validate».', en: 'Fix the file at the given position and run "plan validate" again.' },
    messages: {
      empty: { es: 'El archivo está vacío.', en: 'The file is empty.' },
      emptyHint: { es: 'Escriba el contenido del archivo o elimínelo si no corresponde.', en: 'Write the file content or delete it if it does not belong here.' },
      multi_document: { es: 'El archivo contiene más de un documento YAML (separados por «---»).', en: 'The file holds more than one YAML document (separated by "---").' },
      multi_documentHint: { es: 'Deje un solo documento por archivo; mueva el resto a su propio archivo.', en: 'Keep one document per file; move the rest to a file of its own.' },
      syntax: { es: 'Error de sintaxis YAML: {detail}', en: 'YAML syntax error: {detail}' },
      syntaxHint: { es: 'Revise la sangría, los dos puntos y las comillas en esta línea o en la anterior.', en: 'Check indentation, colons and quotes on this line or the one before.' },
      duplicate_key: { es: 'La clave se repite en la misma sección.', en: 'The key is repeated in the same section.' },
      duplicate_keyHint: { es: 'Deje la clave una sola vez; si son dos elementos distintos, use una lista.', en: 'Keep the key once; if these are two items, use a list.' },
      tab_indent: { es: 'La sangría usa tabuladores; YAML sólo admite espacios.', en: 'Indentation uses tabs; YAML only allows spaces.' },
      tab_indentHint: { es: 'Reemplace cada tabulador del inicio de la línea por dos espacios.', en: 'Replace each leading tab with two spaces.' },
      too_deep: { es: 'El contenido está anidado a demasiada profundidad (más de {limit} niveles).', en: 'The content is nested too deeply (more than {limit} levels).' },
      too_deepHint: { es: 'Ningún archivo del plan necesita tantos niveles; revise corchetes o guiones sobrantes.', en: 'No plan file needs that many levels; look for stray brackets or dashes.' },
      alias_bomb: { es: 'El archivo usa demasiados alias YAML (*ancla); al expandirse crecería sin control.', en: 'The file uses too many YAML aliases (*anchor); expanded it would grow without bound.' },
      alias_bombHint: { es: 'Escriba los datos explícitamente en lugar de repetir alias.', en: 'Write the data out instead of repeating aliases.' },
      tag: { es: 'Etiqueta YAML no permitida: {detail}', en: 'YAML tag not allowed: {detail}' },
      tagHint: { es: 'Quite la etiqueta que empieza con «!»; los archivos del plan sólo llevan textos, números, listas y secciones.', en: 'Remove the tag starting with "!"; plan files hold only text, numbers, lists and sections.' },
      not_json: { es: 'El archivo contiene valores que no son texto, número, lista o sección (por ejemplo .inf o .nan).', en: 'The file holds values that are not text, number, list or section (e.g. .inf or .nan).' },
      not_jsonHint: { es: 'Escriba números finitos y textos simples.', en: 'Write finite numbers and plain text.' },
      too_large: { es: 'El archivo pesa {size} KiB; el máximo es {limit} KiB.', en: 'The file is {size} KiB; the limit is {limit} KiB.' },
      too_largeHint: { es: 'Divida el contenido o guarde los anexos pesados como evidencia aparte.', en: 'Split the content, or keep large attachments as separate evidence files.' },
      utf16: { es: 'El archivo está guardado en UTF-16 («Unicode» del Bloc de notas), no en UTF-8.', en: 'The file is saved as UTF-16 (Notepad "Unicode"), not UTF-8.' },
      nul: { es: 'El archivo contiene bytes nulos: parece un archivo binario, no texto YAML.', en: 'The file contains NUL bytes: it looks binary, not YAML text.' },
      nulHint: { es: 'Guarde aquí sólo texto YAML; los documentos escaneados van en evidencias.', en: 'Keep only YAML text here; scanned documents go into evidence files.' },
      not_utf8: {
        es: 'El archivo no está en UTF-8: el byte 0x{byte} parece «{char}» de Latin-1/Windows-1252.',
        en: 'The file is not UTF-8: byte 0x{byte} looks like "{char}" in Latin-1/Windows-1252.',
      },
      encodingHint: {
        es: 'Vuelva a guardarlo como UTF-8: en VS Code, clic en la codificación de la barra inferior → «Reabrir con codificación» → Windows 1252, y luego «Guardar con codificación» → UTF-8; en el Bloc de notas, «Guardar como» → Codificación: UTF-8.',
        en: 'Save it again as UTF-8: in VS Code click the encoding in the status bar → "Reopen with Encoding" → Windows 1252, then "Save with Encoding" → UTF-8; in Notepad, "Save as" → Encoding: UTF-8.',
      },
      unreadable: { es: 'No se pudo leer el archivo: {detail}', en: 'The file could not be read: {detail}' },
      unreadableHint: { es: 'Revise los permisos del archivo.', en: 'Check the file permissions.' },
    },
    examples: {
      file: 'dependencias/OP/dependencia.yaml',
      invalid: 'clave: OP\nnombre: Dirección de Obras Públicas\nnombre: Obras Públicas\n',
      valid: 'clave: OP\nnombre: Dirección de Obras Públicas\n',
    },
  },
};
