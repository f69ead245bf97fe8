// Validating over worker threads (src/parallel/pool.ts: loading, then placing findings) gives
// what validating in this thread gives: the same diagnostics in the same order, the same model. The repos are generated
// just above the 1,500 files that start the workers. A worker cannot run the .ts sources, so
// the workers run dist/ (`npm run build` first; `npm test` does it), through a small script
// that also counts the tasks they were sent, to show the workers did take part.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import type { LoadOptions } from '../../src/load.js';
import { FilePool, MIN_FILES_FOR_WORKERS, poolSetup } from '../../src/parallel/pool.js';
import { FECHA_CORTE, generatePlan } from '../../src/tools/generate.js';
import { validatePlan, validatePlanInParallel, type ValidationResult } from '../../src/validate.js';
import { EXAMPLES } from '../helpers/examples.js';
import { temporaryFolders } from '../helpers/temporary.js';

const DIST_WORKER = fileURLToPath(new URL('../../dist/parallel/worker.js', import.meta.url));
const OPTIONS: LoadOptions = { lang: 'es', fechaCorte: FECHA_CORTE };

const temporary = temporaryFolders();

/**
 * 150 departments of one PPCS each: 7 + 150 × 10 = 1,507 files (907 of them YAML), the
 * smallest generated municipality past MIN_FILES_FOR_WORKERS.
 */
function generatedRepo(): string {
  const out = temporary('plan-parallel-');
  const summary = generatePlan({ out, departments: 150, ppcs: 1, metas: 1, seed: 42 });
  expect(summary.files).toBeGreaterThanOrEqual(MIN_FILES_FOR_WORKERS);
  return out;
}

