// The benchmark's pure helpers (issue 12): which schema the peer gets for which files, how a
// goal is printed, how two builds' outputs are compared; and its usage error. Timing is
// measured by `npm run bench`, never here.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atMost, firstDifference, goalLine, otherCheckout, parseSizes, peerCounts, peerExecutableName, schemaBatches } from '../../src/tools/bench.js';

describe('schemaBatches', () => {
  const files = [
    'plan.yaml',
    'catalogos/unidades-de-medida.yaml',
    'dependencias/D001/dependencia.yaml',
    'dependencias/D001/ppcs/D001-01.yaml',
    'dependencias/D001/ppcs/D001-02.yaml',
    'dependencias/D001/reportes/2019-T1.yaml',
    'planeacion/retroalimentacion/2019-T1.yaml',
    'planeacion/convocatorias/2019.yaml',
    'planeacion/genero/2019.yaml',
    'planeacion/excepciones.yaml',
  ];

  it('gives every data file the schema of its place, one batch per schema in the layout order', () => {
    expect(schemaBatches(files, 100_000)).toEqual([
      { schema: 'plan.schema.json', files: ['plan.yaml'] },
      { schema: 'unidades-de-medida.schema.json', files: ['catalogos/unidades-de-medida.yaml'] },
      { schema: 'dependencia.schema.json', files: ['dependencias/D001/dependencia.yaml'] },
      { schema: 'ppcs.schema.json', files: ['dependencias/D001/ppcs/D001-01.yaml', 'dependencias/D001/ppcs/D001-02.yaml'] },
      { schema: 'reporte.schema.json', files: ['dependencias/D001/reportes/2019-T1.yaml'] },
      { schema: 'retroalimentacion.schema.json', files: ['planeacion/retroalimentacion/2019-T1.yaml'] },
      { schema: 'convocatorias.schema.json', files: ['planeacion/convocatorias/2019.yaml'] },
      { schema: 'genero.schema.json', files: ['planeacion/genero/2019.yaml'] },
      { schema: 'excepciones.schema.json', files: ['planeacion/excepciones.yaml'] },
    ]);
  });

  it('leaves out files that are not plan data, as plan does for its schema checks', () => {
    const batches = schemaBatches(['README.md', 'dependencias/D001/evidencias/foto.yaml', 'dependencias/D001/reporte/2019-T1.yaml', 'plan.yaml'], 100_000);
    expect(batches).toEqual([{ schema: 'plan.schema.json', files: ['plan.yaml'] }]);
  });

  it('splits a schema\'s files into batches whose names stay under the byte limit, keeping every file once', () => {
    const ppcs = Array.from({ length: 10 }, (_, i) => `dependencias/D001/ppcs/D001-${String(i + 1).padStart(2, '0')}.yaml`);
    // Each name is 35 bytes plus a separator: three fit in 110 bytes, a fourth does not.
    const batches = schemaBatches(ppcs, 110);
    expect(batches.map((b) => b.files.length)).toEqual([3, 3, 3, 1]);
    expect(batches.every((b) => b.schema === 'ppcs.schema.json')).toBe(true);
    expect(batches.flatMap((b) => b.files)).toEqual(ppcs);
  });

  it('still gives a file longer than the limit a batch of its own', () => {
    expect(schemaBatches(['plan.yaml'], 1)).toEqual([{ schema: 'plan.schema.json', files: ['plan.yaml'] }]);
  });
});

