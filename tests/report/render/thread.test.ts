// The render thread (src/report/render/thread.ts) runs dist/ (`npm test` builds it first): what
// it renders must be byte for byte what this thread renders from the same view.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RENDERERS } from '../../../src/report/render/index.js';
import { TemplateError } from '../../../src/report/render/renderer.js';
import type { NamedRenderer } from '../../../src/report/render/select.js';
import { COPY_WEIGHT, formatsForThread, forTransfer, mapBytes, roomForCopy, RenderThreadLost, startRenderThread, viewFor, type RenderOutput, type RenderThread, type ThreadJobs } from '../../../src/report/render/thread.js';
import { annualView } from '../../../src/report/view/annual.js';
import { quarterlyView } from '../../../src/report/view/quarterly.js';
import { transparencyView } from '../../../src/report/view/transparency.js';
import type { ReportView } from '../../../src/report/view/types.js';
import { FECHA_CORTE, generatePlan } from '../../../src/tools/generate.js';
import { validatePlan } from '../../../src/validate.js';
import { EXAMPLES } from '../../helpers/examples.js';
import { temporaryFolders } from '../../helpers/temporary.js';

const DIST_WORKER = fileURLToPath(new URL('../../../dist/report/render/thread-worker.js', import.meta.url));
const WORKER = pathToFileURL(DIST_WORKER);

const temporary = temporaryFolders();

/** A render thread sent its view at once, as the report sends it once the view is built. */
function renderOnThread(jobs: ThreadJobs, workerUrl: URL): RenderThread {
  const { names, ...rest } = jobs;
  const thread = startRenderThread(names, workerUrl);
  thread.post(rest);
  return thread;
}

function named(...names: string[]): NamedRenderer[] {
  return names.map((name) => ({ name, renderer: RENDERERS[name]! }));
}

/** Formats of the given weights, named by them: `weighing(1, 2)` is `w1` and `w2`. */
function weighing(...weights: number[]): NamedRenderer[] {
  return weights.map((weight) => ({ name: `w${weight}`, renderer: { ...RENDERERS.md!, weight } }));
}

describe('which formats go to the render thread', () => {
  it('the split with both threads done soonest, the render thread first copying the view in', () => {
    // Here 3, there 0.5 + 2 (copy + w2): done at 3, against 5 on this thread alone.
    expect([...formatsForThread(weighing(2, 3), 2)]).toEqual(['w2']);
    // Here 5, there 0.5 + 1 + 3: alone, w3 would leave 6 here; w5 there would finish at 5.5.
    expect([...formatsForThread(weighing(1, 3, 5), 2)].sort()).toEqual(['w1', 'w3']);
    // Here 2, there 0.5 + 0.4 + 0.6: one format too light to be worth the copy goes with another.
    expect([...formatsForThread(weighing(0.4, 0.6, 2), 2)].sort()).toEqual(['w0.4', 'w0.6']);
  });

  it('none when the copy costs more than it saves', () => {
    expect(formatsForThread(weighing(0.2, 0.3), 2).size).toBe(0);
    expect(COPY_WEIGHT).toBe(0.5);
  });

  it('with the registry\'s weights, the workbook renders there while the site and the Markdown render here', () => {
    expect([...formatsForThread(named('md', 'html', 'xlsx'), 2)]).toEqual(['xlsx']);
    expect([...formatsForThread(named('xlsx', 'csv', 'md', 'html'), 8)]).toEqual(['xlsx']);
  });

  it('none on one core, for a single format, or for a format with no weight (the PDF waits on Chromium)', () => {
    expect(formatsForThread(named('md', 'html', 'xlsx'), 1).size).toBe(0);
    expect(formatsForThread(named('xlsx'), 2).size).toBe(0);
    expect(formatsForThread(named('pdf', 'xlsx'), 2).size).toBe(0);
    expect([...formatsForThread(named('pdf', 'md', 'xlsx'), 2)]).toEqual(['md']);
  });
});

const settings = { lang: 'es' as const, fechaCorte: '2020-01-31' };
function examplesViews(): ReportView[] {
  const { model, diagnostics } = validatePlan(EXAMPLES, settings);
  const corte = { fecha: settings.fechaCorte };
  return [annualView(model, diagnostics, { year: 2019, corte }), transparencyView(model, '2019-T2', { corte })];
}

