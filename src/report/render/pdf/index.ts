import { RendererUnavailable, type Renderer } from '../renderer.js';
import { findChromium } from './chromium.js';

/**
 * The report as one printable document, for the cabildo session: the HTML site's
 * printable page printed by the machine's own Chromium. Left out of `--format all`,
 * because a machine without Chromium must still get every other format.
 */
export const pdf: Renderer = {
  extension: 'pdf',
  kinds: ['trimestral', 'anual', 'transparencia'],
  role: 'document',
  inAll: false,
  requires: 'Chromium',
  unavailable() {
    const lookup = findChromium();
    return 'found' in lookup ? undefined : lookup;
  },
  async render(view, options) {
    const lookup = findChromium();
    if (!('found' in lookup)) throw new RendererUnavailable(lookup.text, lookup.params);
    const [{ renderPrintableHtml }, { printPdf }] = await Promise.all([import('../html/printable.js'), import('./print.js')]);
    return printPdf(await renderPrintableHtml(view, options), lookup.found);
  },
};
