import { quote } from '../i18n/text.js';
import type { Ppcs } from '../model/types.js';
import { defineRule } from './rule.js';

export const PLAN030 = defineRule({
  meta: {
    id: 'PLAN030',
    title: { es: 'Dependencia sin PPCS compartido con otra dependencia', en: 'Department with no PPCS shared with another department' },
    criterio: 'integralidad',
    rationale:
      'El criterio Integralidad del Plan de Mejora pide «Desarrollar PPCS en los que al menos alguna de sus actividades se desarrolle de forma integral, es decir, con la participación de una o más dependencias en conjunto», «con el fin de eficiente los esfuerzos, sumar sus recursos y lograr una intervención multidisciplinaria». Una dependencia cuyos PPCS (sin contar los cancelados) no nombran a ninguna otra dependencia en los «participantes» de sus actividades no cumple ese criterio.',
    defaultSeverity: 'warning',
    hint: {
      es: 'En la carátula de al menos un PPCS, agregue a una actividad el campo «participantes» con la clave de la dependencia con la que la realiza en conjunto.',
      en: 'In the cover sheet of at least one PPCS, add to an activity a "participantes" field with the key of the department it is carried out with.',
    },
    messages: {
      soloCancelados: {
        es: 'Todos los PPCS de la dependencia {clave} están cancelados, así que ninguna de sus actividades se realiza con otra dependencia.',
        en: 'Every PPCS of department {clave} is cancelled, so none of its activities is carried out with another department.',
      },
      sinCompartido: {
        es: 'Ningún PPCS de la dependencia {clave} (sin contar los cancelados) tiene una actividad con la participación de otra dependencia; se esperaba al menos una actividad con «participantes».',
        en: 'No PPCS of department {clave} (not counting cancelled ones) has an activity in which another department takes part; at least one activity with "participantes" was expected.',
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
      if (vigentes.some((doc) => sharesAnActivity(doc.data, clave))) continue;
      const messageId = vigentes.length === 0 ? 'soloCancelados' : 'sinCompartido';
      report({ messageId, file, path: ['clave'], data: { clave: quote(clave) } });
    }
  },
});

/** Some activity names a department other than the PPCS's own as a participant. */
function sharesAnActivity(ppcs: Ppcs, ownClave: string): boolean {
  return (ppcs.actividades ?? []).some((actividad) => (actividad.participantes ?? []).some((clave) => clave !== ownClave));
}
