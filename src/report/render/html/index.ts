import type { Renderer } from '../renderer.js';

/**
 * A static site (`<salida>/<base>/index.html`, a page per department, one stylesheet) that
 * works from the file system or any static host. The transparency table is served too, as
 * one page with its table: the portal can publish it as it is.
 */
export const html: Renderer = {
  extension: 'html',
  kinds: ['trimestral', 'anual', 'transparencia'],
  role: 'document',
  weight: 0.85,
  folder: true,
  async render(view) {
    const { renderSite } = await import('./site.js');
    return renderSite(view);
  },
};
