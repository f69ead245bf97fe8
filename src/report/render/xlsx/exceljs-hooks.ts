// The places where the renderer reaches into exceljs's streaming WorkbookWriter
// (lib/stream/xlsx/workbook-writer.js, exceljs 4.4) for what it has no public API for. Each
// hook checks that the internal it needs is there and throws otherwise, so an exceljs
// upgrade that moves one fails loudly in the tests instead of writing a different workbook.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type { Font, Row, Style, Worksheet } from 'exceljs';
import { REL_DRAWING } from './chart.js';

/** A defined name as exceljs's workbook model holds it. */
export interface DefinedName {
  name: string;
  ranges: string[];
  localSheetId: number;
}

/** The parts of the streaming writer that its typings leave out. */
interface WriterInternals {
  styles?: {
    model?: { fonts?: unknown[]; styles?: unknown[] };
    index?: { style?: Record<string, number> };
    _addFont?: (font: Partial<Font>) => number;
    addStyleModel?: (model: QuotedStyle | undefined, cellType?: number) => number;
  };
  _definedNames?: unknown;
  zip?: { append: (data: string, options: { name: string }) => unknown };
  addApp?: () => Promise<void>;
}

/** exceljs's renderer of docProps/app.xml, which its streaming writer calls without the company. */
type AppXformClass = new () => { toXml: (model: { worksheets: Array<{ name: string }>; company: string; manager: string }) => string };
const requireCjs = createRequire(import.meta.url);

function internalsOf(writer: ExcelJS.stream.xlsx.WorkbookWriter): WriterInternals {
  return writer as unknown as WriterInternals;
}

/**
 * Makes `font` the workbook's default font (font 0, the *Normal* style) instead of
 * exceljs's fixed Calibri 11 (https://github.com/exceljs/exceljs/issues/572,
 * https://github.com/exceljs/exceljs/issues/849). Both Excel and LibreOffice measure column
 * widths in digits of that font, so with Calibri a LibreOffice without it (or its twin
 * Carlito) measures them in a wider stand-in and prints every sheet smaller. Must run before
 * any cell style claims index 0.
 */
export function setDefaultFont(writer: ExcelJS.stream.xlsx.WorkbookWriter, font: Partial<Font>): void {
  const styles = internalsOf(writer).styles;
  if (styles?.model?.fonts?.length !== 0 || typeof styles._addFont !== 'function') {
    throw new Error('renderXlsx: esta versión de exceljs no deja fijar la fuente por omisión');
  }
  styles._addFont(font);
}

/**
 * Remembers the cell format each style got, by its content: every cell of a report brings a
 * style object of its own (exceljs may edit it), so exceljs's own memory, by object, never
 * hits, and it renders fonts, borders and fills to XML again for each of a 100-department
 * workbook's cells — a tenth of `plan report`'s time. The same content and cell type always
 * get the same format, so remembering it changes no byte.
 *
 * The key names each part of the style: a deep-frozen part (styles.ts shares them between
 * cells) by its identity, which cannot change, any other by its content, so no style is
 * serialized per cell. Two equal parts that are different objects only cost a miss: exceljs
 * then finds the same format by its XML.
 */
export function rememberCellFormats(writer: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = internalsOf(writer).styles;
  const plain = styles?.addStyleModel?.bind(styles);
  if (!styles || !plain) throw new Error('renderXlsx: esta versión de exceljs no tiene el registro de estilos esperado');
  const known = new FormatTrie();
  styles.addStyleModel = (model, cellType) => {
    if (!model) return plain(model, cellType);
    let node = known.step(cellType);
    for (const name of Object.keys(model)) node = node.step(name).step(model[name as keyof QuotedStyle]);
    if (node.format === undefined) node.format = plain(model, cellType);
    return node.format;
  };
}

/**
 * The formats remembered, one level per part of the key: no key string is built and hashed
 * for each cell. A primitive is its own key (so `1` and `'1'` differ), a deep-frozen part its
 * identity, another object its content, on a branch of its own.
 */
class FormatTrie {
  format: number | undefined;
  private readonly byValue = new Map<unknown, FormatTrie>();
  private byContent: Map<string, FormatTrie> | undefined;

