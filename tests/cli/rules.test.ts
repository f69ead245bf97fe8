import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { writeRepo } from '../helpers/fixture.js';
import { runCli } from './run.js';

const LABEL = { error: 'error', warning: 'advertencia', off: 'desactivada' } as const;

/** The table's rows by rule id: `[severity, title]`, split on the column boundaries of the header. */
function parseTable(stdout: string): { header: string; rows: Map<string, [string, string]> } {
  const lines = stdout.split('\n');
  const header = lines[0]!;
  const severityAt = header.indexOf('Severidad');
  const titleAt = header.indexOf('Título');
  const rows = new Map<string, [string, string]>();
  for (const line of lines.slice(1)) {
    if (!/^PLAN\d{3} /.test(line)) continue;
    // Columns line up by character: every row has its title where the header has «Título».
    expect(line.slice(titleAt - 2, titleAt), line).toBe('  ');
    expect(line[titleAt], line).not.toBe(' ');
    rows.set(line.slice(0, severityAt).trim(), [line.slice(severityAt, titleAt).trim(), line.slice(titleAt)]);
  }
  return { header, rows };
}

describe('plan rules', () => {
  it('lists every registered rule with its default severity and Spanish title outside a plan repository', async () => {
    const run = await runCli(['rules'], { cwd: writeRepo({ 'leeme.txt': 'sin plan' }) });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const { header, rows } = parseTable(run.stdout);
    expect(header).toMatch(/^Regla {4}Severidad {4}Título$/);
    expect([...rows.keys()]).toEqual(RULES.map((r) => r.meta.id));
    for (const rule of RULES) expect(rows.get(rule.meta.id)).toEqual([LABEL[rule.meta.defaultSeverity], rule.meta.title.es]);
    expect(run.stdout).toContain('\n\nNo se encontró plan.yaml: se muestran las severidades por omisión.\nDetalle de una regla: plan explain PLAN020\n');
  });

  it('shows the severities set in the repo\'s plan.yaml, marked, and ignores settings that cannot apply', async () => {
    const root = writeRepo({
      'plan.yaml': [
        'municipio: Prueba',
        'reglas:',
        '  PLAN021: error',
        '  PLAN030: "off"',
        '  PLAN020: warning',
        '  PLAN001: "off"      # fija: no cambia',
        '  PLAN999: error      # no existe',
        '  PLAN022: bloqueante # valor inválido',
        '',
      ].join('\n'),
    });
    const run = await runCli(['rules'], { cwd: path.join(root) });
    expect(run.code).toBe(0);
    const { rows } = parseTable(run.stdout);
    expect(rows.get('PLAN021')![0]).toBe('error*');
    expect(rows.get('PLAN030')![0]).toBe('desactivada*');
    expect(rows.get('PLAN020')![0]).toBe('advertencia*');
    expect(rows.get('PLAN001')![0]).toBe('error');
    expect(rows.get('PLAN022')![0]).toBe('advertencia');
    expect(rows.has('PLAN999')).toBe(false);
    expect(run.stdout).toContain('\n\n* Severidad cambiada en «reglas» de plan.yaml.\nSeveridades de plan.yaml.\n');
  });

  it('finds the repo with -C and from a subfolder, like plan validate', async () => {
    const root = writeRepo({ 'plan.yaml': 'reglas:\n  PLAN050: error\n', 'dependencias/OP/leeme.txt': '' });
    const viaC = parseTable((await runCli(['-C', root, 'rules'])).stdout);
    expect(viaC.rows.get('PLAN050')![0]).toBe('error*');
    const fromSub = await runCli(['rules'], { cwd: path.join(root, 'dependencias', 'OP') });
    expect(parseTable(fromSub.stdout).rows.get('PLAN050')![0]).toBe('error*');
    expect(fromSub.stdout).toContain(`Severidades de ${path.join(root, 'plan.yaml')}.`);
  });

  it('falls back to the defaults, saying why, when plan.yaml is not readable YAML', async () => {
    const root = writeRepo({ 'plan.yaml': 'reglas: [PLAN021: error\n' });
    const run = await runCli(['rules'], { cwd: root });
    expect(run.code).toBe(0);
    expect(parseTable(run.stdout).rows.get('PLAN021')![0]).toBe('advertencia');
    expect(run.stdout).toContain('plan.yaml no se pudo leer como YAML: se muestran las severidades por omisión (plan validate dice qué corregir).');
  });

  it('prints JSON with --format json', async () => {
    const root = writeRepo({ 'plan.yaml': 'reglas:\n  PLAN013: "off"\n' });
    const run = await runCli(['rules', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { version: number; config: string | null; rules: Record<string, unknown>[] };
    expect(parsed.version).toBe(1);
    expect(parsed.config).toBe(path.join(root, 'plan.yaml'));
    expect(parsed.rules.map((r) => r['id'])).toEqual(RULES.map((r) => r.meta.id));
    expect(parsed.rules.find((r) => r['id'] === 'PLAN013')).toEqual({
      id: 'PLAN013',
      title: 'Menos de la mitad de los PPCS de la dependencia están activos',
      severity: 'off',
      defaultSeverity: 'warning',
      configured: true,
      fixed: false,
      criterio: 'consistencia_programatica',
    });
    expect(parsed.rules.find((r) => r['id'] === 'PLAN001')).toMatchObject({ severity: 'error', fixed: true, criterio: null });
    const outside = JSON.parse((await runCli(['rules', '--format', 'json'], { cwd: writeRepo({}) })).stdout) as { config: null };
    expect(outside.config).toBeNull();
  });

  it('speaks English with --lang en', async () => {
    const run = await runCli(['--lang', 'en', 'rules'], { cwd: writeRepo({}) });
    expect(run.stdout).toMatch(/^Rule {5}Severity {2}Title\n/);
    expect(run.stdout).toContain('PLAN020  error     Progress reported in a unit other than its meta\'s\n');
    expect(run.stdout).toContain('PLAN021  warning   ');
  });

  it('exits 2 for a bad --format, an unknown option and a -C folder that does not exist', async () => {
    const bad = await runCli(['rules', '--format', 'xml'], { cwd: writeRepo({}) });
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe('plan: error: --formato (o --format) espera text o json; se recibió «xml».\n');
    expect((await runCli(['rules', '--todo'])).code).toBe(2);
    const missing = await runCli(['-C', '/no/existe/nada', 'rules']);
    expect(missing).toMatchObject({ code: 2, stderr: 'plan: error: La carpeta «/no/existe/nada» no existe.\n' });
  });
});
