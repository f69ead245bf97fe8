import { quote } from '../i18n/text.js';
import type { PlanModel } from '../model/model.js';
import { defineRule } from './rule.js';

export const PLAN020 = defineRule({
  meta: {
    id: 'PLAN020',
    title: { es: 'Avance reportado en una unidad de medida distinta a la de su meta', en: 'Progress reported in a unit other than its meta\'s' },
    criterio: 'seguimiento_retroalimentacion',
    rationale:
      'El criterio Seguimiento y retroalimentación del Plan de Mejora establece: «No se recibirá ningún reporte trimestral que no esté alineado a la unidad de medida asignada y validada por el área de Planeación». La unidad asignada es la del indicador de la meta en su carátula (Anexo 1 y 2); un avance en otra unidad no puede sumarse ni compararse con lo programado, por eso es un error que impide aceptar el reporte.',
    defaultSeverity: 'error',
    scope: 'department',
    hint: {
      es: 'Exprese el avance en la unidad de medida del indicador de la meta; si la unidad de la carátula es la equivocada, pida a Planeación que la corrija.',
      en: 'State the progress in the unit of the meta\'s indicator; if the cover sheet\'s unit is wrong, ask Planeación to correct it.',
    },
    messages: {
      unidadDistinta: {
        es: 'El avance de la meta {meta} del PPCS {ppcs} está en {unidad}, pero la unidad de medida asignada a su indicador es {esperada}.',
        en: 'The progress of meta {meta} of PPCS {ppcs} is in {unidad}, but the unit assigned to its indicator is {esperada}.',
      },
    },
    examples: {
      file: 'dependencias/OP/reportes/2019-T1.yaml',
      invalid: 'ppcs:\n  - id: OP-01        # meta M1 se mide en km\n    avances:\n      - meta: M1\n        valor: 2000\n        unidad_medida: metro\n',
      valid: 'ppcs:\n  - id: OP-01\n    avances:\n      - meta: M1\n        valor: 2\n        unidad_medida: km\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.reportes) {
      data.ppcs.forEach((entry, i) => {
        // Only against the department's own carátula: another department's PPCS is PLAN004's.
        const metas = model.caratulaOf(placement.folder!, entry.id)?.data.metas ?? [];
        (entry.avances ?? []).forEach((avance, j) => {
          // A missing PPCS, meta or assigned unit is PLAN004's, PLAN010's or PLAN012's to report;
          // an avance unit missing from the catalog, when the meta's unit is known, is reported here.
          const esperada = metas.find((m) => m.id === avance.meta)?.indicador?.unidad_medida;
          if (esperada === undefined || !unitKnown(model, esperada) || avance.unidad_medida === esperada) return;
          report({
            messageId: 'unidadDistinta',
            file,
            path: ['ppcs', i, 'avances', j, 'unidad_medida'],
            about: { ppcs: entry.id, meta: avance.meta, trimestre: data.trimestre },
            data: { meta: quote(avance.meta), ppcs: quote(entry.id), unidad: unitLabel(model, avance.unidad_medida), esperada: unitLabel(model, esperada) },
          });
        });
      });
    }
  },
});

/** Without a readable catalog every unit is given the benefit of the doubt. */
function unitKnown(model: PlanModel, clave: string): boolean {
  return model.unidades === undefined || model.unitsByClave.has(clave);
}

/** `«km» (Kilómetro)`: the key the file must carry, and the name staff recognise. */
function unitLabel(model: PlanModel, clave: string): string {
  const unit = model.unitsByClave.get(clave);
  return unit ? `${quote(clave)} (${unit.nombre})` : quote(clave);
}
