import { dayMonthYear, quote, type Text } from '../i18n/text.js';
import { actionStatuses } from '../model/plan-status.js';
import { parseTrimestre } from '../model/model.js';
import { defineRule } from './rule.js';

const ESTATUS_LABEL = { no_iniciada: 'no iniciada', en_proceso: 'en proceso' } as const;

// Hints for one kind of finding, replacing the rule's general one (RuleReport.hint).
const hints = {
  accionInexistente: {
    es: 'Escriba la clave de la acción tal como aparece en «id» de las acciones de «planes_de_mejora.{anio}» en dependencia.yaml.',
    en: 'Write the action\'s id exactly as it appears in "id" of the actions of "planes_de_mejora.{anio}" in dependencia.yaml.',
  },
  sinPlan: {
    es: 'Si la dependencia tiene un Plan de Mejora {anio}, regístrelo en «planes_de_mejora.{anio}» de su dependencia.yaml; si no, quite «plan_de_mejora» del reporte.',
    en: 'If the department has a {anio} Plan de Mejora, record it in "planes_de_mejora.{anio}" of its dependencia.yaml; otherwise remove "plan_de_mejora" from the report.',
  },
  repetida: {
    es: 'Deje una sola entrada por acción, con su estatus al cierre del trimestre.',
    en: 'Keep one entry per action, with its status at the end of the quarter.',
  },
  vencida: {
    es: 'Si la acción ya se cumplió, infórmelo con «estatus: cumplida» y su evidencia en «plan_de_mejora» del siguiente reporte trimestral; si no, Planeación puede registrar una excepción en «planeacion/excepciones.yaml».',
    en: 'If the action is done, report it with "estatus: cumplida" and its evidence in "plan_de_mejora" of the next quarterly report; otherwise Planeación can record an exception in "planeacion/excepciones.yaml".',
  },
} satisfies Record<string, Text>;

