import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../src/report/charts/svg.js';
import { barsChart, HOSTILE_NAME, linesChart, stackedChart } from './charts-sample.js';

/** Every start tag of `element` with the given class (or any, without one). */
function tags(svg: string, element: string, className?: string): string[] {
  const all = svg.match(new RegExp(`<${element}\\b[^>]*>`, 'g')) ?? [];
  return className === undefined ? all : all.filter((tag) => tag.includes(`class="${className}"`));
}

/** The text content of each `<text>` element with the given class. */
function texts(svg: string, className: string): string[] {
  return [...svg.matchAll(new RegExp(`<text class="${className}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1] as string);
}

const attr = (tag: string, name: string) => Number(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1]);

describe('chartSvg: bars', () => {
  it('draws one bar per category with a value and writes «sin dato» for a missing one', () => {
    const svg = chartSvg(barsChart());
    expect(tags(svg, 'rect', 'barra')).toHaveLength(2);
    expect(texts(svg, 'categoria')).toEqual(['OP', 'SP', 'DIF']);
    expect(texts(svg, 'sin-dato')).toEqual(['sin dato']);
  });

  it('labels each bar with its value written the Mexican way, one decimal', () => {
    expect(texts(chartSvg(barsChart()), 'valor')).toEqual(['85.3', '42.0']);
    const percent = barsChart({ unit: '%', max: undefined, categories: ['OP'], series: [{ name: 'Avance', values: [1234.5] }], bands: undefined });
    expect(texts(chartSvg(percent), 'valor')).toEqual(['1,234.5 %']);
  });

  it('draws each grade band behind the bars, from its minimum to the next band’s', () => {
    const svg = chartSvg(barsChart());
    const bands = tags(svg, 'rect', 'banda');
    expect(bands).toHaveLength(3);
    expect(texts(svg, 'banda-nombre')).toEqual(['Bajo', 'Medio', 'Alto']);
    const [low, mid, high] = bands.map((tag) => ({ x: attr(tag, 'x'), width: attr(tag, 'width') }));
    // 0–60, 60–80 and 80–100 of the same axis: widths in the ratio 3 : 1 : 1, edge to edge.
    expect(low!.width / mid!.width).toBeCloseTo(3, 1);
    expect(mid!.width).toBeCloseTo(high!.width, 1);
    expect(low!.x + low!.width).toBeCloseTo(mid!.x, 1);
    expect(svg.indexOf('class="banda"')).toBeLessThan(svg.indexOf('class="barra"'));
  });

  it('makes a bar as long as its value on the 0–max axis', () => {
    const svg = chartSvg(barsChart());
    const [op, sp] = tags(svg, 'rect', 'barra').map((tag) => attr(tag, 'width'));
    const full = tags(svg, 'rect', 'banda').reduce((sum, tag) => sum + attr(tag, 'width'), 0);
    expect(op! / full).toBeCloseTo(0.8525, 2);
    expect(sp! / full).toBeCloseTo(0.42, 2);
  });
});

describe('chartSvg: stacked semáforo counts', () => {
  it('draws one segment per non-zero count, each with its count inside and the row total beside', () => {
    const svg = chartSvg(stackedChart());
    expect(tags(svg, 'rect', 'segmento')).toHaveLength(5);
    expect(texts(svg, 'cuenta')).toEqual(['3', '1', '2', '1', '4']);
    expect(texts(svg, 'valor')).toEqual(['6', '5']);
  });

  it('gives red and yellow a pattern besides their colour, and names every tone in the legend', () => {
    const svg = chartSvg(stackedChart());
    expect(tags(svg, 'pattern').map((tag) => /id="([^"]*)"/.exec(tag)?.[1])).toEqual([
      'grafica-semaforo-dependencias-amarillo',
      'grafica-semaforo-dependencias-rojo',
    ]);
    expect(svg).toContain('fill="url(#grafica-semaforo-dependencias-rojo)"');
    expect(svg).toContain('fill="#63BE7B"');
    const legend = svg.slice(svg.indexOf('<g class="leyenda">'));
    expect([...legend.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['Verde', 'Amarillo', 'Rojo']);
  });

  it('puts each segment’s series and count in its tooltip', () => {
    expect(chartSvg(stackedChart())).toContain('<title>SP, Rojo: 4</title>');
  });
});

describe('chartSvg: lines', () => {
  it('breaks a line at a missing value instead of drawing it as zero', () => {
    const svg = chartSvg(linesChart());
    const paths = [...svg.matchAll(/<path d="([^"]*)" fill="none" stroke-width="2"/g)].map((m) => m[1] as string);
    expect(paths.map((d) => d.match(/M/g)?.length)).toEqual([2, 1]);
    expect(paths.map((d) => d.match(/[ML]/g)?.length)).toEqual([3, 4]);
  });

  it('marks every measured point with its value in a tooltip', () => {
    const svg = chartSvg(linesChart());
    expect(svg.match(/<title>(OP|SP), T\d: [^<]*<\/title>/g)).toHaveLength(7);
    expect(svg).toContain('<title>OP, T4: 90.0 %</title>');
  });
});

describe('chartSvg: a self-contained, accessible image', () => {
  it('is an image named by its <title> and described by its <desc>', () => {
    const svg = chartSvg(barsChart());
    expect(tags(svg, 'svg')[0]).toContain('role="img" aria-labelledby="grafica-totales-titulo" aria-describedby="grafica-totales-desc"');
    expect(svg).toContain('<title id="grafica-totales-titulo">Total por dependencia</title>');
    expect(svg).toContain(
      '<desc id="grafica-totales-desc">Barras horizontales, una por cada una de 3 categorías, en puntos. Franjas de fondo: Bajo desde 0.0, Medio desde 60.0, Alto desde 80.0. OP: 85.3; SP: 42.0; DIF: sin dato. Las mismas cifras están en la tabla que acompaña a la gráfica.</desc>',
    );
  });

  it('scales to the width it is given through its viewBox', () => {
    const svg = chartSvg(barsChart());
    expect(tags(svg, 'svg')[0]).toMatch(/viewBox="0 0 640 \d+(\.\d)?" width="640" height="\d+(\.\d)?" style="max-width:100%;height:auto"/);
  });

  it('references nothing outside itself: no link, image, script or external URL', () => {
    for (const chart of [barsChart(), stackedChart(), linesChart()]) {
      const svg = chartSvg(chart);
      expect(svg).not.toMatch(/href|<script|<image|<foreignObject|@import/i);
      expect(svg.match(/https?:\/\/[^"]*/g)).toEqual(['http://www.w3.org/2000/svg']);
    }
  });

  it('writes the same bytes for the same chart', () => {
    expect(chartSvg(linesChart())).toBe(chartSvg(linesChart()));
  });

  it('escapes a hostile department, series and title so they stay text', () => {
    const hostile = stackedChart({
      title: HOSTILE_NAME,
      categories: [HOSTILE_NAME, 'SP'],
      series: [
        { name: HOSTILE_NAME, tone: 'verde', values: [3, 1] },
        { name: 'Rojo', tone: 'rojo', values: [2, 4] },
      ],
    });
    for (const svg of [chartSvg(hostile), chartSvg({ ...hostile, kind: 'lines' }), chartSvg({ ...hostile, kind: 'bars' })]) {
      expect(svg).not.toContain('<script');
      expect(svg.match(/<\/?svg\b/g)).toEqual(['<svg', '</svg']);
      expect(svg).toContain('&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; | `x` &quot;y&quot;');
      // Every attribute value is a closed, quote-free string: no text escaped into an attribute.
      for (const tag of svg.match(/<[a-z][^>]*>/g) ?? []) expect(tag).toMatch(/^<[a-z]+(\s+[a-zA-Z0-9:-]+="[^"<>]*")*\s*\/?>$/);
    }
  });

  it('keeps pattern ids per chart, so two charts in one page never share an id', () => {
    const one = chartSvg(stackedChart());
    const two = chartSvg(stackedChart({ id: 'semaforo-OP' }));
    expect(two).toContain('id="grafica-semaforo-op-rojo"');
    expect(one).not.toContain('grafica-semaforo-op');
  });
});
