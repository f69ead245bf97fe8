import { formatNumber as n } from '../i18n/numbers.js';
import { quote, type Text } from '../i18n/text.js';
import { coveragePeople, splitByAge } from '../model/beneficiaries.js';
import { parseTrimestre } from '../model/model.js';
import { GRUPOS_DE_EDAD, QUARTERS } from '../model/types.js';
import { defineRule } from './rule.js';

const POBLACION_HINT: Text = {
  es: 'Revise el total de beneficiarios del trimestre o, si la población objetivo cambió, actualice «poblacion_objetivo.cantidad» en la carátula.',
  en: 'Check the quarter\'s total beneficiaries or, if the target population changed, update "poblacion_objetivo.cantidad" in the cover sheet.',
};

const EDADES_HINT: Text = {
  es: 'Corrija los grupos de «edades» para que sumen el total de beneficiarios del trimestre; si no conoce la edad de todas las personas, omita «edades».',
  en: 'Fix the "edades" groups so that they add up to the quarter\'s total beneficiaries; if the age of every person is not known, leave "edades" out.',
};

export const PLAN040 = defineRule({
  meta: {
    id: 'PLAN040',
    title: { es: 'Beneficiarios inconsistentes', en: 'Inconsistent beneficiaries' },
    criterio: 'calidad_cobertura',
    rationale:
      'El criterio Calidad de Resultados y Cobertura de la Intervención pide que «la cobertura de la intervención beneficie a un porcentaje considerable respecto a la población objetivo». La cobertura sólo se puede medir si los beneficiarios reportados cuadran. Error (el dato no se puede aceptar): cuando se da alguna parte del desglose por sexo, mujeres más hombres más no especificado deben sumar el total (una parte omitida cuenta como 0); cuando se dan grupos de edad, deben sumar el total. Advertencia (o el dato o la población objetivo están mal): el total de un trimestre no debería superar la población objetivo de la carátula, y tampoco las personas atendidas en el año según la cobertura (las personas únicas del año si se dan; si no, la mayor cifra entre la suma de los trimestres con conteo «nuevas» y el trimestre más alto con conteo «atendidas»); se advierte en el trimestre en que esa cifra la rebasa.',
    defaultSeverity: 'error',
    scope: 'department',
    hint: {
      es: 'Corrija las cifras de «beneficiarios» para que mujeres, hombres y no especificado sumen el total (las personas cuyo sexo no se registró van en «no_especificado») y el total no exceda la población objetivo de la carátula.',
      en: 'Fix the "beneficiarios" figures so that women, men and not specified add up to the total (people whose sex was not recorded go in "no_especificado") and the total does not exceed the cover sheet\'s target population.',
    },
    messages: {
      sumaDistinta: {
        es: 'Los beneficiarios del PPCS {ppcs} no cuadran: mujeres ({mujeres}) más hombres ({hombres}) suman {suma}, pero el total es {total}.',
        en: 'Beneficiaries of PPCS {ppcs} do not add up: women ({mujeres}) plus men ({hombres}) make {suma}, but the total is {total}.',
      },
      sumaConNoEspecificado: {
        es: 'Los beneficiarios del PPCS {ppcs} no cuadran: mujeres ({mujeres}), hombres ({hombres}) y no especificado ({noEspecificado}) suman {suma}, pero el total es {total}.',
        en: 'Beneficiaries of PPCS {ppcs} do not add up: women ({mujeres}), men ({hombres}) and not specified ({noEspecificado}) make {suma}, but the total is {total}.',
      },
      edadesDistintas: {
        es: 'Los grupos de edad de los beneficiarios del PPCS {ppcs} suman {suma}, pero el total es {total}.',
        en: 'The age groups of the beneficiaries of PPCS {ppcs} add up to {suma}, but the total is {total}.',
      },
      excedePoblacion: {
        es: 'El total de beneficiarios del PPCS {ppcs} ({total}) es mayor que la población objetivo de su carátula ({poblacion}).',
        en: 'The total beneficiaries of PPCS {ppcs} ({total}) exceed the target population in its cover sheet ({poblacion}).',
      },
      coberturaNuevas: {
        es: 'Las personas atendidas por el PPCS {ppcs} en {anio} hasta {trimestre} ({personas}: suma de los trimestres con conteo «nuevas») son más que la población objetivo de su carátula ({poblacion}).',
        en: 'The people served by PPCS {ppcs} in {anio} through {trimestre} ({personas}: sum of the quarters counted as "nuevas") exceed the target population in its cover sheet ({poblacion}).',
      },
      coberturaUnicas: {
        es: 'Las personas únicas atendidas por el PPCS {ppcs} en {anio} («personas_unicas_anio»: {personas}) son más que la población objetivo de su carátula ({poblacion}).',
        en: 'The unique people served by PPCS {ppcs} in {anio} ("personas_unicas_anio": {personas}) exceed the target population in its cover sheet ({poblacion}).',
      },
    },
    examples: {
      file: 'dependencias/DIF/reportes/2019-T1.yaml',
      invalid: 'ppcs:\n  - id: DIF-01\n    beneficiarios:\n      total: 600\n      mujeres: 300\n      hombres: 290   # 300 + 290 = 590\n',
      valid: 'ppcs:\n  - id: DIF-01\n    beneficiarios:\n      total: 590\n      mujeres: 300\n      hombres: 290\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.reportes) {
      const clave = placement.folder!;
      const { year, quarter } = parseTrimestre(data.trimestre);
      data.ppcs.forEach((entry, i) => {
        const beneficiarios = entry.beneficiarios;
        if (!beneficiarios) return;
        const { total, mujeres, hombres, no_especificado: noEspecificado, edades } = beneficiarios;
        const at = ['ppcs', i, 'beneficiarios'];
        // Quoted only for a finding: most entries have none.
        const ppcs = (): string => quote(entry.id);
        const about = { ppcs: entry.id, trimestre: data.trimestre };
        if (mujeres !== undefined || hombres !== undefined || noEspecificado !== undefined) {
          // A part left out counts as 0: a partial split must say where the rest went.
          const suma = (mujeres ?? 0) + (hombres ?? 0) + (noEspecificado ?? 0);
          if (suma !== total) {
            const both = mujeres !== undefined && hombres !== undefined && noEspecificado === undefined;
            const figures = { mujeres: shown(mujeres), hombres: shown(hombres), noEspecificado: shown(noEspecificado), suma: n(suma), total: n(total) };
            report({ messageId: both ? 'sumaDistinta' : 'sumaConNoEspecificado', file, path: [...at, 'total'], about, data: { ppcs: ppcs(), ...figures } });
          }
        }
        if (edades !== undefined && splitByAge(beneficiarios)) {
          const suma = GRUPOS_DE_EDAD.reduce((acc, group) => acc + (edades[group] ?? 0), 0);
          if (suma !== total) report({ messageId: 'edadesDistintas', file, path: [...at, 'edades'], atKey: true, about, data: { ppcs: ppcs(), suma: n(suma), total: n(total) }, hint: EDADES_HINT });
        }
        // Only the department's own carátula: another department's PPCS is PLAN004's.
        const caratula = model.caratulaOf(clave, entry.id);
        const poblacion = caratula?.data.poblacion_objetivo?.cantidad;
        if (!caratula || poblacion === undefined) return;
        if (total > poblacion) {
          report({ messageId: 'excedePoblacion', severity: 'warning', file, path: [...at, 'total'], about, data: { ppcs: ppcs(), total: n(total), poblacion: n(poblacion) }, hint: POBLACION_HINT });
          return;
        }
        // The year's people (counted as the evaluation counts coverage) go above the target
        // population in this quarter: warned once, where it happens, not on every later report.
        const index = QUARTERS.indexOf(quarter) + 1;
        const now = coveragePeople(model, caratula, year, index);
        const before = coveragePeople(model, caratula, year, index - 1);
        if (now === undefined || now.personas <= poblacion || (before !== undefined && before.personas > poblacion)) return;
        if (now.basis === 'atendidas') return; // a single quarter's total: excedePoblacion above, on its own report
        const anio = String(year);
        if (now.basis === 'personas_unicas_anio') {
          if (now.quarter !== quarter) return;
          report({ messageId: 'coberturaUnicas', severity: 'warning', file, path: [...at, 'personas_unicas_anio'], about, data: { ppcs: ppcs(), anio, personas: n(now.personas), poblacion: n(poblacion) }, hint: POBLACION_HINT });
        } else {
          report({ messageId: 'coberturaNuevas', severity: 'warning', file, path: [...at, 'total'], about, data: { ppcs: ppcs(), anio, trimestre: quote(data.trimestre), personas: n(now.personas), poblacion: n(poblacion) }, hint: POBLACION_HINT });
        }
      });
    }
  },
});

/** A figure the entry gives, or a dash for a part left out (counted as 0). */
function shown(value: number | undefined): string {
  return value === undefined ? '—' : n(value);
}
