// YAML 1.2's core schema exactly as the `yaml` library resolves plain scalars
// (yaml/dist/schema/core): same patterns, same conversions, same order. Both fast readers
// use it: js-yaml through fast.ts's types, plain-block.ts directly.

export type Resolution = [pattern: RegExp, construct: (source: string) => unknown];

export interface CoreType {
  name: 'null' | 'bool' | 'int' | 'float';
  /** The first characters any of its forms can start with (the empty text is null's). */
  starts: string;
  forms: readonly Resolution[];
}

export const CORE_TYPES: readonly CoreType[] = [
  { name: 'null', starts: '~nN', forms: [[/^(?:~|[Nn]ull|NULL)?$/, () => null]] },
  { name: 'bool', starts: 'tTfF', forms: [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']] },
  {
    name: 'int',
    starts: '+-0123456789',
    forms: [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ],
  },
  {
    name: 'float',
    starts: '+-.0123456789',
    forms: [
      // Not JSON: the fast readers send such a value to the strict path, which refuses it with
      // its own message; as a key it is written «Infinity» or «NaN» by both libraries.
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ],
  },
];

/** What resolveCoreScalar gives for a number JSON cannot hold. */
export const UNRESOLVED = Symbol('unresolved');

/** The first character of each core type's forms, to pass most plain texts (words) by without a pattern. */
const MAY_RESOLVE = new Set(CORE_TYPES.flatMap((type) => [...type.starts].map((c) => c.charCodeAt(0))));

/**
 * The value of a non-empty plain scalar: null, a boolean, a finite number or the text
 * itself; UNRESOLVED for .inf, .nan and numbers too large for a double.
 */
export function resolveCoreScalar(source: string): unknown {
  if (!MAY_RESOLVE.has(source.charCodeAt(0))) return source;
  for (const type of CORE_TYPES) {
    if (!type.starts.includes(source[0]!)) continue;
    for (const [pattern, construct] of type.forms) {
      if (!pattern.test(source)) continue;
      const value = construct(source);
      return typeof value === 'number' && !Number.isFinite(value) ? UNRESOLVED : value;
    }
  }
  return source;
}