describe('goals', () => {
  it('prints a met goal as CUMPLE, padded to the width of NO CUMPLE', () => {
    expect(goalLine(true, '(c) plan report ≤ 2.5× plan validate: 1.90×')).toBe('[CUMPLE   ] (c) plan report ≤ 2.5× plan validate: 1.90×');
  });

  it('prints a missed goal as NO CUMPLE', () => {
    expect(goalLine(false, '(a) plan validate ≤ jsonschema')).toBe('[NO CUMPLE] (a) plan validate ≤ jsonschema');
  });

  it('prints a goal judged elsewhere with a dash', () => {
    expect(goalLine(undefined, '(d) se mide con --grande')).toBe('[    —    ] (d) se mide con --grande');
  });

  it('meets a limit when the value is at or under it', () => {
    expect([atMost(0.5, 0.5), atMost(0.49, 0.5), atMost(0.51, 0.5)]).toEqual([true, true, false]);
  });

  it('does not meet a limit when the value was not measured', () => {
    expect([atMost(Number.NaN, 1), atMost(Number.POSITIVE_INFINITY, 1), atMost(1, Number.NaN)]).toEqual([false, false, false]);
  });
});

describe('firstDifference', () => {
  it('finds nothing when two outputs are equal', () => {
    expect(firstDifference('{\n  "a": 1\n}\n', '{\n  "a": 1\n}\n')).toBeUndefined();
  });

  it('gives the 1-based line of the first difference', () => {
    expect(firstDifference('{\n  "a": 1,\n  "b": 2\n}', '{\n  "a": 1,\n  "b": 3\n}')).toBe(3);
  });

  it('gives the line after the shorter output when one is the other plus more lines', () => {
    expect(firstDifference('a\nb', 'a\nb\nc')).toBe(3);
  });
});

describe('peerCounts', () => {
  it('reads the summary line jsonschema writes after validating', () => {
    expect(peerCounts('ok: plan.yaml\n4000 validated, 3999 passed, 1 failed\n')).toEqual({ validated: 4000, passed: 3999, failed: 1 });
  });

  it('gives nothing when jsonschema wrote no summary (it stopped on an unreadable file)', () => {
    expect(peerCounts('error: Missing comma in flow sequence\n  at line 4\n')).toBeUndefined();
  });
});

describe('peerExecutableName', () => {
  it('names the binaries the npm package ships, as its npm/main.js picks them', () => {
    expect([
      peerExecutableName('linux', 'x64', false),
      peerExecutableName('linux', 'x64', true),
      peerExecutableName('linux', 'arm64', false),
      peerExecutableName('darwin', 'arm64', false),
      peerExecutableName('win32', 'x64', false),
    ]).toEqual(['jsonschema-linux-x86_64', 'jsonschema-linux-x86_64-musl', 'jsonschema-linux-arm64', 'jsonschema-darwin-arm64', 'jsonschema-windows-x86_64.exe']);
  });
});

describe('otherCheckout', () => {
  const root = path.resolve('/tmp/antes');
  const built = (file: string) => file === path.join(root, 'dist', 'cli', 'main.js');

  it('takes the checkout from a path to its dist folder', () => {
    expect(otherCheckout(path.join(root, 'dist'), built)).toBe(root);
  });

  it('takes the checkout itself when it holds dist/cli/main.js', () => {
    expect(otherCheckout(root, built)).toBe(root);
  });

  it('finds nothing in a folder without a build', () => {
    expect(otherCheckout('/tmp/otra-cosa', built)).toBeUndefined();
  });
});

describe('parseSizes', () => {
  it('gives the default sizes when --sizes is not given', () => {
    expect(parseSizes(undefined, [100], 2, 500)).toEqual([100]);
  });

  it('reads, sorts and keeps the sizes within bounds', () => {
    expect(parseSizes('100, 25,9999,50', [100], 2, 500)).toEqual([25, 50, 100]);
  });

  it('rejects a list with no usable size, in Spanish', () => {
    expect(() => parseSizes('1,x', [100], 2, 500)).toThrow('--sizes espera números de dependencias entre 2 y 500, separados por comas');
  });
});

describe('npm run bench with an option it does not know', () => {
  it('prints the usage and exits 2, without a stack trace', () => {
    const run = spawnSync(process.execPath, [path.resolve('dist/tools/bench.js'), '--ayuda'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("bench: Unknown option '--ayuda'");
    expect(run.stderr).toContain('uso: npm run bench');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
