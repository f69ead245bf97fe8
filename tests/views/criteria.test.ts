// The six rubric criteria, one sub-indicator at a time, as the annual view shows them: the
// numerator and denominator behind each score, and the next year's action each shortfall leads to.
// The top band is set at 100 so that every criterion short of 100 counts as weak and every
// sub-indicator short of 100 % gets its action.
import { describe, expect, it } from 'vitest';
import { baseRepo, render } from '../helpers/fixture.js';
import { annual, cell, empty, int, num, pct, section, text, valueOf, type Cell, type ReportView } from './api.js';

type Repo = ReturnType<typeof baseRepo>;

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const DIF_01 = 'dependencias/DIF/ppcs/DIF-01.yaml';

function strictRubric(files: Repo): Repo {
  files['plan.yaml'].rubrica = {
    pesos: { consistencia_programatica: 20, seguimiento_retroalimentacion: 25, integracion_organizacion: 10, integralidad: 15, calidad_cobertura: 20, perspectiva_genero: 10 },
    grados: [
      { grado: 'Sobresaliente', minimo: 100, tipo_plan: 'Innovación' },
      { grado: 'Aceptable', minimo: 0, tipo_plan: 'Consolidación' },
    ],
  };
  return files;
}

function evaluate(files: Repo, fechaCorte?: string): ReportView {
  return annual(strictRubric(files), fechaCorte ? { fechaCorte } : {});
}

/** Numerador, denominador and value of one sub-indicator of a department. */
function sub(view: ReportView, clave: string, nombre: string): [Cell, Cell, Cell] {
  const row = section(view, 'subindicadores').table.rows.find((r) => valueOf(r[0]) === clave && valueOf(r[4]) === nombre);
  if (!row) throw new Error(`no sub-indicator «${nombre}» for ${clave}`);
  return [row[5]!, row[6]!, row[7]!];
}

/**
 * The 2020 actions proposed to a department for one criterion: the criterion's own sentence,
 * without the plan type's framing that follows it (tests/report/next-plan.test.ts checks that).
 */
function actions(view: ReportView, clave: string, criterio: string): unknown[] {
  return section(view, 'plan-siguiente')
    .table.rows.filter((r) => valueOf(r[0]) === clave && valueOf(r[2]) === criterio)
    .map((r) => String(valueOf(r[3])).replace(/ Como plan de Consolidación: .*$/, ''));
}

const CONSISTENCIA = 'Consistencia Programática';
const SEGUIMIENTO = 'Seguimiento y retroalimentación';
const INTEGRACION = 'Integración y organización';
const INTEGRALIDAD = 'Integralidad (Participación con otras áreas)';
const CALIDAD = 'Calidad de Resultados y Cobertura de la Intervención';
const GENERO = 'Implementación de la Perspectiva de Género';

describe('Consistencia Programática', () => {
  it('counts a carátula without objetivo (PLAN010) as incomplete', () => {
    const files = baseRepo();
    delete files[OP_01].objetivo;
    const view = evaluate(files);
    expect(sub(view, 'OP', 'Carátulas completas (Anexo 1 y 2)')).toEqual([int(0), int(1), pct(0)]);
    expect(actions(view, 'OP', CONSISTENCIA)).toEqual(['Completar las carátulas de proyecto Anexo 1 y 2 de cada PPCS, describiendo con claridad metas e indicadores (en 2019, 0 de 1 completas).']);
  });

  it('counts a meta whose programación does not add up to its annual goal (PLAN011)', () => {
    const files = baseRepo();
    files[OP_01].metas[0].meta_anual = 12;
    const view = evaluate(files);
    expect(sub(view, 'OP', 'Programación congruente con la meta anual')).toEqual([int(0), int(1), pct(0)]);
    expect(actions(view, 'OP', CONSISTENCIA)).toEqual(['Revisar la programación trimestral para que sea congruente con la meta anual de cada indicador (en 2019, 1 de 1 metas no cuadraban).']);
  });

  it('counts a suspended PPCS against the share of active ones', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-02.yaml'] = { ...structuredClone(files[OP_01]), id: 'OP-02', nombre: 'Bacheo', estatus: 'suspendido' };
    const view = evaluate(files);
    expect(sub(view, 'OP', 'PPCS activos o concluidos')).toEqual([int(1), int(2), pct(0.5)]);
    expect(actions(view, 'OP', CONSISTENCIA)).toContain('Mantener la mayoría de los PPCS activos e informar su estatus en cada reporte (en 2019, 1 de 2 activos o concluidos).');
  });
});

