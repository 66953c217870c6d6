/**
 * How varied the organisation's solutions are, and how far its best is from the
 * landscape's peak: the measures that show whether exploration still has room to
 * pay (a monoculture has one distinct solution and zero mean distance).
 */
import { hammingDistance } from '../../model/landscape/nk.ts';
import type { PurposeAlignmentState } from './state.ts';

/**
 * Number of distinct solutions held. O(n) with a stamp per solution when the
 * landscape is small enough to keep one (`solutionStamp`), else O(n log n) by
 * sorting a copy.
 */
export function distinctSolutions(s: PurposeAlignmentState): number {
  const stamps = s.solutionStamp;
  if (stamps) {
    const stamp = ++s.stampOfCount;
    let distinct = 0;
    for (let i = 0; i < s.n; i++) {
      const x = s.solution[i];
      if (stamps[x] !== stamp) {
        stamps[x] = stamp;
        distinct++;
      }
    }
    return distinct;
  }
  const sorted = s.solutionScratch;
  sorted.set(s.solution);
  sorted.sort();
  let distinct = s.n > 0 ? 1 : 0;
  for (let i = 1; i < s.n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}

/**
 * Mean Hamming distance over all pairs of people, in decisions: with c_b people
 * holding bit b set, the pairs differing at b number c_b (n − c_b), so the mean is
 * Σ_b c_b (n − c_b) / (n (n − 1) / 2). O(n N) rather than O(n²).
 */
export function meanPairwiseHamming(s: PurposeAlignmentState): number {
  const { n, solution } = s;
  if (n < 2) return 0;
  let differing = 0;
  for (let b = 0; b < s.p.bits; b++) {
    let c = 0;
    for (let i = 0; i < n; i++) c += (solution[i] >>> b) & 1;
    differing += c * (n - c);
  }
  return differing / ((n * (n - 1)) / 2);
}

/** Hamming distance from the best solution held (lowest-numbered among ties) to the landscape's global peak. */
export function bestToPeak(s: PurposeAlignmentState): number {
  const table = s.landscape.table;
  let best = s.solution[0];
  for (let i = 1; i < s.n; i++) {
    const x = s.solution[i];
    if (table[x] > table[best] || (table[x] === table[best] && x < best)) best = x;
  }
  return hammingDistance(best, s.landscape.argmax);
}
