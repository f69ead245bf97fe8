import type { Renderer } from '../renderer.js';

const load = () => import('./workbook.js');

/** An Excel workbook: the Resumen ejecutivo (when the view has an executive page), a Resumen sheet, then one sheet per section of the view. */
export const xlsx: Renderer = {
  extension: 'xlsx',
  kinds: ['trimestral', 'anual', 'transparencia'],
  role: 'data',
  weight: 1.4,
  readsDepartments: false,
  load,
  async render(view, options) {
    const { renderXlsx } = await load();
    return renderXlsx(view, options.onCut);
  },
};
