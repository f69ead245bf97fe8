import type { Renderer } from '../renderer.js';

const load = () => import('./markdown.js');

/** Handlebars templates (templates/*.md.hbs, overridable per repository) over the view. */
export const markdown: Renderer = {
  extension: 'md',
  kinds: ['trimestral', 'anual', 'transparencia'],
  role: 'document',
  weight: 0.6,
  load,
  async render(view, options) {
    const { renderMarkdown } = await load();
    return renderMarkdown(view, options);
  },
};
