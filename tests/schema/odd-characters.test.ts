// Issue 11, item 7: a message that quotes a value beside the correct one names the character
// the user cannot see — a Cyrillic letter, a zero-width space, a no-break space — by code
// point, Unicode name and position; and never prints an empty list of allowed fields.
import { describe, expect, it } from 'vitest';
import { oddCharacters, oddCharactersText } from '../../src/i18n/characters.js';
import { PLAN004 } from '../../src/rules/PLAN004-referencia-inexistente.js';
import { baseRepo, checkRule, lineOf, validateFiles } from '../helpers/fixture.js';

const PPCS = 'dependencias/OP/ppcs/OP-01.yaml';
const REPORT = 'dependencias/OP/reportes/2019-T1.yaml';

function schemaDiagnostics(mutate: (files: ReturnType<typeof baseRepo>) => void) {
  const files = baseRepo();
  mutate(files);
  return { files, diagnostics: validateFiles(files).filter((d) => d.rule === 'PLAN002') };
}

describe('the characters a message names', () => {
  it('names a Cyrillic look-alike by code point, Unicode name and position', () => {
    expect(oddCharacters('ОP-01')).toEqual([{ position: 1, codePoint: 'U+041E', name: 'CYRILLIC CAPITAL LETTER O', kind: 'letter', looksLike: 'O' }]);
  });

  it('names zero-width characters, the BOM, the soft hyphen and the no-break space', () => {
    expect(oddCharacters('a\u200Bb\u200Dc\uFEFFd\u00ADe\u00A0f').map((c) => [c.position, c.codePoint, c.name])).toEqual([
      [2, 'U+200B', 'ZERO WIDTH SPACE'],
      [4, 'U+200D', 'ZERO WIDTH JOINER'],
      [6, 'U+FEFF', 'ZERO WIDTH NO-BREAK SPACE'],
      [8, 'U+00AD', 'SOFT HYPHEN'],
      [10, 'U+00A0', 'NO-BREAK SPACE'],
    ]);
  });

  it('counts positions in characters, so a character outside the BMP before it counts once', () => {
    expect(oddCharacters('😀Р')[0]).toMatchObject({ position: 2, codePoint: 'U+0420' });
  });

  it('leaves accented Spanish letters alone', () => {
    expect(oddCharacters('Dirección de Desarrollo Económico, año 2019, señalización')).toEqual([]);
  });

  it('flags an invisible format character outside the table by its code point alone', () => {
    expect(oddCharacters('a\u2064b')).toEqual([{ position: 2, codePoint: 'U+2064', kind: 'invisible' }]);
  });

  it('says at most three and counts the rest', () => {
    expect(oddCharactersText('\u200B\u200B\u200B\u200B\u200B')?.es).toBe(
      'El valor contiene U+200B ZERO WIDTH SPACE en la posición 1 (no se ve), U+200B ZERO WIDTH SPACE en la posición 2 (no se ve), U+200B ZERO WIDTH SPACE en la posición 3 (no se ve) y 2 más: escríbalo de nuevo con el teclado, sin copiar y pegar.',
    );
  });
});

