import { describe, expect, it } from 'vitest';
import { PLAN031 } from '../../src/rules/PLAN031-colaboracion-no-reportada.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';

describe('PLAN031 PPCS with participating departments but no collaboration in the report', () => {
  it('accepts reports that name the departments they worked with', () => {
    expect(checkRule(PLAN031, baseRepo())).toEqual([]);
  });

  it('warns on the PPCS entry of a report without colaboraciones', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].colaboraciones;
    const diagnostics = checkRule(PLAN031, files);
    expect(where(diagnostics)).toEqual([`PLAN031 ${OP_T1}:${lineOf(files, OP_T1, 'id: OP-01')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'La carátula del PPCS «OP-01» nombra como participantes a «DIF», pero el reporte «2019-T1» no indica con qué dependencias colaboró (campo «colaboraciones» ausente o vacío).',
    );
  });

  it('warns on an empty colaboraciones list', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].colaboraciones = [];
    expect(where(checkRule(PLAN031, files))).toEqual([`PLAN031 ${OP_T1}:${lineOf(files, OP_T1, 'id: OP-01')}`]);
  });

  it('warns when the entry does not state its status', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].estatus;
    delete files[OP_T1].ppcs[0].colaboraciones;
    expect(where(checkRule(PLAN031, files))).toEqual([`PLAN031 ${OP_T1}:${lineOf(files, OP_T1, 'id: OP-01')}`]);
  });

  it('lists every other participating department once, in the order the carátula names them', () => {
    const files = baseRepo();
    files[OP_01].actividades = [
      { descripcion: 'Gestión social', participantes: ['DIF', 'OP'] },
      { descripcion: 'Seguridad en obra', participantes: ['SSP', 'DIF'] },
    ];
    delete files[OP_T1].ppcs[0].colaboraciones;
    expect(checkRule(PLAN031, files)[0]!.message).toContain('nombra como participantes a «DIF», «SSP», pero');
  });

  it('does not ask a suspended PPCS for collaborations', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].estatus = 'suspendido';
    delete files[OP_T1].ppcs[0].colaboraciones;
    expect(checkRule(PLAN031, files)).toEqual([]);
  });

  it('does not ask for collaborations when the carátula names no other department', () => {
    const files = baseRepo();
    files[OP_01].actividades = [{ descripcion: 'Supervisión de obra', participantes: ['OP'] }];
    delete files[OP_T1].ppcs[0].colaboraciones;
    expect(checkRule(PLAN031, files)).toEqual([]);
  });

  it('ignores an entry whose carátula does not exist', () => {
    const files = baseRepo();
    files[OP_T1].ppcs.push({ id: 'OP-09', estatus: 'activo' });
    expect(checkRule(PLAN031, files)).toEqual([]);
  });

  it('leaves a report entry naming another department’s PPCS to PLAN004', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].id = 'DIF-01';
    delete files[OP_T1].ppcs[0].colaboraciones;
    expect(checkRule(PLAN031, files)).toEqual([]);
  });
});
