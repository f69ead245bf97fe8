// Document order for schema errors without looking up any position: the order of a path's
// segments in the parsed value (list index, key's place in its map) is the order they were
// written in the file. Positions (src/yaml/sources.ts) are the expensive part and are only
// wanted for the findings that are kept.
import type { PathSegment } from '../yaml/path.js';

/**
 * Sort keys for paths in one parsed value: comparing two keys with `<` compares the paths in
 * document order, and a section's key sorts before everything inside it.
 *
 * Each segment becomes two UTF-16 code units (its index, up to 2³² − 1), so the key of a
 * path is as long as the path is deep. A map's key indexes are built once per map, on
 * first use, so ordering N errors of one N-key map is linear.
 *
 * JavaScript objects list integer-like keys first («2019:» in a year-keyed section): such
 * keys are ordered by value rather than as written. That only changes which findings come
 * first within one map whose years are written out of order.
 */
export class DocumentOrder {
  private readonly keyIndexes = new WeakMap<object, Map<string, number>>();
  /** Places already walked to, by pointer: the thousands of errors of one list share their parent. */
  private readonly parents = new Map<string, Place>();

  constructor(private readonly root: unknown) {}

  /** The key of a JSON pointer as ajv writes `instancePath`, and of one more segment below it. */
  keyOfPointer(pointer: string, below?: PathSegment): string {
    const place = this.place(pointer);
    return below === undefined ? place.key : this.step(place, below).key;
  }

  private place(pointer: string): Place {
    if (pointer === '') return { key: '', node: this.root };
    const cut = pointer.lastIndexOf('/');
    const parentPointer = pointer.slice(0, cut);
    let parent = this.parents.get(parentPointer);
    if (!parent) {
      parent = this.place(parentPointer);
      this.parents.set(parentPointer, parent);
    }
    const raw = pointer.slice(cut + 1);
    return this.step(parent, raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw);
  }

  private step(place: Place, segment: PathSegment): Place {
    const node = place.node;
    let index = UNKNOWN;
    if (Array.isArray(node)) {
      const at = Number(segment);
      if (Number.isInteger(at) && at >= 0 && at < node.length) index = at;
    } else if (typeof node === 'object' && node !== null) {
      index = this.indexesOf(node).get(String(segment)) ?? UNKNOWN;
    }
    const key = place.key + String.fromCharCode(index >>> 16, index & 0xffff);
    return { key, node: index === UNKNOWN ? undefined : (node as Record<string, unknown>)[segment] };
  }

  private indexesOf(node: object): Map<string, number> {
    let indexes = this.keyIndexes.get(node);
    if (!indexes) {
      indexes = new Map();
      let i = 0;
      for (const name of Object.keys(node)) indexes.set(name, i++);
      this.keyIndexes.set(node, indexes);
    }
    return indexes;
  }
}

interface Place {
  key: string;
  node: unknown;
}

/** A segment not found in the value (never expected): sorted after every real one. */
const UNKNOWN = 0xffffffff;
