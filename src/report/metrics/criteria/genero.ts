import { splitBySex } from '../../../model/beneficiaries.js';
import { activeEntries, reportsOfYear, type Criterion } from './criterion.js';

export const genero: Criterion = {
  clave: 'perspectiva_genero',
  nombre: 'Implementación de la Perspectiva de Género',
  recursos: 'Gestión y trabajo institucional',
  dimension: 'Estratégica',
  subindicators(context) {
    const { model, clave, year, vigentes } = context;
    const reports = reportsOfYear(context);
    const applied = new Set(reports.flatMap((r) => r.data.ppcs.flatMap((entry) => entry.recomendaciones_genero_aplicadas ?? [])));
    const addressed = model.genero
      .filter((doc) => doc.data.ejercicio === year)
      .flatMap((doc) => doc.data.recomendaciones)
      .filter((r) => r.dependencias.includes(clave) && r.fecha <= model.fechaCorte);
    const genderIds = new Set(vigentes.filter((doc) => doc.data.perspectiva_genero?.aplica).map((doc) => doc.data.id));
    const entries = activeEntries(context, genderIds);
    return [
      {
        id: 'recomendaciones_aplicadas',
        nombre: 'Recomendaciones de género aplicadas',
        medicion: 'Recomendaciones de perspectiva de género dirigidas a la dependencia que algún reporte del año informa como aplicadas.',
        numerador: addressed.filter((r) => applied.has(r.id)).length,
        denominador: addressed.length,
      },
      {
        id: 'datos_por_sexo',
        nombre: 'Beneficiarios desagregados por sexo',
        medicion: 'Entradas de reporte de PPCS con perspectiva de género que desagregan sus beneficiarios en mujeres y hombres (puede quedar una parte de sexo no especificado en «no_especificado»).',
        numerador: entries.filter((e) => e.beneficiarios !== undefined && splitBySex(e.beneficiarios)).length,
        denominador: entries.length,
      },
    ];
  },
  action(sub, { year }) {
    return sub.id === 'recomendaciones_aplicadas'
      ? `Participar y aplicar las recomendaciones de perspectiva de género que se hagan llegar al área, e informarlo en el reporte trimestral (${sub.numerador} de ${sub.denominador} aplicadas en ${year}).`
      : `Desagregar por sexo a las personas beneficiarias de los PPCS con perspectiva de género (${sub.numerador} de ${sub.denominador} reportes lo hicieron en ${year}).`;
  },
};
