import { formatNumber } from '../i18n/numbers.js';
import { quote } from '../i18n/text.js';
import { parseTrimestre } from '../model/model.js';
import { programmingOf } from '../model/progress.js';
import type { EstatusPpcs } from '../model/types.js';
import { defineRule } from './rule.js';

// A PPCS that is stopped or has not started has no progress to report this quarter.
const NOTHING_TO_REPORT: ReadonlySet<EstatusPpcs> = new Set(['suspendido', 'cancelado', 'por_iniciar']);

export const PLAN023 = defineRule({
  meta: {
    id: 'PLAN023',
    title: { es: 'Reporte trimestral incompleto: falta un PPCS activo, una meta o el estatus', en: 'Incomplete quarterly report: an active PPCS, a meta or the status is missing' },
    criterio: 'seguimiento_retroalimentacion',
    rationale:
      'El Plan de Mejora pide entregar los reportes trimestrales «en el formato correspondiente (Anexo 3 y 4) donde se manifieste el avance de las metas planteadas en las caratulas de proyecto», y en Consistencia Programática, «Mantener la mayoría de los PPCS activos e informar status». Por eso cada reporte debe incluir todo PPCS que su carátula declara activo, decir el estatus de cada PPCS que informa y dar el avance de cada meta que tiene un valor programado en el trimestre, salvo que el PPCS esté suspendido, cancelado o por iniciar.',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Complete el reporte: agregue los PPCS activos, el «estatus» de cada PPCS y un avance por cada meta programada en el trimestre.',
      en: 'Complete the report: add the active PPCS, each PPCS\'s "estatus" and a progress entry for every meta programmed this quarter.',
    },
    messages: {
      ppcsAusente: {
        es: 'El PPCS {ppcs} está activo según su carátula, pero no aparece en el reporte {trimestre}.',
        en: 'PPCS {ppcs} is active according to its cover sheet, but does not appear in report {trimestre}.',
      },
      sinEstatus: {
        es: 'El PPCS {ppcs} del reporte {trimestre} no informa su estatus; indique «estatus»: por_iniciar, activo, suspendido, concluido o cancelado.',
        en: 'PPCS {ppcs} in report {trimestre} does not state its status; set "estatus": por_iniciar, activo, suspendido, concluido or cancelado.',
      },
      metaAusente: {
        es: 'La meta {meta} del PPCS {ppcs} tiene programado {programado} para {trimestre}, pero el reporte no informa su avance.',
        en: 'Meta {meta} of PPCS {ppcs} has {programado} programmed for {trimestre}, but the report gives no progress for it.',
      },
    },
    examples: {
      file: 'dependencias/OP/reportes/2019-T2.yaml',
      invalid: 'ppcs:\n  - id: OP-01        # sin estatus; la meta M1 tiene T2 programado\n    avances: []\n',
      valid: 'ppcs:\n  - id: OP-01\n    estatus: activo\n    avances:\n      - meta: M1\n        valor: 3\n        unidad_medida: km\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.reportes) {
      const folder = placement.folder!;
      const trimestre = quote(data.trimestre);
      const reported = new Set(data.ppcs.map((entry) => entry.id));
      // An entry naming a PPCS that is not the department's own (PLAN004) may be the
      // "missing" one under a wrong id: once the id is fixed, the report is judged again.
      // Its own carátula may be one that could not be read; another department's is not its own.
      const allOwn = data.ppcs.every((entry) => model.caratulaOf(folder, entry.id) !== undefined || model.isUnreadable(`dependencias/${folder}/ppcs/${entry.id}.yaml`));
      for (const { data: ppcs } of allOwn ? model.ppcsOf(folder) : []) {
        if (ppcs.estatus === 'activo' && !reported.has(ppcs.id)) {
          report({ messageId: 'ppcsAusente', file, path: ['ppcs'], atKey: true, data: { ppcs: quote(ppcs.id), trimestre }, about: { ppcs: ppcs.id, trimestre: data.trimestre } });
        }
      }
      // A report declaring another quarter than its file name is PLAN005's: which quarter's
      // programming applies is unknown.
      const { year, quarter } = data.trimestre === placement.stem ? parseTrimestre(data.trimestre) : { year: undefined, quarter: undefined };
      data.ppcs.forEach((entry, i) => {
        if (entry.estatus === undefined) report({ messageId: 'sinEstatus', file, path: ['ppcs', i], data: { ppcs: quote(entry.id), trimestre }, about: { ppcs: entry.id, trimestre: data.trimestre } });
        const caratula = model.caratulaOf(folder, entry.id)?.data;
        if (!quarter || year === undefined || !caratula || NOTHING_TO_REPORT.has(entry.estatus ?? caratula.estatus)) return;
        const withProgress = new Set((entry.avances ?? []).map((avance) => avance.meta));
        const path = entry.avances ? ['ppcs', i, 'avances'] : ['ppcs', i];
        for (const meta of caratula.metas ?? []) {
          const programado = programmingOf(meta, year)[quarter];
          if (programado === undefined || withProgress.has(meta.id)) continue;
          report({
            messageId: 'metaAusente',
            file,
            path,
            atKey: entry.avances !== undefined,
            data: { meta: quote(meta.id), ppcs: quote(entry.id), programado: formatNumber(programado), trimestre },
          });
        }
      });
    }
  },
});
