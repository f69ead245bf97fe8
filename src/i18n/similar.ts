/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate with a key closest to `target` (a typo, a plural, a name spelled out instead
 * of its key), or undefined when none is within `limit(target.length)` edits. Keys are compared
 * as given, so callers normalise both sides (case, accents) the way they need. Ties keep
 * candidate order, so the suggestion is stable.
 */
export function closestMatch<T>(
  target: string,
  candidates: readonly T[],
  keysOf: (candidate: T) => string[],
  limit: (length: number) => number = (length) => Math.max(1, Math.floor(length / 3)),
): T | undefined {
  const allowed = limit(target.length);
  let best: { candidate: T; distance: number } | undefined;
  for (const candidate of candidates) {
    for (const key of keysOf(candidate)) {
      // The lengths alone bound the distance from below: skip keys that cannot be close.
      if (Math.abs(key.length - target.length) > allowed) continue;
      const distance = editDistance(target, key);
      if (distance <= allowed && (!best || distance < best.distance)) best = { candidate, distance };
    }
  }
  return best?.candidate;
}
