// Conditional formatting: the native visual cues of the workbook (data bars, icon sets and
// colour scales), which follow the cells if the reader edits them. Written as OOXML by this
// module rather than through exceljs's addConditionalFormatting(): exceljs 4.4 gives a data bar
// an `<extLst>` pointing at an extension it never writes (`<x14:id/>`, empty), which Excel
// repairs (https://github.com/exceljs/exceljs/issues/3015), leaves out `minLength`/`maxLength`
// and drops an icon threshold's `gte`. Only the 2007 forms are written, which every Excel since
// 2007 and LibreOffice read; a cell's text never depends on them.
import { SEMAFORO_FILL } from './styles.js';

/** A threshold of a rule (ECMA-376 Part 1, 18.3.1.11): a number, a percentage of the range's span, or its min/max. */
export type Cfvo = { type: 'num' | 'percent'; value: number; gte?: boolean } | { type: 'min' } | { type: 'max' };

export type CfRule =
  /** A bar in each cell, as long as its value between `min` and `max`. */
  | { type: 'dataBar'; min: Cfvo; max: Cfvo; color: string }
  /** One of three icons by value: below the second threshold, below the third, the rest. */
  | { type: 'iconSet'; iconSet: '3Arrows' | '3TrafficLights1' | '3Symbols'; thresholds: [Cfvo, Cfvo, Cfvo] }
  /** A fill from the first colour at the first threshold to the last at the last. */
  | { type: 'colorScale'; stops: Array<{ at: Cfvo; color: string }> };

/** One conditional format: a rule over a range of cells (`E5:E14`). */
export interface ConditionalFormat {
  ref: string;
  rule: CfRule;
}

function cfvoXml(cfvo: Cfvo): string {
  if (cfvo.type === 'min' || cfvo.type === 'max') return `<cfvo type="${cfvo.type}"/>`;
  if (!Number.isFinite(cfvo.value)) throw new Error(`renderXlsx: umbral no finito en un formato condicional: ${cfvo.value}`);
  return `<cfvo type="${cfvo.type}" val="${cfvo.value}"${cfvo.gte === false ? ' gte="0"' : ''}/>`;
}

function colorXml(argb: string): string {
  if (!/^[0-9A-F]{8}$/.test(argb)) throw new Error(`renderXlsx: color inválido en un formato condicional: ${argb}`);
  return `<color rgb="${argb}"/>`;
}

function ruleXml(rule: CfRule, priority: number): string {
  switch (rule.type) {
    case 'dataBar':
      // From an empty cell at the minimum to a full one at the maximum (the defaults, 10 % and
      // 90 %, would draw a zero as a short bar).
      return (
        `<cfRule type="dataBar" priority="${priority}"><dataBar minLength="0" maxLength="100">` +
        `${cfvoXml(rule.min)}${cfvoXml(rule.max)}${colorXml(rule.color)}</dataBar></cfRule>`
      );
    case 'iconSet':
      return (
        `<cfRule type="iconSet" priority="${priority}"><iconSet iconSet="${rule.iconSet}">` +
        `${rule.thresholds.map(cfvoXml).join('')}</iconSet></cfRule>`
      );
    case 'colorScale':
      return (
        `<cfRule type="colorScale" priority="${priority}"><colorScale>` +
        `${rule.stops.map((stop) => cfvoXml(stop.at)).join('')}${rule.stops.map((stop) => colorXml(stop.color)).join('')}` +
        '</colorScale></cfRule>'
      );
  }
}

/** The `<conditionalFormatting>` elements of a sheet, priorities in the order given. */
export function conditionalFormattingXml(formats: readonly ConditionalFormat[]): string {
  return formats
    .map((format, i) => {
      if (!/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(format.ref)) {
        throw new Error(`renderXlsx: rango inválido en un formato condicional: ${format.ref}`);
      }
      return `<conditionalFormatting sqref="${format.ref}">${ruleXml(format.rule, i + 1)}</conditionalFormatting>`;
    })
    .join('');
}

/** Red at 0, yellow halfway, green at `top` (1 for fractions, 100 for scores): the semáforo's colours as a scale. */
export function semaforoScale(top: number): CfRule {
  return {
    type: 'colorScale',
    stops: [
      { at: { type: 'num', value: 0 }, color: SEMAFORO_FILL.rojo },
      { at: { type: 'num', value: top / 2 }, color: SEMAFORO_FILL.amarillo },
      { at: { type: 'num', value: top }, color: SEMAFORO_FILL.verde },
    ],
  };
}

/** Column letter of a one-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
