import type { Renderer } from '../renderer.js';

/** Handlebars templates (templates/*.md.hbs, overridable per repository) over the view. */
export const markdown: Renderer = {
  extension: 'md',
  kinds: ['trimestral', 'anual', 'transparencia'],
  role: 'document',
  weight: 0.6,
  async render(view, options) {
    const { renderMarkdown } = await import('./markdown.js');
    return renderMarkdown(view, options);
  },
};
