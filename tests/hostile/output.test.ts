// Report output under hostile conditions: an output folder that is the plan's own input,
// one that cannot be written (a file in the way, a folder where the report goes, a
// read-only or full file system), and a Ctrl-C at any moment. Every failure is exit 2 with
// the previous report left as it was, and no half-written or temporary file stays behind.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseRepo, writeRepo } from '../helpers/fixture.js';
import { runCli } from '../cli/run.js';
import { canRunUnprivileged, handToUnprivileged, runCliUnprivileged } from '../helpers/unprivileged.js';

const CUTOFF = ['--fecha-corte', '2019-04-15'];
const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(PACKAGE, 'bin/plan.js');
const DIST = path.join(PACKAGE, 'dist/cli/main.js');
const EXAMPLES = path.join(PACKAGE, 'examples');

/** The temporary files of atomic writes left in a folder (`.<name>.<pid>.<hex>.tmp`). */
function temporaries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tmp')) : [];
}

/** Temporary files (and hard-link backups) anywhere below a folder: a site's pages are staged in its own folders. */
function temporariesBelow(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(tmp|bak)$/.test(f)) : [];
}

describe('--out inside the plan input is refused with exit 2', () => {
  it('refuses dependencias/, planeacion/x, catalogos, schemas and the root given absolute', async () => {
    const root = writeRepo({ ...baseRepo(), 'schemas/x.json': '{}' });
    for (const out of ['dependencias', 'planeacion/x', 'catalogos', 'catalogos/nuevo/sub', 'schemas', root, path.join(root, 'dependencias/OP/reportes')]) {
      const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', out, ...CUTOFF], { cwd: root });
      expect(run.code, out).toBe(2);
      expect(run.stderr, out).toContain('está dentro de los datos del plan');
    }
    expect(existsSync(path.join(root, 'planeacion'))).toBe(false);
    expect(existsSync(path.join(root, 'catalogos/nuevo'))).toBe(false);
    expect(readdirSync(path.join(root, 'dependencias/OP'))).not.toContain('trimestral-2019-T1.md');
  });

  it('refuses a path that only reaches an input folder after normalisation', async () => {
    const root = writeRepo(baseRepo());
    for (const out of ['reportes/../dependencias', './catalogos/.', 'x/../../' + path.basename(root) + '/planeacion']) {
      const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', out, ...CUTOFF], { cwd: root });
      expect(run.code, out).toBe(2);
    }
  });

  it('refuses it from another working directory, relative to that directory', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', path.relative(tmpdir(), path.join(root, 'catalogos')), ...CUTOFF], { cwd: tmpdir() });
    expect(run.code).toBe(2);
  });

  // Paths are compared as real paths: a symlink that leads into dependencias/ (or a -C
  // given through a symlink) must not let a report land among the plan's input files.
  it('refuses an output folder that is a symlink into dependencias/', async () => {
    const root = writeRepo(baseRepo());
    symlinkSync(path.join(root, 'dependencias/OP'), path.join(root, 'salida'));
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--format', 'md', '--out', 'salida', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(existsSync(path.join(root, 'dependencias/OP/trimestral-2019-T1.md'))).toBe(false);
  });

  it('refuses dependencias/ of a plan named through a symlink with -C', async () => {
    const root = writeRepo(baseRepo());
    const link = path.join(mkdtempSync(path.join(tmpdir(), 'plan-link-')), 'plan');
    symlinkSync(root, link);
    try {
      const run = await runCli(['report', '-C', link, '--quarter', 'Q1', '--format', 'md', '--out', path.join(root, 'dependencias'), ...CUTOFF], { cwd: root });
      expect(run.code).toBe(2);
      expect(existsSync(path.join(root, 'dependencias/trimestral-2019-T1.md'))).toBe(false);
    } finally {
      rmSync(path.dirname(link), { recursive: true, force: true });
    }
  });
});

