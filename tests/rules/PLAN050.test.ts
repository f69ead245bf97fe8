import { describe, expect, it } from 'vitest';
import { PLAN050 } from '../../src/rules/PLAN050-convocatoria-incumplida.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const CONV = 'planeacion/convocatorias/2019.yaml';

/** A call on 2019-02-12 for OP and DIF, both attending and delivering by 2019-02-28 (a Thursday). */
function withCall(changes: Record<string, unknown> = {}) {
  const files = baseRepo();
  files[CONV] = {
    ejercicio: 2019,
    convocatorias: [
      {
        id: 'CONV-2019-01',
        fecha: '2019-02-12',
        asunto: 'Presentación de carátulas de PPCS 2019 (Anexo 1 y 2)',
        convocadas: ['OP', 'DIF'],
        asistentes: ['OP', 'DIF'],
        fecha_limite_entrega: '2019-02-28',
        entregas: [
          { dependencia: 'OP', fecha: '2019-02-27' },
          { dependencia: 'DIF', fecha: '2019-02-28' },
        ],
        ...changes,
      },
    ],
  };
  return files;
}

const convocadaLine = (files: ReturnType<typeof withCall>, clave: string) => lineOf(files, CONV, `- ${clave}`, 'convocadas:');

describe('PLAN050 convened department that did not attend or deliver on time', () => {
  it('accepts a repo without calls', () => {
    expect(checkRule(PLAN050, baseRepo())).toEqual([]);
  });

  it('accepts a call every convened department attended and answered on time', () => {
    expect(checkRule(PLAN050, withCall())).toEqual([]);
  });

  it('warns on a convened department missing from the attendees', () => {
    const files = withCall({ asistentes: ['OP'] });
    const diagnostics = checkRule(PLAN050, files);
    expect(where(diagnostics)).toEqual([`PLAN050 ${CONV}:${convocadaLine(files, 'DIF')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe('La dependencia «DIF» fue convocada a «CONV-2019-01» (12/02/2019) pero no aparece en «asistentes».');
  });

  it('says which department a finding in Planeación’s file is about, in its data', () => {
    const diagnostics = checkRule(PLAN050, withCall({ asistentes: ['OP'] }));
    expect(diagnostics.map((d) => d.about)).toEqual([{ dependencia: 'DIF' }]);
  });

  it('warns on a convened department that delivered nothing once the deadline passed', () => {
    const files = withCall({ entregas: [{ dependencia: 'OP', fecha: '2019-02-27' }] });
    const diagnostics = checkRule(PLAN050, files);
    expect(where(diagnostics)).toEqual([`PLAN050 ${CONV}:${convocadaLine(files, 'DIF')}`]);
    expect(diagnostics[0]!.message).toBe('La dependencia «DIF» no entregó la información solicitada en «CONV-2019-01»; la fecha límite era el 28/02/2019.');
  });

  it('warns when a call with a deadline has no deliveries at all', () => {
    const files = withCall({ entregas: undefined });
    expect(where(checkRule(PLAN050, files))).toEqual([`PLAN050 ${CONV}:${convocadaLine(files, 'OP')}`, `PLAN050 ${CONV}:${convocadaLine(files, 'DIF')}`]);
  });

  it('does not ask for a delivery before its deadline has passed', () => {
    const files = withCall({ fecha_limite_entrega: '2019-04-30', entregas: [] });
    expect(checkRule(PLAN050, files)).toEqual([]);
  });

  it('does not ask for a delivery when the call requested no information', () => {
    const files = withCall({ fecha_limite_entrega: undefined, entregas: undefined });
    expect(checkRule(PLAN050, files)).toEqual([]);
  });

  it('warns on the date of a late delivery with the business days it was late', () => {
    // Deadline Thursday 2019-02-28; delivered Monday 2019-03-04: Friday 1 and Monday 4 are business days.
    const files = withCall({ entregas: [{ dependencia: 'OP', fecha: '2019-02-27' }, { dependencia: 'DIF', fecha: '2019-03-04' }] });
    const diagnostics = checkRule(PLAN050, files);
    expect(where(diagnostics)).toEqual([`PLAN050 ${CONV}:${lineOf(files, CONV, 'fecha: 2019-03-04')}`]);
    expect(diagnostics[0]!.message).toBe('La dependencia «DIF» entregó la información de «CONV-2019-01» el 04/03/2019, 2 días hábiles después de la fecha límite (28/02/2019).');
  });

  it('says one business day in the singular', () => {
    const files = withCall({ entregas: [{ dependencia: 'OP', fecha: '2019-02-27' }, { dependencia: 'DIF', fecha: '2019-03-01' }] });
    expect(checkRule(PLAN050, files)[0]!.message).toContain('el 01/03/2019, 1 día hábil después de la fecha límite');
  });

  it('warns on a delivery made on a non-working day after the deadline', () => {
    // Deadline Friday 2019-03-01; delivered Saturday 2019-03-02.
    const files = withCall({ fecha_limite_entrega: '2019-03-01', entregas: [{ dependencia: 'OP', fecha: '2019-03-01' }, { dependencia: 'DIF', fecha: '2019-03-02' }] });
    const diagnostics = checkRule(PLAN050, files);
    expect(where(diagnostics)).toEqual([`PLAN050 ${CONV}:${lineOf(files, CONV, 'fecha: 2019-03-02')}`]);
    expect(diagnostics[0]!.message).toContain('el 02/03/2019, día inhábil posterior a la fecha límite (01/03/2019)');
  });

  it('judges a department by its first delivery, not a later resubmission', () => {
    const files = withCall({
      entregas: [
        { dependencia: 'OP', fecha: '2019-02-27' },
        { dependencia: 'DIF', fecha: '2019-03-15' },
        { dependencia: 'DIF', fecha: '2019-02-26' },
      ],
    });
    expect(checkRule(PLAN050, files)).toEqual([]);
  });

  it('does not judge attendance of a meeting on or after the cut-off date', () => {
    const files = withCall({ fecha: '2019-04-15', asistentes: [], fecha_limite_entrega: '2019-04-30', entregas: [] });
    expect(checkRule(PLAN050, files)).toEqual([]);
  });

  it('ignores departments that attended or delivered without being convened', () => {
    const files = withCall({ convocadas: ['OP'], asistentes: ['OP', 'DIF'], entregas: [{ dependencia: 'OP', fecha: '2019-02-27' }, { dependencia: 'DIF', fecha: '2019-03-20' }] });
    expect(checkRule(PLAN050, files)).toEqual([]);
  });

  it('leaves a convened department that does not exist to PLAN004', () => {
    const files = withCall({ convocadas: ['OP', 'DIF', 'SSP'] });
    expect(checkRule(PLAN050, files)).toEqual([]);
  });
});
