import { metaProgress } from '../../../model/meta-progress.js';
import type { Cumplimiento } from '../../../model/semaforo.js';
import type { Quarter, TrimestreId } from '../../../model/types.js';
import { empty, measured, pct, semaforoCell, text } from '../cell-text.js';
import { sentidoLabel, unitName } from '../labels.js';
import type { Cell, Section } from '../types.js';
import { col, type Scope } from './scope.js';

function cumplimientoCell(result: Cumplimiento): Cell {
  switch (result.kind) {
    case 'medido':
      return pct(result.porcentaje / 100);
    case 'sin_programacion':
      return empty('Sin programación');
    case 'sin_reporte':
      return empty('No reportado');
    case 'alcanzado_cero':
      return empty('Alcanzado 0');
  }
}

const optionalNumber = (value: number | undefined): Cell => (value === undefined ? empty() : measured(value));

/** Every meta of the departments' PPCS (not cancelled): programmed vs achieved in the quarter and cumulatively. */
export function metasSection({ model, year, claves }: Scope, quarter: Quarter): Section {
  const trimestre: TrimestreId = `${year}-${quarter}`;
  const rows: Cell[][] = [];
  for (const clave of claves) {
    const report = model.reportFor(clave, trimestre);
    for (const doc of [...model.ppcsOf(clave)].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
      if (doc.data.estatus === 'cancelado') continue;
      for (const meta of doc.data.metas ?? []) {
        const p = metaProgress(model, doc, meta, trimestre);
        const avance = report?.data.ppcs.find((e) => e.id === doc.data.id)?.avances?.find((a) => a.meta === meta.id);
        rows.push([
          text(clave),
          text(doc.data.id),
          text(doc.data.nombre),
          text(meta.id),
          text(meta.indicador?.nombre ?? meta.descripcion),
          text(unitName(model, meta.indicador?.unidad_medida)),
          text(sentidoLabel(meta.indicador?.sentido)),
          optionalNumber(p.programado),
          optionalNumber(p.alcanzado),
          cumplimientoCell(p.cumplimiento),
          semaforoCell(p.semaforo),
          optionalNumber(p.programadoAcumulado),
          optionalNumber(p.alcanzadoAcumulado),
          cumplimientoCell(p.cumplimientoAcumulado),
          semaforoCell(p.semaforoAcumulado),
          p.avanceAnual === undefined ? empty() : pct(p.avanceAnual),
          avance?.justificacion_variacion ? text(avance.justificacion_variacion) : empty(''),
        ]);
      }
    }
  }
  const { verde_min, verde_max, amarillo_min, amarillo_max } = model.config.semaforo;
  return {
    id: 'metas',
    sheet: 'Metas',
    title: `Avance de metas ${trimestre}`,
    intro: 'Valor programado y alcanzado de cada meta en el trimestre y acumulado en el año, según la acumulación de su indicador (suma, último valor o promedio), con su semáforo de cumplimiento.',
    table: {
      columns: [
        col('Dependencia', 'text'),
        col('PPCS', 'text'),
        col('Nombre del PPCS', 'text'),
        col('Meta', 'text'),
        col('Indicador', 'text'),
        col('Unidad', 'text'),
        col('Sentido', 'text'),
        col('Programado trimestre', 'number'),
        col('Alcanzado trimestre', 'number'),
        col('Cumplimiento trimestre', 'percent'),
        col('Semáforo trimestre', 'semaforo'),
        col('Programado acumulado', 'number'),
        col('Alcanzado acumulado', 'number'),
        col('Cumplimiento acumulado', 'percent'),
        col('Semáforo acumulado', 'semaforo'),
        col('Avance sobre meta anual', 'percent'),
        col('Justificación de la variación', 'text'),
      ],
      rows,
    },
    notes: [
      'Cumplimiento = alcanzado ÷ programado × 100; en indicadores descendentes, programado ÷ alcanzado × 100.',
      `Semáforo (plan.yaml): verde de ${verde_min} % a ${verde_max} %; amarillo de ${amarillo_min} % a ${verde_min} % o de ${verde_max} % a ${amarillo_max} %; rojo fuera de esos rangos; una meta puede fijar sus propias bandas. Rebasar la meta también aleja del verde, porque señala una programación deficiente. Las bandas son decisión de Planeación, no una norma nacional.`,
      'Sin meta: no hay valor programado para el periodo.',
      'Cuando falta un reporte, el acumulado compara lo programado y lo alcanzado hasta el último trimestre reportado.',
      'Avance sobre meta anual: alcanzado ÷ meta anual (o ajustada, si se ajustó); en indicadores descendentes de nivel (tiempos, tasas), meta ÷ alcanzado.',
    ],
  };
}
