import { quote } from '../i18n/text.js';
import type { Ppcs } from '../model/types.js';
import { defineRule } from './rule.js';

export const PLAN031 = defineRule({
  meta: {
    id: 'PLAN031',
    title: { es: 'PPCS con dependencias participantes sin colaboraciones en el reporte', en: 'PPCS with participating departments but no collaboration in the report' },
    criterio: 'integralidad',
    rationale:
      'El criterio Integralidad del Plan de Mejora pide desarrollar PPCS con la participación de otras dependencias y, «Una vez logrado lo anterior es necesario que al momento de redactar su reporte trimestral haga referencia de dichas dependencias con quienes colaboró en uno o más PPCS durante ése trimestre». Si la carátula de un PPCS activo nombra dependencias participantes, su reporte trimestral debe decir en «colaboraciones» con cuáles trabajó.',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Agregue al PPCS del reporte el campo «colaboraciones» con las claves de las dependencias con las que trabajó en el trimestre.',
      en: 'Add to the report\'s PPCS entry a "colaboraciones" field with the keys of the departments it worked with this quarter.',
    },
    messages: {
      sinColaboraciones: {
        es: 'La carátula del PPCS {ppcs} nombra como participantes a {participantes}, pero el reporte {trimestre} no indica con qué dependencias colaboró (campo «colaboraciones» ausente o vacío).',
        en: 'The cover sheet of PPCS {ppcs} names {participantes} as participants, but report {trimestre} does not say which departments it worked with ("colaboraciones" missing or empty).',
      },
    },
    examples: {
      file: 'dependencias/OP/reportes/2019-T1.yaml',
      invalid: 'ppcs:\n  - id: OP-01        # su carátula tiene participantes: [DIF]\n    estatus: activo\n',
      valid: 'ppcs:\n  - id: OP-01\n    estatus: activo\n    colaboraciones: [DIF]\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.reportes) {
      data.ppcs.forEach((entry, i) => {
        // A PPCS suspended, concluded or not yet started worked with nobody this quarter.
        if (entry.estatus !== undefined && entry.estatus !== 'activo') return;
        if (entry.colaboraciones && entry.colaboraciones.length > 0) return;
        // Only the department's own carátula: another department's PPCS is PLAN004's.
        const caratula = model.caratulaOf(placement.folder!, entry.id);
        if (!caratula) return;
        const participantes = participantsOf(caratula.data, placement.folder!);
        if (participantes.length === 0) return;
        report({
          messageId: 'sinColaboraciones',
          file,
          path: ['ppcs', i, 'id'],
          about: { ppcs: entry.id, trimestre: data.trimestre },
          data: { ppcs: quote(entry.id), participantes: participantes.map((clave) => quote(clave)).join(', '), trimestre: quote(data.trimestre) },
        });
      });
    }
  },
});

/** Other departments named as participants in any activity, in order of first mention. */
function participantsOf(ppcs: Ppcs, ownClave: string): string[] {
  const seen = new Set<string>();
  for (const actividad of ppcs.actividades ?? []) {
    for (const clave of actividad.participantes ?? []) if (clave !== ownClave) seen.add(clave);
  }
  return [...seen];
}
