import { quote } from '../i18n/text.js';
import { splitBySex } from '../model/beneficiaries.js';
import { defineRule } from './rule.js';

export const PLAN041 = defineRule({
  meta: {
    id: 'PLAN041',
    title: { es: 'Beneficiarios sin desagregar por sexo en un PPCS con perspectiva de género', en: 'Beneficiaries not split by sex in a PPCS with gender perspective' },
    criterio: 'perspectiva_genero',
    rationale:
      'El criterio Implementación de la Perspectiva de Género pide «Participar y aplicar las recomendaciones que de éste criterio se hagan llegar a su área o Dirección». Cuando la carátula de un PPCS declara que aplica perspectiva de género, su reporte trimestral debe desagregar a los beneficiarios en mujeres y hombres: sin ese dato no se puede saber a quién llega la intervención. Las personas cuyo sexo no se registró se informan en «no_especificado» (cuentan en el total); la entrada cuenta como desagregada cuando da mujeres y hombres, aunque quede una parte no especificada.',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'En «beneficiarios» indique, además del total, cuántas son «mujeres» y cuántos «hombres»; las personas cuyo sexo no se registró van en «no_especificado».',
      en: 'In "beneficiarios" give, besides the total, how many are "mujeres" (women) and how many "hombres" (men); people whose sex was not recorded go in "no_especificado".',
    },
    messages: {
      sinDesagregar: {
        es: 'El PPCS {ppcs} aplica perspectiva de género, pero sus beneficiarios no están desagregados por sexo; se esperaban «mujeres» y «hombres» además del total.',
        en: 'PPCS {ppcs} applies a gender perspective, but its beneficiaries are not split by sex; "mujeres" (women) and "hombres" (men) were expected besides the total.',
      },
      sinBeneficiarios: {
        es: 'El PPCS {ppcs} aplica perspectiva de género, pero el reporte no informa sus beneficiarios; se esperaba «beneficiarios» con total, mujeres y hombres.',
        en: 'PPCS {ppcs} applies a gender perspective, but the report gives no beneficiaries; "beneficiarios" with total, women and men was expected.',
      },
    },
    examples: {
      file: 'dependencias/DIF/reportes/2019-T1.yaml',
      invalid: 'ppcs:\n  - id: DIF-01        # su carátula: perspectiva_genero: {aplica: true}\n    beneficiarios:\n      total: 590\n',
      valid: 'ppcs:\n  - id: DIF-01\n    beneficiarios:\n      total: 590\n      mujeres: 300\n      hombres: 290\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.reportes) {
      data.ppcs.forEach((entry, i) => {
        // Only the department's own carátula: another department's PPCS is PLAN004's.
        if (model.caratulaOf(placement.folder!, entry.id)?.data.perspectiva_genero?.aplica !== true) return;
        const beneficiarios = entry.beneficiarios;
        if (!beneficiarios) {
          // A PPCS that did not run this quarter has nobody to count.
          if (entry.estatus === 'por_iniciar' || entry.estatus === 'suspendido' || entry.estatus === 'cancelado') return;
          report({ messageId: 'sinBeneficiarios', file, path: ['ppcs', i], data: { ppcs: quote(entry.id) }, about: { ppcs: entry.id, trimestre: data.trimestre } });
          return;
        }
        if (beneficiarios.total === 0) return;
        // Split even when part of the total is «no_especificado»: that part is declared, not hidden.
        if (splitBySex(beneficiarios)) return;
        report({ messageId: 'sinDesagregar', file, path: ['ppcs', i, 'beneficiarios'], atKey: true, data: { ppcs: quote(entry.id) }, about: { ppcs: entry.id, trimestre: data.trimestre } });
      });
    }
  },
});
