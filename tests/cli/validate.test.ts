import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRepo, writeRepo } from '../helpers/fixture.js';
import { runCli } from './run.js';

function repoWithOneError() {
  const files = baseRepo();
  files['dependencias/OP/dependencia.yaml'].clave = 'OBRAS';
  return writeRepo(files);
}

function repoWithOneWarning() {
  return writeRepo({ ...baseRepo(), 'dependencias/OP/reporte/2019-T2.yaml': 'dependencia: OP\n' });
}

describe('plan validate exit codes', () => {
  it('exits 0 and prints a Spanish summary for a clean repo', async () => {
    const run = await runCli(['validate', '-C', writeRepo(baseRepo())]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ Sin problemas en 8 archivo(s).\n');
  });

  it('exits 1 when there is an error, printing file, position, message and rule', async () => {
    const run = await runCli(['validate', '-C', repoWithOneError()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('dependencias/OP/dependencia.yaml\n');
    expect(run.stdout).toMatch(/ {2}1:8 {2}error {2}La clave «OBRAS» no coincide con la carpeta «dependencias\/OP\/»\. {2}PLAN005/);
    expect(run.stdout).toContain('✖ 1 problema(s): 1 error(es) y 0 advertencia(s) en 8 archivo(s) revisado(s).');
  });

  it('exits 0 with warnings, and 1 once they pass --max-warnings', async () => {
    const root = repoWithOneWarning();
    expect((await runCli(['validate', '-C', root])).code).toBe(0);
    expect((await runCli(['validate', '-C', root, '--max-warnings', '1'])).code).toBe(0);
    expect((await runCli(['validate', '-C', root, '--max-warnings', '0'])).code).toBe(1);
  });

  it('exits 2 with a clear message when no plan.yaml is found', async () => {
    const empty = writeRepo({ 'leeme.txt': 'nada' });
    const run = await runCli(['validate'], { cwd: empty });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No se encontró plan.yaml');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a -C folder that does not exist', async () => {
    const run = await runCli(['validate', '-C', '/no/existe/nada']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plan: error: La carpeta «/no/existe/nada» no existe.\n');
  });

  it('exits 2 for an unknown option, an unknown format and a bad --max-warnings', async () => {
    const root = writeRepo(baseRepo());
    const unknown = await runCli(['validate', '-C', root, '--bogus']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain('opción desconocida «--bogus»');
    expect((await runCli(['validate', '-C', root, '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['validate', '-C', root, '--max-warnings', 'muchas'])).code).toBe(2);
    expect((await runCli(['validate', '-C', root, '--fecha-corte', '2019-02-30'])).code).toBe(2);
    expect((await runCli(['--lang', 'fr', 'validate', '-C', root])).code).toBe(2);
  });

  it('finds plan.yaml by looking upward from a subfolder', async () => {
    const root = writeRepo(baseRepo());
    const sub = path.join(root, 'dependencias', 'OP');
    mkdirSync(sub, { recursive: true });
    expect((await runCli(['validate'], { cwd: sub })).code).toBe(0);
  });
});

describe('plan validate output', () => {
  it('--quiet shows errors only', async () => {
    const files = baseRepo();
    files['dependencias/OP/dependencia.yaml'].clave = 'OBRAS';
    files['dependencias/OP/reporte/x.yaml'] = 'a: 1\n';
    const run = await runCli(['validate', '-C', writeRepo(files), '--quiet']);
    expect(run.stdout).toContain('PLAN005');
    expect(run.stdout).not.toContain('PLAN006');
  });

  it('--format json gives every diagnostic with file, line and column', async () => {
    const run = await runCli(['validate', '-C', repoWithOneError(), '--format', 'json']);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.summary).toEqual({ errors: 1, warnings: 0, justified: 0, files: 8 });
    expect(parsed.diagnostics[0]).toMatchObject({ rule: 'PLAN005', severity: 'error', file: 'dependencias/OP/dependencia.yaml', line: 1, column: 8 });
  });

  it('--lang en switches messages to English', async () => {
    const run = await runCli(['--lang', 'en', 'validate', '-C', repoWithOneError()]);
    expect(run.stdout).toContain('Key «OBRAS» does not match folder "dependencias/OP/".');
    expect(run.stdout).toContain('1 error(s) and 0 warning(s)');
  });

  it('prints no ANSI colour codes on a pipe, with NO_COLOR or with FORCE_COLOR=0', async () => {
    const root = repoWithOneError();
    const ansi = /\u001b\[/;
    expect((await runCli(['validate', '-C', root])).stdout).not.toMatch(ansi);
    expect((await runCli(['validate', '-C', root], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['validate', '-C', root], { isTTY: true, env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['validate', '-C', root], { isTTY: true })).stdout).toMatch(ansi);
  });
});

describe('help is in Spanish', () => {
  it('plan --help lists commands and options in Spanish', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Uso: plan [opciones] [comando]');
    expect(run.stdout).toContain('Comandos:');
    expect(run.stdout).toContain('muestra esta ayuda');
    expect(run.stdout).not.toMatch(/Usage|display help|default:/);
  });

  it('plan validate --help explains exit codes in Spanish', async () => {
    const run = await runCli(['validate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Uso: plan validate [opciones]');
    expect(run.stdout).toContain('Códigos de salida');
    expect(run.stdout).not.toMatch(/Usage|display help|default:/);
  });
});

describe('usage edge cases', () => {
  it('says why the exit code is 1 when only the warning limit is passed, even with --quiet', async () => {
    const run = await runCli(['validate', '-C', repoWithOneWarning(), '--quiet', '--max-warnings', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Demasiadas advertencias: 1 (máximo permitido con --max-warnings: 0).\n');
  });

  it('exits 2 and shows the help on stderr when no command is given', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Uso: plan [opciones] [comando]');
  });

  it('says -C must be a folder when given a file', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['validate', '-C', path.join(root, 'plan.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no es una carpeta');
  });
});
