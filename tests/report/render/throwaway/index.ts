// A format that exists only in the tests: the whole of what a new renderer needs besides its
// line in src/report/render/index.ts. It writes the view's title and section titles as text.
import type { Renderer } from '../../../../src/report/render/renderer.js';

export const throwaway: Renderer = {
  extension: 'txt',
  kinds: ['trimestral', 'anual'],
  role: 'document',
  async render(view) {
    return [view.title, ...view.sections.map((section) => `- ${section.title}`)].join('\n') + '\n';
  },
};
