import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRepo, render, writeRepo } from '../helpers/fixture.js';
import { runCli } from './run.js';

const CUTOFF = ['--fecha-corte', '2019-04-15'];
const PPCS = 'dependencias/OP/ppcs/OP-01.yaml';
const REPORT = 'dependencias/OP/reportes/2019-T1.yaml';

function cacheEnv(): NodeJS.ProcessEnv {
  return { PLAN_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'plan-cache-')) };
}

function validate(root: string, env: NodeJS.ProcessEnv, ...extra: string[]) {
  return runCli(['validate', '-C', root, '--cache', '--format', 'json', ...CUTOFF, ...extra], { env });
}

const diagnosticsOf = (stdout: string) => JSON.parse(stdout).diagnostics as { rule: string; file: string; line: number; message: string }[];

describe('plan validate --cache', () => {
  it('takes every unchanged file from the cache on the second run, with the same findings', async () => {
    const files = baseRepo();
    files[PPCS].estatus = 'en_proceso';
    const root = writeRepo(files);
    const env = cacheEnv();
    const first = await validate(root, env);
    expect(first.stderr).toMatch(/Caché: 0 de 8 archivo\(s\) sin cambios se tomaron de .+\.cache\./);
    const second = await validate(root, env);
    expect(second.stderr).toMatch(/Caché: 8 de 8 archivo\(s\) sin cambios/);
    expect(diagnosticsOf(second.stdout)).toEqual(diagnosticsOf(first.stdout));
    expect(diagnosticsOf(second.stdout).map((d) => `${d.rule} ${d.file}:${d.line}`)).toEqual([`PLAN002 ${PPCS}:4`]);
    expect(second.code).toBe(1);
  });

  it('keeps every character of the text as it was, in a cache file that is ASCII only', async () => {
    const files = baseRepo();
    files[PPCS].estatus = 'en_próceso ñandú 😀';
    files[PPCS].nombre = 'Pavimentación de la calle Álvaro Obregón — 2.ª etapa 😀';
    const root = writeRepo(files);
    const env = cacheEnv();
    const first = await validate(root, env);
    const second = await validate(root, env);
    expect(second.stderr).toMatch(/Caché: 8 de 8 archivo\(s\) sin cambios/);
    expect(diagnosticsOf(second.stdout)).toEqual(diagnosticsOf(first.stdout));
    expect(diagnosticsOf(second.stdout)[0]!.message).toContain('en_próceso ñandú 😀');
    const cacheFile = path.join(env.PLAN_CACHE_DIR!, readdirSync(env.PLAN_CACHE_DIR!)[0]!);
    const bytes = readFileSync(cacheFile);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(bytes.toString('latin1')).toContain('\\u00c1lvaro');
  });

  it('keeps a file whose line in the cache is longer than the buffer it is written and read through', async () => {
    const files = baseRepo();
    // 300,000 «ñ»: 600 KB of YAML, under the 1 MiB limit; 1.8 MB of \u00f1 on its line of the cache.
    files[PPCS].nombre = 'ñ'.repeat(300_000);
    files[PPCS].estatus = 'en_proceso';
    const root = writeRepo(files);
    const env = cacheEnv();
    const first = await validate(root, env);
    const cacheFile = path.join(env.PLAN_CACHE_DIR!, readdirSync(env.PLAN_CACHE_DIR!)[0]!);
    expect(readFileSync(cacheFile, 'latin1').split('\n').some((line) => line.length > 1024 * 1024)).toBe(true);
    const second = await validate(root, env);
    expect(second.stderr).toMatch(/Caché: 8 de 8 archivo\(s\) sin cambios/);
    expect(diagnosticsOf(second.stdout)).toEqual(diagnosticsOf(first.stdout));
    // The name is longer than its schema allows, and the estatus is not one it knows.
    expect(diagnosticsOf(second.stdout).map((d) => `${d.rule} ${d.file}:${d.line}`)).toEqual([`PLAN002 ${PPCS}:3`, `PLAN002 ${PPCS}:4`]);
  });

  it('reads a file again when its content changed, and reports what the new content gives', async () => {
    const files = baseRepo();
    const root = writeRepo(files);
    const env = cacheEnv();
    expect((await validate(root, env)).code).toBe(0);
    files[PPCS].estatus = 'en_proceso';
    writeFileSync(path.join(root, PPCS), render(files[PPCS]));
    const second = await validate(root, env);
    expect(second.stderr).toMatch(/Caché: 7 de 8 archivo\(s\) sin cambios/);
    expect(diagnosticsOf(second.stdout).map((d) => `${d.rule} ${d.file}`)).toEqual([`PLAN002 ${PPCS}`]);
    expect(second.code).toBe(1);
  });

  /** The base plan validated once with a cache, and the cache file as that run wrote it. */
  async function cachedOnce() {
    const files = baseRepo();
    const root = writeRepo(files);
    const env = cacheEnv();
    await validate(root, env);
    const cacheFile = path.join(env.PLAN_CACHE_DIR!, readdirSync(env.PLAN_CACHE_DIR!)[0]!);
    return { files, root, env, cacheFile, written: readFileSync(cacheFile) };
  }

  it('leaves the cache as it was after a run that read only a few files again, which the next run reads again', async () => {
    const { files, root, env, cacheFile, written } = await cachedOnce();
    // A late delivery: the report's own finding, nothing the departments share.
    files[REPORT].fecha_entrega = '2019-04-03';
    writeFileSync(path.join(root, REPORT), render(files[REPORT]));
    expect((await validate(root, env)).stderr).toMatch(/Caché: 7 de 8 archivo\(s\)/);
    expect(readFileSync(cacheFile).equals(written)).toBe(true);
    const again = await validate(root, env);
    expect(again.stderr).toMatch(/Caché: 7 de 8 archivo\(s\)/);
    expect(diagnosticsOf(again.stdout).map((d) => `${d.rule} ${d.file}`)).toEqual([`PLAN021 ${REPORT}`]);
  });

  it('does not write the cache again when only what the departments share changed (a PPCS that no longer loads): the rules that look across departments check them all again', async () => {
    const { files, root, env, cacheFile, written } = await cachedOnce();
    files[PPCS].estatus = 'en_proceso';
    writeFileSync(path.join(root, PPCS), render(files[PPCS]));
    for (const run of [await validate(root, env), await validate(root, env)]) {
      expect(run.stderr).toMatch(/Caché: 7 de 8 archivo\(s\)/);
      expect(run.stderr).toContain('las reglas por dependencia revisaron de nuevo 1 de 2 dependencia(s)');
      expect(run.stderr).not.toContain('las reglas que cruzan dependencias revisaron');
      expect(diagnosticsOf(run.stdout).map((d) => `${d.rule} ${d.file}`)).toEqual([`PLAN002 ${PPCS}`]);
    }
    expect(readFileSync(cacheFile).equals(written)).toBe(true);
  });

  it('reads again a file rewritten with the same size and its old modification time (its change time tells)', async () => {
    const files = baseRepo();
    const root = writeRepo(files);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const file of Object.keys(files)) utimesSync(path.join(root, file), anHourAgo, anHourAgo);
    const env = cacheEnv();
    await validate(root, env);
    const text = readFileSync(path.join(root, PPCS), 'utf8');
    writeFileSync(path.join(root, PPCS), text.replace('estatus: activo', 'estatus: ACTIVO'));
    utimesSync(path.join(root, PPCS), anHourAgo, anHourAgo);
    const second = await validate(root, env);
    expect(second.stderr).toMatch(/Caché: 7 de 8 archivo\(s\)/);
    expect(diagnosticsOf(second.stdout).map((d) => `${d.rule} ${d.file}`)).toEqual([`PLAN002 ${PPCS}`]);
  });

  it('does not keep a file whose data holds -0, which the cache could not give back as it was', async () => {
    const files = baseRepo();
    const root = writeRepo(files);
    const text = readFileSync(path.join(root, PPCS), 'utf8');
    writeFileSync(path.join(root, PPCS), text.replace('linea_base: 0', 'linea_base: -0'));
    const env = cacheEnv();
    const first = await validate(root, env);
    const second = await validate(root, env);
    expect(second.stderr).toMatch(/Caché: 7 de 8 archivo\(s\)/);
    expect(second.stdout).toBe(first.stdout);
  });

  it('does not reuse findings written in another language', async () => {
    const files = baseRepo();
    files[PPCS].estatus = 'en_proceso';
    const root = writeRepo(files);
    const env = cacheEnv();
    await validate(root, env);
    const english = await validate(root, env, '--lang', 'en');
    expect(english.stderr).toMatch(/Cache: 0 of 8 unchanged file\(s\)/);
    expect(diagnosticsOf(english.stdout)[0]!.message).toBe('Field "estatus" has the value «en_proceso», which is not allowed.');
  });

  it('ignores a damaged cache file and replaces it', async () => {
    const root = writeRepo(baseRepo());
    const env = cacheEnv();
    await validate(root, env);
    const [cacheFile] = readdirSync(env.PLAN_CACHE_DIR!);
    writeFileSync(path.join(env.PLAN_CACHE_DIR!, cacheFile!), 'no es una caché');
    const damaged = await validate(root, env);
    expect(damaged.stderr).toMatch(/Caché: 0 de 8 archivo\(s\)/);
    expect(damaged.code).toBe(0);
    expect((await validate(root, env)).stderr).toMatch(/Caché: 8 de 8 archivo\(s\)/);
  });

  it('reads a file again whose data the cache file no longer holds whole, damaged since it was written', async () => {
    const files = baseRepo();
    files[REPORT].fecha_entrega = '2019-04-03';
    const root = writeRepo(files);
    const env = cacheEnv();
    const fresh = await validate(root, {});
    await validate(root, env);
    const cacheFile = path.join(env.PLAN_CACHE_DIR!, readdirSync(env.PLAN_CACHE_DIR!)[0]!);
    // The data of plan.yaml (every run reads it) and of the late report, after the tab of their lines.
    const damaged = readFileSync(cacheFile, 'latin1')
      .split('\n')
      .map((line) => (line.startsWith('["plan.yaml"') || line.startsWith(`["${REPORT}"`) ? line.replace('\t{', '\t{"') : line));
    expect(damaged.filter((line) => line.includes('\t{""'))).toHaveLength(2);
    writeFileSync(cacheFile, damaged.join('\n'), 'latin1');
    // The report's department changed, so the rules read its report's data.
    writeFileSync(path.join(root, 'dependencias/OP/reportes/2019-T2.yaml'), '# aún sin entregar\n');
    const fresher = await validate(root, {});
    for (const run of [await validate(root, env), await validate(root, env)]) {
      expect(run.stderr).toMatch(/Caché: 8 de 9 archivo\(s\)|Caché: 9 de 9 archivo\(s\)/);
      expect(run.stdout).toBe(fresher.stdout);
      expect(run.code).toBe(fresher.code);
    }
    expect(diagnosticsOf(fresher.stdout).map((d) => `${d.rule} ${d.file}`)).toContain(`PLAN021 ${REPORT}`);
    expect(fresh.stdout).not.toBe(fresher.stdout);
  });

  it('ignores a cache file cut short at the end of a line, as a full disk leaves it', async () => {
    const root = writeRepo(baseRepo());
    const env = cacheEnv();
    await validate(root, env);
    const cacheFile = path.join(env.PLAN_CACHE_DIR!, readdirSync(env.PLAN_CACHE_DIR!)[0]!);
    const lines = readFileSync(cacheFile, 'latin1').split('\n');
    // The header, a line per file, the rules' findings, and the newline that ends the last one.
    expect(lines).toHaveLength(1 + 8 + 1 + 1);
    expect(lines.at(-1)).toBe('');
    const records = JSON.parse(lines.at(-2)!) as { scope: string }[];
    expect(records.map((record) => record.scope).sort()).toEqual(['department', 'facts']);
    for (const record of records) expect(record).toMatchObject({ fechaCorte: '2019-04-15', byRule: expect.any(Array) });
    writeFileSync(cacheFile, `${lines.slice(0, 5).join('\n')}\n`, 'latin1');
    expect((await validate(root, env)).stderr).toMatch(/Caché: 0 de 8 archivo\(s\)/);
    expect((await validate(root, env)).stderr).toMatch(/Caché: 8 de 8 archivo\(s\)/);
    // Every file's line, but not the findings' the header announces.
    writeFileSync(cacheFile, `${lines.slice(0, 1 + 8).join('\n')}\n`, 'latin1');
    expect((await validate(root, env)).stderr).toMatch(/Caché: 0 de 8 archivo\(s\)/);
    expect((await validate(root, env)).stderr).toMatch(/Caché: 8 de 8 archivo\(s\)/);
    writeFileSync(cacheFile, readFileSync(cacheFile, 'latin1').slice(0, -1), 'latin1');
    expect((await validate(root, env)).stderr).toMatch(/Caché: 0 de 8 archivo\(s\)/);
  });

  it('warns and still validates when the cache cannot be saved', async () => {
    const root = writeRepo(baseRepo());
    // A folder inside a file cannot be created, whoever runs the test.
    const blocker = path.join(mkdtempSync(path.join(tmpdir(), 'plan-cache-')), 'archivo');
    writeFileSync(blocker, '');
    const run = await validate(root, { PLAN_CACHE_DIR: path.join(blocker, 'cache') });
    expect(run.stderr).toMatch(/Aviso: no se pudo guardar la caché en .+ \(ENOTDIR\); la próxima revisión leerá todos los archivos otra vez\./);
    expect(run.code).toBe(0);
  });

  it('refuses a cache folder among the plan data, before reading anything', async () => {
    const root = writeRepo(baseRepo());
    const run = await validate(root, { PLAN_CACHE_DIR: path.join(root, 'dependencias', 'cache') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('está entre los datos del plan. Indique otra carpeta en PLAN_CACHE_DIR');
    expect(readdirSync(path.join(root, 'dependencias'))).toEqual(['DIF', 'OP']);
  });
});
