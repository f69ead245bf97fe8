import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, DEFAULT_CUTOFF, validateFiles, where, writeRepo, type Files } from '../helpers/fixture.js';
import { canRunUnprivileged, handToUnprivileged, runCliUnprivileged } from '../helpers/unprivileged.js';

const DEP = 'dependencias/OP/dependencia.yaml';

/** The base repo with one file replaced by hostile content; diagnostics of that file only. */
function withFile(file: string, content: string | Uint8Array, extra: Files = {}) {
  const files = { ...baseRepo(), ...extra, [file]: content };
  return validateFiles(files).filter((d) => d.file === file);
}

describe('bad input gets a positioned PLAN001 diagnostic, never a crash', () => {
  it('reports an empty file', () => {
    const diagnostics = withFile(DEP, '');
    expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:1`]);
    expect(diagnostics[0]!.message).toBe('El archivo está vacío.');
  });

  it('reports a file with only comments as empty', () => {
    expect(withFile(DEP, '# pendiente de llenar\n')[0]!.message).toBe('El archivo está vacío.');
  });

  it('reports a bracket left open on the line that opens it', () => {
    const diagnostics = withFile(DEP, 'clave: OP\nnombre: [Obras\ntitular: X\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN001', severity: 'error', line: 2, column: 9 });
    expect(diagnostics[0]!.message).toBe('Falta «]» para cerrar el «[» que se abre aquí.');
  });

  it('reports tab indentation on the tabbed line', () => {
    const diagnostics = withFile(DEP, 'clave: OP\nenlace:\n\tnombre: Juan\n');
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN001', line: 3 });
    expect(diagnostics[0]!.message).toContain('tabuladores');
  });

  it('reports a duplicate key on the repeated key', () => {
    const diagnostics = withFile(DEP, 'clave: OP\nnombre: Obras\ntitular: X\nnombre: Obras Públicas\n');
    expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:4`]);
    expect(diagnostics[0]!.message).toBe('La clave «nombre» se repite en la misma sección; ya aparece en la línea 2.');
  });

  it('refuses an alias bomb without expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']] as const) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const diagnostics = withFile(DEP, `${bomb.join('\n')}\n`);
    expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:2`]);
    expect(diagnostics[0]!.message).toContain('demasiados alias');
  });

  it('refuses a deeply nested flow collection', () => {
    const depth = 5000;
    const diagnostics = withFile(DEP, `clave: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.rule).toBe('PLAN001');
  });

  it('refuses nesting a little past the limit with a message about depth', () => {
    const depth = 80;
    const diagnostics = withFile(DEP, `clave: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(diagnostics[0]!.message).toContain('demasiada profundidad');
  });

  it('refuses a file larger than the limit', () => {
    const diagnostics = withFile(DEP, `clave: OP\nnombre: "${'x'.repeat(1024 * 1024)}"\n`);
    expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:1`]);
    expect(diagnostics[0]!.message).toMatch(/^El archivo pesa 1025 KiB; el máximo es 1024 KiB\.$/);
  });

  it('names the Latin-1 byte, its line, and how to re-save as UTF-8', () => {
    const latin1 = Buffer.from('clave: OP\nnombre: Direcci\xf3n de Obras\n', 'latin1');
    const diagnostics = withFile(DEP, latin1);
    expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:2`]);
    expect(diagnostics[0]!.message).toBe('El archivo no está en UTF-8: el byte 0xF3 parece «ó» de Latin-1/Windows-1252.');
    expect(diagnostics[0]!.column).toBe(16);
    expect(diagnostics[0]!.hint).toContain('UTF-8');
  });

  it('recognises a UTF-16 save from Notepad', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('clave: OP\n', 'utf16le')]);
    const [finding] = withFile(DEP, utf16);
    expect(finding!.message).toContain('UTF-16');
    // Reopening a UTF-16 file as Windows 1252 would garble it: only «save as UTF-8».
    expect(finding!.hint).toBe('Vuelva a guardarlo como UTF-8: en VS Code, clic en la codificación de la barra inferior → «Guardar con codificación» → UTF-8; en el Bloc de notas, «Guardar como» → Codificación: UTF-8.');
  });

  it('accepts a UTF-8 file that starts with a BOM', () => {
    const files = baseRepo();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(readRendered(files, DEP))]);
    expect(withFile(DEP, bom)).toEqual([]);
  });

  it('reports NUL bytes as a binary file at their position', () => {
    const diagnostics = withFile(DEP, Buffer.from('clave: OP\nnom\0bre: X\n'));
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN001', line: 2, column: 4 });
    expect(diagnostics[0]!.message).toContain('bytes nulos');
  });

  it('refuses a file with several YAML documents, at the separator of the second one', () => {
    const diagnostics = withFile(DEP, 'clave: OP\n---\nclave: DIF\n');
    expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:2`]);
    expect(diagnostics[0]!.message).toContain('más de un documento');
  });

  it('refuses YAML tags such as !!js/function', () => {
    const diagnostics = withFile(DEP, 'clave: OP\nnombre: !!js/function "function () { return 1 }"\n');
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN001', line: 2 });
    expect(diagnostics[0]!.message).toMatch(/^Etiqueta YAML no permitida/);
  });

  it('refuses non-JSON values built by !!binary, !!set and !!timestamp', () => {
    for (const value of ['!!binary aGVsbG8=', '!!set {a, b}', '!!timestamp 2019-01-01']) {
      const diagnostics = withFile(DEP, `clave: OP\nnombre: ${value}\n`);
      expect(diagnostics[0]?.rule, value).toBe('PLAN001');
    }
  });

  it('keeps YAML 1.1 booleans and dates as strings even under a %YAML 1.1 directive', () => {
    const files = baseRepo();
    files['dependencias/OP/dependencia.yaml'].titular = 'no';
    const text = `%YAML 1.1\n---\n${readRendered(files, DEP)}`;
    expect(withFile(DEP, text)).toEqual([]);
  });

  it('rejects __proto__ and constructor keys as unknown fields without polluting prototypes', () => {
    const text = `${readRendered(baseRepo(), DEP)}__proto__:\n  polluted: true\nconstructor: 1\n`;
    const diagnostics = withFile(DEP, text);
    expect(diagnostics.map((d) => d.rule)).toEqual(['PLAN002', 'PLAN002']);
    expect(diagnostics[0]!.message).toBe('El campo «__proto__» no existe en este tipo de archivo.');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('symlinks and configuration', () => {
  it('does not read a data file that is a symlink, even one pointing at /etc/passwd', () => {
    const root = writeRepo(baseRepo());
    symlinkSync('/etc/passwd', path.join(root, 'dependencias/OP/ppcs/OP-09.yaml'));
    const diagnostics = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF }).diagnostics;
    expect(where(diagnostics)).toEqual(['PLAN006 dependencias/OP/ppcs/OP-09.yaml:1']);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toContain('enlace simbólico');
  });

});