describe('PLAN002 messages that name the invisible', () => {
  it('names the Cyrillic «О» of «ОP-01» beside the example «OP-01»', () => {
    const { files, diagnostics } = schemaDiagnostics((f) => {
      f[PPCS].id = 'ОP-01';
    });
    const problem = diagnostics.find((d) => d.file === PPCS)!;
    expect(problem).toMatchObject({ line: lineOf(files, PPCS, 'id:'), column: 5 });
    expect(problem.message).toBe(
      'El campo «id» tiene el valor «ОP-01», que no tiene el formato esperado. El valor contiene U+041E CYRILLIC CAPITAL LETTER O en la posición 1 (se ve igual que la «O» latina): escríbalo de nuevo con el teclado, sin copiar y pegar.',
    );
    expect(problem.hint).toBe('Ejemplo de un valor correcto: «OP-01».');
  });

  it('names a zero-width space at the end of an id', () => {
    const { diagnostics } = schemaDiagnostics((f) => {
      f[REPORT].ppcs[0].id = 'OP-01\u200B';
    });
    expect(diagnostics.find((d) => d.file === REPORT)!.message).toBe(
      'El campo «id» tiene el valor «OP-01\u200B», que no tiene el formato esperado. El valor contiene U+200B ZERO WIDTH SPACE en la posición 6 (no se ve): escríbalo de nuevo con el teclado, sin copiar y pegar.',
    );
  });

  it('names a no-break space inside a value', () => {
    const { diagnostics } = schemaDiagnostics((f) => {
      f[REPORT].ppcs[0].avances[0].unidad_medida = 'k\u00A0m';
    });
    expect(diagnostics.find((d) => d.file === REPORT)!.message).toMatch(/ El valor contiene U\+00A0 NO-BREAK SPACE en la posición 2 \(se ve como un espacio normal\): escríbalo de nuevo/);
  });

  it('names a Cyrillic «о» in a value of a closed vocabulary beside the allowed values', () => {
    const { diagnostics } = schemaDiagnostics((f) => {
      f[PPCS].estatus = 'activо';
    });
    expect(diagnostics[0]!.message).toBe(
      'El campo «estatus» tiene el valor «activо», que no está permitido. El valor contiene U+043E CYRILLIC SMALL LETTER O en la posición 6 (se ve igual que la «o» latina): escríbalo de nuevo con el teclado, sin copiar y pegar.',
    );
    expect(diagnostics[0]!.hint).toBe('Valores permitidos: «por_iniciar», «activo», «suspendido», «concluido» y «cancelado».');
  });

  it('names a Greek look-alike in a misspelled key beside its suggestion', () => {
    const { diagnostics } = schemaDiagnostics((f) => {
      const nombre = f[PPCS].nombre;
      delete f[PPCS].nombre;
      f[PPCS]['nοmbre'] = nombre;
    });
    const unknown = diagnostics.find((d) => d.message.startsWith('El campo «nοmbre»'))!;
    expect(unknown.message).toBe(
      'El campo «nοmbre» no existe en este tipo de archivo. El valor contiene U+03BF GREEK SMALL LETTER OMICRON en la posición 2 (se ve igual que la «o» latina): escríbalo de nuevo con el teclado, sin copiar y pegar.',
    );
    expect(unknown.hint).toBe('¿Quiso decir «nombre»?');
  });

  it('names an en dash in a date beside the date format', () => {
    const { diagnostics } = schemaDiagnostics((f) => {
      f[REPORT].fecha_entrega = '2019\u201304\u201305';
    });
    expect(diagnostics.find((d) => d.file === REPORT)!.message).toBe(
      'El campo «fecha_entrega» tiene el valor «2019\u201304\u201305», que no es una fecha válida. El valor contiene U+2013 EN DASH en la posición 5 (se ve como el guion «-») y U+2013 EN DASH en la posición 8 (se ve como el guion «-»): escríbalo de nuevo con el teclado, sin copiar y pegar.',
    );
  });

  it('adds nothing to a message whose value is plain ASCII', () => {
    const { diagnostics } = schemaDiagnostics((f) => {
      f[PPCS].id = 'OP01';
    });
    expect(diagnostics[0]!.message).toBe('El campo «id» tiene el valor «OP01», que no tiene el formato esperado.');
  });
});

describe('PLAN004 suggestions that name the invisible', () => {
  it('names a zero-width space in an evidence path beside the suggested file', () => {
    const files = baseRepo();
    files[REPORT].ppcs[0].evidencias = ['dependencias/OP/evidencias/2019-T1/acta\u200B.txt'];
    const [finding] = checkRule(PLAN004, files).filter((d) => d.rule === 'PLAN004');
    expect(finding!.hint).toBe(
      '¿Quiso decir «dependencias/OP/evidencias/2019-T1/acta.txt»? El valor contiene U+200B ZERO WIDTH SPACE en la posición 40 (no se ve): escríbalo de nuevo con el teclado, sin copiar y pegar. Agregue el archivo de evidencia en esa ruta y haga commit junto con el reporte, o corrija la ruta (se distinguen mayúsculas y minúsculas).',
    );
  });
});

describe('allowed fields are never an empty list', () => {
  it('under reglas, suggests the rule id in capitals instead of «Campos permitidos aquí: .»', () => {
    const { diagnostics } = schemaDiagnostics((f) => {
      f['plan.yaml'].reglas = { plan021: 'advertencia' };
    });
    expect(diagnostics.map((d) => [d.file, d.message, d.hint])).toEqual([['plan.yaml', 'El campo «plan021» no existe en este tipo de archivo.', '¿Quiso decir «PLAN021»?']]);
  });

  it('under reglas, says what a key looks like when it is not a rule id at all', () => {
    const { diagnostics } = schemaDiagnostics((f) => {
      f['plan.yaml'].reglas = { entregas: 'advertencia' };
    });
    expect(diagnostics.map((d) => d.hint)).toEqual(['Aquí cada clave es una regla: «PLAN» y tres cifras, por ejemplo «PLAN021:»; «plan rules» las lista.']);
  });
});
