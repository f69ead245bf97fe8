// Hostile YAML and encodings a department's pull request can carry, beyond the cases of
// tests/load/bad-input.test.ts: YAML 1.1 habits (octals, sexagesimals, yes/on/off, merge
// keys), the remaining non-JSON tags, huge strings, CRLF line ends, and the encodings a
// Windows editor produces (UTF-16 in both byte orders, Windows-1252's own bytes).
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadPlan } from '../../src/load.js';
import type { PlanModel } from '../../src/model/model.js';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, DEFAULT_CUTOFF, render, validateFiles, where, writeRepo, type Files } from '../helpers/fixture.js';

const DEP = 'dependencias/OP/dependencia.yaml';
const PPCS = 'dependencias/OP/ppcs/OP-01.yaml';

/** The YAML text of one fixture file, as the builder writes it. */
function yamlOf(files: Files, file: string): string {
  return render(files[file]!) as string;
}

/** Diagnostics of one file after replacing it in the base repo. */
function diagnosticsOf(file: string, content: string | Uint8Array): Diagnostic[] {
  return validateFiles({ ...baseRepo(), [file]: content }).filter((d) => d.file === file);
}

/** The model built from the base repo with one file replaced: the values the rules and reports see. */
function modelWith(file: string, content: string): PlanModel {
  const root = writeRepo({ ...baseRepo(), [file]: content });
  return loadPlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF }).model;
}

const titularOf = (model: PlanModel) => model.departmentsByClave.get('OP')?.data.titular;

describe('YAML 1.1 habits read under the 1.2 core schema, even with a %YAML 1.1 directive', () => {
  const directive = '%YAML 1.1\n---\n';

  it('reads 0777 as the decimal 777, not the octal 511', () => {
    const text = directive + yamlOf(baseRepo(), PPCS).replace('cantidad: 5000', 'cantidad: 0777');
    expect(diagnosticsOf(PPCS, text)).toEqual([]);
    expect(modelWith(PPCS, text).ppcsOf('OP')[0]!.data.poblacion_objetivo?.cantidad).toBe(777);
  });

  it('keeps a sexagesimal 1:20 as the text «1:20»: a text field accepts it and a number field refuses it', () => {
    const asText = directive + yamlOf(baseRepo(), DEP).replace('titular: Titular de la dependencia', 'titular: 1:20');
    expect(diagnosticsOf(DEP, asText)).toEqual([]);
    expect(titularOf(modelWith(DEP, asText))).toBe('1:20');

    const asNumber = directive + yamlOf(baseRepo(), PPCS).replace('meta_anual: 10', 'meta_anual: 1:20');
    const diagnostics = diagnosticsOf(PPCS, asNumber);
    expect(diagnostics.map((d) => d.rule)).toContain('PLAN002');
    expect(diagnostics.find((d) => d.rule === 'PLAN002')!.message).toContain('«1:20»');
  });

  it('keeps yes, on, off, y and n as text in text fields', () => {
    for (const word of ['yes', 'on', 'off', 'y', 'n', 'Yes', 'ON', 'No']) {
      const text = directive + yamlOf(baseRepo(), DEP).replace('titular: Titular de la dependencia', `titular: ${word}`);
      expect(diagnosticsOf(DEP, text), word).toEqual([]);
      expect(titularOf(modelWith(DEP, text)), word).toBe(word);
    }
  });

  it('refuses yes and off where a real boolean is required', () => {
    for (const word of ['yes', 'off']) {
      const text = directive + yamlOf(baseRepo(), PPCS).replace('aplica: false', `aplica: ${word}`);
      const diagnostics = diagnosticsOf(PPCS, text);
      expect(diagnostics.map((d) => d.rule), word).toEqual(['PLAN002']);
      expect(diagnostics[0]!.message).toContain('verdadero o falso');
    }
  });

  it('treats a merge key «<<» as an unknown field, not as a merge', () => {
    const text = `${yamlOf(baseRepo(), DEP).replace('enlace:', 'enlace: &enlace')}contacto:\n  <<: *enlace\n`;
    const diagnostics = diagnosticsOf(DEP, text);
    expect(diagnostics.every((d) => d.rule === 'PLAN002')).toBe(true);
    expect(diagnostics.map((d) => d.message)).toContain('El campo «contacto» no existe en este tipo de archivo.');

    const inside = yamlOf(baseRepo(), DEP).replace('enlace:\n  nombre: Enlace de planeación\n', 'enlace:\n  <<: {nombre: Enlace de planeación}\n  nombre: Enlace\n');
    const merged = diagnosticsOf(DEP, inside);
    expect(merged.map((d) => d.rule)).toEqual(['PLAN002']);
    expect(merged[0]!.message).toBe('El campo «<<» no existe en este tipo de archivo.');
    expect(merged[0]!.line).toBe(inside.split('\n').findIndex((l) => l.includes('<<:')) + 1);
  });
});

