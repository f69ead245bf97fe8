import type { Renderer } from '../renderer.js';

/** An Excel workbook: the Resumen ejecutivo (when the view has an executive page), a Resumen sheet, then one sheet per section of the view. */
export const xlsx: Renderer = {
  extension: 'xlsx',
  kinds: ['trimestral', 'anual', 'transparencia'],
  role: 'data',
  weight: 1.4,
  async render(view, options) {
    const { renderXlsx } = await import('./workbook.js');
    return renderXlsx(view, options.onCut);
  },
};
