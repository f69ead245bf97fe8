import { coveragePeople } from '../../../model/beneficiaries.js';
import { isUnreported } from '../../../model/meta-progress.js';
import { parseTrimestre } from '../../../model/model.js';
import { QUARTERS, type TrimestreId } from '../../../model/types.js';
import { beneficiariesIn, collaborationCounts } from '../../metrics/people.js';
import { empty, int, pct, text } from '../cell-text.js';
import { departmentName } from '../labels.js';
import type { Cell, Section } from '../types.js';
import { col, type Scope } from './scope.js';

export function beneficiariesSection({ model, claves }: Scope, trimestres: TrimestreId[], label: string): Section {
  const gaps: string[] = [];
  // Over several quarters the quarterly totals are attentions, not people: the same person
  // served in two quarters appears twice. The year's distinct people come from coveragePeople.
  const yearly = trimestres.length > 1;
  const last = trimestres[trimestres.length - 1];
  const distinctPeople = (clave: string) => {
    if (!last) return 0;
    const { year, quarter } = parseTrimestre(last);
    return model
      .ppcsOf(clave)
      .filter((doc) => doc.data.estatus !== 'cancelado')
      .reduce((sum, doc) => sum + (coveragePeople(model, doc, year, QUARTERS.indexOf(quarter) + 1)?.personas ?? 0), 0);
  };
  const rows = claves.map((clave) => {
    const missing = trimestres.filter((t) => isUnreported(model, clave, t));
    const delivered = trimestres.filter((t) => model.deliveredReport(clave, t));
    // A department that delivered nothing served no one as far as the report can tell, but a
    // 0 would say it did report and served nobody: say it did not deliver, or that its
    // report is not due yet.
    if (delivered.length === 0 && trimestres.length > 0) {
      const gap = empty(missing.length > 0 ? 'No entregó' : 'Pendiente');
      return [text(clave), text(departmentName(model, clave)), ...(yearly ? [gap] : []), gap, gap, gap, gap, gap];
    }
    if (missing.length > 0) gaps.push(`${clave} (${missing.join(', ')})`);
    const total = { total: 0, mujeres: 0, hombres: 0, sinDesagregar: 0 };
    for (const t of trimestres) {
      const b = beneficiariesIn(model, clave, t);
      total.total += b.total;
      total.mujeres += b.mujeres;
      total.hombres += b.hombres;
      total.sinDesagregar += b.sinDesagregar;
    }
    const split = total.mujeres + total.hombres;
    return [text(clave), text(departmentName(model, clave)), ...(yearly ? [int(distinctPeople(clave))] : []), int(total.total), int(total.mujeres), int(total.hombres), split === 0 ? empty() : pct(total.mujeres / split), int(total.sinDesagregar)];
  });
  return {
    id: 'beneficiarios',
    sheet: 'Beneficiarios',
    title: `Personas beneficiarias ${label}`,
    intro: 'Personas atendidas según los reportes trimestrales, desagregadas por sexo.',
    table: {
      columns: [
        col('Clave', 'text'),
        col('Dependencia', 'text'),
        ...(yearly ? [col('Personas distintas en el año', 'int'), col('Atenciones (suma de los trimestres)', 'int')] : [col('Total', 'int')]),
        col('Mujeres', 'int'),
        col('Hombres', 'int'),
        col('% mujeres', 'percent'),
        col('PPCS sin desagregar', 'int'),
      ],
      rows,
    },
    notes: [
      ...(yearly
        ? [
            '«Personas distintas en el año» suma, por PPCS, a cada persona una sola vez: el conteo de personas únicas del año («personas_unicas_anio») cuando un reporte lo da; si no, el mayor entre la suma de los trimestres declarados como personas nuevas («conteo: nuevas») y el trimestre más grande de personas atendidas a la vez («atendidas», el valor por omisión).',
            '«Atenciones» suma los totales de los trimestres: una persona atendida en dos trimestres cuenta dos veces; mujeres y hombres son también atenciones.',
          ]
        : []),
      '«PPCS sin desagregar» cuenta las entradas de reporte cuyo total no se dividió en mujeres y hombres; sus personas sólo suman en el total.',
      `«${yearly ? 'Atenciones' : 'Total'}» incluye a las personas cuyo sexo no se registró («no_especificado»), que no suman en mujeres ni en hombres.`,
      '«No entregó»: la dependencia no entregó ningún reporte vencido del periodo; no es un cero. «Pendiente»: la ventana de entrega aún no cierra y el reporte no ha llegado.',
      ...(gaps.length > 0 ? [`Con reportes vencidos sin entregar (sus cifras cubren sólo los trimestres entregados): ${gaps.join('; ')}.`] : []),
    ],
  };
}

/**
 * The pairs of departments that collaborated: one row per (department, department it named)
 * with how many report entries name it. Only pairs that exist: a department × department
 * matrix grows with the square of the departments (1,000 departments were a million cells,
 * almost all zero), this list with the collaborations reported.
 */
export function collaborationsSection({ model, claves }: Scope, trimestres: TrimestreId[], label: string): Section {
  const counts = collaborationCounts(model, trimestres);
  const rows: Cell[][] = [];
  const without: string[] = [];
  for (const from of claves) {
    const named = counts.get(from);
    if (!named || named.size === 0) {
      without.push(from);
      continue;
    }
    for (const to of [...named.keys()].sort()) rows.push([text(from), text(to), int(named.get(to)!)]);
  }
  return {
    id: 'colaboraciones',
    sheet: 'Colaboraciones',
    title: `Colaboraciones entre dependencias ${label}`,
    intro: 'Cada par de dependencias en el que la primera refirió en sus reportes haber colaborado con la segunda en algún PPCS, con el número de entradas de reporte que la nombran. Sólo aparecen los pares con colaboraciones.',
    table: { columns: [col('Dependencia', 'text'), col('Colaboró con', 'text'), col('Entradas de reporte', 'int')], rows },
    ...(without.length > 0 ? { notes: [`Sin colaboraciones referidas en sus reportes: ${without.join(', ')}.`] } : {}),
  };
}
