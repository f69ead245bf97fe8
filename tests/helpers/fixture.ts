// Builds small plan repos in temp folders. A fixture is a map of repo-relative paths to
// content: objects are written as YAML, strings and bytes as they are.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterEach, expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Lang } from '../../src/i18n/text.js';
import { loadPlan } from '../../src/load.js';
import type { Rule } from '../../src/rules/rule.js';
import { placeFindings, runRules, validatePlan } from '../../src/validate.js';
import { scopeViolations } from './scope.js';

export type FileContent = string | Uint8Array | object;
export type Files = Record<string, FileContent>;

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Serialises a fixture file the way a department would write it. */
export function render(content: FileContent): string | Uint8Array {
  if (typeof content === 'string' || content instanceof Uint8Array) return content;
  return stringify(content, { lineWidth: 0 });
}

export function writeRepo(files: Files): string {
  const root = mkdtempSync(path.join(tmpdir(), 'plan-test-'));
  created.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(root, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, render(content));
  }
  return root;
}

/** 1-based line of the first line of a fixture file containing `needle` (after `after`, if given). */
export function lineOf(files: Files, file: string, needle: string, after?: string): number {
  const text = render(files[file]!);
  const lines = (typeof text === 'string' ? text : new TextDecoder().decode(text)).split('\n');
  const start = after ? lines.findIndex((l) => l.includes(after)) : 0;
  if (start < 0) throw new Error(`fixture ${file} has no line with ${after}`);
  const index = lines.findIndex((l, i) => i >= start && l.includes(needle));
  if (index < 0) throw new Error(`fixture ${file} has no line with ${needle}`);
  return index + 1;
}

export interface RunOptions {
  fechaCorte?: string;
  lang?: Lang;
}

/** The whole pipeline (load, schemas, every registered rule) over a fixture. */
export function validateFiles(files: Files, options: RunOptions = {}): Diagnostic[] {
  const root = writeRepo(files);
  return validatePlan(root, { lang: options.lang ?? 'es', fechaCorte: options.fechaCorte ?? DEFAULT_CUTOFF }).diagnostics;
}

/** Loading findings plus one rule's findings, so a rule's test sees only what it reports. */
export function checkRule(rule: Rule, files: Files, options: RunOptions = {}): Diagnostic[] {
  const root = writeRepo(files);
  const lang = options.lang ?? 'es';
  const loaded = loadPlan(root, { lang, fechaCorte: options.fechaCorte ?? DEFAULT_CUTOFF });
  // Every fixture of a rule with a scope holds it to its contract as well.
  if (rule.meta.scope) expect(scopeViolations(loaded, rule, lang)).toEqual([]);
  const findings = [...loaded.findings, ...runRules(loaded.model, lang, [rule])];
  return placeFindings(findings, loaded.sources, loaded.model.config);
}

