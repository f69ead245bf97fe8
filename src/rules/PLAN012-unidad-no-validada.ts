import { quote, type Text } from '../i18n/text.js';
import { closestMatch } from '../i18n/similar.js';
import type { UnidadMedida } from '../model/types.js';
import { defineRule } from './rule.js';

const messages = {
  noCatalogada: {
    es: 'La unidad de medida {unidad} de la meta {meta} del PPCS {ppcs} no está en el catálogo de unidades de Planeación («catalogos/unidades-de-medida.yaml»).',
    en: 'Unit of measure {unidad} of meta {meta} of PPCS {ppcs} is not in the Planeación unit catalog ("catalogos/unidades-de-medida.yaml").',
  },
  noValidada: {
    es: 'La unidad de medida {unidad} de la meta {meta} del PPCS {ppcs} está en el catálogo, pero Planeación no la ha validado («validada: false»).',
    en: 'Unit of measure {unidad} of meta {meta} of PPCS {ppcs} is in the catalog, but Planeación has not validated it ("validada: false").',
  },
} satisfies Record<string, Text>;

// Hints for one kind of finding, replacing the rule's general hint (RuleReport.hint).
const hints = {
  sugerencia: {
    es: '¿Quiso decir {sugerencia} ({nombre})? Use esa clave del catálogo, o pida a Planeación que agregue y valide la unidad que necesita.',
    en: 'Did you mean {sugerencia} ({nombre})? Use that catalog key, or ask Planeación to add and validate the unit you need.',
  },
  sinCatalogo: {
    es: 'No existe el catálogo: cree «catalogos/unidades-de-medida.yaml» con las unidades asignadas y validadas por Planeación, incluida {unidad}.',
    en: 'There is no catalog: create "catalogos/unidades-de-medida.yaml" with the units assigned and validated by Planeación, including {unidad}.',
  },
  noValidada: {
    es: 'Pida a Planeación que valide la unidad (que la marque «validada: true» en el catálogo) o use una unidad ya validada.',
    en: 'Ask Planeación to validate the unit (mark it "validada: true" in the catalog) or use a unit already validated.',
  },
  noValidadaSugerencia: {
    es: 'Pida a Planeación que valide la unidad, o use la unidad validada {sugerencia} ({nombre}).',
    en: 'Ask Planeación to validate the unit, or use the validated unit {sugerencia} ({nombre}).',
  },
} satisfies Record<string, Text>;

export const PLAN012 = defineRule({
  meta: {
    id: 'PLAN012',
    title: { es: 'Unidad de medida fuera del catálogo o sin validar', en: 'Unit of measure not in the catalog or not validated' },
    criterio: 'seguimiento_retroalimentacion',
    rationale:
      'El Plan de Mejora es terminante: «No se recibirá ningún reporte trimestral que no esté alineado a la unidad de medida asignada y validada por el área de Planeación». Si el indicador de una meta usa una unidad que no está en el catálogo de Planeación, o que Planeación aún no valida, ningún reporte de esa meta podrá recibirse. Un PPCS cancelado no se revisa, porque ya no reporta.',
    defaultSeverity: 'error',
    scope: 'department',
    hint: {
      es: 'Use una unidad validada del catálogo «catalogos/unidades-de-medida.yaml», o pida a Planeación que agregue y valide la unidad que necesita.',
      en: 'Use a validated unit from the catalog "catalogos/unidades-de-medida.yaml", or ask Planeación to add and validate the unit you need.',
    },
    messages,
    examples: {
      file: 'dependencias/OP/ppcs/OP-01.yaml',
      invalid: 'metas:\n  - id: M1\n    indicador:\n      nombre: Kilómetros pavimentados\n      unidad_medida: kilometros   # el catálogo tiene «km»\n',
      valid: 'metas:\n  - id: M1\n    indicador:\n      nombre: Kilómetros pavimentados\n      unidad_medida: km\n',
    },
  },
  check(model, report) {
    // An unreadable catalog is PLAN001/PLAN002's finding; guessing here would flood every meta.
    if (model.unitsUnreadable) return;
    const catalog = model.unidades?.data.unidades ?? [];
    for (const { file, data } of model.ppcs) {
      if (data.estatus === 'cancelado') continue;
      (data.metas ?? []).forEach((meta, m) => {
        const clave = meta.indicador?.unidad_medida;
        if (clave === undefined) return;
        const unit = model.unitsByClave.get(clave);
        // Nearly every unit is catalogued and validated: the finding's parts are built only for one.
        if (unit?.validada) return;
        const path = ['metas', m, 'indicador', 'unidad_medida'];
        const params = { unidad: quote(clave), meta: quote(meta.id), ppcs: quote(data.id) };
        if (!unit) {
          const similar = closestUnit(clave, catalog);
          report({
            messageId: 'noCatalogada',
            file,
            path,
            about: { ppcs: data.id, meta: meta.id },
            data: params,
            ...(!model.unidades
              ? { hint: hints.sinCatalogo }
              : similar
                ? { hint: hints.sugerencia, hintData: { sugerencia: quote(similar.clave), nombre: quote(similar.nombre) } }
                : {}),
          });
        } else if (!unit.validada) {
          const similar = closestUnit(clave, catalog.filter((u) => u.validada && u.clave !== clave));
          report({
            messageId: 'noValidada',
            file,
            path,
            about: { ppcs: data.id, meta: meta.id },
            data: params,
            ...(similar
              ? { hint: hints.noValidadaSugerencia, hintData: { sugerencia: quote(similar.clave), nombre: quote(similar.nombre) } }
              : { hint: hints.noValidada }),
          });
        }
      });
    }
  },
});

/** Lower case, no accents, words joined by `_`: how a unit's name would be written as a key. */
function asKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * The catalog unit whose key or name is a near miss of `written` (a typo, a plural, the
 * name spelled out instead of the key), or undefined when nothing is close.
 */
function closestUnit(written: string, units: readonly UnidadMedida[]): UnidadMedida | undefined {
  return closestMatch(asKey(written), units, (unit) => [unit.clave, asKey(unit.nombre)]);
}
