import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatNames, renderersFor } from '../../../src/report/render/select.js';
import { baseRepo, writeRepo } from '../../helpers/fixture.js';
import { runCli } from '../../cli/run.js';

// The one registry line a new format adds, here added by the test.
vi.mock('../../../src/report/render/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/report/render/index.js')>();
  const { throwaway } = await import('./throwaway/index.js');
  return { RENDERERS: { ...original.RENDERERS, txt: throwaway } };
});

const CUTOFF = ['--fecha-corte', '2019-04-15'];

describe('the renderer registry', () => {
  it('offers a registered format to --format and lists it in the help', async () => {
    expect(formatNames().slice(0, 3)).toEqual(['md', 'xlsx', 'csv']);
    expect(formatNames().at(-1)).toBe('txt');
    const help = await runCli(['report', '--help']);
    // The help wraps long lines; the words are what matters.
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/md, xlsx, csv \(sólo --transparencia\), .*txt \(sólo --trimestre o --anual\) o all/);
  });

  it('writes a registered format with the extension its entry gives', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--format', 'txt', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Reportes escritos:\n  reportes/trimestral-2019-T1.txt\n');
    expect(readFileSync(path.join(root, 'reportes/trimestral-2019-T1.txt'), 'utf8')).toMatch(/^Resumen trimestral 2019-T1\n- Entrega de reportes trimestrales\n/);
  });

  it('includes a registered document format in --format all, after the other documents and before the data files', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--annual', ...CUTOFF], { cwd: root });
    expect(run.stdout).toBe('Reportes escritos:\n  reportes/anual-2019.md\n  reportes/anual-2019/index.html\n  reportes/anual-2019.txt\n  reportes/anual-2019.xlsx\n');
  });

  it('leaves a registered format out of the reports it does not serve', async () => {
    expect(renderersFor('transparencia').map((r) => r.name)).not.toContain('txt');
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--transparencia', '--quarter', 'Q1', '--format', 'txt', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('El formato txt sólo existe para --trimestre o --anual.');
  });
});
