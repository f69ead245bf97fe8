import { describe, expect, it } from 'vitest';
import { PLAN004 } from '../../src/rules/PLAN004-referencia-inexistente.js';
import { PLAN062 } from '../../src/rules/PLAN062-seguimiento-plan-de-mejora.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP = 'dependencias/OP/dependencia.yaml';
const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_T2 = 'dependencias/OP/reportes/2019-T2.yaml';

const action = (id: string, extra: object = {}) => ({ id, criterio: 'consistencia_programatica', accion: `Acción ${id}.`, recursos: 'Documental', dimension: 'Institucional', ...extra });

/** baseRepo with OP's 2019 plan holding PM-01 (seguimiento), PM-02 and PM-03. */
function threeActions() {
  const files = baseRepo();
  files[OP].planes_de_mejora['2019'].acciones.push(action('PM-02'), action('PM-03'));
  return files;
}

describe('PLAN062 quarterly monitoring of the Plan de Mejora', () => {
  it('accepts reports that give the status of every action of the year’s plan', () => {
    expect(checkRule(PLAN062, baseRepo())).toEqual([]);
  });

  it('warns on plan_de_mejora when a due report leaves out one action', () => {
    const files = threeActions();
    files[OP_T1].plan_de_mejora = [
      { accion: 'PM-01', estatus: 'cumplida' },
      { accion: 'PM-03', estatus: 'no_iniciada' },
    ];
    const diagnostics = checkRule(PLAN062, files);
    expect(where(diagnostics)).toEqual([`PLAN062 ${OP_T1}:${lineOf(files, OP_T1, 'plan_de_mejora:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'El reporte «2019-T1» no da el estatus de la acción «PM-02» del Plan de Mejora 2019; cada reporte trimestral informa el estatus de todas las acciones del plan, también de las ya cumplidas.',
    );
    expect(diagnostics[0]!.about).toEqual({ dependencia: 'OP', trimestre: '2019-T1' });
  });

  it('lists every missing action in one finding', () => {
    const files = threeActions();
    const diagnostics = checkRule(PLAN062, files);
    expect(where(diagnostics)).toEqual([`PLAN062 ${OP_T1}:${lineOf(files, OP_T1, 'plan_de_mejora:')}`]);
    expect(diagnostics[0]!.message).toBe(
      'El reporte «2019-T1» no da el estatus de 2 acciones del Plan de Mejora 2019: «PM-02», «PM-03»; cada reporte trimestral informa el estatus de todas las acciones del plan, también de las ya cumplidas.',
    );
  });

  it('warns at the top of a due report that has no plan_de_mejora at all', () => {
    const files = baseRepo();
    delete files[OP_T1].plan_de_mejora;
    const diagnostics = checkRule(PLAN062, files);
    expect(where(diagnostics)).toEqual([`PLAN062 ${OP_T1}:1`]);
    expect(diagnostics[0]!.message).toContain('no da el estatus de la acción «PM-01» del Plan de Mejora 2019');
  });

  it('does not ask a report whose delivery window has not closed yet', () => {
    const files = baseRepo();
    files[OP_T2] = { ...files[OP_T1], trimestre: '2019-T2', fecha_entrega: '2019-06-25' };
    delete files[OP_T2].plan_de_mejora;
    expect(checkRule(PLAN062, files)).toEqual([]);
  });

  it('asks the same report once its window has closed', () => {
    const files = baseRepo();
    files[OP_T2] = { ...files[OP_T1], trimestre: '2019-T2', fecha_entrega: '2019-06-25' };
    delete files[OP_T2].plan_de_mejora;
    expect(where(checkRule(PLAN062, files, { fechaCorte: '2019-07-15' }))).toEqual([`PLAN062 ${OP_T2}:1`]);
  });

  it('warns on an entry naming an action the plan does not have, listing the plan’s actions', () => {
    const files = baseRepo();
    files[OP_T1].plan_de_mejora.push({ accion: 'PM-07', estatus: 'en_proceso' });
    const diagnostics = checkRule(PLAN062, files);
    expect(where(diagnostics)).toEqual([`PLAN062 ${OP_T1}:${lineOf(files, OP_T1, 'accion: PM-07')}`]);
    expect(diagnostics[0]!.message).toBe('La acción «PM-07» no existe en el Plan de Mejora 2019 de la dependencia «OP»; sus acciones son «PM-01».');
  });

  it('warns when the department has no plan for the report’s year', () => {
    const files = baseRepo();
    delete files[OP].planes_de_mejora;
    const diagnostics = checkRule(PLAN062, files);
    expect(where(diagnostics)).toEqual([`PLAN062 ${OP_T1}:${lineOf(files, OP_T1, 'plan_de_mejora:')}`]);
    expect(diagnostics[0]!.message).toBe('El reporte da el estatus de acciones del Plan de Mejora 2019, pero la dependencia «OP» no tiene «planes_de_mejora.2019» en su dependencia.yaml.');
  });

  it('asks nothing of a department without a plan whose reports give no statuses', () => {
    const files = baseRepo();
    delete files[OP].planes_de_mejora;
    delete files[OP_T1].plan_de_mejora;
    expect(checkRule(PLAN062, files)).toEqual([]);
  });

  it('warns on an action listed twice in one report', () => {
    const files = baseRepo();
    files[OP_T1].plan_de_mejora.push({ accion: 'PM-01', estatus: 'en_proceso' });
    const diagnostics = checkRule(PLAN062, files);
    expect(where(diagnostics)).toEqual([`PLAN062 ${OP_T1}:${lineOf(files, OP_T1, 'estatus: en_proceso') - 1}`]);
    expect(diagnostics[0]!.message).toBe('La acción «PM-01» aparece dos veces en «plan_de_mejora» (también en la entrada n.º 1); cuenta sólo la primera.');
  });

  it('warns on the action in dependencia.yaml when its deadline passed and its latest status is not cumplida', () => {
    const files = baseRepo();
    files[OP].planes_de_mejora['2019'].acciones[0].plazo = '2019-03-31';
    files[OP_T1].plan_de_mejora[0].estatus = 'en_proceso';
    const diagnostics = checkRule(PLAN062, files);
    expect(where(diagnostics)).toEqual([`PLAN062 ${OP}:${lineOf(files, OP, 'id: PM-01')}`]);
    expect(diagnostics[0]!.message).toBe('La acción «PM-01» del Plan de Mejora 2019 tenía plazo al 31/03/2019 y su estatus más reciente es «en proceso», no «cumplida».');
  });

  it('takes the latest report’s status: cumplida in T1, then en proceso in T2, is not done', () => {
    const files = baseRepo();
    files[OP].planes_de_mejora['2019'].acciones[0].plazo = '2019-06-30';
    files[OP_T2] = { ...files[OP_T1], trimestre: '2019-T2', fecha_entrega: '2019-06-25', plan_de_mejora: [{ accion: 'PM-01', estatus: 'en_proceso' }] };
    const diagnostics = checkRule(PLAN062, files, { fechaCorte: '2019-07-15' });
    expect(diagnostics.map((d) => d.message)).toEqual(['La acción «PM-01» del Plan de Mejora 2019 tenía plazo al 30/06/2019 y su estatus más reciente es «en proceso», no «cumplida».']);
  });

  it('accepts a past deadline whose action is cumplida', () => {
    const files = baseRepo();
    files[OP].planes_de_mejora['2019'].acciones[0].plazo = '2019-03-31';
    expect(checkRule(PLAN062, files)).toEqual([]);
  });

  it('accepts an action not done whose deadline is the cut-off day itself', () => {
    const files = baseRepo();
    files[OP].planes_de_mejora['2019'].acciones[0].plazo = '2019-04-15';
    files[OP_T1].plan_de_mejora[0].estatus = 'no_iniciada';
    expect(checkRule(PLAN062, files)).toEqual([]);
  });

  it('leaves the deadlines of a plan for a year after plan.yaml’s ejercicio unjudged, like PLAN022 its reports', () => {
    const files = baseRepo();
    files[OP].planes_de_mejora['2020'] = { tipo: 'Consolidación', acciones: [{ ...files[OP].planes_de_mejora['2019'].acciones[0], plazo: '2020-03-31' }] };
    expect(checkRule(PLAN062, files, { fechaCorte: '2020-06-30' }).filter((d) => d.file === OP)).toEqual([]);
    files['plan.yaml'].ejercicio = 2020;
    expect(where(checkRule(PLAN062, files, { fechaCorte: '2020-06-30' }).filter((d) => d.file === OP))).toEqual([`PLAN062 ${OP}:${lineOf(files, OP, 'id: PM-01', '2020')}`]);
  });

  it('says so when no report gave the status of an action past its deadline', () => {
    const files = baseRepo();
    files[OP].planes_de_mejora['2019'].acciones[0].plazo = '2019-03-31';
    delete files[OP_T1].plan_de_mejora;
    const diagnostics = checkRule(PLAN062, files);
    expect(where(diagnostics)).toEqual([`PLAN062 ${OP}:${lineOf(files, OP, 'id: PM-01')}`, `PLAN062 ${OP_T1}:1`]);
    expect(diagnostics[0]!.message).toBe('La acción «PM-01» del Plan de Mejora 2019 tenía plazo al 31/03/2019 y ningún reporte trimestral de 2019 la da por «cumplida» (ninguno informa su estatus).');
  });

  it('writes its messages in English with --lang en', () => {
    const files = threeActions();
    const [diagnostic] = checkRule(PLAN062, files, { lang: 'en' });
    expect(diagnostic!.message).toBe(
      'Report «2019-T1» gives no status for 2 actions of the 2019 Plan de Mejora: «PM-02», «PM-03»; each quarterly report gives the status of every action of the plan, including those already done.',
    );
  });
});

describe('PLAN004 on the evidence of a Plan de Mejora status', () => {
  it('reports an evidence file of a plan_de_mejora entry that is not in the repository', () => {
    const files = baseRepo();
    files[OP_T1].plan_de_mejora[0].evidencias = ['dependencias/OP/evidencias/2019-T1/manual.pdf'];
    const diagnostics = checkRule(PLAN004, files);
    expect(where(diagnostics)).toEqual([`PLAN004 ${OP_T1}:${lineOf(files, OP_T1, 'manual.pdf')}`]);
    expect(diagnostics[0]!.message).toBe('El archivo de evidencia «dependencias/OP/evidencias/2019-T1/manual.pdf» no existe en el repositorio.');
  });

  it('accepts a plan_de_mejora evidence file that exists', () => {
    const files = baseRepo();
    files[OP_T1].plan_de_mejora[0].evidencias = ['dependencias/OP/evidencias/2019-T1/acta.txt'];
    expect(checkRule(PLAN004, files)).toEqual([]);
  });
});
