import type { Renderer } from '../renderer.js';

const load = () => import('./site.js');

/**
 * A static site (`<salida>/<base>/index.html`, a page per department, one stylesheet) that
 * works from the file system or any static host. The transparency table is served too, as
 * one page with its table: the portal can publish it as it is.
 */
export const html: Renderer = {
  extension: 'html',
  kinds: ['trimestral', 'anual', 'transparencia'],
  role: 'document',
  // Rendering and encoding its 32 MB of pages: 0.95 s when weighed, 0.5–0.65 s since each page is encoded piece by piece.
  weight: 0.95,
  folder: true,
  load,
  async render(view) {
    const { renderSite } = await load();
    return renderSite(view);
  },
};