describe('Seguimiento y retroalimentación', () => {
  it('counts a missing report as not delivered and not on time', () => {
    const files = baseRepo();
    delete files[OP_T1];
    const view = evaluate(files);
    expect(sub(view, 'OP', 'Reportes trimestrales entregados')).toEqual([int(0), int(1), pct(0)]);
    expect(sub(view, 'OP', 'Reportes completos')).toEqual([int(0), int(0), empty('No aplica')]);
    expect(actions(view, 'OP', SEGUIMIENTO)).toEqual([
      'Entregar cada uno de los reportes trimestrales en el formato correspondiente (Anexos 3 y 4); en 2019 faltó 1 reporte.',
      'Entregar en tiempo y forma, dentro de los últimos 5 días hábiles de marzo, junio, septiembre y diciembre; en 2019 solo 0 de 1 reportes llegaron dentro de la ventana.',
      // Without the report, nothing says the plan's PM-01 (Seguimiento) was done.
      'Concluir las acciones pendientes del Plan de Mejora 2019 en este criterio e informar su estatus con evidencia en cada reporte trimestral (en 2019, 0 de 1 cumplidas).',
    ]);
  });

  it('counts a late delivery justified by Planeación (PLAN021, in excepciones.yaml) as on time', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-04-03';
    files['planeacion/excepciones.yaml'] = {
      excepciones: [{ regla: 'PLAN021', archivo: OP_T1, motivo: 'entregado por oficio el 29/03', aprobo: 'Dirección de Planeación', fecha: '2019-04-05' }],
    };
    expect(sub(evaluate(files), 'OP', 'Reportes entregados a tiempo')).toEqual([int(1), int(1), pct(1)]);
  });

  it('does not count a late delivery the department justified in its own report as on time', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-04-03';
    files[OP_T1] = (render(files[OP_T1]) as string).replace('fecha_entrega: 2019-04-03', 'fecha_entrega: 2019-04-03  # plan-justifica PLAN021: entregado por oficio el 29/03');
    expect(sub(evaluate(files), 'OP', 'Reportes entregados a tiempo')).toEqual([int(0), int(1), pct(0)]);
  });

  it('counts progress in another unit (PLAN020) as not aligned', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0].unidad_medida = 'persona';
    const view = evaluate(files);
    expect(sub(view, 'OP', 'Avances alineados a la unidad de medida')).toEqual([int(0), int(1), pct(0)]);
    expect(actions(view, 'OP', SEGUIMIENTO)).toEqual(['Reportar cada avance en la unidad de medida asignada y validada por Planeación (1 avances no alineados en 2019).']);
  });

  it('counts a report without the progress of a programmed meta (PLAN023) as incomplete', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].avances;
    const view = evaluate(files);
    expect(sub(view, 'OP', 'Reportes completos')).toEqual([int(0), int(1), pct(0)]);
    expect(actions(view, 'OP', SEGUIMIENTO)).toContain('Incluir en cada reporte todos los PPCS activos, su estatus y el avance de cada meta programada (1 reportes incompletos en 2019).');
  });

  it('counts an observation the next report does not cite as not attended', () => {
    const files = baseRepo();
    files['planeacion/retroalimentacion/2019-T1.yaml'] = {
      trimestre: '2019-T1',
      fecha_emision: '2019-04-10',
      observaciones: [{ id: 'RET-2019-T1-01', dependencia: 'OP', ppcs: 'OP-01', tipo: 'observacion', texto: 'Anexar el acta de entrega.' }],
    };
    const t2 = structuredClone(files[OP_T1]);
    Object.assign(t2, { trimestre: '2019-T2', fecha_entrega: '2019-06-26' });
    t2.ppcs[0].avances[0].valor = 3;
    files['dependencias/OP/reportes/2019-T2.yaml'] = t2;
    const view = evaluate(files, '2019-07-15');
    expect(sub(view, 'OP', 'Observaciones atendidas en el siguiente reporte')).toEqual([int(0), int(1), pct(0)]);
    expect(actions(view, 'OP', SEGUIMIENTO)).toContain('Atender en el siguiente reporte las observaciones emitidas en el formato de retroalimentación y citarlas en «observaciones_atendidas» (0 de 1 atendidas a tiempo en 2019).');

    t2.ppcs[0].observaciones_atendidas = ['RET-2019-T1-01'];
    expect(sub(evaluate(files, '2019-07-15'), 'OP', 'Observaciones atendidas en el siguiente reporte')).toEqual([int(1), int(1), pct(1)]);
  });

  it('does not apply before any delivery window has closed', () => {
    const view = evaluate(baseRepo(), '2019-03-01');
    expect(cell(view, 'criterios', ['OP'], SEGUIMIENTO)).toEqual(empty('No aplica'));
    expect(sub(view, 'OP', 'Reportes trimestrales entregados')).toEqual([int(0), int(0), empty('No aplica')]);
  });
});

