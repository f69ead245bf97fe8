import { describe, expect, it } from 'vitest';
import { PLAN022 } from '../../src/rules/PLAN022-reporte-faltante.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP = 'dependencias/OP/dependencia.yaml';
const DIF = 'dependencias/DIF/dependencia.yaml';

describe('PLAN022 a quarterly report whose delivery window has closed is missing', () => {
  it('accepts departments that delivered every due report', () => {
    expect(checkRule(PLAN022, baseRepo())).toEqual([]);
  });

  it('reports a missing 2019-T1 report on the department\'s clave, naming the expected file and the closing date', () => {
    const files = baseRepo();
    delete files['dependencias/OP/reportes/2019-T1.yaml'];
    const diagnostics = checkRule(PLAN022, files);
    expect(where(diagnostics)).toEqual([`PLAN022 ${OP}:${lineOf(files, OP, 'clave:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'Falta el reporte «2019-T1» de la dependencia «OP»: se esperaba el archivo «dependencias/OP/reportes/2019-T1.yaml», cuya ventana de entrega cerró el 29/03/2019.',
    );
  });

  it('does not ask for a report on the last day of its window', () => {
    const files = baseRepo();
    delete files['dependencias/OP/reportes/2019-T1.yaml'];
    expect(checkRule(PLAN022, files, { fechaCorte: '2019-03-29' })).toEqual([]);
  });

  it('asks for a report the day after its window closed', () => {
    const files = baseRepo();
    delete files['dependencias/OP/reportes/2019-T1.yaml'];
    expect(where(checkRule(PLAN022, files, { fechaCorte: '2019-03-30' }))).toEqual([`PLAN022 ${OP}:${lineOf(files, OP, 'clave:')}`]);
  });

  it('reports every quarter still missing once the year has closed', () => {
    const diagnostics = checkRule(PLAN022, baseRepo(), { fechaCorte: '2020-01-31' });
    expect(diagnostics.map((d) => `${d.file} ${d.message.slice(0, 32)}`)).toEqual([
      `${DIF} Falta el reporte «2019-T2» de la`,
      `${DIF} Falta el reporte «2019-T3» de la`,
      `${DIF} Falta el reporte «2019-T4» de la`,
      `${OP} Falta el reporte «2019-T2» de la`,
      `${OP} Falta el reporte «2019-T3» de la`,
      `${OP} Falta el reporte «2019-T4» de la`,
    ]);
    expect(diagnostics[2]!.message).toContain('cerró el 31/12/2019');
  });

  it('checks the quarters of the ejercicio set in plan.yaml', () => {
    const files = baseRepo();
    files['plan.yaml'].ejercicio = 2020;
    const diagnostics = checkRule(PLAN022, files, { fechaCorte: '2020-04-15' });
    expect(diagnostics.map((d) => d.message.slice(0, 24))).toEqual(['Falta el reporte «2020-T', 'Falta el reporte «2020-T']);
  });

  it('does not report a report file that exists but could not be read', () => {
    const files = baseRepo();
    files['dependencias/OP/reportes/2019-T1.yaml'] = 'dependencia: OP\ntrimestre: [2019-T1\n';
    expect(checkRule(PLAN022, files).filter((d) => d.rule === 'PLAN022')).toEqual([]);
  });
});