  step(value: unknown): FormatTrie {
    if (typeof value === 'object' && value !== null && !isDeepFrozen(value)) return child((this.byContent ??= new Map()), JSON.stringify(value));
    // A Map does not tell -0 from 0; no JSON text of an object is `-0`.
    if (value === 0 && Object.is(value, -0)) return child((this.byContent ??= new Map()), '-0');
    return child(this.byValue, value);
  }
}

function child<K>(children: Map<K, FormatTrie>, key: K): FormatTrie {
  let node = children.get(key);
  if (!node) children.set(key, (node = new FormatTrie()));
  return node;
}

/** Deep-frozen objects met so far: styles.ts shares a few parts between every cell. */
const deepFrozen = new WeakSet<object>();

/** Whether nothing in `value` can change any more: it and every object in it are frozen. */
function isDeepFrozen(value: object): boolean {
  if (deepFrozen.has(value)) return true;
  const frozen = Object.isFrozen(value) && Object.values(value).every((inner) => typeof inner !== 'object' || inner === null || isDeepFrozen(inner as object));
  if (frozen) deepFrozen.add(value);
  return frozen;
}

/** A cell style that may carry OOXML's `quotePrefix` (see enableQuotePrefix). */
export type QuotedStyle = Partial<Style> & { quotePrefix?: true };

/**
 * Lets a cell style carry `quotePrefix: true`, written as the `quotePrefix="1"` of its
 * `<xf>` (ECMA-376 Part 1, 18.8.45): Excel and LibreOffice then keep the text as text when
 * the cell is edited, and show it with the apostrophe that marks it. exceljs 4.4 has no such
 * style property (https://github.com/exceljs/exceljs/pull/2809, open) and drops it, so the
 * style manager is wrapped: such a style is registered as usual, and its `<xf>` is then
 * registered again with the attribute, as its own cell format.
 */
export function enableQuotePrefix(writer: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = internalsOf(writer).styles;
  const registered = styles?.model?.styles;
  const byXml = styles?.index?.style;
  const plain = styles?.addStyleModel?.bind(styles);
  if (!styles || !Array.isArray(registered) || typeof byXml !== 'object' || !plain) {
    throw new Error('renderXlsx: esta versión de exceljs no deja marcar celdas de texto con apóstrofo (quotePrefix)');
  }
  styles.addStyleModel = (model, cellType) => {
    const id = plain(model, cellType);
    if (model?.quotePrefix !== true) return id;
    const xml = registered[id];
    if (typeof xml !== 'string' || !xml.startsWith('<xf ')) throw new Error('renderXlsx: exceljs registró un estilo de celda inesperado');
    const quoted = xml.replace(/^<xf /, '<xf quotePrefix="1" ');
    let quotedId = byXml[quoted];
    if (quotedId === undefined) {
      quotedId = registered.length;
      byXml[quoted] = quotedId;
      registered.push(quoted);
    }
    return quotedId;
  };
}

/**
 * Writes docProps/app.xml with the company, which the streaming writer leaves out; `sheets`
 * is read when the workbook is committed, so it may still grow.
 */
export function writeCompanyInApp(writer: ExcelJS.stream.xlsx.WorkbookWriter, sheets: readonly { name: string }[], company: string): void {
  const internals = internalsOf(writer);
  const zip = internals.zip;
  if (typeof internals.addApp !== 'function' || typeof zip?.append !== 'function' || !('_definedNames' in internals)) {
    throw new Error('renderXlsx: esta versión de exceljs no tiene el escritor de libros esperado');
  }
  const AppXform = requireCjs('exceljs/lib/xlsx/xform/core/app-xform.js') as AppXformClass;
  internals.addApp = async () => {
    const xml = new AppXform().toXml({ worksheets: [...sheets], company, manager: '' });
    zip.append(xml, { name: 'docProps/app.xml' });
  };
}

/**
 * The workbook's defined names. The streaming writer has no API for them and writes what
 * it holds when the workbook is committed; LibreOffice shows an autofilter only when the
 * workbook also defines `_xlnm._FilterDatabase`, as Excel itself writes it
 * (https://github.com/exceljs/exceljs/issues/2778,
 * https://bugs.documentfoundation.org/show_bug.cgi?id=118592).
 */
