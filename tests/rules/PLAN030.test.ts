import { describe, expect, it } from 'vitest';
import { PLAN030 } from '../../src/rules/PLAN030-sin-ppcs-compartido.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP_CARD = 'dependencias/OP/dependencia.yaml';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const DIF_01 = 'dependencias/DIF/ppcs/DIF-01.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';

/** The base repo where DIF works with SP instead of OP: OP takes part in no PPCS of another department. */
function opAlone(): ReturnType<typeof baseRepo> {
  const files = baseRepo();
  files['dependencias/SP/dependencia.yaml'] = { ...files['dependencias/DIF/dependencia.yaml'], clave: 'SP', nombre: 'Secretaría de Planeación' };
  files[DIF_01].actividades[0].participantes = ['SP'];
  files[DIF_T1].ppcs[0].colaboraciones = ['SP'];
  return files;
}

describe('PLAN030 department with no PPCS shared with another department', () => {
  it('accepts departments whose PPCS have an activity with another department', () => {
    expect(checkRule(PLAN030, baseRepo())).toEqual([]);
  });

  it('warns on the clave of a department whose activities name no other department', () => {
    const files = opAlone();
    files[OP_01].actividades = [{ descripcion: 'Gestión social con vecinos' }];
    const diagnostics = checkRule(PLAN030, files);
    expect(where(diagnostics)).toEqual([`PLAN030 ${OP_CARD}:${lineOf(files, OP_CARD, 'clave:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'Ningún PPCS de la dependencia «OP» (sin contar los cancelados) tiene una actividad con la participación de otra dependencia, y la dependencia no participa en PPCS de otras dependencias; se esperaba al menos una actividad con «participantes».',
    );
  });

  it('warns when a PPCS has no activities at all', () => {
    const files = opAlone();
    delete files[OP_01].actividades;
    expect(where(checkRule(PLAN030, files))).toEqual([`PLAN030 ${OP_CARD}:${lineOf(files, OP_CARD, 'clave:')}`]);
  });

  it('does not count a department naming itself as participant', () => {
    const files = opAlone();
    files[OP_01].actividades = [{ descripcion: 'Supervisión de obra', participantes: ['OP'] }];
    expect(where(checkRule(PLAN030, files))).toEqual([`PLAN030 ${OP_CARD}:${lineOf(files, OP_CARD, 'clave:')}`]);
  });

  it('does not count the shared activity of a cancelled PPCS', () => {
    const files = opAlone();
    files[OP_01].estatus = 'cancelado';
    files['dependencias/OP/ppcs/OP-02.yaml'] = { ...files[OP_01], id: 'OP-02', estatus: 'activo', actividades: [{ descripcion: 'Bacheo' }] };
    const diagnostics = checkRule(PLAN030, files);
    expect(where(diagnostics)).toEqual([`PLAN030 ${OP_CARD}:${lineOf(files, OP_CARD, 'clave:')}`]);
    expect(diagnostics[0]!.message).toContain('sin contar los cancelados');
  });

  it('says so when every PPCS of the department is cancelled', () => {
    const files = opAlone();
    files[OP_01].estatus = 'cancelado';
    const diagnostics = checkRule(PLAN030, files);
    expect(where(diagnostics)).toEqual([`PLAN030 ${OP_CARD}:${lineOf(files, OP_CARD, 'clave:')}`]);
    expect(diagnostics[0]!.message).toBe('Todos los PPCS de la dependencia «OP» están cancelados, así que ninguna de sus actividades se realiza con otra dependencia, y no participa en PPCS de otras dependencias.');
  });

  it('leaves a department with no PPCS at all to PLAN013', () => {
    const files = baseRepo();
    delete files[OP_01];
    expect(checkRule(PLAN030, files)).toEqual([]);
  });

  it('counts one shared PPCS among several unshared ones as enough', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-02.yaml'] = { ...files[OP_01], id: 'OP-02', actividades: [{ descripcion: 'Bacheo' }] };
    expect(checkRule(PLAN030, files)).toEqual([]);
  });

  it('does not judge a department whose other carátula could not be read', () => {
    const files = baseRepo();
    files[OP_01].actividades = [{ descripcion: 'Bacheo' }];
    files['dependencias/OP/ppcs/OP-02.yaml'] = 'id: OP-02\nnombre: [sin cerrar\n';
    expect(checkRule(PLAN030, files).filter((d) => d.rule === 'PLAN030')).toEqual([]);
  });

  it('leaves alone a department that leads no shared PPCS but is a participant in another department’s carátula', () => {
    const files = opAlone();
    files[OP_01].actividades = [{ descripcion: 'Bacheo' }];
    files[DIF_01].actividades[0].participantes = ['SP', 'OP'];
    expect(checkRule(PLAN030, files)).toEqual([]);
  });

  it('leaves alone a department named in colaboraciones of another department’s report of the year', () => {
    const files = opAlone();
    files[OP_01].actividades = [{ descripcion: 'Bacheo' }];
    files[DIF_T1].ppcs[0].colaboraciones = ['SP', 'OP'];
    expect(checkRule(PLAN030, files)).toEqual([]);
  });

  it('leaves alone a department whose own PPCS are all cancelled but that takes part in another’s', () => {
    const files = opAlone();
    files[OP_01].estatus = 'cancelado';
    files[DIF_01].actividades[0].participantes = ['OP'];
    expect(checkRule(PLAN030, files)).toEqual([]);
  });

  it('warns when the department is named only in a report of another year than the plan’s ejercicio', () => {
    const files = opAlone();
    files[OP_01].actividades = [{ descripcion: 'Bacheo' }];
    files['dependencias/DIF/reportes/2018-T4.yaml'] = { ...files[DIF_T1], trimestre: '2018-T4', fecha_entrega: '2018-12-24', ppcs: [{ ...files[DIF_T1].ppcs[0], colaboraciones: ['OP'] }] };
    expect(where(checkRule(PLAN030, files))).toEqual([`PLAN030 ${OP_CARD}:${lineOf(files, OP_CARD, 'clave:')}`]);
  });

  it('does not count a cancelled PPCS of another department that names it', () => {
    const files = opAlone();
    files[OP_01].actividades = [{ descripcion: 'Bacheo' }];
    files['dependencias/DIF/ppcs/DIF-02.yaml'] = { ...files[DIF_01], id: 'DIF-02', estatus: 'cancelado', actividades: [{ descripcion: 'Comedores', participantes: ['OP'] }] };
    expect(where(checkRule(PLAN030, files))).toEqual([`PLAN030 ${OP_CARD}:${lineOf(files, OP_CARD, 'clave:')}`]);
  });
});