describe('Integración y organización', () => {
  function withCalls(files: Repo): Repo {
    files['planeacion/convocatorias/2019.yaml'] = {
      ejercicio: 2019,
      convocatorias: [
        {
          id: 'CONV-2019-01',
          fecha: '2019-02-12',
          asunto: 'Presentación de carátulas',
          convocadas: ['OP', 'DIF'],
          asistentes: ['OP'],
          fecha_limite_entrega: '2019-02-28',
          entregas: [
            { dependencia: 'OP', fecha: '2019-03-04' },
            { dependencia: 'DIF', fecha: '2019-02-28' },
          ],
        },
        // After the cut-off: not counted yet.
        { id: 'CONV-2019-02', fecha: '2019-05-10', asunto: 'Seguimiento', convocadas: ['OP', 'DIF'], asistentes: [] },
      ],
    };
    return files;
  }

  it('counts attendance and deliveries by the deadline, up to the cut-off', () => {
    const view = evaluate(withCalls(baseRepo()));
    expect(sub(view, 'OP', 'Asistencia a convocatorias')).toEqual([int(1), int(1), pct(1)]);
    expect(sub(view, 'OP', 'Información entregada a tiempo')).toEqual([int(0), int(1), pct(0)]);
    expect(sub(view, 'DIF', 'Asistencia a convocatorias')).toEqual([int(0), int(1), pct(0)]);
    expect(sub(view, 'DIF', 'Información entregada a tiempo')).toEqual([int(1), int(1), pct(1)]);
    expect(cell(view, 'criterios', ['OP'], INTEGRACION)).toEqual(num(50, 1));
  });

  it('proposes attending and delivering on time', () => {
    const view = evaluate(withCalls(baseRepo()));
    expect(actions(view, 'DIF', INTEGRACION)).toEqual(['Participar en tiempo y forma en las convocatorias para la presentación de estrategias (asistió a 0 de 1 en 2019); designar un suplente cuando el enlace no pueda asistir.']);
    expect(actions(view, 'OP', INTEGRACION)).toEqual(['Entregar la información esencial solicitada en las convocatorias dentro de la fecha límite (0 de 1 entregas a tiempo en 2019).']);
  });
});

