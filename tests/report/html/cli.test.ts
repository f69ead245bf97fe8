import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRepo, writeRepo } from '../../helpers/fixture.js';
import { runCli } from '../../cli/run.js';
import { brokenLinks } from './links.js';

const CUTOFF = ['--fecha-corte', '2019-04-15'];

/** Every file of a written site, by its path inside the site folder. */
function readSite(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    return [path.relative(dir, full).split(path.sep).join('/'), readFileSync(full, 'utf8')];
  }));
}

describe('plan report --format html', () => {
  it('writes the site into a folder named after the report and names its index', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--annual', '--format', 'html', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Reportes escritos:\n  reportes/anual-2019/index.html\n');
    const site = readSite(path.join(root, 'reportes/anual-2019'));
    expect([...site.keys()].sort()).toEqual(['dependencias/DIF.html', 'dependencias/OP.html', 'estilos.css', 'index.html', 'secciones.html']);
    expect(readdirSync(path.join(root, 'reportes'))).toEqual(['anual-2019']);
  });

  it('writes a site whose every link resolves, with no web address', async () => {
    const root = writeRepo(baseRepo());
    await runCli(['report', '-C', root, '--quarter', 'Q1', '--format', 'html', ...CUTOFF], { cwd: root });
    const site = readSite(path.join(root, 'reportes/trimestral-2019-T1'));
    expect(site.get('index.html')).toContain('<a href="dependencias/OP.html">');
    expect(brokenLinks(site)).toEqual([]);
    for (const [file, text] of site) expect(text, file).not.toMatch(/https?:\/\//);
  });

  it('writes the transparency table as a one-page site', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--transparencia', '--quarter', 'Q1', '--format', 'html', ...CUTOFF], { cwd: root });
    expect(run.stdout).toBe('Reportes escritos:\n  reportes/transparencia-2019-T1/index.html\n');
    expect([...readSite(path.join(root, 'reportes/transparencia-2019-T1')).keys()].sort()).toEqual(['estilos.css', 'index.html']);
  });

  it('removes the page of a department a previous run wrote and this one did not, and nothing else', async () => {
    const root = writeRepo({
      ...baseRepo(),
      'reportes/anual-2019/dependencias/VIEJA.html': 'vieja',
      'reportes/anual-2019/dependencias/notas.txt': 'notas',
      'reportes/anual-2019/mio.html': 'mío',
      'reportes/otra.html': 'otra',
    });
    await runCli(['report', '-C', root, '--annual', '--format', 'html', ...CUTOFF], { cwd: root });
    const reportes = path.join(root, 'reportes');
    expect(existsSync(path.join(reportes, 'anual-2019/dependencias/VIEJA.html'))).toBe(false);
    expect(readdirSync(path.join(reportes, 'anual-2019/dependencias')).sort()).toEqual(['DIF.html', 'OP.html', 'notas.txt']);
    expect(readFileSync(path.join(reportes, 'anual-2019/mio.html'), 'utf8')).toBe('mío');
    expect(readFileSync(path.join(reportes, 'otra.html'), 'utf8')).toBe('otra');
  });

  it('writes nothing of the set when one page cannot be written: the previous report and site stay', async () => {
    const root = writeRepo({ ...baseRepo(), 'reportes/anual-2019.md': 'anterior\n', 'reportes/anual-2019/index.html': 'índice anterior' });
    // A folder where a department page goes.
    mkdirSync(path.join(root, 'reportes/anual-2019/dependencias/OP.html'), { recursive: true });
    writeFileSync(path.join(root, 'reportes/anual-2019/dependencias/OP.html/x'), 'x');
    const run = await runCli(['report', '-C', root, '--annual', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`No se pudo escribir «${path.join(root, 'reportes/anual-2019/dependencias/OP.html')}»`);
    expect(readFileSync(path.join(root, 'reportes/anual-2019.md'), 'utf8')).toBe('anterior\n');
    expect(readFileSync(path.join(root, 'reportes/anual-2019/index.html'), 'utf8')).toBe('índice anterior');
    expect(existsSync(path.join(root, 'reportes/anual-2019.xlsx'))).toBe(false);
    expect(readdirSync(path.join(root, 'reportes/anual-2019')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses a file where the site folder goes', async () => {
    const root = writeRepo({ ...baseRepo(), 'reportes/anual-2019': 'un archivo' });
    const run = await runCli(['report', '-C', root, '--annual', '--format', 'html', ...CUTOFF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`No se puede usar «${path.join(root, 'reportes/anual-2019')}» como carpeta de salida`);
    expect(readFileSync(path.join(root, 'reportes/anual-2019'), 'utf8')).toBe('un archivo');
  });
});
