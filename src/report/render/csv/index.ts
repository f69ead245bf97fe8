import type { Renderer } from '../renderer.js';

/** The section transparency platforms import; the other reports have no single table to give. */
const SECTION = 'indicadores';

/** One table as CSV (RFC 4180), for the transparency platform. */
export const csv: Renderer = {
  extension: 'csv',
  kinds: ['transparencia'],
  role: 'data',
  weight: 0.1,
  async render(view) {
    const { renderCsv } = await import('./csv.js');
    return renderCsv(view, SECTION);
  },
};
