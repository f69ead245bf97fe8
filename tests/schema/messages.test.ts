import { describe, expect, it } from 'vitest';
import { baseRepo, lineOf, render, validateFiles } from '../helpers/fixture.js';

const PPCS = 'dependencias/OP/ppcs/OP-01.yaml';

function schemaDiagnostics(mutate: (files: ReturnType<typeof baseRepo>) => void) {
  const files = baseRepo();
  mutate(files);
  return { files, diagnostics: validateFiles(files).filter((d) => d.rule === 'PLAN002') };
}

describe('PLAN002 schema messages people can act on', () => {
  it('names the allowed values of a closed vocabulary, on the value', () => {
    const { files, diagnostics } = schemaDiagnostics((f) => {
      f[PPCS].estatus = 'en_proceso';
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: PPCS, line: lineOf(files, PPCS, 'estatus:'), column: 10 });
    expect(diagnostics[0]!.message).toBe('El campo «estatus» tiene el valor «en_proceso», que no está permitido.');
    expect(diagnostics[0]!.hint).toBe('Valores permitidos: «por_iniciar», «activo», «suspendido», «concluido» y «cancelado».');
  });

  it('points at a misspelled key and suggests the right one', () => {
    const { files, diagnostics } = schemaDiagnostics((f) => {
      f[PPCS].poblacion_objetivo = undefined;
      f[PPCS].poblacion_objetvo = { descripcion: 'Vecinos', cantidad: 10 };
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: lineOf(files, PPCS, 'poblacion_objetvo:'), column: 1 });
    expect(diagnostics[0]!.message).toBe('El campo «poblacion_objetvo» no existe en este tipo de archivo.');
    expect(diagnostics[0]!.hint).toBe('¿Quiso decir «poblacion_objetivo»?');
  });

  it('reports a misspelled required key once, with the right name', () => {
    const file = 'dependencias/OP/reportes/2019-T1.yaml';
    const { diagnostics } = schemaDiagnostics((f) => {
      const avance = f[file].ppcs[0].avances[0];
      avance.valr = avance.valor;
      delete avance.valor;
    });
    expect(diagnostics.map((d) => d.message)).toEqual(['El campo «valr» no existe en este tipo de archivo.']);
    expect(diagnostics[0]!.hint).toBe('¿Quiso decir «valor»?');
  });

  it('reports a missing required field once, on the section that should hold it', () => {
    const file = 'dependencias/OP/reportes/2019-T1.yaml';
    const { diagnostics } = schemaDiagnostics((f) => {
      delete f[file].fecha_entrega;
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file, line: 1 });
    expect(diagnostics[0]!.message).toMatch(/^Falta el campo obligatorio «fecha_entrega»/);
  });

  it('explains an impossible date and how to write one', () => {
    const file = 'dependencias/OP/reportes/2019-T1.yaml';
    const { files, diagnostics } = schemaDiagnostics((f) => {
      f[file].fecha_entrega = '2019-02-30';
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: lineOf(files, file, 'fecha_entrega:') });
    expect(diagnostics[0]!.message).toBe('El campo «fecha_entrega» tiene el valor «2019-02-30», que no es una fecha válida.');
    expect(diagnostics[0]!.hint).toBe('Escriba la fecha como AAAA-MM-DD, por ejemplo 2019-06-27.');
  });

  it('says which type a value must have', () => {
    const file = 'dependencias/OP/reportes/2019-T1.yaml';
    const { files, diagnostics } = schemaDiagnostics((f) => {
      f[file].ppcs[0].avances[0].valor = 'dos';
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: lineOf(files, file, 'valor:') });
    expect(diagnostics[0]!.message).toBe('El campo «valor» debe ser un número; se encontró «dos».');
  });

  it('reports a badly formed id with an example of a good one', () => {
    const { diagnostics } = schemaDiagnostics((f) => {
      f['dependencias/OP/reportes/2019-T1.yaml'].trimestre = '2019-Q1';
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toBe('El campo «trimestre» tiene el valor «2019-Q1», que no tiene el formato esperado.');
    expect(diagnostics[0]!.hint).toMatch(/^Ejemplo de un valor correcto: «2019-T\d»\.$/);
  });

  it('names list items by their position when an item is wrong', () => {
    const file = 'dependencias/OP/reportes/2019-T1.yaml';
    const { diagnostics } = schemaDiagnostics((f) => {
      f[file].ppcs[0].colaboraciones = ['DIF', 'DIF'];
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toBe('El campo «colaboraciones» repite el valor «DIF».');
  });

  it('points at the repeated item, not at its first occurrence', () => {
    const file = 'dependencias/OP/reportes/2019-T1.yaml';
    const { files, diagnostics } = schemaDiagnostics((f) => {
      f[file].ppcs[0].evidencias = ['uno.txt', 'dos.txt', 'dos.txt'];
    });
    expect(diagnostics[0]!.line).toBe(lineOf(files, file, '- dos.txt') + 1);
  });
});

describe('PLAN002 numbers written the way a spreadsheet shows them', () => {
  const file = 'dependencias/OP/reportes/2019-T1.yaml';

  /** The one PLAN002 finding when the first avance's `valor` is written as `written`. */
  function valor(written: unknown, lang: 'es' | 'en' = 'es') {
    const files = baseRepo();
    files[file].ppcs[0].avances[0].valor = written;
    const diagnostics = validateFiles(files, { lang }).filter((d) => d.rule === 'PLAN002');
    expect(diagnostics).toHaveLength(1);
    return { files, diagnostic: diagnostics[0]! };
  }

  it('says to write 3420 without commas, on the value', () => {
    const { files, diagnostic } = valor('3,420');
    expect(diagnostic).toMatchObject({ file, line: lineOf(files, file, 'valor:'), column: 16 });
    expect(diagnostic.message).toBe('El campo «valor» debe ser un número; se encontró «3,420».');
    expect(diagnostic.hint).toBe('Escriba 3420 sin comas.');
  });

  it('keeps the decimals of 1,234.5', () => {
    expect(valor('1,234.5').diagnostic.hint).toBe('Escriba 1234.5 sin comas.');
  });

  it('says to write 40 without % whether or not a space comes before it', () => {
    const { files, diagnostic } = valor('40 %');
    expect(diagnostic).toMatchObject({ file, line: lineOf(files, file, 'valor:'), column: 16 });
    expect(diagnostic.message).toBe('El campo «valor» debe ser un número; se encontró «40 %».');
    expect(diagnostic.hint).toBe('Escriba 40 sin %.');
    expect(valor('40%').diagnostic.hint).toBe('Escriba 40 sin %.');
  });

  it('names the currency sign and the commas of an amount', () => {
    expect(valor('$1,250.50').diagnostic.hint).toBe('Escriba 1250.50 sin $ ni comas.');
  });

  it('names the currency word as it was written', () => {
    expect(valor('3420 pesos').diagnostic.hint).toBe('Escriba 3420 sin «pesos».');
  });

  it('reads a lone comma before one or two digits as a decimal comma', () => {
    expect(valor('12,5').diagnostic.hint).toBe('Escriba 12.5, con punto decimal.');
  });

  it('says to drop the quotes around a number', () => {
    const { files, diagnostic } = valor('12');
    expect(render(files[file]!)).toContain('valor: "12"');
    expect(diagnostic.message).toBe('El campo «valor» debe ser un número; se encontró «12».');
    expect(diagnostic.hint).toBe('Escriba 12 sin comillas.');
  });

  it('says to drop spaces that group thousands in a whole number', () => {
    const files = baseRepo();
    files[file].ppcs[0].beneficiarios.total = '1 200';
    const diagnostics = validateFiles(files).filter((d) => d.rule === 'PLAN002');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message} (${d.hint})`)).toEqual([
      `${lineOf(files, file, 'total:')}:14 El campo «total» debe ser un número entero; se encontró «1 200». (Escriba 1200 sin espacios.)`,
    ]);
  });

  it('gives no fix for a word where a number goes', () => {
    expect(valor('dos').diagnostic.hint).toBeUndefined();
  });

  it('says it in English with --lang en', () => {
    const { diagnostic } = valor('$3,420', 'en');
    expect(diagnostic.message).toBe('Field "valor" must be a number; found «$3,420».');
    expect(diagnostic.hint).toBe('Write 3420 without $ or commas.');
  });
});

describe('PLAN002 a text with «: » read as a section', () => {
  it('says to quote a list item that YAML read as a one-field section', () => {
    const file = 'dependencias/OP/reportes/2019-T1.yaml';
    const { files, diagnostics } = schemaDiagnostics((f) => {
      f[file].ppcs[0].evidencias = ['acta.txt', { Acta: 'firmada' }];
    });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message} (${d.hint})`)).toEqual([
      `${file}:${lineOf(files, file, 'Acta: firmada')}:9 El elemento 2 de «evidencias» debe ser un texto; se encontró una sección con campos (clave: valor). (Si el texto contiene «: », escríbalo entre comillas: - "Acta: firmada")`,
    ]);
  });
});

