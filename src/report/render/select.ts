// Which formats a report is written in, and in what order; the CLI asks here instead of
// naming formats.
import type { ReportKind } from '../view/types.js';
import { RENDERERS } from './index.js';
import type { Renderer, RendererRole } from './renderer.js';

export interface NamedRenderer {
  name: string;
  renderer: Renderer;
}

/**
 * What each report is first of all. The transparency table is data to publish, so its
 * spreadsheet files come before its Markdown; the quarterly and annual reports are
 * documents to read, so their Markdown comes first.
 */
const LEADING_ROLE: Readonly<Record<ReportKind, RendererRole>> = {
  trimestral: 'document',
  anual: 'document',
  transparencia: 'data',
};

/** Every format name `--format` accepts besides `all`, in registry order. */
export function formatNames(): string[] {
  return Object.keys(RENDERERS);
}

export function rendererNamed(name: string): Renderer | undefined {
  return Object.hasOwn(RENDERERS, name) ? RENDERERS[name] : undefined;
}

/** The formats that serve `kind`: those of its leading role first, each role in registry order. */
export function renderersFor(kind: ReportKind): NamedRenderer[] {
  const serving = Object.entries(RENDERERS)
    .filter(([, renderer]) => renderer.kinds.includes(kind))
    .map(([name, renderer]) => ({ name, renderer }));
  const lead = LEADING_ROLE[kind];
  return [...serving.filter((r) => r.renderer.role === lead), ...serving.filter((r) => r.renderer.role !== lead)];
}
