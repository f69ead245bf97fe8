// Native Excel charts, which exceljs cannot write (it has no chart API): the DrawingML parts of
// a bar chart (ECMA-376 Part 1, 21.2), a drawing that anchors it over the sheet, and their
// relationships. The chart reads its figures from the cells of the table beside it, so the two
// never disagree, and carries a cache of them for readers that do not recalculate. The
// workbook writer adds the parts to the zip (exceljs-hooks.ts: addSheetDrawing()).

/** A chart over cells of one sheet: the ranges its categories and series are read from. */
export interface NativeChart {
  title: string;
  /** Alternative text of the drawing, for screen readers. */
  description: string;
  /** `bars`: one bar per category; `stacked`: the series stacked in one bar per category. */
  kind: 'bars' | 'stacked';
  /** The value axis' title. */
  unit: string;
  categories: { ref: string; values: string[] };
  series: Array<{ name: string; nameRef: string; ref: string; values: Array<number | null>; color: string }>;
  /** The top of the value axis; the largest value when absent. */
  max?: number;
  /** Values are fractions, shown as percentages. */
  percent: boolean;
  /** The number format of the labels on the bars, the column's own (`0.0`, `0.0%`). */
  labelFormat: string;
}

/** Where a drawing sits: its top-left corner at the top-left of a cell (zero-based), and its size in EMU. */
export interface Anchor {
  col: number;
  row: number;
  cx: number;
  cy: number;
}

/** English Metric Units: 914,400 to the inch, 12,700 to the point. */
export const EMU_PER_POINT = 12_700;

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const CONTENT_TYPE_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CONTENT_TYPE_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The chart's text, in the workbook's font. */
const FONT = 'Arial';

const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text from the view (department names come from YAML) as XML character data or an attribute. */
export function xmlText(value: string): string {
  return value
    .replace(INVALID_XML_CHAR, '')
    .replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string)
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new Error(`renderXlsx: número no finito en un gráfico: ${value}`);
  return value;
}

function rgb(argb: string): string {
  if (!/^[0-9A-F]{8}$/.test(argb)) throw new Error(`renderXlsx: color inválido en un gráfico: ${argb}`);
  return argb.slice(2);
}

function richText(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="es-MX" sz="${size}"${b}><a:latin typeface="${FONT}"/></a:rPr><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: Array<number | null>, format: string): string {
  const points = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${finite(v)}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>${format}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/**
 * The chart part: horizontal bars, the first category on top (the ranking's order), values
 * labelled at the end of each bar, a legend only when there are several series.
 */
export function chartXml(chart: NativeChart): string {
  const stacked = chart.kind === 'stacked';
  const format = chart.percent ? '0%' : 'General';
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${xmlText(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${rgb(s.color)}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="595959"/></a:solidFill></a:ln></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:dLbls><c:numFmt formatCode="${xmlText(chart.labelFormat)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
        `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"><a:latin typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="es-MX"/></a:p></c:txPr>` +
        `<c:dLblPos val="${stacked ? 'ctr' : 'outEnd'}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        `<c:cat><c:strRef><c:f>${xmlText(chart.categories.ref)}</c:f>${strCache(chart.categories.values)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlText(s.ref)}</c:f>${numCache(s.values, format)}</c:numRef></c:val>` +
        '</c:ser>',
    )
    .join('');
  const max = chart.max === undefined ? '' : `<c:max val="${finite(chart.max)}"/>`;
  const axisText = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="es-MX"/></a:p></c:txPr>`;
  const legend =
    chart.series.length > 1
      ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${axisText}</c:legend>`
      : '';
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:lang val="es-MX"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    `<c:title>${richText(chart.title, 1200, true)}<c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
    series +
    `<c:gapWidth val="60"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    // Categories top to bottom in the table's order; the value axis then crosses at the last
    // category, which keeps it below the bars.
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `${axisText}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/>${max}<c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    '<c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    `<c:title>${richText(chart.unit, 900, false)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${axisText}<c:crossAx val="${CAT_AX}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea>' +
    legend +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>' +
    '</c:chartSpace>'
  );
}

/** A sheet's drawing part: one chart per anchor, chart `i` reached through `rId{i+1}`. */
export function drawingXml(charts: ReadonlyArray<{ anchor: Anchor; chart: NativeChart }>): string {
  const anchors = charts
    .map(({ anchor, chart }, i) => {
      return (
        // One corner and a size, so the chart keeps its size whatever the widths of the columns under it.
        '<xdr:oneCellAnchor>' +
        `<xdr:from><xdr:col>${anchor.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchor.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${Math.round(anchor.cx)}" cy="${Math.round(anchor.cy)}"/>` +
        '<xdr:graphicFrame macro="">' +
        `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Gráfico ${i + 1}" title="${xmlText(chart.title)}" descr="${xmlText(chart.description)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
        '</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>'
      );
    })
    .join('');
  return `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors}</xdr:wsDr>`;
}

/** The drawing's relationships: `rId{i+1}` to the chart part numbered `chartNumbers[i]`. */
export function drawingRelsXml(chartNumbers: readonly number[]): string {
  const rels = chartNumbers.map((n, i) => `<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/chart${n}.xml"/>`).join('');
  return `${XML_DECL}<Relationships xmlns="${NS_RELS}">${rels}</Relationships>`;
}
