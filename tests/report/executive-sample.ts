// A hand-built annual view with an executive page and two department pages (OP, SP), for the
// Markdown tests: a long per-meta section (moves into each department's <details>), a
// one-row-per-department section (stays at the top) and an empty one.
import { int, pct, semaforoCell, text } from '../../src/report/view/cell-text.js';
import type { DepartmentPage, ReportView, Section } from '../../src/report/view/types.js';
import { barsChart, linesChart, stackedChart } from './charts/charts-sample.js';

export const HOSTILE = '</summary><script>alert(1)</script> | `x` "y"';

function metasSection(rows: [string, string][]): Section {
  return {
    id: 'metas',
    sheet: 'Metas',
    title: 'Avance de metas',
    table: {
      columns: [
        { header: 'Meta', kind: 'text' },
        { header: 'Dependencia', kind: 'text' },
        { header: 'Semáforo', kind: 'semaforo' },
      ],
      rows: rows.map(([meta, clave]) => [text(meta), text(clave), semaforoCell('rojo')]),
    },
  };
}

function entregasSection(claves: string[]): Section {
  return {
    id: 'entregas',
    sheet: 'Entregas',
    title: 'Entrega de reportes',
    table: { columns: [{ header: 'Clave', kind: 'text' }, { header: 'Entregados', kind: 'int' }], rows: claves.map((c) => [text(c), int(2)]) },
  };
}

function department(clave: string, nombre: string, metas: [string, string][]): DepartmentPage {
  return {
    clave,
    nombre,
    resumen: [{ label: 'Metas en verde', value: pct(0.5) }],
    charts: [linesChart({ id: `tendencia-${clave}`, title: `Tendencia de ${clave}`, series: [{ name: clave, values: [50, 60, null, 70] }] })],
    sections: [entregasSection([clave]), metasSection(metas), { ...metasSection([]), id: 'hallazgos', title: 'Hallazgos' }],
  };
}

export function executiveView(overrides: Partial<ReportView> = {}): ReportView {
  const op: [string, string][] = [
    ['OP-01-M1', 'OP'],
    ['OP-01-M2', 'OP'],
  ];
  const sp: [string, string][] = [
    ['SP-03-M1', 'SP'],
    ['SP-03-M2', 'SP'],
    ['SP-03-M3', 'SP'],
  ];
  return {
    kind: 'anual',
    title: 'Evaluación anual 2019',
    municipio: 'San Pedro Ejemplo',
    ejercicio: 2019,
    periodo: '2019',
    fechaCorte: '2020-01-31',
    resumen: [{ label: 'Dependencias evaluadas', value: int(2) }],
    executive: {
      headline: 'OP encabeza con 85.3 puntos; SP bajó 4.0 puntos.',
      ranking: {
        columns: [
          { header: 'Lugar', kind: 'int' },
          { header: 'Clave', kind: 'text' },
          { header: 'Total', kind: 'number' },
          { header: 'Tendencia', kind: 'text' },
        ],
        rows: [
          [int(1), text('OP'), { t: 'number', v: 85.3, decimals: 1 }, text('↑')],
          [int(2), text('SP'), { t: 'number', v: 42, decimals: 1 }, text('↓')],
        ],
        rowIds: ['OP', 'SP'],
      },
      actions: [{ id: 'metas-en-rojo', count: 5, sentence: '5 metas en rojo: 3 de SP y 2 de OP.', departments: ['SP', 'OP'] }],
      worstMetas: {
        columns: [
          { header: 'Meta', kind: 'text' },
          { header: 'T1', kind: 'semaforo' },
          { header: 'T2', kind: 'semaforo' },
        ],
        rows: [[text('SP-03-M1 Reciclaje'), semaforoCell('rojo'), semaforoCell('rojo')]],
      },
      charts: [barsChart(), stackedChart(), linesChart()],
    },
    sections: [entregasSection(['OP', 'SP']), metasSection([...op, ...sp])],
    departments: [department('OP', 'Obras Públicas', op), department('SP', 'Servicios Públicos', sp)],
    ...overrides,
  };
}
