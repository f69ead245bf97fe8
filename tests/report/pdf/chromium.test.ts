// Where --format pdf finds its browser, and what the user is told when there is none. No
// browser is started here: tests/browser/ prints for real.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../../../src/i18n/text.js';
import { findChromium } from '../../../src/report/render/pdf/chromium.js';
import { pageLang } from '../../../src/report/render/pdf/print.js';
import { baseRepo, writeRepo } from '../../helpers/fixture.js';
import { runCli } from '../../cli/run.js';

const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding an executable file for each name, for a PATH to search. */
function binDir(...names: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-bin-'));
  dirs.push(dir);
  for (const name of names) {
    writeFileSync(path.join(dir, name), '#!/bin/sh\n');
    chmodSync(path.join(dir, name), 0o755);
  }
  return dir;
}

function said(lookup: ReturnType<typeof findChromium>): string {
  return 'found' in lookup ? `found ${lookup.found}` : fill(lookup.text.es, lookup.params);
}

describe('findChromium', () => {
  it('takes chromium from PATH before chromium-browser and google-chrome', () => {
    const dir = binDir('google-chrome', 'chromium-browser', 'chromium');
    expect(findChromium({ PATH: dir })).toEqual({ found: path.join(dir, 'chromium') });
  });

  it('falls back to google-chrome-stable when it is the only browser on PATH', () => {
    const dir = binDir('google-chrome-stable');
    expect(findChromium({ PATH: `/nonexistent${path.delimiter}${dir}` })).toEqual({ found: path.join(dir, 'google-chrome-stable') });
  });

  it('uses PLAN_CHROMIUM before anything on PATH', () => {
    const onPath = binDir('chromium');
    const chosen = path.join(binDir('mi-navegador'), 'mi-navegador');
    expect(findChromium({ PATH: onPath, PLAN_CHROMIUM: chosen })).toEqual({ found: chosen });
  });

  it('looks a PLAN_CHROMIUM without a slash up on PATH', () => {
    const dir = binDir('brave');
    expect(findChromium({ PATH: dir, PLAN_CHROMIUM: 'brave' })).toEqual({ found: path.join(dir, 'brave') });
  });

  it('says how to install Chromium when none is on PATH', () => {
    expect(said(findChromium({ PATH: binDir('firefox') }))).toBe(
      'Para --formato pdf hace falta Chromium y no se encontró (se buscó chromium, chromium-browser, google-chrome, google-chrome-stable en el PATH). Instálelo con «sudo apt-get install chromium» o indique dónde está con PLAN_CHROMIUM=/ruta/al/navegador.',
    );
  });

  it('names a PLAN_CHROMIUM that is not runnable instead of quietly using another browser', () => {
    const onPath = binDir('chromium');
    const plain = path.join(onPath, 'leeme.txt');
    writeFileSync(plain, 'no soy un programa');
    expect(said(findChromium({ PATH: onPath, PLAN_CHROMIUM: plain }))).toBe(
      `PLAN_CHROMIUM dice «${plain}», que no es un programa ejecutable. Corríjala con la ruta del navegador (por ejemplo PLAN_CHROMIUM=/usr/bin/chromium) o quítela para buscar chromium en el PATH.`,
    );
  });

  it('does not take a folder named chromium for the browser', () => {
    const dir = binDir();
    mkdirSync(path.join(dir, 'chromium'));
    expect('found' in findChromium({ PATH: dir })).toBe(false);
  });
});

describe('the printed page footer', () => {
  it('speaks English only for a page whose html element says lang="en"', () => {
    expect(pageLang('<!doctype html><html lang="en"><body>')).toBe('en');
    expect(pageLang('<!doctype html><html lang="es"><body>')).toBe('es');
    expect(pageLang('<p lang="en">')).toBe('es');
  });
});

describe('plan report --format pdf without Chromium', () => {
  it('says in one Spanish line how to install Chromium and exits 2, writing nothing', async () => {
    vi.stubEnv('PATH', binDir());
    vi.stubEnv('PLAN_CHROMIUM', '');
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--annual', '--format', 'pdf', '--fecha-corte', '2019-04-15']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'plan: error: Para --formato pdf hace falta Chromium y no se encontró (se buscó chromium, chromium-browser, google-chrome, google-chrome-stable en el PATH). Instálelo con «sudo apt-get install chromium» o indique dónde está con PLAN_CHROMIUM=/ruta/al/navegador.\n',
    );
    expect(readdirSync(root)).not.toContain('reportes');
  });

  it('says it in English with --lang en', async () => {
    vi.stubEnv('PATH', binDir());
    vi.stubEnv('PLAN_CHROMIUM', '');
    const root = writeRepo(baseRepo());
    const run = await runCli(['--lang', 'en', 'report', '-C', root, '--annual', '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'plan: error: --format pdf needs Chromium and none was found (looked for chromium, chromium-browser, google-chrome, google-chrome-stable on PATH). Install it with "sudo apt-get install chromium" or say where it is with PLAN_CHROMIUM=/path/to/browser.\n',
    );
  });

  it('still writes every other format with --format all, which leaves the PDF out', async () => {
    vi.stubEnv('PATH', binDir());
    vi.stubEnv('PLAN_CHROMIUM', '');
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--annual', '--fecha-corte', '2019-04-15']);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(root, 'reportes')).filter((name) => name.endsWith('.pdf'))).toEqual([]);
    expect(run.stdout).not.toContain('.pdf');
  });

  it('tells in the help of --formato that all leaves the PDF out', async () => {
    const run = await runCli(['report', '--help']);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('html, pdf (necesita Chromium) o all, que son todos menos pdf (por omisión: all)');
  });
});
