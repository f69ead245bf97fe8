import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CRITERIA } from '../../src/report/metrics/criteria/index.js';
import { RULES } from '../../src/rules/index.js';
import { writeRepo } from '../helpers/fixture.js';
import { runCli } from './run.js';

const LABEL = { error: 'error', warning: 'advertencia' } as const;

/** The lines of a section, from its heading to the next blank line, without their indent. */
function section(stdout: string, heading: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line === heading || line.startsWith(`${heading} (`));
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && line === '');
  return lines.slice(start + 1, end).map((line) => line.replace(/^ {2}/, ''));
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

describe('plan explain works for every registered rule', () => {
  for (const rule of RULES) {
    const { meta } = rule;
    it(`${meta.id}: title, severity, criterion, rationale, both examples and the fix`, async () => {
      const run = await runCli(['explain', meta.id], { cwd: writeRepo({}) });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe(`${meta.id}  ${meta.title.es}`);
      expect(lines[2]).toBe(`Severidad por omisión: ${LABEL[meta.defaultSeverity]}${meta.fixedSeverity ? ' (no se puede cambiar en plan.yaml)' : ''}`);
      const criterio = CRITERIA.find((c) => c.clave === meta.criterio)?.nombre;
      expect(lines[3]).toBe(`Criterio del Plan de Mejora: ${criterio ?? 'ninguno: la regla cuida que los datos se puedan leer y revisar'}`);
      expect(words(section(run.stdout, 'Por qué existe').join(' '))).toBe(words(meta.rationale));
      expect(meta.examples, `${meta.id} has no examples`).toBeDefined();
      const { file, invalid, valid } = meta.examples!;
      expect(run.stdout).toContain(`\nEjemplo que falla (${file})\n`);
      expect(run.stdout).toContain(`\nEjemplo correcto (${file})\n`);
      expect(section(run.stdout, 'Ejemplo que falla').join('\n')).toBe(invalid.replace(/\n$/, ''));
      expect(section(run.stdout, 'Ejemplo correcto').join('\n')).toBe(valid.replace(/\n$/, ''));
      const fix = words(run.stdout.slice(run.stdout.indexOf('\nCómo corregirlo\n') + '\nCómo corregirlo\n'.length));
      expect(fix).toBe(words(meta.hint.es.replace(/\{(\w+)\}/g, '<$1>')));
    });
  }
});

describe('rule examples', () => {
  for (const rule of RULES) {
    const { id, examples } = rule.meta;
    it(`${id}: the passing example is valid YAML, and so is the failing one unless the rule is about YAML itself`, () => {
      const valid = parseDocument(examples!.valid, { uniqueKeys: true });
      expect(valid.errors.map((e) => e.message), 'valid').toEqual([]);
      expect(valid.warnings, 'valid').toEqual([]);
      const invalid = parseDocument(examples!.invalid, { uniqueKeys: true });
      if (id === 'PLAN001') {
        // PLAN001's failing example is an unreadable file: a repeated key.
        expect(invalid.errors.map((e) => e.code)).toEqual(['DUPLICATE_KEY']);
      } else {
        expect(invalid.errors.map((e) => e.message), 'invalid').toEqual([]);
        expect(invalid.warnings, 'invalid').toEqual([]);
      }
      expect(examples!.file).toMatch(/^[\w./-]+\.yaml$/);
    });
  }
});

describe('plan explain', () => {
  it('accepts the id in lowercase or by its number', async () => {
    const upper = await runCli(['explain', 'PLAN020']);
    expect(upper.code).toBe(0);
    for (const spelling of ['plan020', ' Plan020 ', '20', 'PLAN20']) {
      const run = await runCli(['explain', spelling]);
      expect(run, spelling).toMatchObject({ code: 0, stdout: upper.stdout });
    }
    expect(upper.stdout).toContain('Criterio del Plan de Mejora: Seguimiento y retroalimentación\n');
    expect(words(upper.stdout)).toContain('«No se recibirá ningún reporte trimestral que no esté alineado a la unidad de medida asignada y validada por el área de Planeación»');
  });

  it('shows the severity configured in the repo next to the default', async () => {
    const root = writeRepo({ 'plan.yaml': 'reglas:\n  PLAN020: warning\n  PLAN001: warning\n' });
    const changed = await runCli(['explain', 'PLAN020'], { cwd: root });
    expect(changed.stdout).toContain('\nSeveridad por omisión: error\nSeveridad en este repositorio: advertencia (cambiada en «reglas» de plan.yaml)\nCriterio');
    const fixed = await runCli(['-C', root, 'explain', 'PLAN001']);
    expect(fixed.stdout).toContain('\nSeveridad por omisión: error (no se puede cambiar en plan.yaml)\nSeveridad en este repositorio: error\nCriterio');
    const outside = await runCli(['explain', 'PLAN020'], { cwd: writeRepo({}) });
    expect(outside.stdout).not.toContain('Severidad en este repositorio');
  });

  it('shows a hint\'s per-finding values as placeholders', async () => {
    const run = await runCli(['explain', 'PLAN011']);
    expect(run.stdout).toContain('Ajuste «meta_anual» a <esperado> o corrija la programación trimestral; se\n  tolera una diferencia de hasta <tolerancia> %');
  });

  it('exits 2 for an unknown id, suggesting the closest ones', async () => {
    const close = await runCli(['explain', 'PLAN0200']);
    expect(close).toMatchObject({ code: 2, stdout: '' });
    expect(close.stderr).toBe('plan: error: La regla «PLAN0200» no existe. ¿Quiso decir PLAN020? La lista completa se ve con «plan rules».\n');
    const typo = await runCli(['explain', 'PLAM021']);
    expect(typo.stderr).toBe('plan: error: La regla «PLAM021» no existe. ¿Quiso decir PLAN021? La lista completa se ve con «plan rules».\n');
    const far = await runCli(['explain', 'unidades']);
    expect(far).toMatchObject({ code: 2, stderr: 'plan: error: La regla «unidades» no existe. La lista completa se ve con «plan rules».\n' });
    const english = await runCli(['--lang', 'en', 'explain', 'PLAN0200']);
    expect(english.stderr).toBe('plan: error: Rule "PLAN0200" does not exist. Did you mean PLAN020? See the full list with "plan rules".\n');
  });

  it('exits 2 without an id', async () => {
    const run = await runCli(['explain']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('falta el argumento obligatorio «regla»');
  });

  it('speaks English with --lang en, quoting the rationale in Spanish', async () => {
    const run = await runCli(['--lang', 'en', 'explain', 'PLAN020'], { cwd: writeRepo({}) });
    expect(run.stdout.split('\n')[0]).toBe('PLAN020  Progress reported in a unit other than its meta\'s');
    expect(run.stdout).toContain('\nDefault severity: error\n');
    expect(run.stdout).toContain('\nWhy it exists (in Spanish)\n  El criterio Seguimiento');
    expect(run.stdout).toContain('\nHow to fix it\n  State the progress');
  });
});
