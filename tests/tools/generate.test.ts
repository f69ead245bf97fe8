// The synthetic municipality of the benchmark: same arguments, same bytes; valid with
// exactly the warnings it means to plant; the documented file count; never overwrites.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectedFileCount, FECHA_CORTE, generatePlan, runGenerateCli, type GenerateOptions } from '../../src/tools/generate.js';
import { validatePlan } from '../../src/validate.js';

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-gen-'));
  created.push(dir);
  return dir;
}

/** A fresh, not yet existing folder inside a temp dir. */
function outDir(): string {
  return path.join(tempDir(), 'plan');
}

function listFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath ?? d.path, d.name)).split(path.sep).join('/'))
    .sort();
}

const SMALL = { departments: 3, ppcs: 4, metas: 2, seed: 42 };

function generate(options: Omit<GenerateOptions, 'out'>) {
  const out = outDir();
  return { out, summary: generatePlan({ ...options, out }) };
}

function countsByRule(root: string) {
  const { diagnostics } = validatePlan(root, { lang: 'es', fechaCorte: FECHA_CORTE });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings: Record<string, number> = {};
  for (const d of diagnostics) if (d.severity === 'warning') warnings[d.rule] = (warnings[d.rule] ?? 0) + 1;
  return { errors, warnings };
}

describe('npm run gen', () => {
  it('writes the same files, byte for byte, for the same arguments', () => {
    const a = generate(SMALL);
    const b = generate(SMALL);
    const files = listFiles(a.out);
    expect(listFiles(b.out)).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(b.out, file)).equals(readFileSync(path.join(a.out, file))), file).toBe(true);
    expect(b.summary).toEqual(a.summary);
  });

  it('writes a different municipality for another seed', () => {
    const a = generate(SMALL);
    const b = generate({ ...SMALL, seed: 43 });
    expect(readFileSync(path.join(b.out, 'dependencias/D001/reportes/2019-T2.yaml'), 'utf8')).not.toBe(readFileSync(path.join(a.out, 'dependencias/D001/reportes/2019-T2.yaml'), 'utf8'));
  });

  it('validates with no errors and exactly the warnings it plants', () => {
    const { out, summary } = generate(SMALL);
    const { errors, warnings } = countsByRule(out);
    expect(errors).toEqual([]);
    expect(warnings).toEqual(summary.expectedWarnings);
    // Every planted kind is exercised at least once, even in a tiny municipality.
    for (const count of Object.values(summary.expectedWarnings)) expect(count).toBeGreaterThan(0);
  });

  it.each([
    { departments: 2, ppcs: 1, metas: 1, seed: 0 },
    { departments: 5, ppcs: 6, metas: 3, seed: 1 },
    { departments: 4, ppcs: 3, metas: 5, seed: 2024 },
    { departments: 7, ppcs: 5, metas: 4, seed: 4294967295 },
  ])('stays valid at other sizes and seeds: %o', (options) => {
    const { out, summary } = generate(options);
    const { errors, warnings } = countsByRule(out);
    expect(errors).toEqual([]);
    expect(warnings).toEqual(summary.expectedWarnings);
  });

  it('writes 7 + D × (1 + P + 4 + 4P) files: one evidence file per PPCS per quarter', () => {
    const { out, summary } = generate(SMALL);
    const files = listFiles(out);
    expect(expectedFileCount(3, 4)).toBe(7 + 3 * (1 + 4 + 4 + 16));
    expect(files).toHaveLength(expectedFileCount(3, 4));
    expect(summary.files).toBe(files.length);
    expect(summary.yamlFiles).toBe(files.filter((f) => f.endsWith('.yaml')).length);
    expect(summary.evidenceFiles).toBe(files.filter((f) => f.includes('/evidencias/')).length);
    expect(files).toContain('dependencias/D003/ppcs/D003-04.yaml');
    expect(files).toContain('dependencias/D002/reportes/2019-T4.yaml');
    expect(expectedFileCount(100, 40)).toBe(20_507);
  });

  it('refuses a folder that is not empty and leaves it untouched', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notas.txt'), 'no borrar');
    const err: string[] = [];
    const code = runGenerateCli(['--out', dir, '--departments', '2', '--ppcs', '1', '--metas', '1'], { stdout: () => {}, stderr: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('')).toContain('no está vacía');
    expect(readdirSync(dir)).toEqual(['notas.txt']);
  });

  it('rejects sizes the schemas cannot hold and unknown options', () => {
    const io = { stdout: () => {}, stderr: () => {} };
    expect(runGenerateCli(['--out', outDir(), '--departments', '1'], io)).toBe(2);
    expect(runGenerateCli(['--out', outDir(), '--departments', '5001'], io)).toBe(2);
    expect(runGenerateCli(['--out', outDir(), '--metas', '0'], io)).toBe(2);
    expect(runGenerateCli(['--out', outDir(), '--seed', '-1'], io)).toBe(2);
    expect(runGenerateCli(['--out', outDir(), '--semilla', '1'], io)).toBe(2);
    expect(runGenerateCli(['--departments', '2'], io)).toBe(2);
  });

  it('prints what it wrote and the warnings to expect', () => {
    const out: string[] = [];
    const dir = outDir();
    expect(runGenerateCli(['--out', dir, '--departments', '2', '--ppcs', '2', '--metas', '1', '--seed', '5'], { stdout: (t) => out.push(t), stderr: () => {} })).toBe(0);
    const text = out.join('');
    expect(text).toContain(`Archivos: ${expectedFileCount(2, 2)} (`);
    expect(text).toContain('0 errores');
    expect(text).toContain(`--fecha-corte ${FECHA_CORTE}`);
  });
});
