import type { Renderer } from '../renderer.js';

/** An Excel workbook: a Resumen sheet, then one sheet per section of the view. */
export const xlsx: Renderer = {
  extension: 'xlsx',
  kinds: ['trimestral', 'anual', 'transparencia'],
  role: 'data',
  async render(view, options) {
    const { renderXlsx } = await import('./workbook.js');
    return renderXlsx(view, options.onCut);
  },
};
