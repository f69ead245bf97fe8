import type { PathSegment } from '../yaml/path.js';
import { quote } from '../i18n/text.js';
import { QUARTERS } from '../model/types.js';
import { defineRule } from './rule.js';

// The seed's action for Consistencia Programática, quoted verbatim in the hint.
const ANEXO_1_Y_2 =
  'Contar con las caratulas de proyecto Anexo 1 y 2 de cada uno de sus PPCS donde se describan las metas y los indicadores de medición de forma clara';

/** Text the department must write; whitespace alone describes nothing. */
const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

export const PLAN010 = defineRule({
  meta: {
    id: 'PLAN010',
    title: { es: 'Carátula (Anexo 1 y 2) incompleta', en: 'Incomplete carátula (Anexo 1 y 2)' },
    criterio: 'consistencia_programatica',
    rationale: `El Plan de Mejora, en el criterio de Consistencia Programática, pide «${ANEXO_1_Y_2}». Sin objetivo, problemática, población objetivo y responsable no se sabe qué atiende el PPCS ni quién responde por él; sin metas con indicador, fórmula, unidad de medida, programación trimestral y meta anual no hay contra qué medir los reportes trimestrales. Un PPCS cancelado no se revisa.`,
    defaultSeverity: 'error',
    scope: 'department',
    hint: {
      es: `Complete la carátula: el Plan de Mejora pide «${ANEXO_1_Y_2}».`,
      en: `Complete the carátula: the Plan de Mejora asks to «${ANEXO_1_Y_2}» (have an Anexo 1 y 2 carátula for every PPCS describing its metas and indicators clearly).`,
    },
    messages: {
      objetivo: {
        es: 'La carátula del PPCS {ppcs} no tiene objetivo: el campo «objetivo» falta o está vacío.',
        en: 'The carátula of PPCS {ppcs} has no objective: field "objetivo" is missing or empty.',
      },
      problematica: {
        es: 'La carátula del PPCS {ppcs} no describe la problemática que atiende: el campo «problematica» falta o está vacío.',
        en: 'The carátula of PPCS {ppcs} does not describe the problem it addresses: field "problematica" is missing or empty.',
      },
      poblacion_objetivo: {
        es: 'La carátula del PPCS {ppcs} no indica su población objetivo: falta «poblacion_objetivo» con su descripción y cantidad.',
        en: 'The carátula of PPCS {ppcs} does not state its target population: "poblacion_objetivo" with its description and size is missing.',
      },
      responsable: {
        es: 'La carátula del PPCS {ppcs} no nombra a su responsable: el campo «responsable» falta o está vacío.',
        en: 'The carátula of PPCS {ppcs} names no person in charge: field "responsable" is missing or empty.',
      },
      metas: {
        es: 'La carátula del PPCS {ppcs} no tiene metas: la lista «metas» falta o está vacía, y debe tener al menos una meta con su indicador.',
        en: 'The carátula of PPCS {ppcs} has no metas: list "metas" is missing or empty, and it needs at least one meta with its indicator.',
      },
      indicador: {
        es: 'La meta {meta} del PPCS {ppcs} no tiene indicador de medición: falta «indicador» con su nombre, fórmula, unidad de medida, sentido y acumulación.',
        en: 'Meta {meta} of PPCS {ppcs} has no indicator: "indicador" with its name, formula, unit of measure, direction and accumulation is missing.',
      },
      formula: {
        es: 'El indicador de la meta {meta} del PPCS {ppcs} no tiene fórmula de cálculo: el campo «formula» falta o está vacío.',
        en: 'The indicator of meta {meta} of PPCS {ppcs} has no formula: field "formula" is missing or empty.',
      },
      unidad_medida: {
        es: 'El indicador de la meta {meta} del PPCS {ppcs} no tiene unidad de medida: falta «unidad_medida», una clave del catálogo de unidades validado por Planeación.',
        en: 'The indicator of meta {meta} of PPCS {ppcs} has no unit of measure: "unidad_medida" is missing, a key of the unit catalog validated by Planeación.',
      },
      programacion: {
        es: 'La meta {meta} del PPCS {ppcs} no tiene programación trimestral: «programacion» falta o no tiene ningún trimestre (T1 a T4).',
        en: 'Meta {meta} of PPCS {ppcs} has no quarterly programming: "programacion" is missing or has no quarter (T1 to T4).',
      },
      programacionEjercicio: {
        es: 'La meta {meta} del PPCS {ppcs} no tiene programación trimestral para el ejercicio {ejercicio}: «ejercicios.{ejercicio}.programacion» no tiene ningún trimestre (T1 a T4).',
        en: 'Meta {meta} of PPCS {ppcs} has no quarterly programming for {ejercicio}: "ejercicios.{ejercicio}.programacion" has no quarter (T1 to T4).',
      },
      meta_anual: {
        es: 'La meta {meta} del PPCS {ppcs} no tiene meta anual: falta «meta_anual», el valor que se espera alcanzar al cierre del año.',
        en: 'Meta {meta} of PPCS {ppcs} has no annual target: "meta_anual", the value expected by year end, is missing.',
      },
    },
    examples: {
      file: 'dependencias/OP/ppcs/OP-01.yaml',
      invalid:
        'id: OP-01\ntipo: programa\nnombre: Pavimentación de calles\nestatus: activo\nmetas:\n  - id: M1\n    descripcion: Kilómetros pavimentados\n',
      valid:
        'id: OP-01\ntipo: programa\nnombre: Pavimentación de calles\nestatus: activo\nproblematica: Calles de terracería en colonias del oriente.\nobjetivo: Pavimentar calles prioritarias.\npoblacion_objetivo:\n  descripcion: Habitantes de colonias del oriente\n  cantidad: 5000\nresponsable: Subdirección de Obra Pública\nmetas:\n  - id: M1\n    descripcion: Kilómetros pavimentados\n    indicador:\n      nombre: Kilómetros pavimentados\n      formula: Suma de km terminados\n      unidad_medida: km\n      sentido: ascendente\n      acumulacion: suma\n    programacion: { T1: 2, T2: 3, T3: 3, T4: 2 }\n    meta_anual: 10\n',
    },
  },
  check(model, report) {
    // A path to a field that is missing lands on the object that should hold it (see
    // locate.ts); a field present but blank is pointed at directly.
    for (const { file, data } of model.ppcs) {
      if (data.estatus === 'cancelado') continue;
      const ppcs = quote(data.id);
      const lacks = (messageId: 'objetivo' | 'problematica' | 'poblacion_objetivo' | 'responsable' | 'metas', path: PathSegment[]) => report({ messageId, file, path, data: { ppcs }, about: { ppcs: data.id } });
      if (blank(data.objetivo)) lacks('objetivo', ['objetivo']);
      if (blank(data.problematica)) lacks('problematica', ['problematica']);
      if (!data.poblacion_objetivo) lacks('poblacion_objetivo', []);
      if (blank(data.responsable)) lacks('responsable', ['responsable']);
      if (!data.metas || data.metas.length === 0) {
        lacks('metas', ['metas']);
        continue;
      }

      data.metas.forEach((meta, m) => {
        const metaLacks = (messageId: 'indicador' | 'formula' | 'unidad_medida' | 'programacion' | 'meta_anual', path: PathSegment[], atKey = false) =>
          report({ messageId, file, path: ['metas', m, ...path], ...(atKey ? { atKey } : {}), data: { ppcs, meta: quote(meta.id) }, about: { ppcs: data.id, meta: meta.id } });
        const { indicador } = meta;
        if (!indicador) {
          metaLacks('indicador', []);
        } else {
          // On the «indicador:» line rather than on its first property.
          if (indicador.formula === undefined) metaLacks('formula', ['indicador'], true);
          else if (blank(indicador.formula)) metaLacks('formula', ['indicador', 'formula']);
          if (indicador.unidad_medida === undefined) metaLacks('unidad_medida', ['indicador'], true);
        }
        if (!QUARTERS.some((quarter) => meta.programacion?.[quarter] !== undefined)) metaLacks('programacion', ['programacion']);
        if (meta.meta_anual === undefined) metaLacks('meta_anual', ['meta_anual']);
        // A year's own entry replaces the programming for that year; one without any quarter
        // leaves nothing to measure the year's reports against. (Its missing fields are the schema's.)
        for (const [year, values] of Object.entries(meta.ejercicios ?? {})) {
          if (values.programacion === undefined || QUARTERS.some((quarter) => values.programacion?.[quarter] !== undefined)) continue;
          report({
            messageId: 'programacionEjercicio',
            file,
            path: ['metas', m, 'ejercicios', year, 'programacion'],
            data: { ppcs, meta: quote(meta.id), ejercicio: year },
            about: { ppcs: data.id, meta: meta.id, ejercicio: Number(year) },
          });
        }
      });
    }
  },
});