describe('tags that build non-JSON values are refused', () => {
  for (const tag of ['!!omap', '!!pairs']) {
    it(`refuses ${tag} in flow form, naming the tag on its line`, () => {
      const diagnostics = diagnosticsOf(DEP, `clave: OP\nnombre: Obras\nenlace: ${tag} [{a: 1}, {b: 2}]\n`);
      expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:3`]);
      expect(diagnostics[0]!.message).toBe(`Etiqueta YAML no permitida: ${tag}`);
    });

    it(`refuses ${tag} in block form, naming the tag`, () => {
      const diagnostics = diagnosticsOf(DEP, `clave: OP\nnombre: Obras\nenlace: ${tag}\n  - a: 1\n  - b: 2\n`);
      expect(diagnostics.map((d) => d.rule)).toEqual(['PLAN001']);
      expect(diagnostics[0]!.message).toBe(`Etiqueta YAML no permitida: ${tag}`);
    });

    // A node's range leaves the tag out; for a block collection that is the first item.
    it(`places ${tag} in block form on the line of the tag`, () => {
      const diagnostics = diagnosticsOf(DEP, `clave: OP\nnombre: Obras\nenlace: ${tag}\n  - a: 1\n  - b: 2\n`);
      expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:3`]);
    });
  }

  it('refuses a tag declared through a %TAG directive', () => {
    const diagnostics = diagnosticsOf(DEP, '%TAG !e! tag:example.com,2000:\n---\nclave: OP\nnombre: !e!cosa Obras\n');
    expect(diagnostics.map((d) => d.rule)).toEqual(['PLAN001']);
    expect(diagnostics[0]!.line).toBe(4);
  });
});

