import { quote } from '../i18n/text.js';
import { defineRule, type Report } from './rule.js';

/** Where an id was first declared, to name it when a later one repeats it. */
interface FirstSeen {
  file: string;
  /** 1-based position in its list, as a person counts items. */
  n: number;
}

export const PLAN003 = defineRule({
  meta: {
    id: 'PLAN003',
    title: { es: 'Identificador repetido', en: 'Duplicate identifier' },
    rationale:
      'Cada PPCS, meta, observación, convocatoria, recomendación de género, unidad de medida y dependencia se identifica por su clave. Si dos elementos comparten clave, los reportes trimestrales no pueden decir a cuál se refieren: el avance «de las metas planteadas en las caratulas de proyecto» se contaría dos veces o en el lugar equivocado, y el monitoreo trimestral que pide el Plan de Mejora («su aplicación y cumplimiento serán monitoreadas trimestralmente») deja de ser confiable.',
    defaultSeverity: 'error',
    scope: 'facts',
    hint: {
      es: 'Dé a cada elemento una clave distinta, o elimine la entrada repetida si es el mismo elemento escrito dos veces.',
      en: 'Give each item a distinct key, or remove the repeated entry if it is the same item written twice.',
    },
    messages: {
      ppcs: {
        es: 'El id de PPCS {id} ya lo declara la carátula «{first}»; cada PPCS debe tener un id único en todo el repositorio.',
        en: 'PPCS id {id} is already declared by carátula "{first}"; each PPCS needs an id unique in the whole repository.',
      },
      dependencia: {
        es: 'La clave de dependencia {clave} ya la declara «{first}»; cada dependencia debe tener una clave única, igual al nombre de su carpeta.',
        en: 'Department key {clave} is already declared by "{first}"; each department needs a unique key, equal to its folder name.',
      },
      meta: {
        es: 'La clave de meta {id} se repite en esta carátula: ya la usa la meta n.º {n}. Cada meta debe tener una clave distinta (M1, M2, …).',
        en: 'Meta key {id} is repeated in this carátula: meta no. {n} already uses it. Each meta needs a distinct key (M1, M2, …).',
      },
      observacion: {
        es: 'La clave de observación {id} ya se usa en «{first}» (observación n.º {n}); cada observación debe tener una clave única.',
        en: 'Observation key {id} is already used in "{first}" (observation no. {n}); each observation needs a unique key.',
      },
      convocatoria: {
        es: 'La clave de convocatoria {id} ya se usa en «{first}» (convocatoria n.º {n}); cada convocatoria debe tener una clave única.',
        en: 'Call key {id} is already used in "{first}" (call no. {n}); each call needs a unique key.',
      },
      recomendacion: {
        es: 'La clave de recomendación de género {id} ya se usa en «{first}» (recomendación n.º {n}); cada recomendación debe tener una clave única.',
        en: 'Gender recommendation key {id} is already used in "{first}" (recommendation no. {n}); each recommendation needs a unique key.',
      },
      unidad: {
        es: 'La clave de unidad de medida {clave} se repite en el catálogo: ya la usa la unidad n.º {n}.',
        en: 'Unit of measure key {clave} is repeated in the catalog: unit no. {n} already uses it.',
      },
      reportePpcs: {
        es: 'El PPCS {id} aparece dos veces en este reporte (también en la entrada n.º {n}); reúna su avance en una sola entrada.',
        en: 'PPCS {id} appears twice in this report (also in entry no. {n}); put its progress in a single entry.',
      },
      reporteMeta: {
        es: 'La meta {meta} aparece dos veces en los avances del PPCS {id} (también en el avance n.º {n}); informe cada meta una sola vez por trimestre.',
        en: 'Meta {meta} appears twice in the progress of PPCS {id} (also in progress item no. {n}); report each meta once per quarter.',
      },
    },
    examples: {
      file: 'dependencias/OP/ppcs/OP-01.yaml',
      invalid: 'id: OP-01\nmetas:\n  - id: M1\n    descripcion: Kilómetros pavimentados\n  - id: M1\n    descripcion: Calles balizadas\n',
      valid: 'id: OP-01\nmetas:\n  - id: M1\n    descripcion: Kilómetros pavimentados\n  - id: M2\n    descripcion: Calles balizadas\n',
    },
  },
  check(model, report) {
    // Ids across departments: every department's facts (model.ts `every`).
    const caratulas = new Map<string, FirstSeen>();
    for (const { file, facts } of model.every.ppcs) {
      const first = remember(caratulas, facts.id, file, 0);
      if (first) report({ messageId: 'ppcs', file, path: ['id'], data: { id: quote(facts.id), first: first.file } });
    }

    // A second dependencia.yaml with the same clave is necessarily in another folder,
    // so PLAN005 reports the mismatch too; this names the clash itself.
    const departamentos = new Map<string, FirstSeen>();
    for (const { file, facts } of model.every.dependencias) {
      const first = remember(departamentos, facts.clave, file, 0);
      if (first) report({ messageId: 'dependencia', file, path: ['clave'], data: { clave: quote(facts.clave), first: first.file } });
    }

    for (const { file, data } of model.ppcs) {
      eachRepeated(data.metas ?? [], (m) => m.id, (index, n) => {
        report({ messageId: 'meta', file, path: ['metas', index, 'id'], data: { id: quote(data.metas![index]!.id), n } });
      });
    }

    if (model.unidades) {
      const { file, data } = model.unidades;
      eachRepeated(data.unidades, (u) => u.clave, (index, n) => {
        report({ messageId: 'unidad', file, path: ['unidades', index, 'clave'], data: { clave: quote(data.unidades[index]!.clave), n } });
      });
    }

    for (const { file, data } of model.reportes) {
      eachRepeated(data.ppcs, (p) => p.id, (index, n) => {
        report({ messageId: 'reportePpcs', file, path: ['ppcs', index, 'id'], data: { id: quote(data.ppcs[index]!.id), n } });
      });
      data.ppcs.forEach((entry, p) => {
        const avances = entry.avances ?? [];
        eachRepeated(avances, (a) => a.meta, (index, n) => {
          report({ messageId: 'reporteMeta', file, path: ['ppcs', p, 'avances', index, 'meta'], data: { meta: quote(avances[index]!.meta), id: quote(entry.id), n } });
        });
      });
    }

    // Observations, calls and gender recommendations are answered by id from any
    // report, so their ids must be unique across every file of their kind.
    acrossFiles(report, 'observacion', model.retroalimentacion.map(({ file, data }) => ({ file, list: 'observaciones', ids: data.observaciones.map((o) => o.id) })));
    acrossFiles(report, 'convocatoria', model.convocatorias.map(({ file, data }) => ({ file, list: 'convocatorias', ids: data.convocatorias.map((c) => c.id) })));
    acrossFiles(report, 'recomendacion', model.genero.map(({ file, data }) => ({ file, list: 'recomendaciones', ids: data.recomendaciones.map((r) => r.id) })));
  },
});

