import { quote } from '../i18n/text.js';
import { partnersOf, ppcsJoinedBy } from '../model/participation.js';
import { defineRule } from './rule.js';

export const PLAN030 = defineRule({
  meta: {
    id: 'PLAN030',
    title: { es: 'Dependencia sin PPCS compartido con otra dependencia', en: 'Department with no PPCS shared with another department' },
    criterio: 'integralidad',
    rationale:
      'El criterio Integralidad del Plan de Mejora pide «Desarrollar PPCS en los que al menos alguna de sus actividades se desarrolle de forma integral, es decir, con la participación de una o más dependencias en conjunto», «con el fin de eficiente los esfuerzos, sumar sus recursos y lograr una intervención multidisciplinaria». La participación cuenta por los dos lados: una dependencia cumple si alguno de sus PPCS (sin contar los cancelados) nombra a otra dependencia en los «participantes» de una actividad, o si ella participa en un PPCS no cancelado de otra dependencia (nombrada en los «participantes» de su carátula o en las «colaboraciones» de sus reportes del ejercicio de plan.yaml). Sólo se advierte a la dependencia que no comparte ningún PPCS de ninguna de las dos formas.',
    defaultSeverity: 'warning',
    scope: 'facts',
    hint: {
      es: 'En la carátula de al menos un PPCS, agregue a una actividad el campo «participantes» con la clave de la dependencia con la que la realiza en conjunto; o pida a la dependencia cuyo PPCS apoya que la nombre en los «participantes» de su carátula.',
      en: 'In the cover sheet of at least one PPCS, add to an activity a "participantes" field with the key of the department it is carried out with; or ask the department whose PPCS it supports to name it in the "participantes" of its cover sheet.',
    },
    messages: {
      soloCancelados: {
        es: 'Todos los PPCS de la dependencia {clave} están cancelados, así que ninguna de sus actividades se realiza con otra dependencia, y no participa en PPCS de otras dependencias.',
        en: 'Every PPCS of department {clave} is cancelled, so none of its activities is carried out with another department, and it takes part in no PPCS of other departments.',
      },
      sinCompartido: {
        es: 'Ningún PPCS de la dependencia {clave} (sin contar los cancelados) tiene una actividad con la participación de otra dependencia, y la dependencia no participa en PPCS de otras dependencias; se esperaba al menos una actividad con «participantes».',
        en: 'No PPCS of department {clave} (not counting cancelled ones) has an activity in which another department takes part, and the department takes part in no PPCS of other departments; at least one activity with "participantes" was expected.',
      },
    },
    examples: {
      file: 'dependencias/OP/ppcs/OP-01.yaml',
      invalid: 'actividades:\n  - descripcion: Gestión social con vecinos   # sin participantes\n',
      valid: 'actividades:\n  - descripcion: Gestión social con vecinos\n    participantes: [DIF]\n',
    },
  },
  check(model, report) {
    for (const { file, placement } of model.dependencias) {
      const clave = placement.folder!;
      // A carátula that could not be read might hold the shared activity: don't guess.
      if (model.hasUnreadableUnder(`dependencias/${clave}/ppcs/`)) continue;
      const all = model.ppcsOf(clave);
      // A department with no PPCS at all is PLAN013's finding (it needs its first carátula).
      if (all.length === 0) continue;
      const vigentes = all.filter((doc) => doc.data.estatus !== 'cancelado');
      if (vigentes.some((doc) => partnersOf(doc, clave).length > 0)) continue;
      // Taking part in another department's PPCS is the other side of the same criterion.
      if (ppcsJoinedBy(model, clave, model.config.ejercicio).length > 0) continue;
      const messageId = vigentes.length === 0 ? 'soloCancelados' : 'sinCompartido';
      report({ messageId, file, path: ['clave'], data: { clave: quote(clave) } });
    }
  },
});

