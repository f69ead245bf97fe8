import { quote as q } from '../i18n/text.js';
import type { Reporte } from '../model/types.js';
import { metaProgress } from '../report/metrics/meta-progress.js';
import type { Semaforo } from '../report/view/types.js';
import type { Rule } from './rule.js';

// Colour names for both languages: a message's data fills either template, and each
// template uses only its own placeholder ({color} in Spanish, {colour} in English).
const COLOR: Partial<Record<Semaforo, { color: string; colour: string }>> = {
  amarillo: { color: 'amarillo', colour: 'yellow' },
  rojo: { color: 'rojo', colour: 'red' },
};

export const PLAN026: Rule = {
  meta: {
    id: 'PLAN026',
    title: { es: 'Meta fuera de verde sin justificación de la variación o sin evidencia', en: 'Meta off green without a justification of the variance or without evidence' },
    // Seguimiento, not Calidad: what is missing is part of the quarterly report itself
    // (Anexo 3 y 4), which is what Planeación monitors and answers with feedback.
    criterio: 'seguimiento_retroalimentacion',
    rationale:
      'El Plan de Mejora pide entregar cada reporte trimestral «en el formato correspondiente (Anexo 3 y 4) donde se manifieste el avance de las metas planteadas en las caratulas de proyecto», y advierte que su «aplicación y cumplimiento serán monitoreadas trimestralmente». Cuando el avance de una meta en el trimestre se aparta de lo programado (semáforo amarillo o rojo, con las bandas de plan.yaml o de la propia meta), un número solo no le dice a Planeación por qué: el reporte debe explicar la variación en «justificacion_variacion» y citar al menos una evidencia, para que la retroalimentación y la evaluación anual partan de hechos. Las metas en verde o sin nada programado en el trimestre no necesitan justificación.',
    defaultSeverity: 'warning',
    hint: {
      es: 'Escriba en «justificacion_variacion» por qué el avance se apartó de lo programado (por ejemplo, lluvias, falta de material, mayor demanda) y cite en «evidencias» los archivos que lo respaldan.',
      en: 'Write in "justificacion_variacion" why progress departed from what was programmed (e.g. rain, lack of material, higher demand) and cite in "evidencias" the files that back it.',
    },
    messages: {
      sinJustificacion: {
        es: 'La meta {meta} del PPCS {ppcs} está en {color} en {trimestre}: se reportó un avance de {alcanzado} frente a una programación de {programado}, un cumplimiento del {cumplimiento} %; falta «justificacion_variacion» que explique la diferencia.',
        en: 'Meta {meta} of PPCS {ppcs} is {colour} in {trimestre}: progress of {alcanzado} was reported against {programado} programmed, {cumplimiento} % achieved; "justificacion_variacion" explaining the difference is missing.',
      },
      sinJustificacionCero: {
        es: 'La meta {meta} del PPCS {ppcs} está en rojo en {trimestre}: su indicador es descendente y se reportó 0 frente a una programación de {programado}, muy lejos de lo planeado; falta «justificacion_variacion» que explique la diferencia.',
        en: 'Meta {meta} of PPCS {ppcs} is red in {trimestre}: its indicator is descending and 0 was reported against {programado} programmed, far from the plan; "justificacion_variacion" explaining the difference is missing.',
      },
      sinEvidencia: {
        es: 'El PPCS {ppcs} tiene metas fuera de verde en {trimestre} ({metas}), pero el reporte no cita ninguna evidencia en «evidencias».',
        en: 'PPCS {ppcs} has metas off green in {trimestre} ({metas}), but the report cites no evidence in "evidencias".',
      },
      sinEvidenciaHint: {
        es: 'Agregue en «evidencias» la ruta de al menos un archivo guardado en el repositorio (fotografías, listas de asistencia, actas) que respalde el avance reportado.',
        en: 'Add to "evidencias" the path of at least one file stored in the repository (photos, attendance lists, records) that backs the reported progress.',
      },
    },
    examples: {
      file: 'dependencias/OP/reportes/2019-T2.yaml',
      invalid: 'ppcs:\n  - id: OP-01        # M1 tiene 3 km programados en T2\n    estatus: activo\n    avances:\n      - meta: M1\n        valor: 2       # 66.7 %: semáforo rojo, sin justificación\n        unidad_medida: km\n',
      valid:
        'ppcs:\n  - id: OP-01\n    estatus: activo\n    avances:\n      - meta: M1\n        valor: 2\n        unidad_medida: km\n        justificacion_variacion: Las lluvias de junio detuvieron la obra dos semanas.\n    evidencias:\n      - dependencias/OP/evidencias/2019-T2/bitacora-de-obra.pdf\n',
    },
  },
  check(model, report) {
    for (const doc of model.reportes) {
      const { file, placement, data } = doc;
      // The semáforo is the one the quarterly report shows: it reads the department's first
      // report of the quarter, so a second one (PLAN005's finding) is not judged here.
      if (model.reportFor(placement.folder!, data.trimestre) !== doc) continue;
      const trimestre = q(data.trimestre);
      data.ppcs.forEach((entry, i) => {
        const ppcs = model.ppcsById.get(entry.id);
        // A PPCS of another department is measured against that department's reports.
        if (!ppcs || ppcs.placement.folder !== placement.folder) return;
        const offGreen: string[] = [];
        (entry.avances ?? []).forEach((avance, j) => {
          const meta = model.metaOf(entry.id, avance.meta);
          if (!meta || !isCounted(data, i, j)) return;
          const progress = metaProgress(model, ppcs, meta, data.trimestre);
          const color = COLOR[progress.semaforo];
          if (!color) return;
          offGreen.push(q(meta.id));
          if (avance.justificacion_variacion?.trim()) return;
          const at = { file, path: ['ppcs', i, 'avances', j, 'valor'] };
          const names = { meta: q(meta.id), ppcs: q(entry.id), trimestre, programado: round(progress.programado ?? 0) };
          if (progress.cumplimiento.kind === 'medido') {
            report({ ...at, messageId: 'sinJustificacion', data: { ...names, ...color, alcanzado: round(avance.valor), cumplimiento: round(progress.cumplimiento.porcentaje, 1) } });
          } else if (progress.cumplimiento.kind === 'alcanzado_cero') {
            report({ ...at, messageId: 'sinJustificacionCero', data: names });
          }
        });
        if (offGreen.length === 0 || (entry.evidencias?.length ?? 0) > 0) return;
        const path = entry.evidencias ? ['ppcs', i, 'evidencias'] : ['ppcs', i];
        const hint = PLAN026.meta.messages.sinEvidenciaHint!;
        report({ file, path, atKey: entry.evidencias !== undefined, messageId: 'sinEvidencia', hint, data: { ppcs: q(entry.id), trimestre, metas: offGreen.join(', ') } });
      });
    }
  },
};

/**
 * Whether avance j of entry i is the value the metrics count for its meta: the first
 * entry of the PPCS that reports the meta, and its first avance for it (achievedIn).
 * A repeated one is PLAN003's to report, and the semáforo does not describe it.
 */
function isCounted(data: Reporte, i: number, j: number): boolean {
  const entry = data.ppcs[i]!;
  const metaId = entry.avances![j]!.meta;
  for (const [k, other] of data.ppcs.entries()) {
    if (other.id !== entry.id) continue;
    const index = other.avances?.findIndex((a) => a.meta === metaId) ?? -1;
    if (index >= 0) return k === i && index === j;
  }
  return false;
}

/** Values print as 66.7 or 0.3, never 66.66666666666667. */
function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
