import { describe, expect, it } from 'vitest';
import { chartMermaid, mermaidLegend, mermaidReadable } from '../../../src/report/charts/mermaid.js';
import { barsChart, HOSTILE_NAME, linesChart, stackedChart } from './charts-sample.js';

describe('chartMermaid', () => {
  it('writes a bar chart as xychart-beta, a missing value as 0', () => {
    expect(chartMermaid(barsChart())).toBe(
      [
        '%%{init: {"themeVariables":{"xyChart":{"plotColorPalette":"#4E79A7"}}}}%%',
        'xychart-beta',
        '  title "Total por dependencia"',
        '  x-axis ["OP", "SP", "DIF"]',
        '  y-axis "puntos" 0 --> 100',
        '  bar [85.3, 42, 0]',
      ].join('\n'),
    );
  });

  it('draws stacked counts as overlapping bars of running totals, the full stack first, each in its tone', () => {
    expect(chartMermaid(stackedChart())).toBe(
      [
        '%%{init: {"themeVariables":{"xyChart":{"plotColorPalette":"#F8696B, #FFEB84, #63BE7B"}}}}%%',
        'xychart-beta',
        '  title "Metas por semáforo"',
        '  x-axis ["OP", "SP"]',
        '  y-axis "metas" 0 --> 6',
        '  bar [6, 5]',
        '  bar [4, 1]',
        '  bar [3, 1]',
      ].join('\n'),
    );
  });

  it('writes one line per series', () => {
    const lines = chartMermaid(linesChart()).split('\n');
    expect(lines.slice(1)).toEqual([
      'xychart-beta',
      '  title "Metas en verde por trimestre"',
      '  x-axis ["T1", "T2", "T3", "T4"]',
      '  y-axis "porcentaje" 0 --> 100',
      '  line [80, 85, 0, 90]',
      '  line [40, 50, 45, 60]',
    ]);
  });

  it('turns bars horizontal past eight categories, so their labels do not collide', () => {
    const categories = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    const chart = barsChart({ categories, series: [{ name: 'Total', values: categories.map(() => 50) }] });
    expect(chartMermaid(chart).split('\n')[1]).toBe('xychart-beta horizontal');
  });

  it('keeps hostile text inside one quoted string: no quote, backtick, angle bracket or line break survives', () => {
    const name = `${HOSTILE_NAME}\n  bar [1]\n\`\`\``;
    const text = chartMermaid(stackedChart({ title: name, categories: [name, 'SP'] }));
    expect(text.split('\n')).toHaveLength(8);
    expect(text.replace(' --> ', ' ')).not.toMatch(/[`<>]/);
    expect(text.split('\n')[2]).toBe(`  title "‹/svg›‹script›alert(1)‹/script› | 'x' 'y' bar [1] '''"`);
    expect(text.split('\n')[3]).toBe(`  x-axis ["‹/svg›‹script›alert(1)‹/script› | 'x' 'y' bar [1] '''", "SP"]`);
  });

  it('leaves out the last quarters where no line has a value, instead of drawing a fall to 0', () => {
    const chart = linesChart({ series: [{ name: 'OP', values: [80, null, null, null] }, { name: 'SP', values: [40, 50, null, null] }] });
    const lines = chartMermaid(chart).split('\n');
    expect(lines.slice(3)).toEqual(['  x-axis ["T1", "T2"]', '  y-axis "porcentaje" 0 --> 100', '  line [80, 0]', '  line [40, 50]']);
  });

  it('keeps a `#35;` in a name literal, which Mermaid would decode as an entity', () => {
    expect(chartMermaid(barsChart({ title: 'Colonia #35; centro' })).split('\n')[2]).toBe('  title "Colonia ＃35; centro"');
  });

  it('names each colour in words, since xychart draws no legend', () => {
    expect(mermaidLegend(linesChart()).map((item) => `${item.name}: ${item.colour}`)).toEqual(['OP: azul', 'SP: bermellón']);
    expect(mermaidLegend(barsChart())).toEqual([]);
  });

  it('declines a line chart with more series than colours', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ name: `D${i}`, values: [1, 2, 3, 4] }));
    expect(mermaidReadable(linesChart({ series: many }))).toBe(false);
    expect(mermaidReadable(linesChart())).toBe(true);
  });
});
