import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN009 } from '../../src/rules/PLAN009-numero-fuera-de-escala.js';
import { runCli } from '../cli/run.js';
import { baseRepo, checkRule, lineOf, where, writeRepo } from '../helpers/fixture.js';

const OP01 = 'dependencias/OP/ppcs/OP-01.yaml';
const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';

describe('PLAN009 numbers outside the scale the reports can compute', () => {
  it('accepts the ordinary repository, zeros and six decimals', () => {
    const files = baseRepo();
    files[OP01].metas[0].programacion = { T1: 0, T2: 0.000001, T3: 3, T4: 6.999999 };
    expect(checkRule(PLAN009, files)).toEqual([]);
  });

  it('refuses a tiny programmed value, 1e-320, as an error at its line and column, in Spanish', () => {
    const files = baseRepo();
    files[OP01].metas[0].programacion.T3 = 1e-320;
    const diagnostics = checkRule(PLAN009, files);
    expect(where(diagnostics)).toEqual([`PLAN009 ${OP01}:${lineOf(files, OP01, 'T3:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.column).toBe(11);
    expect(diagnostics[0]!.message).toBe(
      'El número 1e-320 en «metas.programacion.T3» es demasiado pequeño: distinto de cero, un valor debe ser de al menos 0.000001; con menos, el cumplimiento o el porcentaje que se divide entre él no tiene un resultado finito.',
    );
  });

  it('refuses a reported value past a trillion', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0].valor = 1.7e308;
    const diagnostics = checkRule(PLAN009, files);
    expect(where(diagnostics)).toEqual([`PLAN009 ${OP_T1}:${lineOf(files, OP_T1, 'valor:')}`]);
    expect(diagnostics[0]!.message).toMatch(/^El número 1\.7e\+308 en «ppcs\.avances\.valor» es demasiado grande: el máximo es 1,000,000,000,000/);
  });

  it('refuses a negative value of either extreme the same way', () => {
    const files = baseRepo();
    files[OP01].metas[0].programacion.T1 = -1e-9;
    expect(checkRule(PLAN009, files).map((d) => d.message.split(':')[0])).toEqual(['El número -1e-9 en «metas.programacion.T1» es demasiado pequeño']);
  });
});

describe('a report on data with a number out of scale', () => {
  it('is refused with exit 1 before any file is written, instead of an internal error after the Markdown', async () => {
    const files = baseRepo();
    files[OP01].metas[0].programacion.T1 = 1e-320;
    const root = writeRepo(files);
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--fecha-corte', '2019-04-15'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`No se generó ningún reporte: los datos tienen 1 error en 1 archivo`);
    expect(run.stderr).toContain(`  ${OP01} (1 error)`);
    expect(run.stderr).not.toContain('error interno');
    expect(existsSync(path.join(root, 'reportes')) ? readdirSync(path.join(root, 'reportes')) : []).toEqual([]);
  });
});