/** The dist worker, plus a line in `log` for every task it is sent. */
function countingWorker(): { url: URL; batches: () => number } {
  const folder = temporary('plan-worker-');
  const log = path.join(folder, 'batches.log');
  const script = path.join(folder, 'counting-worker.mjs');
  // The real worker is imported first, so its message handler is in place before this one.
  writeFileSync(
    script,
    [
      `import ${JSON.stringify(pathToFileURL(DIST_WORKER).href)};`,
      `import { appendFileSync } from 'node:fs';`,
      `import { parentPort } from 'node:worker_threads';`,
      `parentPort.on('message', (m) => appendFileSync(${JSON.stringify(log)}, m.index + '\\n'));`,
    ].join('\n'),
  );
  return { url: pathToFileURL(script), batches: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').length : 0) };
}

/** What the rules and reports are built from: each kind of document, by file, with its data. */
function modelOf(result: ValidationResult) {
  const m = result.model;
  const docs = (list: readonly { file: string; data: unknown }[]) => list.map((d) => ({ file: d.file, data: d.data }));
  return {
    plan: m.plan?.data,
    unidades: m.unidades?.data,
    excepciones: m.excepciones?.data,
    dependencias: docs(m.dependencias),
    ppcs: docs(m.ppcs),
    reportes: docs(m.reportes),
    retroalimentacion: docs(m.retroalimentacion),
    convocatorias: docs(m.convocatorias),
    genero: docs(m.genero),
  };
}

function counts(result: ValidationResult) {
  const m = result.model;
  return {
    fileCount: result.fileCount,
    dependencias: m.dependencias.length,
    ppcs: m.ppcs.length,
    reportes: m.reportes.length,
    retroalimentacion: m.retroalimentacion.length,
    convocatorias: m.convocatorias.length,
    genero: m.genero.length,
  };
}

async function bothWays(root: string) {
  const worker = countingWorker();
  const serial = validatePlan(root, OPTIONS);
  const parallel = await validatePlanInParallel(root, OPTIONS, { pool: { threads: 2, workerUrl: worker.url } });
  return { serial, parallel, workerBatches: worker.batches() };
}

describe('validating over worker threads gives what validating in this thread gives', () => {
  it('has the compiled worker to run (npm run build)', () => {
    expect(existsSync(DIST_WORKER)).toBe(true);
  });

  it('on a generated municipality of 1,507 files: the same diagnostics in the same order and the same model', async () => {
    const { serial, parallel, workerBatches } = await bothWays(generatedRepo());
    expect(workerBatches).toBeGreaterThan(0);
    expect(serial.diagnostics.length).toBeGreaterThan(0);
    expect(parallel.diagnostics).toEqual(serial.diagnostics);
    expect(counts(parallel)).toEqual(counts(serial));
    expect(counts(serial).reportes).toBe(600);
    expect(modelOf(parallel)).toEqual(modelOf(serial));
    expect(parallel.findings).toEqual(serial.findings);
    expect(parallel.comments).toEqual(serial.comments);
  }, 120_000);

  it('with broken files among them: a parse error, a schema error, a stray file, a symlink and more, the same diagnostics', async () => {
    const root = generatedRepo();
    const at = (file: string) => path.join(root, file);
    // Spread over the path order, so the first batches (always sent to the workers) and
    // the last ones hold some.
    appendFileSync(at('dependencias/D001/reportes/2019-T2.yaml'), 'comentario: "sin cerrar\n');
    appendFileSync(at('dependencias/D001/ppcs/D001-01.yaml'), 'campo_desconocido: 1\n');
    writeFileSync(at('dependencias/D002/notas.yaml'), 'clave: D002\nnombre: Borrador\n');
    rmSync(at('dependencias/D003/reportes/2019-T4.yaml'));
    symlinkSync(at('dependencias/D003/reportes/2019-T1.yaml'), at('dependencias/D003/reportes/2019-T4.yaml'));
    symlinkSync('/etc/passwd', at('dependencias/D004/ppcs/D004-09.yaml'));
    writeFileSync(at('dependencias/D075/dependencia.yaml'), 'clave: D075\n\tnombre: Con tabulador\n');
    writeFileSync(at('dependencias/D076/reportes/2019-T3.yaml'), Buffer.from('dependencia: D076\ncomentario: Direcci\xf3n\n', 'latin1'));
    writeFileSync(at('dependencias/D148/reportes/2019-T1.yaml'), '');
    appendFileSync(at('dependencias/D149/ppcs/D149-01.yaml'), 'nombre: repetido\n');
    mkdirSync(at('planeacion'), { recursive: true });
    writeFileSync(at('planeacion/borrador.yaml'), 'ppcs: []\n');
    const { serial, parallel, workerBatches } = await bothWays(root);
    expect(workerBatches).toBeGreaterThan(0);
    expect(parallel.diagnostics).toEqual(serial.diagnostics);
    expect(counts(parallel)).toEqual(counts(serial));
    expect(modelOf(parallel)).toEqual(modelOf(serial));
    // Every kind of broken file was seen.
    const rules = new Set(serial.diagnostics.map((d) => d.rule));
    for (const rule of ['PLAN001', 'PLAN002', 'PLAN006']) expect(rules, rule).toContain(rule);
    for (const file of ['dependencias/D001/reportes/2019-T2.yaml', 'dependencias/D002/notas.yaml', 'dependencias/D003/reportes/2019-T4.yaml', 'dependencias/D004/ppcs/D004-09.yaml', 'dependencias/D075/dependencia.yaml', 'dependencias/D076/reportes/2019-T3.yaml', 'dependencias/D148/reportes/2019-T1.yaml', 'dependencias/D149/ppcs/D149-01.yaml', 'planeacion/borrador.yaml']) {
      expect(serial.diagnostics.map((d) => d.file), file).toContain(file);
    }
  }, 120_000);
});

describe('onLoaded: the moment every file is loaded, before the rules (when the report starts its render thread)', () => {
  it('is told once, with every file loaded on the threads and the run not yet done', async () => {
    const root = generatedRepo();
    const worker = countingWorker();
    const seen: number[] = [];
    let done = false;
    const run = validatePlanInParallel(root, OPTIONS, { pool: { threads: 2, workerUrl: worker.url }, onLoaded: () => seen.push(done ? -1 : worker.batches()) });
    void run.then(() => (done = true));
    const result = await run;
    // Every batch of files sent when it is told; the batches of findings to place, after.
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(Math.ceil(result.fileCount / 100));
    expect(worker.batches()).toBeGreaterThan(seen[0]!);
    expect(result.diagnostics).toEqual(validatePlan(root, OPTIONS).diagnostics);
  }, 120_000);

  it('is told in this thread too, for a repo too small for threads', async () => {
    let calls = 0;
    await validatePlanInParallel(EXAMPLES, OPTIONS, { onLoaded: () => calls++ });
    expect(calls).toBe(1);
  });
});

describe('threads started before the repo is listed (FilePool.startEarly)', () => {
  it('start for a repo whose dependencias/ folder looks large, and that run uses them', async () => {
    const root = generatedRepo();
    const worker = countingWorker();
    const early = FilePool.startEarly(poolSetup(root, { lang: 'es' }), { threads: 2, workerUrl: worker.url });
    expect(early).toBeInstanceOf(FilePool);
    const parallel = await validatePlanInParallel(root, OPTIONS, { early, pool: { threads: 2, workerUrl: worker.url } });
    expect(parallel.diagnostics).toEqual(validatePlan(root, OPTIONS).diagnostics);
    expect(worker.batches()).toBeGreaterThan(0);
  });

  it('do not start for a repo with few departments, or without dependencias/', () => {
    const small = temporary('plan-small-');
    for (let i = 1; i <= 10; i++) mkdirSync(path.join(small, 'dependencias', `D${i}`), { recursive: true });
    expect(FilePool.startEarly(poolSetup(small, { lang: 'es' }), { workerUrl: pathToFileURL(DIST_WORKER) })).toBeUndefined();
    expect(FilePool.startEarly(poolSetup(temporary('plan-empty-'), { lang: 'es' }), { workerUrl: pathToFileURL(DIST_WORKER) })).toBeUndefined();
  });

  it('are closed, not used, when the repo turns out to have too few files for threads', async () => {
    const root = temporary('plan-few-');
    for (let i = 1; i <= 40; i++) mkdirSync(path.join(root, 'dependencias', `D${i}`), { recursive: true });
    const worker = countingWorker();
    const early = FilePool.startEarly(poolSetup(root, { lang: 'es' }), { threads: 2, workerUrl: worker.url })!;
    expect(FilePool.forFiles(40, poolSetup(root, { lang: 'es' }), { threads: 2, workerUrl: worker.url }, early)).toBeUndefined();
    expect(worker.batches()).toBe(0);
  });

  it('are not used for another language than the run’s (their findings would be in the wrong one)', () => {
    const root = generatedRepo();
    const url = pathToFileURL(DIST_WORKER);
    const early = FilePool.startEarly(poolSetup(root, { lang: 'es' }), { threads: 1, workerUrl: url })!;
    const pool = FilePool.forFiles(MIN_FILES_FOR_WORKERS, poolSetup(root, { lang: 'en' }), { threads: 1, workerUrl: url }, early);
    expect(pool).toBeInstanceOf(FilePool);
    expect(pool).not.toBe(early);
    void pool?.close();
  });
});

describe('the pool hands out work', () => {
  it('one batch to each worker first, however few the batches', async () => {
    const sent: [number, number][] = [];
    const post = Worker.prototype.postMessage;
    const spy = vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: unknown, transfer?: readonly Transferable[]) {
      sent.push([this.threadId, (message as { index: number }).index]);
      return post.call(this, message, transfer as never);
    });
    const folder = temporary('plan-pool-');
    const pool = FilePool.forFiles(MIN_FILES_FOR_WORKERS, poolSetup(folder, { lang: 'es' }), { threads: 2, workerUrl: pathToFileURL(DIST_WORKER) })!;
    try {
      // Two batches of the pool's 100 files: files that do not exist still make a task each.
      const files = Array.from({ length: 150 }, (_, i) => ({ path: `dependencias/D${String(i).padStart(3, '0')}/dependencia.yaml`, symlink: false }));
      const outcomes = await pool.load(files);
      expect(outcomes.map((o) => o.file)).toEqual(files.map((f) => f.path));
      expect(sent.map(([, index]) => index)).toEqual([0, 1]);
      expect(new Set(sent.map(([thread]) => thread)).size).toBe(2);
    } finally {
      spy.mockRestore();
      await pool.close();
    }
  });
});