describe('files in unexpected places', () => {
  const reportOf = (clave: string, trimestre: string) => `dependencia: ${clave}\ntrimestre: ${trimestre}\nfecha_entrega: 2019-09-27\nelaboro: Ana\nppcs: []\n`;

  it('refuses a report saved outside reportes/ as an error that names where it belongs', () => {
    const diagnostics = validateFiles({ ...baseRepo(), 'dependencias/OP/2019-T3.yml': reportOf('OP', '2019-T3') });
    expect(where(diagnostics)).toEqual(['PLAN006 dependencias/OP/2019-T3.yml:1']);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      message: 'Este archivo parece un reporte trimestral, pero está fuera de lugar: no se revisó y no cuenta en la evaluación.',
      hint: 'Muévalo a «dependencias/OP/reportes/2019-T3.yaml» (con «git mv», para conservar su historia) y vuelva a validar.',
    });
  });

  it('takes the department and quarter from the content when the path does not give them', () => {
    const diagnostics = validateFiles({ ...baseRepo(), 'planeacion/reporte-sp.yaml': reportOf('SP', '2019-T2') });
    expect(diagnostics[0]!.hint).toBe('Muévalo a «dependencias/SP/reportes/2019-T2.yaml» (con «git mv», para conservar su historia) y vuelva a validar.');
  });

  it('names the place of a carátula, a department card and a feedback file by their keys', () => {
    const diagnostics = validateFiles({
      ...baseRepo(),
      'dependencias/OP/OP-07.yaml': 'id: OP-07\ntipo: programa\nnombre: Bacheo\nestatus: activo\n',
      'dependencias/dif.yaml': 'clave: DIF\nnombre: DIF\ntitular: Luz\n',
      'planeacion/retro-T2.yaml': 'trimestre: 2019-T2\nobservaciones: []\n',
    });
    expect(diagnostics.map((d) => `${d.file} ${d.severity} ${d.hint}`)).toEqual([
      'dependencias/OP/OP-07.yaml error Muévalo a «dependencias/OP/ppcs/OP-07.yaml» (con «git mv», para conservar su historia) y vuelva a validar.',
      'dependencias/dif.yaml error Muévalo a «dependencias/DIF/dependencia.yaml» (con «git mv», para conservar su historia) y vuelva a validar.',
      'planeacion/retro-T2.yaml error Muévalo a «planeacion/retroalimentacion/2019-T2.yaml» (con «git mv», para conservar su historia) y vuelva a validar.',
    ]);
  });

  it('treats a quarter-named file in a misspelled folder as a misplaced report', () => {
    const diagnostics = validateFiles({ ...baseRepo(), 'dependencias/OP/reporte/2019-T2.yaml': 'dependencia: OP\n' });
    expect(where(diagnostics)).toEqual(['PLAN006 dependencias/OP/reporte/2019-T2.yaml:1']);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', hint: 'Muévalo a «dependencias/OP/reportes/2019-T2.yaml» (con «git mv», para conservar su historia) y vuelva a validar.' });
  });

  it('asks for the .yaml extension of a file that is otherwise in its place', () => {
    const diagnostics = validateFiles({ ...baseRepo(), 'planeacion/genero/2019.yml': 'ejercicio: 2019\n' });
    expect(where(diagnostics)).toEqual(['PLAN006 planeacion/genero/2019.yml:1']);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      message: 'Este archivo parece un archivo de recomendaciones de género, pero está fuera de lugar: no se revisó y no cuenta en la evaluación.',
      hint: 'Muévalo a «planeacion/genero/2019.yaml» (con «git mv», para conservar su historia) y vuelva a validar.',
    });
  });

  it('only warns about a YAML file that does not look like plan data', () => {
    const diagnostics = validateFiles({ ...baseRepo(), 'dependencias/OP/notas.yaml': 'pendientes:\n  - llamar a Tesorería\n', 'planeacion/roto.yaml': 'a: [1\n' });
    expect(diagnostics.map((d) => `${d.rule} ${d.file} ${d.severity} ${d.message}`)).toEqual([
      'PLAN006 dependencias/OP/notas.yaml warning Este archivo YAML no está en un lugar que «plan» reconozca y no se revisó.',
      'PLAN006 planeacion/roto.yaml warning Este archivo YAML no está en un lugar que «plan» reconozca y no se revisó.',
    ]);
  });

  it('leaves evidence folders and files outside the managed folders alone', () => {
    const diagnostics = validateFiles({ ...baseRepo(), 'dependencias/OP/evidencias/datos.yaml': 'a: 1\n', 'docs/notas.yaml': 'a: 1\n' });
    expect(diagnostics).toEqual([]);
  });
});

