/**
 * "Did you mean …?" for misspelt names: the nearest valid name by edit distance
 * (optimal string alignment: insertions, deletions, substitutions and swaps of
 * two neighbouring letters each cost 1), offered only when it is close enough to
 * be a likely typo.
 */

/** Edit distance between two strings, counting a swap of neighbours as one edit. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  // three rolling rows: i-2, i-1, i
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/**
 * The candidate nearest to `input` (ignoring case, and treating `-` and `_` alike),
 * or undefined when none is within max(2, length/3) edits (1 edit for names of up
 * to 5 letters, so "sweep" does not suggest "seed"). A candidate that would need
 * every letter replaced is never offered. Ties go to the earlier candidate.
 */
export function nearest(input: string, candidates: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const needle = norm(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(needle, norm(candidate));
    const longer = Math.max(input.length, candidate.length);
    const limit = longer <= 5 ? 1 : Math.max(2, Math.floor(longer / 3));
    if (d > limit || d >= Math.max(input.length, candidate.length)) continue;
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `' Did you mean "x"?'` (with the leading space) or `''`. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const hit = nearest(input, candidates);
  return hit === undefined ? '' : ` Did you mean "${hit}"?`;
}
