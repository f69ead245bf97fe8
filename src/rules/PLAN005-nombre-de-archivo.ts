import { quote } from '../i18n/text.js';
import { defineRule } from './rule.js';

export const PLAN005 = defineRule({
  meta: {
    id: 'PLAN005',
    title: { es: 'Clave o trimestre distinto del nombre de su carpeta o archivo', en: 'Key or quarter differs from its folder or file name' },
    rationale:
      'Planeación localiza cada carátula y cada reporte trimestral por su carpeta y su nombre de archivo. Si el contenido declara otra dependencia, otro PPCS u otro trimestre, el reporte se contaría para quien no corresponde y el seguimiento trimestral que pide el Plan de Mejora («su aplicación y cumplimiento serán monitoreadas trimestralmente») quedaría falseado.',
    defaultSeverity: 'error',
    scope: 'department',
    hint: { es: 'Haga que el contenido y el nombre coincidan: corrija el valor o renombre el archivo.', en: 'Make content and name agree: fix the value or rename the file.' },
    messages: {
      clave: { es: 'La clave {value} no coincide con la carpeta «dependencias/{folder}/».', en: 'Key {value} does not match folder "dependencias/{folder}/".' },
      ppcsId: { es: 'El id {value} no coincide con el nombre del archivo «{stem}.yaml».', en: 'Id {value} does not match file name "{stem}.yaml".' },
      ppcsPrefix: {
        es: 'El id {value} no empieza con la clave de su dependencia «{folder}-».',
        en: 'Id {value} does not start with its department key "{folder}-".',
      },
      dependencia: { es: 'El reporte declara la dependencia {value} pero está en la carpeta «dependencias/{folder}/».', en: 'The report declares department {value} but sits in folder "dependencias/{folder}/".' },
      trimestre: { es: 'El trimestre {value} no coincide con el nombre del archivo «{stem}.yaml».', en: 'Quarter {value} does not match file name "{stem}.yaml".' },
      ejercicio: { es: 'El ejercicio {value} no coincide con el nombre del archivo «{stem}.yaml».', en: 'Fiscal year {value} does not match file name "{stem}.yaml".' },
    },
    examples: {
      file: 'dependencias/OP/reportes/2019-T2.yaml',
      invalid: 'dependencia: OP\ntrimestre: 2019-T3   # el archivo se llama 2019-T2.yaml\n',
      valid: 'dependencia: OP\ntrimestre: 2019-T2\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.dependencias) {
      if (data.clave !== placement.folder) report({ messageId: 'clave', file, path: ['clave'], data: { value: quote(data.clave), folder: placement.folder! } });
    }
    for (const { file, placement, data } of model.ppcs) {
      if (data.id !== placement.stem) report({ messageId: 'ppcsId', file, path: ['id'], data: { value: quote(data.id), stem: placement.stem! } });
      else if (!data.id.startsWith(`${placement.folder}-`)) report({ messageId: 'ppcsPrefix', file, path: ['id'], data: { value: quote(data.id), folder: placement.folder! } });
    }
    for (const { file, placement, data } of model.reportes) {
      if (data.dependencia !== placement.folder) report({ messageId: 'dependencia', file, path: ['dependencia'], data: { value: quote(data.dependencia), folder: placement.folder! } });
      if (data.trimestre !== placement.stem) report({ messageId: 'trimestre', file, path: ['trimestre'], data: { value: quote(data.trimestre), stem: placement.stem! } });
    }
    for (const { file, placement, data } of model.retroalimentacion) {
      if (data.trimestre !== placement.stem) report({ messageId: 'trimestre', file, path: ['trimestre'], data: { value: quote(data.trimestre), stem: placement.stem! } });
    }
    for (const { file, placement, data } of [...model.convocatorias, ...model.genero]) {
      if (String(data.ejercicio) !== placement.stem) report({ messageId: 'ejercicio', file, path: ['ejercicio'], data: { value: quote(data.ejercicio), stem: placement.stem! } });
    }
  },
});
