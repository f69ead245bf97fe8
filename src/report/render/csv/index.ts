import type { Renderer } from '../renderer.js';

const load = () => import('./csv.js');

/** The section transparency platforms import; the other reports have no single table to give. */
const SECTION = 'indicadores';

/** One table as CSV (RFC 4180), for the transparency platform. */
export const csv: Renderer = {
  extension: 'csv',
  kinds: ['transparencia'],
  role: 'data',
  weight: 0.1,
  readsDepartments: false,
  load,
  async render(view) {
    const { renderCsv } = await load();
    return renderCsv(view, SECTION);
  },
};
