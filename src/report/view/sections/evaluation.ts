// The annual evaluation's own tables, built from each department's evaluation: the scores per
// criterion, the comparison with the previous evaluation, the sub-indicators behind each score,
// and next year's Plan de Mejora. The annual view shows them for every department, and each
// department's page for that department alone.
import { CRITERIA } from '../../metrics/criteria/index.js';
import { ratio } from '../../metrics/criteria/criterion.js';
import type { DepartmentEvaluation } from '../../metrics/evaluation.js';
import { date, empty, int, num, pct, text } from '../cell-text.js';
import type { Cell, Section } from '../types.js';

const score = (value: number | undefined): Cell => (value === undefined ? empty('No aplica') : num(value, 1));

export function criteriaSection(evaluations: DepartmentEvaluation[], year: number): Section {
  return {
    id: 'criterios',
    sheet: 'Criterios',
    title: 'Puntaje por criterio',
    intro: 'Puntaje de 0 a 100 en cada criterio del Plan de Mejora, total ponderado con los pesos de la rúbrica, grado de desarrollo institucional y tipo de Plan de Mejora que origina.',
    table: {
      columns: [
        { header: 'Clave', kind: 'text' },
        { header: 'Dependencia', kind: 'text' },
        ...CRITERIA.map((c) => ({ header: c.nombre, kind: 'number' as const })),
        { header: 'Total', kind: 'number' },
        { header: 'Grado', kind: 'text' },
        { header: 'Tipo de Plan de Mejora', kind: 'text' },
        { header: `Evaluación ${year - 1}`, kind: 'number' },
        { header: `Grado ${year - 1}`, kind: 'text' },
        { header: 'Cambio', kind: 'number' },
      ],
      rows: evaluations.map((e) => [
        text(e.clave),
        text(e.nombre),
        ...e.criterios.map((c) => score(c.puntaje)),
        num(e.total, 1),
        text(e.grado.grado),
        text(e.grado.tipo_plan),
        e.lineaBase ? num(e.lineaBase.puntaje, 1) : empty('Sin evaluación'),
        e.lineaBase ? text(e.lineaBase.grado) : empty('Sin evaluación'),
        e.cambio === undefined ? empty('No aplica') : num(e.cambio, 1),
      ]),
    },
    notes: ['Total = Σ (peso × puntaje) ÷ Σ pesos, sobre los criterios que aplican; un criterio sin nada que medir («No aplica») no cuenta ni a favor ni en contra.'],
  };
}

/**
 * Each criterion beside its score in the previous year's evaluation, when that evaluation
 * recorded scores per criterion; notes say where it did not, or scored fewer criteria.
 */
export function baselineSection(evaluations: DepartmentEvaluation[], year: number): Section {
  const before = year - 1;
  const rows: Cell[][] = [];
  const notes: string[] = [];
  for (const e of evaluations) {
    if (!e.lineaBase) {
      notes.push(`${e.clave}: no hay evaluación ${before} registrada en su dependencia.yaml («evaluaciones» → ${before}); no hay con qué comparar.`);
      continue;
    }
    if (!e.lineaBase.criterios) {
      notes.push(`${e.clave}: la evaluación ${before} registra sólo el total (${e.lineaBase.puntaje}, ${e.lineaBase.grado}), sin puntaje por criterio; se compara sólo el total.`);
      continue;
    }
    for (const c of e.criterios) {
      rows.push([
        text(e.clave),
        text(c.criterion.nombre),
        score(c.puntaje),
        c.lineaBase === undefined ? empty(`No evaluado en ${before}`) : num(c.lineaBase, 1),
        c.cambio === undefined ? empty('No aplica') : num(c.cambio, 1),
      ]);
    }
    const missing = e.criteriosSinLineaBase ?? [];
    if (missing.length > 0) {
      const names = e.criterios.filter((c) => missing.includes(c.criterion.clave)).map((c) => c.criterion.nombre);
      notes.push(
        `${e.clave}: la evaluación ${before} calificó ${CRITERIA.length - missing.length} de los ${CRITERIA.length} criterios; no incluyó ${names.join(', ')}. Su cambio no se calcula, y el total ${before} no se compara criterio por criterio con el de ${year}.`,
      );
    }
  }
  return {
    id: 'linea-base',
    sheet: `Comparación ${before}`,
    title: `Comparación por criterio con la evaluación ${before}`,
    intro: `Puntaje de cada criterio en ${year} frente al registrado en la evaluación ${before} (línea base en «evaluaciones» de dependencia.yaml); Cambio = puntaje ${year} − puntaje ${before}.`,
    table: {
      columns: [
        { header: 'Clave', kind: 'text' },
        { header: 'Criterio', kind: 'text' },
        { header: `Puntaje ${year}`, kind: 'number' },
        { header: `Puntaje ${before}`, kind: 'number' },
        { header: 'Cambio', kind: 'number' },
      ],
      rows,
    },
    ...(notes.length > 0 ? { notes } : {}),
  };
}