/** Records the first place of `key`; returns that first place when `key` was already seen. */
function remember(seen: Map<string, FirstSeen>, key: string, file: string, index: number): FirstSeen | undefined {
  const first = seen.get(key);
  if (first) return first;
  seen.set(key, { file, n: index + 1 });
  return undefined;
}

/** Calls `onRepeat(index, firstN)` for every item whose key an earlier item of the list already has. */
function eachRepeated<T>(items: readonly T[], keyOf: (item: T) => string, onRepeat: (index: number, firstN: number) => void): void {
  // Asked for every list of every report: a list of one cannot repeat, and the first index is all a key needs.
  if (items.length < 2) return;
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first !== undefined) onRepeat(index, first + 1);
    else seen.set(key, index);
  });
}

function acrossFiles(
  report: Report<'observacion' | 'convocatoria' | 'recomendacion'>,
  messageId: 'observacion' | 'convocatoria' | 'recomendacion',
  files: { file: string; list: string; ids: string[] }[],
): void {
  const seen = new Map<string, FirstSeen>();
  for (const { file, list, ids } of files) {
    ids.forEach((id, index) => {
      const first = remember(seen, id, file, index);
      if (first) report({ messageId, file, path: [list, index, 'id'], data: { id: quote(id), first: first.file, n: first.n } });
    });
  }
}