export function setDefinedNames(writer: ExcelJS.stream.xlsx.WorkbookWriter, names: DefinedName[]): void {
  internalsOf(writer)._definedNames = { model: names };
}

/**
 * Writes out a finished row. The streaming writer skips a row without values, so a row of
 * empty cells would lose their borders: such a row is marked as having values.
 */
export function commitRow(row: Row): void {
  if (!row.hasValues && row.cellCount > 0) Object.defineProperty(row, 'hasValues', { value: true });
  row.commit();
}

/** The parts of the streaming worksheet writer that its typings leave out. */
interface SheetInternals {
  id?: unknown;
  stream?: { write: (chunk: string) => unknown };
  _sheetRelsWriter?: { addRelationship?: (rel: { Type: string; Target: string }) => string };
  _writeConditionalFormatting?: () => void;
  _writeRowBreaks?: () => void;
}

function sheetInternalsOf(sheet: Worksheet, needs: Array<keyof SheetInternals>): Required<SheetInternals> {
  const internals = sheet as unknown as SheetInternals;
  for (const need of needs) {
    if (internals[need] === undefined) throw new Error('renderXlsx: esta versión de exceljs no tiene el escritor de hojas esperado');
  }
  return internals as Required<SheetInternals>;
}

/**
 * Writes `xml` (conditional.ts) where the sheet's `<conditionalFormatting>` elements go, in
 * place of exceljs's own rendering of them; read when the sheet is committed.
 */
export function setConditionalFormattingXml(sheet: Worksheet, xml: () => string): void {
  const internals = sheetInternalsOf(sheet, ['_writeConditionalFormatting']);
  internals._writeConditionalFormatting = () => {
    internals.stream.write(xml());
  };
}

/**
 * Gives the sheet the drawing part `/xl/drawings/drawing{number}.xml` (which the caller adds
 * to the zip): a relationship to it, and the `<drawing>` element after the row breaks, where
 * CT_Worksheet puts it. The streaming writer has no drawings of its own but images.
 */
export function addSheetDrawing(sheet: Worksheet, number: number): void {
  const internals = sheetInternalsOf(sheet, ['_sheetRelsWriter', '_writeRowBreaks']);
  const addRelationship = internals._sheetRelsWriter.addRelationship;
  if (typeof addRelationship !== 'function') throw new Error('renderXlsx: esta versión de exceljs no deja añadir relaciones a una hoja');
  const rId = addRelationship.call(internals._sheetRelsWriter, { Type: REL_DRAWING, Target: `../drawings/drawing${number}.xml` });
  const writeRowBreaks = internals._writeRowBreaks.bind(sheet);
  internals._writeRowBreaks = () => {
    writeRowBreaks();
    internals.stream.write(`<drawing r:id="${rId}"/>`);
  };
}

/** Adds a part to the workbook's zip; before commitBook(). */
export function appendPart(writer: ExcelJS.stream.xlsx.WorkbookWriter, name: string, xml: string): void {
  const zip = internalsOf(writer).zip;
  if (typeof zip?.append !== 'function') throw new Error('renderXlsx: esta versión de exceljs no tiene el escritor de libros esperado');
  zip.append(xml, { name });
}

/**
 * Adds `<Override>`s to `[Content_Types].xml`, which exceljs writes when the workbook is
 * committed and without drawings or charts; `overrides` is read then.
 */
export function addContentTypes(writer: ExcelJS.stream.xlsx.WorkbookWriter, overrides: () => Array<{ partName: string; contentType: string }>): void {
  const internals = internalsOf(writer);
  const zip = internals.zip;
  if (typeof zip?.append !== 'function') throw new Error('renderXlsx: esta versión de exceljs no tiene el escritor de libros esperado');
  const append = zip.append.bind(zip);
  zip.append = (data, options) => {
    if (options.name !== '[Content_Types].xml') return append(data, options);
    if (typeof data !== 'string' || !data.includes('</Types>')) throw new Error('renderXlsx: exceljs escribió un [Content_Types].xml inesperado');
    const extra = overrides()
      .map(({ partName, contentType }) => `<Override PartName="${partName}" ContentType="${contentType}"/>`)
      .join('');
    return append(data.replace('</Types>', `${extra}</Types>`), options);
  };
}
