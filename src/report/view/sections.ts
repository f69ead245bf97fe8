// Section builders shared by the quarterly and annual views. Each returns a finished,
// ordered table; the renderers only format it.
import type { Diagnostic, Justification } from '../../diagnostics/diagnostic.js';
import { dayMonthYear } from '../../i18n/text.js';
import type { PlanModel } from '../../model/model.js';
import { QUARTERS, type Quarter, type TrimestreId } from '../../model/types.js';
import { deliveryStatus } from '../metrics/delivery.js';
import { metaProgress } from '../../model/meta-progress.js';
import type { Cumplimiento } from '../../model/semaforo.js';
import { nextTrimestre, pendingFeedback } from '../metrics/feedback.js';
import { beneficiariesIn, collaborationCounts } from '../metrics/people.js';
import { date, empty, int, light, measured, pct, text } from './cell-text.js';
import { deliveryLabel, departmentName, followUpLabel, sentidoLabel, unitName } from './labels.js';
import type { Cell, Column, Section } from './types.js';

export interface Scope {
  model: PlanModel;
  year: number;
  /** Departments shown, in clave order (one with --dependencia). */
  claves: string[];
}

const col = (header: string, kind: Column['kind']): Column => ({ header, kind });

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

/** Department × quarter matrix of delivery status, through `through`. */
export function deliveriesSection({ model, year, claves }: Scope, through: Quarter): Section {
  const quarters = QUARTERS.slice(0, QUARTERS.indexOf(through) + 1);
  const rows = claves.map((clave) => {
    const statuses = quarters.map((q) => deliveryStatus(model, clave, year, q));
    const last = statuses[statuses.length - 1]!;
    return [
      text(clave),
      text(departmentName(model, clave)),
      ...statuses.map((s) => text(deliveryLabel(s))),
      'fecha' in last ? date(last.fecha) : empty('Sin fecha'),
    ];
  });
  const windows = quarters.map((q) => {
    const w = model.calendar.deliveryWindow(year, q);
    return `${q}: ${w.days.length} días hábiles del ${w.start.slice(8)}/${w.start.slice(5, 7)} al ${w.end.slice(8)}/${w.end.slice(5, 7)}`;
  });
  return {
    id: 'entregas',
    sheet: 'Entregas',
    title: 'Entrega de reportes trimestrales',
    intro: 'Estado de entrega de cada reporte trimestral (Anexos 3 y 4) respecto de su ventana de entrega; los días de diferencia se cuentan en días hábiles.',
    table: {
      columns: [col('Clave', 'text'), col('Dependencia', 'text'), ...quarters.map((q) => col(`${year}-${q}`, 'text')), col(`Fecha de entrega ${year}-${through}`, 'date')],
      rows,
    },
    notes: [`Ventanas de entrega ${year}: ${windows.join('; ')}.`],
  };
}

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
          light(p.semaforo),
          optionalNumber(p.programadoAcumulado),
          optionalNumber(p.alcanzadoAcumulado),
          cumplimientoCell(p.cumplimientoAcumulado),
          light(p.semaforoAcumulado),
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

export function beneficiariesSection({ model, claves }: Scope, trimestres: TrimestreId[], label: string): Section {
  const rows = claves.map((clave) => {
    const total = { total: 0, mujeres: 0, hombres: 0, sinDesagregar: 0 };
    for (const t of trimestres) {
      const b = beneficiariesIn(model, clave, t);
      total.total += b.total;
      total.mujeres += b.mujeres;
      total.hombres += b.hombres;
      total.sinDesagregar += b.sinDesagregar;
    }
    const split = total.mujeres + total.hombres;
    return [text(clave), text(departmentName(model, clave)), int(total.total), int(total.mujeres), int(total.hombres), split === 0 ? empty() : pct(total.mujeres / split), int(total.sinDesagregar)];
  });
  return {
    id: 'beneficiarios',
    sheet: 'Beneficiarios',
    title: `Personas beneficiarias ${label}`,
    intro: 'Personas atendidas según los reportes trimestrales, desagregadas por sexo.',
    table: {
      columns: [col('Clave', 'text'), col('Dependencia', 'text'), col('Total', 'int'), col('Mujeres', 'int'), col('Hombres', 'int'), col('% mujeres', 'percent'), col('PPCS sin desagregar', 'int')],
      rows,
    },
    notes: ['«PPCS sin desagregar» cuenta las entradas de reporte cuyo total no se dividió en mujeres y hombres; sus personas sólo suman en el total.'],
  };
}