describe('an output folder that cannot be written gives exit 2 and keeps the old report', () => {
  it('refuses --out naming an existing file, and leaves the file alone', async () => {
    const root = writeRepo({ ...baseRepo(), 'salida.md': 'no soy una carpeta\n' });
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', 'salida.md', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('una parte de la ruta no es una carpeta');
    expect(readFileSync(path.join(root, 'salida.md'), 'utf8')).toBe('no soy una carpeta\n');
  });

  it('stops at a folder where the Markdown report goes, before replacing the old workbook', async () => {
    const root = writeRepo({ ...baseRepo(), 'reportes/trimestral-2019-T1.md/nota.txt': 'una carpeta, no un reporte\n', 'reportes/trimestral-2019-T1.xlsx': 'libro anterior' });
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plan: error: No se pudo escribir «.*trimestral-2019-T1\.md»: .*Revise los permisos y el espacio libre/m);
    expect(run.stdout).toBe('');
    expect(readFileSync(path.join(root, 'reportes/trimestral-2019-T1.xlsx'), 'utf8')).toBe('libro anterior');
    expect(readFileSync(path.join(root, 'reportes/trimestral-2019-T1.md/nota.txt'), 'utf8')).toBe('una carpeta, no un reporte\n');
    expect(temporaries(path.join(root, 'reportes'))).toEqual([]);
  });

  it('gives exit 2 when the workbook’s name is a folder, with no temporary file left', async () => {
    const root = writeRepo({ ...baseRepo(), 'reportes/trimestral-2019-T1.xlsx/x': 'x' });
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--format', 'xlsx', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('trimestral-2019-T1.xlsx');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(temporaries(path.join(root, 'reportes'))).toEqual([]);
  });

  // Root writes into any folder regardless of its mode, so the CLI runs as an ordinary
  // user (nobody, through setpriv, when the tests run as root as CI does).
  it.skipIf(!canRunUnprivileged)('gives exit 2 for a folder without write permission and keeps the old report', () => {
    const root = writeRepo({ ...baseRepo(), 'reportes/trimestral-2019-T1.md': 'anterior\n' });
    const dir = path.join(root, 'reportes');
    handToUnprivileged(root);
    chmodSync(dir, 0o555);
    try {
      const run = runCliUnprivileged(['report', '-C', root, '--quarter', 'Q1', ...CUTOFF], root);
      expect(run.uid).not.toBe(0);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('permiso denegado');
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(readFileSync(path.join(dir, 'trimestral-2019-T1.md'), 'utf8')).toBe('anterior\n');
      expect(temporaries(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

/**
 * A small tmpfs mounted for one test: the only portable-enough way to get a really read-only
 * or really full file system when the tests run as root (CI does). Where mounting is not
 * allowed (an ordinary user, a container without CAP_SYS_ADMIN) the tests are skipped.
 */
const mounted: string[] = [];
function mountTmpfs(sizeKb: number): string | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-fs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  mounted.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounted.splice(0)) {
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      // Already unmounted by the test.
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mountTmpfs(16);
  if (!probe) return false;
  execFileSync('umount', [probe], { stdio: 'ignore' });
  mounted.splice(mounted.indexOf(probe), 1);
  rmSync(probe, { recursive: true, force: true });
  return true;
})();

describe('read-only and full file systems', () => {
  it.skipIf(!canMount)('gives exit 2 on a read-only file system and keeps the old report', async () => {
    const root = writeRepo(baseRepo());
    const out = mountTmpfs(256)!;
    writeFileSync(path.join(out, 'trimestral-2019-T1.md'), 'anterior\n');
    execFileSync('mount', ['-o', 'remount,ro', out]);
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', out, ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('el sistema de archivos es de sólo lectura');
    expect(readdirSync(out)).toEqual(['trimestral-2019-T1.md']);
    expect(readFileSync(path.join(out, 'trimestral-2019-T1.md'), 'utf8')).toBe('anterior\n');
  });

  // Node's recursive mkdir says ENOENT there («la carpeta donde debía quedar no existe»).
  it.skipIf(!canMount)('says the file system is read-only when the output folder would be made on it', async () => {
    const root = writeRepo(baseRepo());
    const out = mountTmpfs(64)!;
    execFileSync('mount', ['-o', 'remount,ro', out]);
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', path.join(out, 'nueva/sub'), ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('como carpeta de salida: el sistema de archivos es de sólo lectura.');
    expect(readdirSync(out)).toEqual([]);
  });

  it.skipIf(!canMount)('gives exit 2 on a full disk, keeps the old report and removes the partial temporary file', async () => {
    const root = writeRepo(baseRepo());
    const out = mountTmpfs(64)!;
    writeFileSync(path.join(out, 'trimestral-2019-T1.md'), 'anterior\n');
    // Fill every free block; the write that hits ENOSPC leaves a partial filler, as intended.
    expect(() => writeFileSync(path.join(out, 'relleno'), Buffer.alloc(1024 * 1024, 1))).toThrow(/ENOSPC/);
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', out, ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no hay espacio en el disco');
    expect(readdirSync(out).sort()).toEqual(['relleno', 'trimestral-2019-T1.md']);
    expect(readFileSync(path.join(out, 'trimestral-2019-T1.md'), 'utf8')).toBe('anterior\n');
  });
});

describe('a report set is replaced together or not at all', () => {
  // The set is the Markdown, the site (written after it: both are documents) and the workbook.
  it.skipIf(!canMount)('keeps the previous Markdown, site and workbook when the disk fills before the workbook', async () => {
    const root = writeRepo(baseRepo());
    const sizes = mkdtempSync(path.join(tmpdir(), 'plan-sizes-'));
    expect((await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', sizes, ...CUTOFF], { cwd: root })).code).toBe(0);
    const out = mountTmpfs(2048)!;
    writeFileSync(path.join(out, 'trimestral-2019-T1.md'), 'anterior\n');
    writeFileSync(path.join(out, 'trimestral-2019-T1.xlsx'), 'libro anterior');
    mkdirSync(path.join(out, 'trimestral-2019-T1'));
    writeFileSync(path.join(out, 'trimestral-2019-T1/index.html'), 'sitio anterior\n');
    // Leave room for the new Markdown and every page of the site (each rounded up to whole blocks), not for the workbook.
    const { bavail, bsize } = statfsSync(out);
    const site = path.join(sizes, 'trimestral-2019-T1');
    const pages = (readdirSync(site, { recursive: true }) as string[]).map((f) => path.join(site, f)).filter((f) => statSync(f).isFile());
    const blocks = [path.join(sizes, 'trimestral-2019-T1.md'), ...pages].reduce((sum, file) => sum + Math.ceil(statSync(file).size / bsize), 0);
    const room = (blocks + 1) * bsize;
    const xlsxSize = statSync(path.join(sizes, 'trimestral-2019-T1.xlsx')).size;
    expect(room + xlsxSize).toBeLessThan(bavail * bsize);
    writeFileSync(path.join(out, 'relleno'), Buffer.alloc(bavail * bsize - room, 1));
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', out, ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No se pudo escribir «.*trimestral-2019-T1\.xlsx»: no hay espacio en el disco/);
    expect(readdirSync(out).sort()).toEqual(['relleno', 'trimestral-2019-T1', 'trimestral-2019-T1.md', 'trimestral-2019-T1.xlsx']);
    expect(readFileSync(path.join(out, 'trimestral-2019-T1.md'), 'utf8')).toBe('anterior\n');
    expect(readFileSync(path.join(out, 'trimestral-2019-T1.xlsx'), 'utf8')).toBe('libro anterior');
    // The previous site as it was: the dependencias/ folder the failed set made is gone with its staged pages.
    expect(readdirSync(path.join(out, 'trimestral-2019-T1'))).toEqual(['index.html']);
    expect(readFileSync(path.join(out, 'trimestral-2019-T1/index.html'), 'utf8')).toBe('sitio anterior\n');
  });

  it.skipIf(!canMount)('removes the site folder it made when the disk fills before the workbook', async () => {
    const root = writeRepo(baseRepo());
    const sizes = mkdtempSync(path.join(tmpdir(), 'plan-sizes-'));
    expect((await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', sizes, ...CUTOFF], { cwd: root })).code).toBe(0);
    const out = mountTmpfs(2048)!;
    const { bavail, bsize } = statfsSync(out);
    const site = path.join(sizes, 'trimestral-2019-T1');
    const pages = (readdirSync(site, { recursive: true }) as string[]).map((f) => path.join(site, f)).filter((f) => statSync(f).isFile());
    const blocks = [path.join(sizes, 'trimestral-2019-T1.md'), ...pages].reduce((sum, file) => sum + Math.ceil(statSync(file).size / bsize), 0);
    writeFileSync(path.join(out, 'relleno'), Buffer.alloc(bavail * bsize - (blocks + 1) * bsize, 1));
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--out', out, ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No se pudo escribir «.*trimestral-2019-T1\.xlsx»: no hay espacio en el disco/);
    expect(readdirSync(out)).toEqual(['relleno']);
  });
});

describe.skipIf(!existsSync(DIST))('Ctrl-C while the built CLI writes reports', () => {
  const FOOTER = /\nGenerado con plan a partir de los datos del repositorio; fecha de corte 31\/01\/2020\.\n$/;
  let work = '';
  let repo = '';
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'plan-sigint-'));
    repo = path.join(work, 'examples');
    // Leave out the generated reports folder, not the departments' quarterly reports.
    const generated = path.join(EXAMPLES, 'reportes');
    cpSync(EXAMPLES, repo, { recursive: true, filter: (src) => src !== generated && !src.startsWith(generated + path.sep) });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A seeded LCG, so the delays are the same on every run. */
  function delays(seed: number, count: number, min: number, max: number): number[] {
    let state = seed;
    return Array.from({ length: count }, () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return min + (state % (max - min + 1));
    });
  }

  interface Interrupted {
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }

  /** Runs `plan report --annual` into `out` and sends SIGINT `delay` ms after start, or after `ready()` first holds. */
  function interrupt(out: string, delay: number, ready?: () => boolean): Promise<Interrupted> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'report', '-C', repo, '--annual', '--out', out, '--fecha-corte', '2020-01-31'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      let poll: NodeJS.Timeout | undefined;
      let timer: NodeJS.Timeout | undefined;
      const fire = () => {
        timer = setTimeout(() => child.kill('SIGINT'), delay);
      };
      if (ready) {
        poll = setInterval(() => {
          if (ready()) {
            clearInterval(poll);
            fire();
          }
        }, 1);
      } else {
        fire();
      }
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearInterval(poll);
        clearTimeout(timer);
        resolve({ code, signal, stderr });
      });
    });
  }

  /** The annual site of the examples: the folder of `--format all`, one page per department. */
  const SITE = ['dependencias', 'estilos.css', 'index.html', 'secciones.html', ...['DESECO', 'DIF', 'IMM', 'OP', 'SP', 'SSP'].map((c) => `dependencias/${c}.html`)].sort();

  /** The Markdown, the workbook and the site are one set: all of them complete, or none. */
  async function expectOnlyCompleteReports(out: string): Promise<void> {
    if (!existsSync(out)) return;
    expect(temporariesBelow(out)).toEqual([]);
    const entries = readdirSync(out).sort();
    expect([[], ['anual-2019', 'anual-2019.md', 'anual-2019.xlsx']]).toContainEqual(entries);
    for (const file of entries) {
      const full = path.join(out, file);
      if (file === 'anual-2019') {
        expect((readdirSync(full, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort()).toEqual(SITE);
        for (const page of SITE.filter((f) => f.endsWith('.html'))) expect(readFileSync(path.join(full, page), 'utf8')).toMatch(/<\/html>\n$/);
      } else if (file.endsWith('.md')) {
        expect(readFileSync(full, 'utf8')).toMatch(FOOTER);
      } else {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(readFileSync(full) as unknown as ArrayBuffer);
        expect(workbook.getWorksheet('Resumen')).toBeDefined();
      }
    }
  }

  it('leaves no temporary file and only complete reports, at random moments from start-up on', async () => {
    // Four at a time: the moments still spread from start-up to the writes, in a quarter of the time.
    // The moments spread over a whole uninterrupted run, start-up to the last write.
    const started = Date.now();
    expect((await interrupt(path.join(work, 'completa'), 60_000)).code).toBe(0);
    const duration = Date.now() - started;
    const runs = delays(20_190_331, 8, 10, Math.max(400, duration)).map((delay, i) => ({ delay, out: path.join(work, `salida-${i}`) }));
    const outcomes: string[] = [];
    for (let i = 0; i < runs.length; i += 4) {
      const batch = runs.slice(i, i + 4);
      const results = await Promise.all(batch.map(({ out, delay }) => interrupt(out, delay)));
      for (const [k, run] of results.entries()) {
        expect([0, 130, null], `delay ${batch[k]!.delay} ms: ${run.stderr}`).toContain(run.code);
        expect(run.stderr).not.toMatch(/^\s+at /m);
        await expectOnlyCompleteReports(batch[k]!.out);
        outcomes.push(run.code === 0 ? 'completed' : run.code === 130 ? 'handler' : `signal ${run.signal}`);
      }
    }
    // A run that finished before its Ctrl-C proves nothing: at least one must have been cut
    // short, by the handler (exit 130) or by the signal itself before the handler was set.
    expect(outcomes.filter((o) => o !== 'completed'), outcomes.join(', ')).not.toEqual([]);
  }, 60_000);

  it('leaves no temporary file and only complete reports when interrupted during the writes', async () => {
    const runs = delays(4_242, 6, 0, 60).map((delay, i) => ({ delay, out: path.join(work, `escritura-${i}`) }));
    const results = await Promise.all(runs.map(({ out, delay }) => interrupt(out, delay, () => existsSync(out))));
    for (const [i, run] of results.entries()) {
      // null: the signal came after the writes, once the handler was gone (or before it was set).
      expect([0, 130, null], `delay ${runs[i]!.delay} ms: ${run.stderr}`).toContain(run.code);
      await expectOnlyCompleteReports(runs[i]!.out);
    }
    const interruptedByHandler = results.filter((r) => r.code === 130).length;
    // At least one run must have been cut inside the write loop for this test to mean anything.
    expect(interruptedByHandler).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the previous complete reports when interrupted while replacing them', async () => {
    const out = path.join(work, 'previos');
    mkdirSync(out);
    const first = await interrupt(out, 60_000);
    expect(first.code).toBe(0);
    const md = path.join(out, 'anual-2019.md');
    const codes: (number | null)[] = [];
    for (const delay of delays(77, 3, 0, 40)) {
      const before = statSync(md).mtimeMs;
      // From the first temporary file on, or from the moment the Markdown was replaced.
      const run = await interrupt(out, delay, () => temporaries(out).length > 0 || statSync(md).mtimeMs !== before);
      codes.push(run.code);
      expect(readdirSync(out).sort()).toEqual(['anual-2019', 'anual-2019.md', 'anual-2019.xlsx']);
      await expectOnlyCompleteReports(out);
    }
    expect(codes).toContain(130);
  }, 60_000);

  // Once a bug: the temporary name was registered before an asynchronous open() created the
  // file, so a Ctrl-C in between left an empty `.anual-2019.md.<pid>.<hex>.tmp`. Writes are
  // now synchronous; here the thread pool is held busy as it was when the race showed.
  it('leaves no temporary file when Ctrl-C comes right after a write starts', () => {
    const dir = mkdtempSync(path.join(work, 'carrera-'));
    const script = `
      import { pbkdf2 } from 'node:crypto';
      const { writeFileAtomic, removeTemporaryFiles } = await import(${JSON.stringify(path.join(PACKAGE, 'dist/io/write.js'))});
      pbkdf2('x', 'y', 300000, 32, 'sha256', () => {});
      void writeFileAtomic(${JSON.stringify(path.join(dir, 'anual-2019.md'))}, 'reporte\\n').catch(() => {});
      removeTemporaryFiles();
      // The open() queued above runs while the process is on its way out.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
      process.exit(130);`;
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, UV_THREADPOOL_SIZE: '1' }, stdio: 'ignore' });
    } catch (error) {
      expect((error as { status?: number }).status).toBe(130);
    }
    expect(temporaries(dir)).toEqual([]);
  });
});