export function subindicatorsSection(evaluations: DepartmentEvaluation[]): Section {
  const rows: Cell[][] = [];
  for (const e of evaluations) {
    for (const c of e.criterios) {
      for (const sub of c.subindicadores) {
        const value = ratio(sub);
        rows.push([
          text(e.clave),
          text(c.criterion.nombre),
          int(c.peso),
          score(c.puntaje),
          text(sub.nombre),
          int(sub.numerador),
          int(sub.denominador),
          value === undefined ? empty('No aplica') : pct(value),
          text(sub.medicion),
        ]);
      }
    }
  }
  return {
    id: 'subindicadores',
    sheet: 'Subindicadores',
    title: 'Cómo se obtuvo cada puntaje',
    intro: 'Cada criterio es el promedio de sus subindicadores (numerador ÷ denominador) que aplican; así cada dependencia puede ver por qué obtuvo su puntaje.',
    table: {
      columns: [
        { header: 'Dependencia', kind: 'text' },
        { header: 'Criterio', kind: 'text' },
        { header: 'Peso del criterio', kind: 'int' },
        { header: 'Puntaje del criterio', kind: 'number' },
        { header: 'Subindicador', kind: 'text' },
        { header: 'Numerador', kind: 'int' },
        { header: 'Denominador', kind: 'int' },
        { header: 'Valor', kind: 'percent' },
        { header: 'Cómo se mide', kind: 'text' },
      ],
      rows,
    },
  };
}

export function planSection(evaluations: DepartmentEvaluation[], planYear: number): Section {
  const criterionName = new Map(CRITERIA.map((c) => [c.clave, c.nombre]));
  return {
    id: 'plan-siguiente',
    sheet: `Plan de Mejora ${planYear}`,
    title: `Plan de Mejora ${planYear}`,
    intro: `Acciones propuestas para ${planYear} en los criterios más débiles de cada dependencia, en la forma de la tabla del Plan de Mejora (Criterio, Acción, Recursos, Dimensión), con el área responsable, el plazo, la meta de la acción y su medio de verificación. El texto de cada acción y su plazo dependen del tipo de plan que da el grado.`,
    table: {
      columns: [
        { header: 'Dependencia', kind: 'text' },
        { header: 'Tipo de plan', kind: 'text' },
        { header: 'Criterio', kind: 'text' },
        { header: 'Acción', kind: 'text' },
        { header: 'Recursos', kind: 'text' },
        { header: 'Dimensión', kind: 'text' },
        { header: 'Responsable', kind: 'text' },
        { header: 'Plazo', kind: 'date' },
        { header: 'Meta', kind: 'text' },
        { header: 'Medio de verificación', kind: 'text' },
      ],
      rows: evaluations.flatMap((e) =>
        e.planSiguiente.map((a) => [
          text(e.clave),
          text(e.grado.tipo_plan),
          text(criterionName.get(a.criterio) ?? a.criterio),
          text(a.accion),
          text(a.recursos),
          text(a.dimension),
          a.responsable === undefined ? empty() : text(a.responsable),
          a.plazo === undefined ? empty() : date(a.plazo),
          a.meta === undefined ? empty() : text(a.meta),
          a.medio_verificacion === undefined ? empty() : text(a.medio_verificacion),
        ]),
      ),
    },
    notes: [
      'Plazo: las acciones que se miden en cada reporte trimestral (entregas, avances, cobertura, datos por sexo) vencen el 31 de diciembre, cuando llega el último reporte del año; las que se hacen una vez (carátulas, estatus, participación, recomendaciones) vencen al cierre de un trimestre según el tipo de plan: Reestructuración, 31 de marzo; Fortalecimiento, 30 de junio; Consolidación, 30 de septiembre; Innovación, 31 de diciembre (un tipo que la rúbrica nombre de otro modo, 30 de junio).',
      `Con «plan report --anual --escribir-plan» cada dependencia recibe este plan como bloque YAML para copiar en «planes_de_mejora» de su dependencia.yaml.`,
    ],
  };
}