describe('Integralidad', () => {
  /** DIF no longer names OP, in its carátula or its report: OP takes part in nothing of DIF's. */
  function difWithoutOp(files: Repo): Repo {
    delete files[DIF_01].actividades[0].participantes;
    delete files[DIF_T1].ppcs[0].colaboraciones;
    return files;
  }

  it('counts a PPCS whose activities involve no other department as not shared', () => {
    const files = difWithoutOp(baseRepo());
    delete files[OP_01].actividades[0].participantes;
    const view = evaluate(files);
    expect(sub(view, 'OP', 'PPCS con participación compartida')).toEqual([int(0), int(1), pct(0)]);
    // Nothing shared, so no report entry is expected to name a collaboration.
    expect(sub(view, 'OP', 'Colaboraciones referidas en los reportes')).toEqual([int(0), int(0), empty('No aplica')]);
    expect(actions(view, 'OP', INTEGRALIDAD)).toEqual([
      'Desarrollar PPCS en los que al menos una actividad se realice con la participación de una o más dependencias, o participar en los de otras dependencias (en 2019, 0 de 1 PPCS con participación compartida).',
    ]);
  });

  it('does not count the department itself as a partner', () => {
    const files = difWithoutOp(baseRepo());
    files[OP_01].actividades[0].participantes = ['OP'];
    expect(sub(evaluate(files), 'OP', 'PPCS con participación compartida')).toEqual([int(0), int(1), pct(0)]);
  });

  it('counts the PPCS of another department that names it as participant: (0 + 1) / (1 + 1)', () => {
    const files = baseRepo();
    delete files[OP_01].actividades[0].participantes;
    expect(sub(evaluate(files), 'OP', 'PPCS con participación compartida')).toEqual([int(1), int(2), pct(0.5)]);
  });

  it('counts a report entry of a shared PPCS that names no collaboration', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].colaboraciones;
    const view = evaluate(files);
    expect(sub(view, 'OP', 'Colaboraciones referidas en los reportes')).toEqual([int(0), int(1), pct(0)]);
    expect(actions(view, 'OP', INTEGRALIDAD)).toEqual(['Al redactar cada reporte trimestral, hacer referencia a las dependencias con quienes se colaboró en cada PPCS compartido (0 de 1 entradas lo hicieron en 2019).']);
  });

  it('leaves out the entry of a suspended PPCS', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].estatus = 'suspendido';
    delete files[OP_T1].ppcs[0].colaboraciones;
    expect(sub(evaluate(files), 'OP', 'Colaboraciones referidas en los reportes')).toEqual([int(0), int(0), empty('No aplica')]);
  });
});

describe('Calidad de Resultados y Cobertura', () => {
  it('counts a meta off target as not green and its unexplained variation', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].avances[0].valor = 300;
    const view = evaluate(files);
    expect(sub(view, 'DIF', 'Metas en verde al cierre del periodo')).toEqual([int(0), int(1), pct(0)]);
    expect(sub(view, 'DIF', 'Variaciones justificadas')).toEqual([int(0), int(1), pct(0)]);
    expect(actions(view, 'DIF', CALIDAD)).toEqual([
      'Revisar la programación y la operación de las metas fuera de rango para llevarlas a verde (0 de 1 en verde al cierre de 2019).',
      'Explicar en cada reporte la variación de las metas en amarillo o rojo y acompañarla de evidencia (0 de 1 variaciones justificadas en 2019).',
    ]);
  });

  it('counts a variation explained in justificacion_variacion', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].avances[0].valor = 300;
    files[DIF_T1].ppcs[0].avances[0].justificacion_variacion = 'Escuelas cerradas por obras.';
    expect(sub(evaluate(files), 'DIF', 'Variaciones justificadas')).toEqual([int(1), int(1), pct(1)]);
  });

  it('counts coverage at exactly the minimum (400 of 800 people is 50 %) as reached', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 400, mujeres: 200, hombres: 200 };
    expect(sub(evaluate(files), 'DIF', 'Cobertura de la población objetivo')).toEqual([int(1), int(1), pct(1)]);
  });

  it('counts coverage one person under the minimum as not reached', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 399, mujeres: 200, hombres: 199 };
    expect(sub(evaluate(files), 'DIF', 'Cobertura de la población objetivo')).toEqual([int(0), int(1), pct(0)]);
  });

  it('leaves a PPCS without target population out of coverage', () => {
    const files = baseRepo();
    delete files[OP_01].poblacion_objetivo.cantidad;
    expect(sub(evaluate(files), 'OP', 'Cobertura de la población objetivo')).toEqual([int(0), int(0), empty('No aplica')]);
  });
});

