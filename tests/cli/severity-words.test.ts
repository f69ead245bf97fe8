import { describe, expect, it } from 'vitest';
import { baseRepo, lineOf, validateFiles, where, writeRepo } from '../helpers/fixture.js';
import { runCli } from './run.js';

// After T2's window (2019-06-24..28): both departments owe their 2019-T2 report (PLAN022).
const T2_DUE = '2019-07-15';

function withReglas(reglas: Record<string, string>) {
  const files = baseRepo();
  files['plan.yaml'].reglas = reglas;
  return files;
}

describe('rule severities in plan.yaml', () => {
  it('accepts «advertencia» as a severity and applies it', () => {
    const diagnostics = validateFiles(withReglas({ PLAN022: 'error' }), { fechaCorte: T2_DUE });
    expect(diagnostics.map((d) => `${d.rule} ${d.severity}`)).toEqual(['PLAN022 error', 'PLAN022 error']);
    const relaxed = validateFiles(withReglas({ PLAN022: 'advertencia' }), { fechaCorte: T2_DUE });
    expect(relaxed.map((d) => `${d.rule} ${d.severity}`)).toEqual(['PLAN022 warning', 'PLAN022 warning']);
  });

  it('accepts «desactivada» and turns the rule off', () => {
    expect(validateFiles(withReglas({ PLAN022: 'desactivada' }), { fechaCorte: T2_DUE })).toEqual([]);
  });

  it('keeps accepting the English words of the card', () => {
    expect(validateFiles(withReglas({ PLAN022: 'off', PLAN021: 'warning' }), { fechaCorte: T2_DUE })).toEqual([]);
  });

  it('still rejects a word that is not a severity, listing the Spanish words first', () => {
    const files = withReglas({ PLAN022: 'bloqueante' });
    const diagnostics = validateFiles(files, { fechaCorte: T2_DUE });
    expect(where(diagnostics)).toEqual([`PLAN002 plan.yaml:${lineOf(files, 'plan.yaml', 'bloqueante')}`]);
    expect(diagnostics[0]!.message).toBe('El campo «PLAN022» tiene el valor «bloqueante», que no está permitido.');
    expect(diagnostics[0]!.hint).toBe('Valores permitidos: «error», «advertencia», «desactivada», «warning» y «off».');
  });

  it('plan rules shows a Spanish severity from plan.yaml as configured', async () => {
    const root = writeRepo({ 'plan.yaml': 'municipio: Prueba\nreglas:\n  PLAN021: advertencia\n  PLAN030: desactivada\n  PLAN022: error\n' });
    const run = await runCli(['rules'], { cwd: root });
    expect(run.stdout).toMatch(/^PLAN021 +advertencia +/m);
    expect(run.stdout).toMatch(/^PLAN030 +desactivada\* +/m);
    expect(run.stdout).toMatch(/^PLAN022 +error\* +/m);
  });
});
