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
  // Rendering, 0.5 s, and encoding its 30 MB of pages, 0.45 s.
  weight: 0.95,
  folder: true,
  load,
  async render(view) {
    const { renderSite } = await load();
    return renderSite(view);
  },
};
