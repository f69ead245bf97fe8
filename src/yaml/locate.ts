import type { Document, LineCounter, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { strictYaml } from './library.js';
import type { PathSegment } from './path.js';

export interface SourceRange {
  start: number;
  end: number;
}

/**
 * The source range of the node at `path`, or of the deepest node that exists on the way
 * there (a missing property is reported on the object that should hold it).
 */
export function locate(doc: Document, path: readonly PathSegment[], atKey = false): SourceRange {
  let node: unknown = doc.contents;
  let range = rangeOf(node) ?? { start: 0, end: 0 };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (strictYaml().isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (!pair) break;
      if (last && atKey) return rangeOf(pair.key) ?? range;
      node = pair.value;
      range = rangeOf(pair.value) ?? rangeOf(pair.key) ?? range;
    } else if (strictYaml().isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      range = rangeOf(item) ?? range;
    } else {
      break;
    }
  }
  return range;
}

/**
 * Each map's pairs by key text, built the first time a map is searched: a file with 90,000
 * unknown fields has 90,000 findings to place, and a scan of the map for each was quadratic.
 * The first pair of a key wins, as a scan from the start would find it.
 */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (strictYaml().isPair(p) && strictYaml().isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

function rangeOf(node: unknown): SourceRange | undefined {
  const r = (node as YamlNode | null)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

export function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
