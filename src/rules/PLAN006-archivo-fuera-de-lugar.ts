import type { Rule } from './rule.js';

export const PLAN006: Rule = {
  meta: {
    id: 'PLAN006',
    title: { es: 'Archivo fuera de la estructura del plan', en: 'File outside the plan layout' },
    rationale:
      'Un archivo YAML en una carpeta o con un nombre que «plan» no reconoce no se revisa: un reporte guardado en «reporte/» en lugar de «reportes/» pasaría sin validarse y nunca llegaría a la evaluación. Se avisa porque el Plan de Mejora establece que «su aplicación y cumplimiento serán monitoreadas trimestralmente»: nada debe quedar fuera de ese seguimiento sin que nadie lo note.',
    defaultSeverity: 'warning',
    hint: {
      es: 'Muévalo a su lugar: plan.yaml, catalogos/unidades-de-medida.yaml, dependencias/<CLAVE>/dependencia.yaml, dependencias/<CLAVE>/ppcs/<ID>.yaml, dependencias/<CLAVE>/reportes/<AAAA>-T<n>.yaml, planeacion/retroalimentacion/<AAAA>-T<n>.yaml, planeacion/convocatorias/<AAAA>.yaml o planeacion/genero/<AAAA>.yaml (extensión .yaml).',
      en: 'Move it to its place: plan.yaml, catalogos/unidades-de-medida.yaml, dependencias/<CLAVE>/dependencia.yaml, dependencias/<CLAVE>/ppcs/<ID>.yaml, dependencias/<CLAVE>/reportes/<YYYY>-T<n>.yaml, planeacion/retroalimentacion/<YYYY>-T<n>.yaml, planeacion/convocatorias/<YYYY>.yaml or planeacion/genero/<YYYY>.yaml (.yaml extension).',
    },
    messages: {
      stray: { es: 'Este archivo YAML no está en un lugar que «plan» reconozca y no se revisó.', en: 'This YAML file is not at a place "plan" recognises and was not checked.' },
      symlink: { es: 'Este archivo es un enlace simbólico; los datos del plan deben ser archivos reales y no se leyó.', en: 'This file is a symbolic link; plan data must be real files, and it was not read.' },
    },
    examples: {
      file: 'dependencias/OP/reporte/2019-T1.yaml',
      invalid: '# guardado en dependencias/OP/reporte/2019-T1.yaml\ndependencia: OP\ntrimestre: 2019-T1\n',
      valid: '# guardado en dependencias/OP/reportes/2019-T1.yaml\ndependencia: OP\ntrimestre: 2019-T1\n',
    },
  },
};
