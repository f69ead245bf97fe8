import { formatNumber } from '../i18n/numbers.js';
import { quote } from '../i18n/text.js';
import { quarterProgress } from '../model/meta-progress.js';
import type { Semaforo } from '../model/semaforo.js';
import { defineRule } from './rule.js';

// Colour names for both languages: a message's data fills either template, and each
// template uses only its own placeholder ({color} in Spanish, {colour} in English).
const COLOR: Partial<Record<Semaforo, { color: string; colour: string }>> = {
  amarillo: { color: 'amarillo', colour: 'yellow' },
  rojo: { color: 'rojo', colour: 'red' },
};

/** How to fix a report entry off green with no evidence. */
const SIN_EVIDENCIA_HINT = {
  es: 'Agregue en «evidencias» la ruta de al menos un archivo guardado en el repositorio (fotografías, listas de asistencia, actas) que respalde el avance reportado.',
  en: 'Add to "evidencias" the path of at least one file stored in the repository (photos, attendance lists, records) that backs the reported progress.',
};

export const PLAN026 = defineRule({
  meta: {
    id: 'PLAN026',
    title: { es: 'Meta fuera de verde sin justificación de la variación o sin evidencia', en: 'Meta off green without a justification of the variance or without evidence' },
    // Seguimiento, not Calidad: what is missing is part of the quarterly report itself
    // (Anexo 3 y 4), which is what Planeación monitors and answers with feedback.
    criterio: 'seguimiento_retroalimentacion',
    rationale:
      'El Plan de Mejora pide entregar cada reporte trimestral «en el formato correspondiente (Anexo 3 y 4) donde se manifieste el avance de las metas planteadas en las caratulas de proyecto», y advierte que su «aplicación y cumplimiento serán monitoreadas trimestralmente». Cuando el avance de una meta en el trimestre se aparta de lo programado (semáforo amarillo o rojo, con las bandas de plan.yaml o de la propia meta), un número solo no le dice a Planeación por qué: el reporte debe explicar la variación en «justificacion_variacion» y citar al menos una evidencia, para que la retroalimentación y la evaluación anual partan de hechos. Las metas en verde o sin nada programado en el trimestre no necesitan justificación.',
    defaultSeverity: 'warning',
    scope: 'department',
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
    },
    examples: {
      file: 'dependencias/OP/reportes/2019-T2.yaml',
      invalid: 'ppcs:\n  - id: OP-01        # M1 tiene 3 km programados en T2\n    estatus: activo\n    avances:\n      - meta: M1\n        valor: 2       # 66.7 %: semáforo rojo, sin justificación\n        unidad_medida: km\n',
      valid:
        'ppcs:\n  - id: OP-01\n    estatus: activo\n    avances:\n      - meta: M1\n        valor: 2\n        unidad_medida: km\n        justificacion_variacion: Las lluvias de junio detuvieron la obra dos semanas.\n    evidencias:\n      - dependencias/OP/evidencias/2019-T2/bitacora-de-obra.pdf\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.reportes) {
      // A report declaring another quarter than its file name is PLAN005's finding.
      if (data.trimestre !== placement.stem) continue;
      const trimestre = quote(data.trimestre);
      data.ppcs.forEach((entry, i) => {
        // A PPCS of another department is PLAN004's finding.
        const ppcs = model.caratulaOf(placement.folder!, entry.id);
        if (!ppcs) return;
        const offGreen: string[] = [];
        (entry.avances ?? []).forEach((avance, j) => {
          const meta = ppcs.data.metas?.find((m) => m.id === avance.meta);
          if (!meta) return;
          const progress = quarterProgress(model, ppcs, meta, data.trimestre);
          // The semáforo is the quarterly report's, read from the value the metrics count. A
          // repeated avance or a second report for the quarter (PLAN003's and PLAN005's
          // findings) may hold another value, which that colour does not describe.
          if (progress.alcanzado !== avance.valor) return;
          const color = COLOR[progress.semaforo];
          if (!color) return;
          offGreen.push(quote(meta.id));
          if (avance.justificacion_variacion?.trim()) return;
          const at = { file, path: ['ppcs', i, 'avances', j, 'valor'], about: { ppcs: entry.id, meta: meta.id, trimestre: data.trimestre } };
          const names = { meta: quote(meta.id), ppcs: quote(entry.id), trimestre, programado: formatNumber(progress.programado ?? 0) };
          if (progress.cumplimiento.kind === 'medido') {
            report({ ...at, messageId: 'sinJustificacion', data: { ...names, ...color, alcanzado: formatNumber(avance.valor), cumplimiento: formatNumber(progress.cumplimiento.porcentaje, 1) } });
          } else if (progress.cumplimiento.kind === 'alcanzado_cero') {
            report({ ...at, messageId: 'sinJustificacionCero', data: names });
          }
        });
        if (offGreen.length === 0 || (entry.evidencias?.length ?? 0) > 0) return;
        const path = entry.evidencias ? ['ppcs', i, 'evidencias'] : ['ppcs', i];
        report({ file, path, atKey: entry.evidencias !== undefined, messageId: 'sinEvidencia', hint: SIN_EVIDENCIA_HINT, about: { ppcs: entry.id, trimestre: data.trimestre }, data: { ppcs: quote(entry.id), trimestre, metas: offGreen.join(', ') } });
      });
    }
  },
});