// PLAN004 checks the evidence paths of `plan_de_mejora` entries together with every other
// evidence path; PLAN022 reports a due report that is missing altogether.
export const PLAN062 = defineRule({
  meta: {
    id: 'PLAN062',
    title: { es: 'Seguimiento trimestral del Plan de Mejora', en: 'Quarterly monitoring of the Plan de Mejora' },
    rationale:
      'El Plan de Mejora de cada dependencia se emite para trabajarse en el ejercicio «teniendo en cuenta que su aplicación y cumplimiento serán monitoreadas trimestralmente e incluidas como parte de la próxima evaluación anual». Por eso cada reporte trimestral da, en «plan_de_mejora», el estatus (no_iniciada, en_proceso o cumplida) de cada acción del plan del año, citándola por su clave (PM-01, …) tal como está en «planes_de_mejora.<AAAA>» de dependencia.yaml; y una acción cuyo plazo ya venció debe estar cumplida.',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'En «plan_de_mejora» del reporte escriba una entrada por cada acción del plan del año, con «accion» (su clave) y «estatus»: no_iniciada, en_proceso o cumplida.',
      en: 'In the report\'s "plan_de_mejora" write one entry per action of the year\'s plan, with "accion" (its id) and "estatus": no_iniciada, en_proceso or cumplida.',
    },
    messages: {
      sinEstatus: {
        es: 'El reporte {trimestre} no da el estatus de la acción {acciones} del Plan de Mejora {anio}; cada reporte trimestral informa el estatus de todas las acciones del plan, también de las ya cumplidas.',
        en: 'Report {trimestre} gives no status for action {acciones} of the {anio} Plan de Mejora; each quarterly report gives the status of every action of the plan, including those already done.',
      },
      sinEstatusVarias: {
        es: 'El reporte {trimestre} no da el estatus de {n} acciones del Plan de Mejora {anio}: {acciones}; cada reporte trimestral informa el estatus de todas las acciones del plan, también de las ya cumplidas.',
        en: 'Report {trimestre} gives no status for {n} actions of the {anio} Plan de Mejora: {acciones}; each quarterly report gives the status of every action of the plan, including those already done.',
      },
      accionInexistente: {
        es: 'La acción {accion} no existe en el Plan de Mejora {anio} de la dependencia {clave}; sus acciones son {acciones}.',
        en: 'Action {accion} does not exist in the {anio} Plan de Mejora of department {clave}; its actions are {acciones}.',
      },
      sinPlan: {
        es: 'El reporte da el estatus de acciones del Plan de Mejora {anio}, pero la dependencia {clave} no tiene «planes_de_mejora.{anio}» en su dependencia.yaml.',
        en: 'The report gives the status of actions of the {anio} Plan de Mejora, but department {clave} has no "planes_de_mejora.{anio}" in its dependencia.yaml.',
      },
      repetida: {
        es: 'La acción {accion} aparece dos veces en «plan_de_mejora» (también en la entrada n.º {n}); cuenta sólo la primera.',
        en: 'Action {accion} appears twice in "plan_de_mejora" (also in entry no. {n}); only the first counts.',
      },
      vencida: {
        es: 'La acción {accion} del Plan de Mejora {anio} tenía plazo al {plazo} y su estatus más reciente es «{estatus}», no «cumplida».',
        en: 'Action {accion} of the {anio} Plan de Mejora was due on {plazo} and its latest status is "{estatus}", not "cumplida".',
      },
      vencidaSinEstatus: {
        es: 'La acción {accion} del Plan de Mejora {anio} tenía plazo al {plazo} y ningún reporte trimestral de {anio} la da por «cumplida» (ninguno informa su estatus).',
        en: 'Action {accion} of the {anio} Plan de Mejora was due on {plazo} and no quarterly report of {anio} gives it as "cumplida" (none reports its status).',
      },
    },
    examples: {
      file: 'dependencias/OP/reportes/2019-T1.yaml',
      invalid: '# dependencia.yaml: planes_de_mejora.2019 con las acciones PM-01 y PM-02\nplan_de_mejora:\n  - accion: PM-01\n    estatus: en_proceso\n',
      valid: 'plan_de_mejora:\n  - accion: PM-01\n    estatus: en_proceso\n  - accion: PM-02\n    estatus: cumplida\n    evidencias:\n      - dependencias/OP/evidencias/2019-T1/manual.pdf\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.reportes) {
      const clave = placement.folder!;
      // With its dependencia.yaml unreadable the plan cannot be known; PLAN001/PLAN002 say why.
      if (model.unreadable.departments.has(clave)) continue;
      const { year, quarter } = parseTrimestre(data.trimestre);
      const about = { dependencia: clave, trimestre: data.trimestre };
      const entries = data.plan_de_mejora ?? [];
      const plan = model.planOf(clave, year);
      if (!plan) {
        if (entries.length > 0) report({ messageId: 'sinPlan', file, path: ['plan_de_mejora'], atKey: true, data: { anio: year, clave: quote(clave) }, about, hint: hints.sinPlan });
        continue;
      }
      const ids = plan.acciones.map((a) => a.id);
      const first = new Map<string, number>();
      entries.forEach((entry, i) => {
        const at = ['plan_de_mejora', i, 'accion'];
        if (!ids.includes(entry.accion)) {
          const acciones = ids.map((id) => quote(id)).join(', ');
          report({ messageId: 'accionInexistente', file, path: at, data: { accion: quote(entry.accion), anio: year, clave: quote(clave), acciones }, about, hint: hints.accionInexistente });
        } else if (first.has(entry.accion)) {
          report({ messageId: 'repetida', file, path: at, data: { accion: quote(entry.accion), n: first.get(entry.accion)! + 1 }, about, hint: hints.repetida });
        } else {
          first.set(entry.accion, i);
        }
      });
      // A report delivered before its window closed may still be completed.
      if (!model.isDue(year, quarter)) continue;
      const missing = ids.filter((id) => !first.has(id));
      if (missing.length === 0) continue;
      report({
        messageId: missing.length === 1 ? 'sinEstatus' : 'sinEstatusVarias',
        file,
        // At the list when there is one; a report without it gets the finding at its top.
        ...(data.plan_de_mejora ? { path: ['plan_de_mejora'], atKey: true } : { path: [] }),
        data: { trimestre: quote(data.trimestre), anio: year, n: missing.length, acciones: missing.map((id) => quote(id)).join(', ') },
        about,
      });
    }

    // Deadlines are judged for the plans of the years under evaluation (plan.yaml's
    // ejercicio and before), as PLAN022 judges missing reports: a plan for a year whose
    // reports are not due yet under this configuration has nothing to be late against.
    for (const clave of model.departmentClaves()) {
      const { file, data } = model.departmentsByClave.get(clave)!;
      for (const anio of Object.keys(data.planes_de_mejora ?? {}).filter((year) => Number(year) <= model.config.ejercicio)) {
        for (const status of actionStatuses(model, clave, Number(anio)) ?? []) {
          const { plazo, id } = status.accion;
          if (plazo === undefined || plazo >= model.fechaCorte || status.estatus === 'cumplida') continue;
          const at = { file, path: ['planes_de_mejora', anio, 'acciones', status.index], about: { dependencia: clave }, hint: hints.vencida };
          const data = { accion: quote(id), anio, plazo: dayMonthYear(plazo) };
          if (status.estatus === 'sin_reporte') report({ ...at, messageId: 'vencidaSinEstatus', data });
          else report({ ...at, messageId: 'vencida', data: { ...data, estatus: ESTATUS_LABEL[status.estatus] } });
        }
      }
    }
  },
});