/** An output with each text as its UTF-8 bytes, and all bytes, in a Buffer. */
function asBytes(output: RenderOutput): RenderOutput {
  return mapBytes(output, (data) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
}

async function here(name: string, view: ReportView, templatesDir?: string): Promise<RenderOutput> {
  return RENDERERS[name]!.render(view, templatesDir ? { templatesDir } : {});
}

describe('the view the render thread is sent', () => {
  const { model, diagnostics } = validatePlan(EXAMPLES, settings);
  const corte = { fecha: settings.fechaCorte };
  const views = [...examplesViews(), quarterlyView(model, diagnostics, 'T2', { year: 2019, corte })];
  const skipping = Object.keys(RENDERERS).filter((name) => RENDERERS[name]!.readsDepartments === false);

  it('leaves out the department pages only when none of its formats reads them', () => {
    expect(skipping.sort()).toEqual(['csv', 'xlsx']);
    const [annual] = views;
    expect(annual!.departments!.length).toBeGreaterThan(1);
    const { departments, ...municipal } = annual!;
    expect(viewFor(annual!, ['xlsx'])).toEqual(municipal);
    expect('departments' in viewFor(annual!, ['xlsx'])).toBe(false);
    expect(viewFor(annual!, ['xlsx', 'md'])).toBe(annual);
    expect(viewFor(annual!, ['html'])).toBe(annual);
    expect(departments).toBe(annual!.departments);
  });

  it('a format that says it never reads them gives the same bytes without them, for every report of examples/', async () => {
    for (const view of views) {
      // The annual and quarterly views have a page per department, which these formats must not need.
      if (view.kind !== 'transparencia') expect(view.departments!.length, view.kind).toBeGreaterThan(1);
      for (const name of skipping.filter((n) => RENDERERS[n]!.kinds.includes(view.kind))) {
        expect(asBytes(await here(name, viewFor(view, [name]))), `${name} ${view.kind}`).toEqual(asBytes(await here(name, view)));
      }
    }
  }, 60_000);
});

describe('room for the render thread', () => {
  it('only with twice this thread’s heap free: the copy of the view and the garbage of making it', () => {
    expect(roomForCopy(300e6, 600e6)).toBe(true);
    expect(roomForCopy(300e6, 599e6)).toBe(false);
  });
});

describe.skipIf(!existsSync(DIST_WORKER))('rendering on the render thread', () => {
  it('gives the bytes this thread gives, for every format and report of examples/', async () => {
    for (const view of examplesViews()) {
      const names = Object.keys(RENDERERS).filter((name) => name !== 'pdf' && RENDERERS[name]!.kinds.includes(view.kind));
      const { results } = renderOnThread({ view, names }, WORKER);
      expect([...results.keys()]).toEqual(names);
      for (const name of names) {
        const { output, cuts } = await results.get(name)!;
        // Texts come back as their UTF-8 bytes, as the writes would encode them.
        expect(output).toEqual(asBytes(await here(name, view)));
        expect(cuts).toEqual([]);
      }
    }
  }, 60_000);

  it('uses the repository’s own templates, and gives back a template that does not compile as a TemplateError', async () => {
    const [view] = examplesViews();
    const templates = temporary('plan-templates-');
    writeFileSync(path.join(templates, 'anual.md.hbs'), 'Propio: {{texto title}}\n');
    const own = await renderOnThread({ view: view!, names: ['md'], templatesDir: templates }, WORKER).results.get('md')!;
    expect(own.output).toEqual(asBytes(await here('md', view!, templates)));
    expect(String(own.output)).toMatch(/^Propio: /);

    const broken = temporary('plan-templates-');
    writeFileSync(path.join(broken, 'anual.md.hbs'), '{{#each sections}}sin cerrar\n');
    const expected = await here('md', view!, broken).catch((error: unknown) => error);
    const error = await renderOnThread({ view: view!, names: ['md'], templatesDir: broken }, WORKER).results.get('md')!.catch((e: unknown) => e);
    expect(expected).toBeInstanceOf(TemplateError);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toBe((expected as TemplateError).file);
    expect((error as TemplateError).message).toBe((expected as TemplateError).message);
  }, 60_000);

  it('says the thread was lost when it stops before answering, so the format is rendered here', async () => {
    const folder = temporary('plan-thread-');
    const script = path.join(folder, 'stops.mjs');
    writeFileSync(script, 'process.exit(3);\n');
    const [view] = examplesViews();
    const { results } = renderOnThread({ view: view!, names: ['md', 'html'] }, pathToFileURL(script));
    for (const name of ['md', 'html']) expect(await results.get(name)!.catch((e: unknown) => e)).toBeInstanceOf(RenderThreadLost);
  }, 60_000);

  it('started before its view exists (while the rules run), renders once the view is sent, which it takes once', async () => {
    const [view] = examplesViews();
    const thread = startRenderThread(['xlsx', 'md'], WORKER);
    thread.post({ view: view! });
    expect(() => thread.post({ view: view! })).toThrow(/ya se envió/);
    expect((await thread.results.get('xlsx')!).output).toEqual(asBytes(await here('xlsx', view!)));
    expect((await thread.results.get('md')!).output).toEqual(asBytes(await here('md', view!)));
  }, 60_000);

  it('stopped before its view is sent (the data had errors), its formats are lost, not awaited forever', async () => {
    const thread = startRenderThread(['xlsx'], WORKER);
    await thread.stop();
    expect(await thread.results.get('xlsx')!.catch((e: unknown) => e)).toBeInstanceOf(RenderThreadLost);
  }, 60_000);

  it('stops when told, and what it had left to render is lost, not awaited forever', async () => {
    const [view] = examplesViews();
    const thread = renderOnThread({ view: view!, names: ['html'] }, WORKER);
    await thread.stop();
    expect(await thread.results.get('html')!.catch((e: unknown) => e)).toBeInstanceOf(RenderThreadLost);
  }, 60_000);
});

const BIN = fileURLToPath(new URL('../../../bin/plan.js', import.meta.url));

/** Every file under `folder`, by its path relative to it, with its bytes. */
function filesUnder(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
    const file = path.join(folder, name);
    if (statSync(file).isFile()) files.set(name, readFileSync(file));
  }
  return files;
}

