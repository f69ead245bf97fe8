import { memoMetaProgress } from '../../../model/meta-progress.js';
import { trimestreId } from '../../../model/time.js';
import type { Avance } from '../../../model/types.js';
import { coverage } from '../people.js';
import { type Criterion } from './criterion.js';

export const calidad: Criterion = {
  clave: 'calidad_cobertura',
  nombre: 'Calidad de Resultados y Cobertura de la Intervención',
  recursos: 'Gestión y trabajo institucional',
  dimension: 'Estratégica',
  subindicators({ model, clave, year, dueQuarters, vigentes }) {
    const last = dueQuarters[dueQuarters.length - 1];
    const cumulative = last
      ? vigentes.flatMap((doc) => (doc.data.metas ?? []).map((meta) => memoMetaProgress(model, doc, meta, trimestreId(year, last)).semaforoAcumulado))
      : [];
    const measured = cumulative.filter((s) => s !== 'sin_meta');
    const withPopulation = vigentes.filter((doc) => (doc.data.poblacion_objetivo?.cantidad ?? 0) > 0);
    const minimum = model.config.coberturaMinima / 100;
    // Loops rather than nested flatMaps: every avance of the year passes here.
    const offTarget: Avance[] = [];
    for (const quarter of dueQuarters) {
      const trimestre = trimestreId(year, quarter);
      const report = model.reportFor(clave, trimestre);
      for (const entry of report?.data.ppcs ?? []) {
        const doc = model.ppcsById.get(entry.id);
        if (!doc) continue;
        for (const avance of entry.avances ?? []) {
          const meta = doc.data.metas?.find((m) => m.id === avance.meta);
          if (!meta) continue;
          const light = memoMetaProgress(model, doc, meta, trimestre).semaforo;
          if (light === 'amarillo' || light === 'rojo') offTarget.push(avance);
        }
      }
    }
    return [
      {
        id: 'metas_en_verde',
        nombre: 'Metas en verde al cierre del periodo',
        medicion: 'Metas con programación cuyo avance acumulado al último trimestre vencido está en verde en el semáforo.',
        numerador: measured.filter((s) => s === 'verde').length,
        denominador: measured.length,
      },
      {
        id: 'cobertura',
        nombre: 'Cobertura de la población objetivo',
        medicion: `PPCS con población objetivo cuyas personas atendidas en el año alcanzaron al menos el ${model.config.coberturaMinima} % de ella (cobertura_minima en plan.yaml). Cada persona cuenta una vez: vale «personas_unicas_anio» si un reporte la da; si no, la mayor de dos cifras: la suma de los trimestres con conteo «nuevas» y el trimestre más alto con conteo «atendidas».`,
        numerador: withPopulation.filter((doc) => (coverage(model, doc, year, dueQuarters.length) ?? 0) >= minimum).length,
        denominador: withPopulation.length,
      },
      {
        id: 'variaciones_justificadas',
        nombre: 'Variaciones justificadas',
        medicion: 'Avances trimestrales en amarillo o rojo que explican su variación en «justificacion_variacion» (regla PLAN026).',
        numerador: offTarget.filter((a) => (a.justificacion_variacion ?? '').trim() !== '').length,
        denominador: offTarget.length,
      },
    ];
  },
  action(sub, { year, model }) {
    switch (sub.id) {
      case 'metas_en_verde':
        return `Revisar la programación y la operación de las metas fuera de rango para llevarlas a verde (${sub.numerador} de ${sub.denominador} en verde al cierre de ${year}).`;
      case 'cobertura':
        return `Ampliar la cobertura de los PPCS hasta atender al menos el ${model.config.coberturaMinima} % de su población objetivo, priorizando a la población más urgente (${sub.numerador} de ${sub.denominador} PPCS lo lograron en ${year}).`;
      default:
        return `Explicar en cada reporte la variación de las metas en amarillo o rojo y acompañarla de evidencia (${sub.numerador} de ${sub.denominador} variaciones justificadas en ${year}).`;
    }
  },
};