/** Compact form for exact assertions: `PLAN020 dependencias/OP/reportes/2019-T1.yaml:12`. */
export function where(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`);
}

/** After T1's window (2019-03-25..29) and before T2's: only 2019-T1 is due. */
export const DEFAULT_CUTOFF = '2019-04-15';

/**
 * A small municipality that passes every rule with the default cut-off: two departments
 * sharing one PPCS each, both delivering 2019-T1 on time with complete data.
 * Returns fresh objects, so a test can change one field and expect one finding.
 */
export function baseRepo(): Files & Record<string, any> {
  return {
    'plan.yaml': {
      municipio: 'San Pedro Ejemplo',
      estado: 'Morelos',
      administracion: { inicio: 2018, fin: 2021 },
      ejercicio: 2019,
      entrega_reportes: { dias_habiles: 5, ventana: 'fin_de_trimestre' },
      dias_inhabiles: { federales: true, adicionales: [] },
    },
    'catalogos/unidades-de-medida.yaml': {
      unidades: [
        { clave: 'km', nombre: 'Kilómetro', validada: true },
        { clave: 'persona', nombre: 'Persona', validada: true },
        { clave: 'porcentaje', nombre: 'Porcentaje', validada: true, es_porcentaje: true },
        { clave: 'taller', nombre: 'Taller', validada: false },
      ],
    },
    'dependencias/OP/dependencia.yaml': department('OP', 'Dirección de Obras Públicas'),
    'dependencias/DIF/dependencia.yaml': department('DIF', 'Sistema Municipal DIF'),
    'dependencias/OP/ppcs/OP-01.yaml': {
      id: 'OP-01',
      tipo: 'programa',
      nombre: 'Pavimentación de calles en colonias populares',
      estatus: 'activo',
      alineacion_pmd: { eje: 'Infraestructura para el bienestar' },
      problematica: 'Calles de terracería en colonias del oriente.',
      objetivo: 'Pavimentar calles prioritarias.',
      poblacion_objetivo: { descripcion: 'Habitantes de colonias del oriente', cantidad: 5000 },
      responsable: 'Subdirección de Obra Pública',
      metas: [
        {
          id: 'M1',
          descripcion: 'Kilómetros de calle pavimentados',
          indicador: { nombre: 'Kilómetros pavimentados', formula: 'Suma de km terminados', unidad_medida: 'km', sentido: 'ascendente', linea_base: 0, acumulacion: 'suma', dimension: 'eficacia', definicion: 'Kilómetros de calle pavimentados en el año.', frecuencia: 'trimestral', fuente: 'Bitácoras de obra' },
          programacion: { T1: 2, T2: 3, T3: 3, T4: 2 },
          meta_anual: 10,
        },
      ],
      actividades: [{ descripcion: 'Gestión social con vecinos', participantes: ['DIF'] }],
      perspectiva_genero: { aplica: false },
    },
    'dependencias/DIF/ppcs/DIF-01.yaml': {
      id: 'DIF-01',
      tipo: 'servicio',
      nombre: 'Desayunos escolares',
      estatus: 'activo',
      problematica: 'Niñas y niños sin desayuno.',
      objetivo: 'Entregar desayunos escolares.',
      poblacion_objetivo: { descripcion: 'Alumnos de primarias públicas', cantidad: 800 },
      responsable: 'Coordinación de Alimentación',
      metas: [
        {
          id: 'M1',
          descripcion: 'Niñas y niños atendidos',
          indicador: { nombre: 'Personas atendidas', formula: 'Conteo de padrón', unidad_medida: 'persona', sentido: 'ascendente', linea_base: 0, acumulacion: 'ultimo_valor', dimension: 'eficacia', definicion: 'Niñas y niños que reciben desayuno en el trimestre.', frecuencia: 'trimestral', fuente: 'Padrón de beneficiarios' },
          programacion: { T1: 600, T2: 600, T3: 600, T4: 600 },
          meta_anual: 600,
        },
      ],
      actividades: [{ descripcion: 'Rehabilitación de comedores', participantes: ['OP'] }],
      perspectiva_genero: { aplica: true, descripcion: 'Padrón desagregado por sexo' },
    },
    'dependencias/OP/reportes/2019-T1.yaml': {
      dependencia: 'OP',
      trimestre: '2019-T1',
      fecha_entrega: '2019-03-27',
      elaboro: 'Ing. Juan Pérez',
      ppcs: [
        {
          id: 'OP-01',
          estatus: 'activo',
          avances: [{ meta: 'M1', valor: 2, unidad_medida: 'km' }],
          beneficiarios: { total: 1200, mujeres: 650, hombres: 550 },
          colaboraciones: ['DIF'],
          evidencias: ['dependencias/OP/evidencias/2019-T1/acta.txt'],
        },
      ],
      plan_de_mejora: [{ accion: 'PM-01', estatus: 'cumplida' }],
    },
    'dependencias/DIF/reportes/2019-T1.yaml': {
      dependencia: 'DIF',
      trimestre: '2019-T1',
      fecha_entrega: '2019-03-28',
      elaboro: 'Lic. Ana Gómez',
      ppcs: [
        {
          id: 'DIF-01',
          estatus: 'activo',
          avances: [{ meta: 'M1', valor: 590, unidad_medida: 'persona' }],
          beneficiarios: { total: 590, mujeres: 300, hombres: 290 },
          colaboraciones: ['OP'],
          evidencias: ['dependencias/DIF/evidencias/2019-T1/padron.txt'],
        },
      ],
      plan_de_mejora: [{ accion: 'PM-01', estatus: 'cumplida' }],
    },
    'dependencias/OP/evidencias/2019-T1/acta.txt': 'Acta de entrega-recepción de obra.\n',
    'dependencias/DIF/evidencias/2019-T1/padron.txt': 'Padrón de beneficiarios.\n',
  };
}

function department(clave: string, nombre: string): object {
  return {
    clave,
    nombre,
    titular: 'Titular de la dependencia',
    enlace: { nombre: 'Enlace de planeación' },
    evaluaciones: { 2018: { puntaje: 74, grado: 'Aceptable' } },
    planes_de_mejora: {
      2019: {
        tipo: 'Consolidación',
        acciones: [{ id: 'PM-01', criterio: 'seguimiento_retroalimentacion', accion: 'Entregar en tiempo y forma los 4 reportes trimestrales.', recursos: 'Documental', dimension: 'Institucional' }],
      },
    },
  };
}
