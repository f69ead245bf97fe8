import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeRepo } from '../helpers/fixture.js';
import { runCli } from './run.js';

const SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));
const NAMES = readdirSync(SCHEMAS)
  .filter((name) => name.endsWith('.schema.json'))
  .sort();
const packageSchema = (name: string) => readFileSync(path.join(SCHEMAS, name), 'utf8');

describe('plan schema', () => {
  it('lists every schema file with its $id', async () => {
    const run = await runCli(['schema']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Archivo +\$id$/);
    const idColumn = lines[0]!.indexOf('$id');
    expect(lines.slice(1, NAMES.length + 1)).toEqual(
      NAMES.map((name) => `${name.padEnd(idColumn)}${(JSON.parse(packageSchema(name)) as { $id: string }).$id}`),
    );
    expect(lines[NAMES.length + 1]).toBe('');
    expect(run.stdout).toContain('Para copiarlos: plan schema --out <carpeta>\n');
    expect(NAMES).toContain('plan.schema.json');
  });

  it('copies every schema, byte for byte, into a new folder given relative to the working directory', async () => {
    const cwd = writeRepo({});
    const run = await runCli(['schema', '--out', 'editor/esquemas'], { cwd });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`Esquemas copiados:\n${NAMES.map((name) => `  ${path.join('editor/esquemas', name)}\n`).join('')}`);
    const out = path.join(cwd, 'editor', 'esquemas');
    // Nothing but the schemas: no temporary file of the atomic write is left behind.
    expect(readdirSync(out).sort()).toEqual(NAMES);
    for (const name of NAMES) expect(readFileSync(path.join(out, name), 'utf8')).toBe(packageSchema(name));
  });

  it('refuses to replace existing files without --force, copying nothing, and replaces them with it', async () => {
    const out = writeRepo({ 'plan.schema.json': '{"mio": true}\n', 'leeme.txt': 'notas\n' });
    const refused = await runCli(['schema', '--out', out]);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(`plan: error: No se copió ningún esquema: en «${out}» ya existe:\n  plan.schema.json\nUse --force para reemplazarlos, o elija otra carpeta.\n`);
    expect(readdirSync(out).sort()).toEqual(['leeme.txt', 'plan.schema.json']);
    expect(readFileSync(path.join(out, 'plan.schema.json'), 'utf8')).toBe('{"mio": true}\n');

    const forced = await runCli(['schema', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(out, 'plan.schema.json'), 'utf8')).toBe(packageSchema('plan.schema.json'));
    expect(readdirSync(out).sort()).toEqual(['leeme.txt', ...NAMES].sort());
    expect(readFileSync(path.join(out, 'leeme.txt'), 'utf8')).toBe('notas\n');
  });

  it('exits 2 when --out is a file', async () => {
    const dir = writeRepo({ 'esquemas': 'un archivo' });
    const run = await runCli(['schema', '--out', path.join(dir, 'esquemas')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`plan: error: No se puede usar «${path.join(dir, 'esquemas')}» como carpeta de salida: una parte de la ruta no es una carpeta.\n`);
  });

  it('exits 2 for an unknown option or a missing folder name', async () => {
    expect((await runCli(['schema', '--todos'])).code).toBe(2);
    const missing = await runCli(['schema', '--out']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('falta el valor de la opción «--out <carpeta>»');
  });

  it('speaks English with --lang en', async () => {
    const run = await runCli(['--lang', 'en', 'schema']);
    expect(run.stdout).toMatch(/^File +\$id\n/);
    expect(run.stdout).toContain('To copy them: plan schema --out <folder>\n');
  });
});
