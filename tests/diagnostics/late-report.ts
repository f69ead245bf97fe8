// The repo the justification tests share: OP's T1 report delivered late, so PLAN021 has a
// finding on the `fecha_entrega` line for a comment to justify.
import { baseRepo } from '../helpers/fixture.js';

export const REPORT = 'dependencias/OP/reportes/2019-T1.yaml';

/** OP's T1 report delivered 3 business days late (window 25–29 March 2019), as YAML text, with `fechaLine` as its line 3 (4 after `before`). */
export function lateReport(fechaLine: string, before = ''): Record<string, any> {
  const files: Record<string, any> = baseRepo();
  files[REPORT] = [
    'dependencia: OP',
    'trimestre: 2019-T1',
    ...(before ? [before] : []),
    fechaLine,
    'elaboro: Ing. Juan Pérez',
    'ppcs:',
    '  - id: OP-01',
    '    estatus: activo',
    '    avances:',
    '      - { meta: M1, valor: 2, unidad_medida: km }',
    '    beneficiarios: { total: 1200, mujeres: 650, hombres: 550 }',
    '    colaboraciones: [DIF]',
    '    evidencias: [dependencias/OP/evidencias/2019-T1/acta.txt]',
    'plan_de_mejora:',
    '  - { accion: PM-01, estatus: cumplida }',
    '',
  ].join('\n');
  return files;
}