describe.skipIf(!existsSync(DIST_WORKER))('plan report --format all on a repo of 40 departments (the render thread takes part)', () => {
  it('writes the same files, byte for byte, as one run per format', () => {
    const root = temporary('plan-thread-repo-');
    generatePlan({ out: root, departments: 40, ppcs: 1, metas: 1, seed: 7 });
    const run = (format: string, out: string) =>
      execFileSync(process.execPath, [BIN, 'report', '--annual', '--format', format, '--out', out, '-C', root, '--fecha-corte', FECHA_CORTE], { encoding: 'utf8' });
    const together = path.join(temporary('plan-thread-out-'), 'todo');
    const apart = path.join(temporary('plan-thread-out-'), 'separado');
    expect(run('all', together)).toBe(`Reportes escritos:\n  ${together}/anual-2019.md\n  ${together}/anual-2019/index.html\n  ${together}/anual-2019.xlsx\n`);
    for (const format of ['md', 'html', 'xlsx']) run(format, apart);
    const written = filesUnder(together);
    expect(written.size).toBeGreaterThan(40);
    expect(written).toEqual(filesUnder(apart));

    // A template of the repository that does not compile, met on the render thread: a usage error, nothing written.
    mkdirSync(path.join(root, 'templates'));
    writeFileSync(path.join(root, 'templates/anual.md.hbs'), '{{#each sections}}sin cerrar\n');
    const refused = path.join(temporary('plan-thread-out-'), 'plantilla');
    const failed = spawnSync(process.execPath, [BIN, 'report', '--annual', '--format', 'all', '--out', refused, '-C', root, '--fecha-corte', FECHA_CORTE], { encoding: 'utf8' });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('anual.md.hbs');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(refused) ? readdirSync(refused) : []).toEqual([]);

    // Data with an error: the render thread, started once the files were loaded, never gets
    // a view; the run ends at once with the refusal, and writes nothing.
    rmSync(path.join(root, 'templates'), { recursive: true });
    writeFileSync(path.join(root, 'dependencias/D001/dependencia.yaml'), 'clave: [sin cerrar\n');
    const withErrors = path.join(temporary('plan-thread-out-'), 'errores');
    const refusedData = spawnSync(process.execPath, [BIN, 'report', '--annual', '--format', 'all', '--out', withErrors, '-C', root, '--fecha-corte', FECHA_CORTE], { encoding: 'utf8', timeout: 60_000 });
    expect(refusedData.status).toBe(1);
    expect(refusedData.stderr).toContain('dependencias/D001/dependencia.yaml');
    expect(existsSync(withErrors)).toBe(false);
  }, 120_000);
});

describe('what the render thread loads while the view is on its way', () => {
  it('each format that may go there loads the module it renders with', async () => {
    const weighted = Object.entries(RENDERERS).filter(([, renderer]) => renderer.weight !== undefined);
    expect(weighted.map(([name]) => name).sort()).toEqual(['csv', 'html', 'md', 'xlsx']);
    const rendersWith: Record<string, string> = { csv: 'renderCsv', html: 'renderSite', md: 'renderMarkdown', xlsx: 'renderXlsx' };
    for (const [name, renderer] of weighted) expect(await renderer.load!()).toHaveProperty(rendersWith[name]!);
  });
});

describe('what the render thread sends back', () => {
  it('moves the buffers that are the output\'s own, once each, and copies a view into a shared one', () => {
    const own = Buffer.alloc(10_000, 1);
    const pooled = Buffer.from('pequeño');
    expect(pooled.byteLength).toBeLessThan(pooled.buffer.byteLength);
    const empty = new Uint8Array(0);
    const { output, moved } = forTransfer({
      entry: 'index.html',
      files: [
        { path: 'index.html', bytes: 'Atención ✔' },
        { path: 'a.bin', bytes: own },
        { path: 'b.bin', bytes: own },
        { path: 'c.txt', bytes: pooled },
        { path: 'd.txt', bytes: empty },
      ],
    });
    const files = (output as Exclude<RenderOutput, string | Uint8Array>).files;
    expect(new TextDecoder().decode(files[0]!.bytes as Uint8Array)).toBe('Atención ✔');
    expect(moved).toEqual([(files[0]!.bytes as Uint8Array).buffer, own.buffer, empty.buffer]);
    expect(moved).not.toContain(pooled.buffer);
    // Moved for real: a second post of the same buffers would find them empty.
    const channel = new MessageChannel();
    channel.port1.postMessage(output, moved);
    channel.port1.close();
    expect(own.byteLength).toBe(0);
    expect(pooled.toString()).toBe('pequeño');
  });
});
