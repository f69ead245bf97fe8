import type { PlanModel } from '../../../model/model.js';
import { entryFor } from '../../../model/progress.js';
import type { Cumplimiento } from '../../../model/semaforo.js';
import type { Quarter, TrimestreId } from '../../../model/types.js';
import { empty, measured, pct, semaforoCell, text } from '../cell-text.js';
import { sentidoLabel, unitName } from '../labels.js';
import { progressOf, uniqueIds } from '../meta-history.js';
import type { Cell, Section } from '../types.js';
import { col, type Scope } from './scope.js';

interface DepartmentRows {
  rows: Cell[][];
  anchors: string[];
}

// The annual report shows each department's rows twice, in the metas table and on the
// department's page: built once per model, department and quarter, and shared (read only,
// as every row of a finished table).
const DEPARTMENT_ROWS = new WeakMap<PlanModel, Map<TrimestreId, Map<string, DepartmentRows>>>();

function departmentRows(model: PlanModel, clave: string, trimestre: TrimestreId): DepartmentRows {
  let byQuarter = DEPARTMENT_ROWS.get(model);
  if (!byQuarter) DEPARTMENT_ROWS.set(model, (byQuarter = new Map()));
  let byClave = byQuarter.get(trimestre);
  if (!byClave) byQuarter.set(trimestre, (byClave = new Map()));
  let part = byClave.get(clave);
  if (!part) byClave.set(clave, (part = buildDepartmentRows(model, clave, trimestre)));
  return part;
}

function buildDepartmentRows(model: PlanModel, clave: string, trimestre: TrimestreId): DepartmentRows {
  const rows: Cell[][] = [];
  const anchors: string[] = [];
  const report = model.reportFor(clave, trimestre);
  for (const doc of [...model.ppcsOf(clave)].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
    if (doc.data.estatus === 'cancelado') continue;
    for (const meta of doc.data.metas ?? []) {
      const p = progressOf(model, doc, meta, trimestre);
      // A figure the department never gave is said, not left as a blank that reads as zero.
      const missing = p.cumplimiento.kind === 'no_reportado' ? 'No reportado' : undefined;
      const missingYear = p.cumplimientoAcumulado.kind === 'no_reportado' ? 'No reportado' : undefined;
      const avance = (report && entryFor(report, doc.data.id))?.avances?.find((a) => a.meta === meta.id);
      anchors.push(`${doc.data.id}-${meta.id}`);
      rows.push([
        text(clave),
        text(doc.data.id),
        text(doc.data.nombre),
        text(meta.id),
        text(meta.indicador?.nombre ?? meta.descripcion),
        text(unitName(model, meta.indicador?.unidad_medida)),
        text(sentidoLabel(meta.indicador?.sentido)),
        optionalNumber(p.programado),
        optionalNumber(p.alcanzado, missing),
        cumplimientoCell(p.cumplimiento),
        semaforoCell(p.semaforo),
        optionalNumber(p.programadoAcumulado),
        optionalNumber(p.alcanzadoAcumulado, missingYear),
        cumplimientoCell(p.cumplimientoAcumulado),
        semaforoCell(p.semaforoAcumulado),
        p.avanceAnual === undefined ? empty(missingYear) : pct(p.avanceAnual),
        avance?.justificacion_variacion ? text(avance.justificacion_variacion) : empty(''),
      ]);
    }
  }
  return { rows, anchors };
}

export function cumplimientoCell(result: Cumplimiento): Cell {
  switch (result.kind) {
    case 'medido':
      return pct(result.porcentaje / 100);
    case 'sin_programacion':
      return empty('Sin programación');
    case 'sin_reporte':
      return empty('Sin valor en el reporte');
    case 'no_reportado':
      return empty('No reportado');
    case 'pendiente':
      return empty('Pendiente');
    case 'alcanzado_cero':
      return empty('Alcanzado 0');
  }
}

const optionalNumber = (value: number | undefined, note?: string): Cell => (value === undefined ? empty(note) : measured(value));

/** Every meta of the departments' PPCS (not cancelled): programmed vs achieved in the quarter and cumulatively; each row anchored `OP-01-M1`. */
export function metasSection({ model, year, claves }: Scope, quarter: Quarter): Section {
  const trimestre: TrimestreId = `${year}-${quarter}`;
  const rows: Cell[][] = [];
  const anchors: string[] = [];
  for (const clave of claves) {
    const part = departmentRows(model, clave, trimestre);
    for (const row of part.rows) rows.push(row);
    for (const anchor of part.anchors) anchors.push(anchor);
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
      rowIds: uniqueIds(anchors),
    },
    notes: [
      'Cumplimiento = alcanzado ÷ programado × 100; en indicadores descendentes, programado ÷ alcanzado × 100.',
      `Semáforo (plan.yaml): verde de ${verde_min} % a ${verde_max} %; amarillo de ${amarillo_min} % a ${verde_min} % o de ${verde_max} % a ${amarillo_max} %; rojo fuera de esos rangos; una meta puede fijar sus propias bandas. Rebasar la meta también aleja del verde, porque señala una programación deficiente. Las bandas son decisión de Planeación, no una norma nacional.`,
      'Sin meta: no hay valor programado para el periodo.',
      'No reportado: el trimestre ya venció y la dependencia no entregó su reporte; nunca cuenta como verde.',
      'Acumulado: lo programado desde T1 hasta el trimestre, contra lo alcanzado en los trimestres reportados. Un trimestre sin reporte no suma nada con acumulación «suma»; con «último valor» cuenta el último valor reportado y con «promedio», el promedio de los trimestres reportados. No se recorta al último trimestre reportado.',
      `Programación de ${year}: la de la entrada «ejercicios» de ${year} de la meta en su carátula (programación, meta anual, meta ajustada y ajuste), si la tiene; si no, la programación y la meta anual generales de la carátula.`,
      'Meta ajustada: sólo cuando Planeación aprobó el ajuste («ajuste.aprobo» en la carátula) sustituye a la meta anual en todas las cifras; la programación de cada trimestre es entonces la de «ajuste.programacion» o, si no se da, la original multiplicada por meta ajustada ÷ meta anual.',
      'Avance sobre meta anual: alcanzado acumulado ÷ meta vigente (la ajustada aprobada, si la hay; si no, la anual); en indicadores descendentes de nivel (tiempos, tasas), meta ÷ alcanzado.',
    ],
  };
}