/** Department × department: how many report entries of the row department name the column one. */
export function collaborationsSection({ model, claves }: Scope, trimestres: TrimestreId[], label: string): Section {
  const all = model.departmentClaves();
  const counts = collaborationCounts(model, trimestres);
  const rows = claves.map((from) => [text(from), ...all.map((to) => (to === from ? empty('—') : int(counts.get(from)?.get(to) ?? 0)))]);
  return {
    id: 'colaboraciones',
    sheet: 'Colaboraciones',
    title: `Colaboraciones entre dependencias ${label}`,
    intro: 'Veces que cada dependencia (fila) refirió en sus reportes haber colaborado con otra (columna) en algún PPCS.',
    table: { columns: [col('Dependencia', 'text'), ...all.map((c) => col(c, 'int'))], rows },
  };
}

/** Observations not attended in time, and those still to be answered. */
export function feedbackSection({ model, claves }: Scope, trimestre: TrimestreId): Section {
  const { overdue, upcoming } = pendingFeedback(model, claves, trimestre);
  const rows = [...overdue, ...upcoming].map((f) => [
    text(f.observacion.id),
    text(f.observacion.dependencia),
    f.observacion.ppcs ? text(f.observacion.ppcs) : empty(''),
    text(f.observacion.texto),
    text(f.esperado),
    text(followUpLabel(f)),
  ]);
  return {
    id: 'retroalimentacion',
    sheet: 'Retroalimentación',
    title: 'Retroalimentación pendiente',
    intro: `Observaciones de Planeación que debían atenderse a más tardar en ${trimestre} y no se atendieron a tiempo, y las emitidas sobre los reportes de ${trimestre}, que deben atenderse en ${nextTrimestre(trimestre)}.`,
    table: {
      columns: [col('Observación', 'text'), col('Dependencia', 'text'), col('PPCS', 'text'), col('Observación emitida', 'text'), col('Debía atenderse en', 'text'), col('Estado', 'text')],
      rows,
    },
  };
}

function justificationText(j: Justification): string {
  const approval = [j.approvedBy, j.date ? dayMonthYear(j.date) : undefined].filter(Boolean).join(', ');
  return approval ? `${j.reason} (aprobó: ${approval})` : j.reason;
}

const QUARTER_FILE = /(?:^|\/)(\d{4}-T[1-4])\.yaml$/;

/**
 * The validation findings: those in the departments' own files and, from Planeación's
 * files, those naming the department. A quarterly view leaves out reports and feedback
 * rounds of later quarters (`upTo`).
 */
export function findingsSection(diagnostics: readonly Diagnostic[], claves: string[], all: boolean, upTo?: TrimestreId): Section {
  const concerns = (d: Diagnostic) =>
    all || claves.some((c) => d.file.startsWith(`dependencias/${c}/`) || (d.file.startsWith('planeacion/') && d.about?.dependencia === c));
  const inPeriod = (d: Diagnostic) => !upTo || (QUARTER_FILE.exec(d.file)?.[1] ?? upTo) <= upTo;
  const relevant = diagnostics.filter((d) => concerns(d) && inPeriod(d));
  return {
    id: 'hallazgos',
    sheet: 'Hallazgos',
    title: 'Hallazgos de la validación',
    intro: 'Advertencias de «plan validate»: hallazgos de cumplimiento que no impiden aceptar los datos, pero cuentan en la evaluación. Los justificados siguen a la vista con su motivo, y no cuentan.',
    table: {
      columns: [col('Archivo', 'text'), col('Línea', 'int'), col('Regla', 'text'), col('Severidad', 'text'), col('Hallazgo', 'text'), col('Qué hacer', 'text'), col('Justificación aceptada', 'text')],
      rows: relevant.map((d) => [
        text(d.file),
        int(d.line),
        text(d.rule),
        text(d.justification ? 'Justificado' : d.severity === 'error' ? 'Error' : 'Advertencia'),
        text(d.message),
        d.hint ? text(d.hint) : empty(''),
        d.justification ? text(justificationText(d.justification)) : empty(''),
      ]),
    },
  };
}
