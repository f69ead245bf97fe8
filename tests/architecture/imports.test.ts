// Imports point one way, down the pipeline (STYLE.md, «Where the tree is heading»):
// repo → yaml → schema → model → rules → diagnostics → format, and
// model → report/metrics → report/view → report/charts → report/render; i18n and io below everything,
// the CLI (and the developers' tools) on top. A folder may import its own files and any
// folder below it, never one above it or beside it. This test reads every import of src/
// (static, dynamic, type-only and re-exports) and fails on one that points up or sideways.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Height of each folder in the pipeline: a file may import only folders strictly lower (or its own). */
const LAYER: Record<string, number> = {
  i18n: 0,
  io: 0,
  repo: 1,
  yaml: 2,
  schema: 3,
  model: 4,
  calendar: 5,
  git: 5,
  rules: 6,
  diagnostics: 7,
  format: 8,
  'report/metrics': 8,
  'report/view': 9,
  // Charts drawn from the view's Chart, shared by the HTML and Markdown renderers.
  'report/charts': 10,
  'report/render': 11,
  report: 11,
  // load.ts, validate.ts and the like: they put the layers together for the CLI.
  '(root)': 12,
  cli: 13,
  tools: 14,
};

/**
 * Upward imports allowed as `from → to` folders: none. A line added here must say why the
 * import cannot point down instead.
 */
const KNOWN = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** `report/view` for src/report/view/x.ts, `rules` for src/rules/x.ts, `(root)` for src/load.ts. */
export function areaOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  // parallel/ runs the root's per-file loader (load-file.ts) in worker threads for validate.ts,
  // and cache/ keeps its outcomes between runs: they are the root layer's own machinery,
  // imported by it and importing it, so they count as the root.
  if (parts.length === 1 || parts[0] === 'parallel' || parts[0] === 'cache') return '(root)';
  if (parts[0] === 'report' && parts.length > 2) return `report/${parts[1]}`;
  return parts[0]!;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Relative specifiers a source text imports (packages and node: builtins left out). */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3]!;
    if (specifier.startsWith('.')) found.push(specifier);
  }
  return found;
}

interface Edge {
  file: string;
  from: string;
  to: string;
}

function edges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8')).map((specifier) => ({
      file: path.relative(SRC, file).split(path.sep).join('/'),
      from: areaOf(file),
      to: areaOf(path.resolve(path.dirname(file), specifier)),
    })),
  );
}

describe('import direction in src/', () => {
  const all = edges();

  it('knows the place of every folder of src/', () => {
    const unknown = [...new Set(all.flatMap((e) => [e.from, e.to]))].filter((area) => LAYER[area] === undefined);
    expect(unknown, 'add the folder to LAYER, at its place in the pipeline').toEqual([]);
  });

  it('has no import that points up or sideways in the pipeline', () => {
    const upward = all
      .filter((e) => e.from !== e.to && LAYER[e.from] !== undefined && LAYER[e.to] !== undefined && LAYER[e.to]! >= LAYER[e.from]!)
      .filter((e) => !KNOWN.has(`${e.from} → ${e.to}`))
      .map((e) => `src/${e.file} → src/${e.to}`);
    expect([...new Set(upward)].sort()).toEqual([]);
  });

  it('reads static, type-only, re-exported, side-effect and dynamic imports', () => {
    const text = [
      "import { a } from '../model/a.js';",
      "import type { B } from '../rules/b.js';",
      "export { c } from './c.js';",
      "import '../io/d.js';",
      "const e = await import('../report/view/e.js');",
      "import { f } from 'yaml';",
      "import {\n  g,\n} from '../cli/g.js';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['../model/a.js', '../rules/b.js', './c.js', '../io/d.js', '../report/view/e.js', '../cli/g.js']);
  });
});