describe('huge strings', () => {
  const NINE_HUNDRED_KB = 900 * 1024;

  it('accepts a 900 KB comment: the file is under the size cap', () => {
    const text = `${yamlOf(baseRepo(), DEP)}# ${'x'.repeat(NINE_HUNDRED_KB)}\n`;
    const started = performance.now();
    expect(diagnosticsOf(DEP, text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('parses a 900 KB value and refuses it against the schema maxLength, quickly and without echoing it', () => {
    const text = yamlOf(baseRepo(), DEP).replace('nombre: Dirección de Obras Públicas', `nombre: ${'x'.repeat(NINE_HUNDRED_KB)}`);
    const root = writeRepo({ ...baseRepo(), [DEP]: text });
    const started = performance.now();
    const diagnostics = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF }).diagnostics.filter((d) => d.file === DEP);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN002', line: 2 });
    expect(diagnostics[0]!.message).toBe(`El campo «nombre» es demasiado largo (${NINE_HUNDRED_KB} caracteres; máximo 200).`);
  });

  it('refuses a 900 KB double-quoted string full of escapes against maxLength as well', () => {
    const text = yamlOf(baseRepo(), DEP).replace('titular: Titular de la dependencia', `titular: "${'\\u00e9'.repeat(150_000)}"`);
    const started = performance.now();
    const diagnostics = diagnosticsOf(DEP, text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(diagnostics.map((d) => d.rule)).toEqual(['PLAN002']);
    expect(diagnostics[0]!.message.length).toBeLessThan(200);
  });
});

describe('CRLF line ends', () => {
  /** A repo with findings in several files: schema errors, rule findings, a syntax error, a justification. */
  function repoWithFindings(): Files {
    const files = baseRepo();
    files[DEP].extra = 'campo desconocido';
    files['dependencias/OP/reportes/2019-T1.yaml'].ppcs[0].avances[0].unidad_medida = 'persona';
    files['dependencias/DIF/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
    const text = files;
    text['dependencias/DIF/ppcs/DIF-01.yaml'] = yamlOf(files, 'dependencias/DIF/ppcs/DIF-01.yaml').replace('responsable:', 'responsable: "sin cerrar\nx:');
    text['dependencias/DIF/reportes/2019-T1.yaml'] = yamlOf(files, 'dependencias/DIF/reportes/2019-T1.yaml').replace(
      'fecha_entrega: 2019-04-03',
      'fecha_entrega: 2019-04-03  # plan-justifica PLAN021: declaratoria de emergencia',
    );
    text['planeacion/excepciones.yaml'] = 'excepciones:\n  - regla: PLAN020\n    archivo: no/existe.yaml\n';
    return text;
  }

  function toCrlf(files: Files): Files {
    return Object.fromEntries(Object.entries(files).map(([file, content]) => {
      const rendered = render(content);
      return [file, typeof rendered === 'string' && file.endsWith('.yaml') ? rendered.replace(/\n/g, '\r\n') : rendered];
    }));
  }

  it('gives every finding the same file, line, column and message as the LF file', () => {
    const lf = validateFiles(repoWithFindings());
    const crlf = validateFiles(toCrlf(repoWithFindings()));
    expect(lf.length).toBeGreaterThan(3);
    expect(crlf).toEqual(lf);
  });

  it('places a Windows-1252 byte at the same line and column in a CRLF file', () => {
    const lf = diagnosticsOf(DEP, Buffer.from('clave: OP\nnombre: Direcci\xf3n\n', 'latin1'));
    const crlf = diagnosticsOf(DEP, Buffer.from('clave: OP\r\nnombre: Direcci\xf3n\r\n', 'latin1'));
    expect(crlf).toEqual(lf);
    expect(crlf[0]).toMatchObject({ line: 2, column: 16 });
  });

  it('accepts a valid file with a BOM and CRLF line ends', () => {
    const text = `\uFEFF${yamlOf(baseRepo(), DEP).replace(/\n/g, '\r\n')}`;
    expect(diagnosticsOf(DEP, Buffer.from(text, 'utf8'))).toEqual([]);
  });
});

describe('encodings from Windows editors', () => {
  const UTF16_MESSAGE = 'El archivo está guardado en UTF-16 («Unicode» del Bloc de notas), no en UTF-8.';
  const text = 'clave: OP\nnombre: Dirección\n';

  it('names UTF-16 little-endian with its BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(diagnosticsOf(DEP, bytes).map((d) => d.message)).toEqual([UTF16_MESSAGE]);
  });

  it('names UTF-16 big-endian with its BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const diagnostics = diagnosticsOf(DEP, bytes);
    expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:1`]);
    expect(diagnostics[0]!.message).toBe(UTF16_MESSAGE);
    expect(diagnostics[0]!.hint).toContain('UTF-8');
  });

  // Without a BOM, UTF-16 text must still be named UTF-16, not «un archivo binario». PowerShell's `Out-File
  // -Encoding Unicode` writes a BOM, but other tools (and a BOM stripped by a copy) do not.
  it('names UTF-16 without a BOM, in either byte order', () => {
    for (const bytes of [Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()]) {
      expect(diagnosticsOf(DEP, bytes).map((d) => d.message)).toEqual([UTF16_MESSAGE]);
    }
  });

  it('names a Latin-1 accent that Windows-1252 shares, with its position', () => {
    const bytes = Buffer.concat([Buffer.from('clave: OP\nnombre: '), Buffer.from([0xd1]), Buffer.from('o\n')]);
    const diagnostics = diagnosticsOf(DEP, bytes);
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN001', line: 2, column: 9 });
    expect(diagnostics[0]!.message).toBe('El archivo no está en UTF-8: el byte 0xD1 parece «Ñ» de Latin-1/Windows-1252.');
  });

  it('points at a byte in 0x80–0x9F, the range only Windows-1252 uses', () => {
    for (const byte of [0x80, 0x85, 0x91, 0x93, 0x94, 0x96]) {
      const bytes = Buffer.concat([Buffer.from('clave: OP\nnombre: '), Buffer.from([byte]), Buffer.from('Obras\n')]);
      const diagnostics = diagnosticsOf(DEP, bytes);
      const hex = byte.toString(16).toUpperCase();
      expect(diagnostics, hex).toHaveLength(1);
      expect(diagnostics[0], hex).toMatchObject({ rule: 'PLAN001', line: 2, column: 9 });
      expect(diagnostics[0]!.message, hex).toContain(`el byte 0x${hex} parece`);
    }
  });

  // new TextDecoder('windows-1252') is not used to name the character: since Node 20.18.3 / 22.13.0 decodes 0x80–0x9F as Latin-1 C1 controls
  // (nodejs/node#56542, #60888): the message shows «\u0093», an invisible character,
  // where the department typed «“».
  it('names the Windows-1252 character of each byte in 0x80–0x9F that Latin-1 lacks', () => {
    const cases: [number, string][] = [
      [0x93, '“'],
      [0x94, '”'],
      [0x80, '€'],
      [0x85, '…'],
      [0x96, '–'],
      [0x91, '‘'],
    ];
    for (const [byte, char] of cases) {
      const bytes = Buffer.concat([Buffer.from('clave: OP\nnombre: '), Buffer.from([byte]), Buffer.from('Obras\n')]);
      const hex = byte.toString(16).toUpperCase();
      expect(diagnosticsOf(DEP, bytes)[0]!.message, hex).toBe(`El archivo no está en UTF-8: el byte 0x${hex} parece «${char}» de Latin-1/Windows-1252.`);
    }
  });

  it('names the first bad byte when a Windows-1252 quote follows valid UTF-8 accents', () => {
    const bytes = Buffer.concat([Buffer.from('clave: OP\nnombre: Dirección '), Buffer.from([0x93]), Buffer.from('Obras'), Buffer.from([0x94]), Buffer.from('\n')]);
    const diagnostics = diagnosticsOf(DEP, bytes);
    // Columns count bytes: «ó» is two bytes in UTF-8.
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN001', line: 2, column: 20 });
    expect(diagnostics[0]!.message).toContain('0x93');
  });
});
