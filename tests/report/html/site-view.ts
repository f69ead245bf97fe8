// A hand-built quarterly view with an executive page and two department pages, hostile text
// in names and sentences, and row ids, so the site tests never depend on the model.
import { int, pct, semaforoCell, text } from '../../../src/report/view/cell-text.js';
import type { Chart, DepartmentPage, ReportView, Section } from '../../../src/report/view/types.js';

export const HOSTILE_NAME = 'Obras <script>alert("x")</script> & \'Públicas\'';

function metasSection(clave: string, metas: string[]): Section {
  return {
    id: 'metas',
    sheet: 'Metas',
    title: 'Avance de metas 2019-T2',
    table: {
      columns: [
        { header: 'PPCS', kind: 'text' },
        { header: 'Meta', kind: 'text' },
        { header: 'Cumplimiento', kind: 'percent' },
        { header: 'Semáforo', kind: 'semaforo' },
      ],
      rows: metas.map((m, i) => [text(`${clave}-01`), text(m), pct(0.5 + i / 10), semaforoCell(i === 0 ? 'rojo' : 'verde')]),
      rowIds: metas.map((_, i) => `${clave}-01-M${i + 1}`),
    },
  };
}

function historySection(clave: string, count: number): Section {
  return {
    id: 'historial-metas',
    sheet: 'Historial',
    title: 'Historial de metas',
    table: {
      columns: [
        { header: 'Meta', kind: 'text' },
        { header: 'T1', kind: 'semaforo' },
        { header: 'T2', kind: 'semaforo' },
      ],
      rows: Array.from({ length: count }, (_, i) => [text(`${clave}-01-M${i + 1}`), semaforoCell('amarillo'), semaforoCell(i === 0 ? 'rojo' : 'verde')]),
      rowIds: Array.from({ length: count }, (_, i) => `${clave}-01-M${i + 1}-historial`),
    },
  };
}

const trend = (clave: string): Chart => ({
  id: `tendencia-${clave}`,
  title: `Cumplimiento trimestral de ${clave}`,
  kind: 'lines',
  unit: '%',
  categories: ['T1', 'T2'],
  series: [{ name: clave, values: [80, 50] }],
  max: 100,
  table: { columns: [{ header: 'Trimestre', kind: 'text' }, { header: clave, kind: 'percent' }], rows: [[text('T1'), pct(0.8)], [text('T2'), pct(0.5)]] },
});

export function departmentPages(): DepartmentPage[] {
  return [
    {
      clave: 'DIF',
      nombre: 'Sistema Municipal DIF',
      resumen: [{ label: 'Metas en verde', value: int(1) }],
      charts: [trend('DIF')],
      sections: [metasSection('DIF', ['Comedores']), historySection('DIF', 1)],
    },
    {
      clave: 'OP',
      nombre: HOSTILE_NAME,
      resumen: [{ label: 'Metas en verde', value: int(1) }],
      charts: [trend('OP')],
      sections: [metasSection('OP', ['Bacheo "urgente"', '<b>Alumbrado</b>']), historySection('OP', 2)],
    },
  ];
}

export function siteView(overrides: Partial<ReportView> = {}): ReportView {
  const semaforos: Chart = {
    id: 'semaforo-dependencias',
    title: 'Metas por semáforo y dependencia',
    kind: 'stacked',
    unit: 'metas',
    categories: ['DIF', 'OP'],
    series: [
      { name: 'Verde', values: [1, 1], tone: 'verde' },
      { name: 'Rojo', values: [0, 1], tone: 'rojo' },
    ],
    table: {
      columns: [{ header: 'Clave', kind: 'text' }, { header: 'Verde', kind: 'int' }, { header: 'Rojo', kind: 'int' }],
      rows: [[text('DIF'), int(1), int(0)], [text('OP'), int(1), int(1)]],
    },
  };
  return {
    kind: 'trimestral',
    title: 'Resumen trimestral 2019-T2',
    municipio: 'San Pedro <Ejemplo>',
    ejercicio: 2019,
    periodo: '2019-T2',
    fechaCorte: '2019-07-16',
    resumen: [{ label: 'Dependencias', value: int(2) }],
    executive: {
      headline: 'En 2019-T2 entregaron su reporte 2 de 2 dependencias.',
      ranking: {
        columns: [{ header: 'Lugar', kind: 'int' }, { header: 'Clave', kind: 'text' }, { header: 'Dependencia', kind: 'text' }, { header: '% de metas en verde', kind: 'percent' }],
        rows: [[int(1), text('DIF'), text('Sistema Municipal DIF'), pct(1)], [int(2), text('OP'), text(HOSTILE_NAME), pct(0.5)]],
        rowIds: ['DIF', 'OP'],
      },
      actions: [{ id: 'metas-en-rojo', count: 1, sentence: '1 meta en rojo: 1 de OP <img src=x onerror=alert(1)>.', departments: ['OP'] }],
      worstMetas: {
        columns: [{ header: 'Meta', kind: 'text' }, { header: 'T2', kind: 'semaforo' }],
        rows: [[text('OP-01-M1'), semaforoCell('rojo')]],
        rowIds: ['OP-01-M1'],
      },
      charts: [semaforos],
    },
    sections: [
      metasSection('DIF', ['Comedores']),
      {
        id: 'rubrica',
        sheet: 'Rúbrica',
        title: 'Rúbrica de la evaluación',
        intro: 'Línea uno\nlínea "dos"',
        table: { columns: [{ header: 'Grado', kind: 'text' }, { header: 'Desde', kind: 'int' }], rows: [[text('Sobresaliente'), int(85)]] },
        notes: ['Grados de la rúbrica de plan.yaml.'],
      },
    ],
    departments: departmentPages(),
    ...overrides,
  };
}
