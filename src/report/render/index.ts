import { csv } from './csv/index.js';
import { html } from './html/index.js';
import { markdown } from './markdown/index.js';
import { pdf } from './pdf/index.js';
import type { Renderer } from './renderer.js';
import { xlsx } from './xlsx/index.js';

/**
 * Output formats of `plan report --format`, by the name the option takes; one folder each.
 * Within a report, formats of the same role keep this order (select.ts).
 */
export const RENDERERS: Readonly<Record<string, Renderer>> = { md: markdown, xlsx, csv, html, pdf };