describe('Implementación de la Perspectiva de Género', () => {
  function withRecommendation(files: Repo, fecha = '2019-02-20'): Repo {
    files['planeacion/genero/2019.yaml'] = {
      ejercicio: 2019,
      recomendaciones: [{ id: 'GEN-2019-01', fecha, dependencias: ['DIF'], recomendacion: 'Desagregar por sexo los padrones.' }],
    };
    return files;
  }

  it('counts a recommendation no report of the year cites as not applied', () => {
    const view = evaluate(withRecommendation(baseRepo()));
    expect(sub(view, 'DIF', 'Recomendaciones de género aplicadas')).toEqual([int(0), int(1), pct(0)]);
    expect(actions(view, 'DIF', GENERO)).toEqual(['Participar y aplicar las recomendaciones de perspectiva de género que se hagan llegar al área, e informarlo en el reporte trimestral (0 de 1 aplicadas en 2019).']);
  });

  it('counts a recommendation a report cites as applied', () => {
    const files = withRecommendation(baseRepo());
    files[DIF_T1].ppcs[0].recomendaciones_genero_aplicadas = ['GEN-2019-01'];
    expect(sub(evaluate(files), 'DIF', 'Recomendaciones de género aplicadas')).toEqual([int(1), int(1), pct(1)]);
  });

  it('does not count a recommendation issued after the cut-off', () => {
    expect(sub(evaluate(withRecommendation(baseRepo(), '2019-05-01')), 'DIF', 'Recomendaciones de género aplicadas')).toEqual([int(0), int(0), empty('No aplica')]);
  });

  it('counts beneficiaries without the split by sex', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 590 };
    const view = evaluate(files);
    expect(sub(view, 'DIF', 'Beneficiarios desagregados por sexo')).toEqual([int(0), int(1), pct(0)]);
    expect(actions(view, 'DIF', GENERO)).toEqual(['Desagregar por sexo a las personas beneficiarias de los PPCS con perspectiva de género (0 de 1 reportes lo hicieron en 2019).']);
  });

  it('does not apply to a department without gender scope', () => {
    const files = baseRepo();
    files[DIF_01].perspectiva_genero = { aplica: false };
    expect(cell(evaluate(files), 'criterios', ['DIF'], GENERO)).toEqual(empty('No aplica'));
  });
});

describe('the 2020 plan of a department without a shortfall', () => {
  it('keeps one action, to document its practice, for the first of its tied criteria', () => {
    const view = evaluate(baseRepo());
    expect(cell(view, 'criterios', ['DIF'], 'Total')).toEqual(num(100, 1));
    expect(cell(view, 'criterios', ['DIF'], 'Grado')).toEqual(text('Sobresaliente'));
    expect(section(view, 'plan-siguiente').table.rows.filter((r) => valueOf(r[0]) === 'DIF').map((r) => [valueOf(r[2]), valueOf(r[3])])).toEqual([
      [CONSISTENCIA, 'Mantener el nivel alcanzado en 2019 y documentar sus prácticas de consistencia programática para compartirlas con otras dependencias.'],
    ]);
  });
});
