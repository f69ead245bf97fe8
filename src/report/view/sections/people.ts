import { coveragePeople } from '../../../model/beneficiaries.js';
import { isUnreported } from '../../../model/meta-progress.js';
import { parseTrimestre } from '../../../model/model.js';
import { QUARTERS, type TrimestreId } from '../../../model/types.js';
import { beneficiariesIn, collaborationCounts } from '../../metrics/people.js';
import { empty, int, pct, text } from '../cell-text.js';
import { departmentName } from '../labels.js';
import type { Section } from '../types.js';
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
    // A department that delivered nothing served no one as far as the report can tell, but a
    // 0 would say it did report and served nobody: say it did not deliver.
    if (missing.length === trimestres.length && missing.length > 0) {
      const gap = empty('No entregó');
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
      '«No entregó»: la dependencia no entregó ningún reporte vencido del periodo; no es un cero.',
      ...(gaps.length > 0 ? [`Con reportes vencidos sin entregar (sus cifras cubren sólo los trimestres entregados): ${gaps.join('; ')}.`] : []),
    ],
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
