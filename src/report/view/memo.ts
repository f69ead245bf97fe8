// Many cells of a report repeat the same value (percentages, units, semáforo labels, claves),
// and the view and the renderers format, measure and escape each one: done once per distinct
// value, a 100-department report spends a fraction of the time. Only for pure functions of the key.

/** Entries a memo holds before it starts over: enough for a large report, bounded for a long-lived process. */
const LIMIT = 100_000;

/**
 * `compute`, remembered per distinct key. The key must be everything the result depends on;
 * a number key must not be -0, which a Map does not tell from 0.
 */
export function memoize<K, V>(compute: (key: K) => V, limit = LIMIT): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= limit) known.clear();
      value = compute(key);
      known.set(key, value);
    }
    return value;
  };
}
