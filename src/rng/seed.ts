/**
 * Seed derivation. A run's seeds are a stable hash of what identifies the run
 * (master seed, condition, sweep point, replicate, purpose), never of execution
 * order, worker id or time, so any run can be re-run alone and adding a run
 * changes no other run.
 */

/** FNV-1a over the UTF-16 code units of a string, 32-bit, then an avalanche finaliser. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // murmur3 fmix32: spreads nearby inputs over the whole range
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 32-bit unsigned seed derived from the parts, e.g.
 * `deriveSeed(42, 'people', 'replicate', 3)`. Parts are joined with a separator
 * that cannot occur in a number, so ('a', 12) and ('a1', 2) differ.
 */
export function deriveSeed(master: number, ...parts: (string | number)[]): number {
  return hash32([String(master), ...parts.map(String)].join('\u241f'));
}