describe('validation never writes into the repository', () => {
  it('leaves every input byte and timestamp as it was, bad files included', () => {
    const root = writeRepo({
      ...baseRepo(),
      'dependencias/DIF/dependencia.yaml': Buffer.from('clave: DIF\nnombre: Desarrollo Integral de la Familia \xe1\n', 'latin1'),
      'dependencias/OP/ppcs/OP-02.yaml': 'id: OP-02\nid: OP-03\n',
    });
    const before = snapshot(root);
    validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
    expect(snapshot(root)).toEqual(before);
  });
});

function readRendered(files: Files, file: string): string {
  const root = writeRepo({ [file]: files[file]! });
  return readFileSync(path.join(root, file), 'utf8');
}

function snapshot(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else result[path.relative(root, full)] = `${createHash('sha256').update(readFileSync(full)).digest('hex')} ${statSync(full).mtimeMs}`;
    }
  };
  walk(root);
  return result;
}

describe('encoding edge cases', () => {
  it('points at a CESU-8 surrogate sequence, which is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('clave: OP\nnombre: X'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]);
    const diagnostics = withFile(DEP, bytes);
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN001', line: 2, column: 10 });
    expect(diagnostics[0]!.message).toContain('0xED');
  });

  it('reads a file with old Mac line ends (a lone CR) line by line', () => {
    const files = baseRepo();
    const text = readRendered(files, DEP).replace(/\n/g, '\r');
    expect(withFile(DEP, text)).toEqual([]);
  });

  it('reports only the first of cascading syntax errors, in Spanish', () => {
    const diagnostics = withFile(DEP, 'clave: OP\nnombre: "Obras\ntitular: X\nenlace:\n  nombre: Y\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).not.toMatch(/[A-Z][a-z]+ [a-z]+ [a-z]+ (is|are|must|not)/);
  });

  it('refuses a key that is a list, at the key', () => {
    const diagnostics = withFile(DEP, 'clave: OP\n? [a, b]\n: 1\n');
    expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:2`]);
    expect(diagnostics[0]!.message).toBe('Una clave debe ser un texto simple, no una lista ni una sección.');
  });

  it('refuses a number beyond float range at its position', () => {
    const diagnostics = withFile(DEP, 'clave: OP\nnombre: 1e400\n');
    expect(where(diagnostics)).toEqual([`PLAN001 ${DEP}:2`]);
  });

  it('names the refused tag', () => {
    const diagnostics = withFile(DEP, 'clave: OP\nnombre: !!js/function "f"\n');
    expect(diagnostics[0]!.message).toBe('Etiqueta YAML no permitida: !!js/function');
  });
});

describe('folders that cannot be read', () => {
  // Root reads any folder regardless of its mode, so the CLI runs as an ordinary user
  // (nobody, through setpriv, when the tests run as root as CI does).
  it.skipIf(!canRunUnprivileged)('reports a folder without read permission and checks the rest', () => {
    const root = writeRepo({ ...baseRepo(), 'dependencias/OP/evidencias/privado/x.txt': 'x' });
    const folder = path.join(root, 'dependencias/OP/evidencias/privado');
    handToUnprivileged(root);
    chmodSync(folder, 0o000);
    try {
      const run = runCliUnprivileged(['validate', '-C', root, '--fecha-corte', DEFAULT_CUTOFF], root);
      expect(run.uid).not.toBe(0);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('dependencias/OP/evidencias/privado\n  1:1  error  No se pudo leer la carpeta «dependencias/OP/evidencias/privado» (EACCES); sus archivos no se revisaron.  PLAN001\n');
      // The rest was checked: every other file, and nothing else to report.
      expect(run.stdout).toContain('✖ 1 problema(s): 1 error(es) y 0 advertencia(s) en 8 archivo(s) revisado(s).');
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});

describe('a plan file saved in the place of another kind', () => {
  it('says a report saved in ppcs/ belongs in reportes/, instead of a list of carátula schema errors', () => {
    const files = baseRepo();
    const diagnostics = validateFiles({ ...files, 'dependencias/OP/ppcs/2019-T2.yaml': { ...files['dependencias/OP/reportes/2019-T1.yaml'], trimestre: '2019-T2' } });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.file}:${d.line} ${d.message} ${d.hint}`)).toEqual([
      'PLAN006 dependencias/OP/ppcs/2019-T2.yaml:1 Este archivo parece un reporte trimestral, pero está fuera de lugar: no se revisó y no cuenta en la evaluación. Muévalo a «dependencias/OP/reportes/2019-T2.yaml» (con «git mv», para conservar su historia) y vuelva a validar.',
    ]);
  });

  it('keeps the schema errors of a broken file of the right kind', () => {
    const files = baseRepo();
    delete files['dependencias/OP/ppcs/OP-01.yaml'].tipo;
    const diagnostics = validateFiles(files);
    expect(diagnostics.filter((d) => d.file === 'dependencias/OP/ppcs/OP-01.yaml').map((d) => d.rule)).toEqual(['PLAN002']);
  });
});
