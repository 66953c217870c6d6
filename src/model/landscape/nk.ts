/**
 * Kauffman's NK fitness landscape, as used by Levinthal (1997, Management Science)
 * and Lazer & Friedman (2007, ASQ) for organisational search.
 *
 * A solution is N bits packed into an unsigned 32-bit integer (bit i is
 * `(x >>> i) & 1`), N in [1, 24]. Each bit i depends on K other bits; its
 * contribution c_i is read from a table of 2^(K+1) uniform [0, 1) values indexed by
 * bit i and its K dependencies:
 *
 *   index_i(x) = x_i + 2·x_{d(i,0)} + 4·x_{d(i,1)} + … + 2^K·x_{d(i,K-1)}
 *
 * where d(i, j) = `dependencies[i*K + j]`. Raw fitness is the mean of the N
 * contributions; the landscape stores every solution's fitness divided by the
 * maximum over all 2^N solutions (the literature's normalisation), so the global
 * peak scores exactly 1.
 *
 * Draw order (the same generator state and options always give the same landscape):
 *  1. Dependencies, for bit i = 0, 1, …, N-1 in turn:
 *     - 'random' (default): K distinct other bits by a partial Fisher–Yates shuffle of
 *       the other bits listed ascending: for j = 0 … K-1, r = j + randomInt(rng, N-1-j),
 *       swap candidates j and r, d(i, j) = candidate j. K draws per bit.
 *     - 'random-with-replacement': for j = 0 … K-1, u = randomInt(rng, N-1),
 *       d(i, j) = u < i ? u : u + 1. K draws per bit; a bit drawn twice simply fills
 *       two positions of the index (Lazer & Friedman's published code).
 *     - 'any-with-replacement': d(i, j) = randomInt(rng, N): itself and repeats allowed.
 *       K draws per bit.
 *     - 'any-without-replacement': K distinct bits of all N (itself possible), by the
 *       partial Fisher–Yates shuffle above over 0 … N-1: r = j + randomInt(rng, N-j).
 *       K draws per bit (Barkoczi & Galesic's 2016 code: `sample(1:N, K)`).
 *     - 'adjacent': d(i, j) = (i + 1 + j) mod N. No draws.
 *  2. Contributions: bit 0's table entries 0 … 2^(K+1)-1 in index order, then bit 1's,
 *     and so on; one `rng.double()` call each (uniform [0, 1), 53-bit resolution).
 *     With `contributionSteps` s, each is rounded to the nearest multiple of 1/s
 *     (s = 10: one decimal, as Barkoczi & Galesic's code rounds); the sums are then
 *     taken on the integer grid, so equal sums are exactly equal (real ties).
 * Nothing else is drawn, so the generator is left in a known state.
 *
 * Why 53-bit contributions and a Float64 table: solutions are compared for strict
 * improvement, so exact ties between distinct solutions are artefacts. With 32-bit
 * contributions (`rng()`), sums of N values on a 2^-32 grid collide by the birthday
 * effect (about 24 tied values at N = 20, K = 5). Storing the normalised table as
 * Float32 would halve memory (64 MiB instead of 128 MiB at N = 24) but rounds to a
 * 24-bit mantissa: at N = 20, K = 5 about 105,000 of the 2^20 values tie with
 * another, and at N = 24 some one-bit neighbours tie, changing hill-climbing stops
 * and local-optimum counts. With 53-bit draws and Float64 storage no ties were seen.
 * The cost is memory: 8 MiB at N = 20 (first-touching it is a sizeable share of the
 * ~20 ms build at N = 20, K = 5) and 128 MiB at N = 24.
 *
 * Memory limit: the contribution tables hold N·2^(K+1) doubles; this is capped at
 * 2^26 entries (512 MiB), which allows every K for N <= 21 and K <= 20 for N = 22 … 24.
 */
import { randomInt, type Rng } from '../../rng/index.ts';

export { flipBit, hammingDistance, popcount, randomSolution } from './bits.ts';

/**
 * How each bit's K dependencies are chosen: the K next bits (`adjacent`), K distinct
 * other bits (`random`), K other bits with repeats (`random-with-replacement`), or K
 * draws from all N bits, itself and repeats included (`any-with-replacement`), as the
 * generator of Lazer & Friedman's original code draws them: a link to itself or a repeated
 * link adds no interaction, so such landscapes are a little smoother than K says.
 */
export type NkDependencyRule = 'adjacent' | 'random' | 'random-with-replacement' | 'any-with-replacement' | 'any-without-replacement';

const DEPENDENCY_RULES: readonly NkDependencyRule[] = ['adjacent', 'random', 'random-with-replacement', 'any-with-replacement', 'any-without-replacement'];

export interface NkOptions {
  /** Default 'random' (K distinct other bits). */
  dependencies?: NkDependencyRule;
  /** Round each contribution to the nearest multiple of 1/contributionSteps (an integer >= 1); default: not rounded. */
  contributionSteps?: number;
}

export interface NkLandscape {
  readonly n: number;
  readonly k: number;
  readonly dependencyRule: NkDependencyRule;
  /** Length 2^N: normalised fitness (raw fitness / `max`) of every solution; the peak is exactly 1. */
  readonly table: Float64Array;
  /** Raw maximum fitness (mean of contributions) over all 2^N solutions, before normalising. */
  readonly max: number;
  /** The lowest-numbered solution with normalised fitness exactly 1. */
  readonly argmax: number;
  /** Length N·K: the dependencies of bit i are `dependencies[i*K .. i*K + K)` (i itself only under the `any-…` rules). */
  readonly dependencies: Int32Array;
  /** Length N·2^(K+1): bit i's contribution for table index t is `contributions[i * 2^(K+1) + t]`. */
  readonly contributions: Float64Array;
}

/** Largest number of contribution entries (N·2^(K+1)) a landscape may hold. */
export const NK_MAX_CONTRIBUTIONS = 2 ** 26;

/**
 * Why an NK landscape of N bits and K interactions is too big to build (its table of
 * N·2^(K+1) contributions over NK_MAX_CONTRIBUTIONS, e.g. N = 24, K = 23), or
 * undefined: for models' parameter checks, so the limit is met at validation.
 */
export function nkSizeProblem(n: number, k: number): string | undefined {
  const entries = n * 2 ** (k + 1);
  if (entries <= NK_MAX_CONTRIBUTIONS) return undefined;
  return `an NK landscape of bits ${n} and interactions ${k} needs bits × 2^(interactions+1) = ${entries} contribution values, more than the ${NK_MAX_CONTRIBUTIONS} (2^26) orgsim builds; lower interactions (at most ${Math.floor(Math.log2(NK_MAX_CONTRIBUTIONS / n)) - 1} with ${n} bits) or bits`;
}

/**
 * Why `interactions` (K) does not fit `bits` (N), or undefined: K must be below N, and the
 * landscape must fit (`nkSizeProblem`). For models' parameter checks (key `interactions`).
 */
export function nkInteractionsProblem(bits: number, interactions: number): string | undefined {
  if (interactions >= bits) return `must be less than bits (${bits}), got ${interactions}`;
  return nkSizeProblem(bits, interactions);
}

/** Bytes an NK landscape of N bits and K interactions holds: contributions N·2^(K+1) and the fitness table 2^N, as doubles. */
export function nkLandscapeBytes(n: number, k: number): number {
  return 8 * (n * 2 ** (k + 1) + 2 ** n);
}

/** Draws a landscape; see the file header for the exact draw order. */
export function createNkLandscape(n: number, k: number, rng: Rng, options: NkOptions = {}): NkLandscape {
  const rule = options.dependencies ?? 'random';
  if (!Number.isInteger(n) || n < 1 || n > 24) throw new RangeError(`NK: N must be an integer in [1, 24], got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n - 1) throw new RangeError(`NK: K must be an integer in [0, N-1] = [0, ${n - 1}], got ${k}`);
  if (!DEPENDENCY_RULES.includes(rule)) throw new RangeError(`NK: unknown dependency rule '${String(rule)}'`);
  const steps = options.contributionSteps;
  if (steps !== undefined && !(Number.isInteger(steps) && steps >= 1)) throw new RangeError(`NK: contributionSteps must be an integer >= 1, got ${steps}`);
  const width = 2 ** (k + 1);
  if (n * width > NK_MAX_CONTRIBUTIONS) {
    throw new RangeError(`NK: N·2^(K+1) = ${n * width} contribution entries exceeds the limit of ${NK_MAX_CONTRIBUTIONS}`);
  }

  const dependencies = drawDependencies(n, k, rng, rule);
  const contributions = new Float64Array(n * width);
  for (let e = 0; e < contributions.length; e++) contributions[e] = rng.double();
  // rounded: sum whole numbers of steps (exact), and report the contributions as values
  if (steps !== undefined) for (let e = 0; e < contributions.length; e++) contributions[e] = Math.round(contributions[e] * steps);

  const { table, maxSum } = buildTable(n, k, dependencies, contributions);
  const scale = steps ?? 1;
  if (steps !== undefined) for (let e = 0; e < contributions.length; e++) contributions[e] /= steps;
  let argmax = 0;
  if (maxSum > 0) {
    // Division (not multiplication by 1/maxSum) so the peak is exactly 1.
    for (let x = 0; x < table.length; x++) table[x] = table[x] / maxSum;
    while (table[argmax] !== 1) argmax++;
  } else {
    // Only if every contribution is 0 (never unrounded: `rng.double()` never returns 0): all solutions are peaks.
    table.fill(1);
  }
  return { n, k, dependencyRule: rule, table, max: maxSum / scale / n, argmax, dependencies, contributions };
}

function drawDependencies(n: number, k: number, rng: Rng, rule: NkDependencyRule): Int32Array {
  const deps = new Int32Array(n * k);
  if (k === 0) return deps;
  if (rule === 'adjacent') {
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) deps[i * k + j] = (i + 1 + j) % n;
  } else if (rule === 'any-with-replacement') {
    for (let e = 0; e < n * k; e++) deps[e] = randomInt(rng, n);
  } else if (rule === 'any-without-replacement') {
    const candidates = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < n; c++) candidates[c] = c;
      drawDistinct(candidates, k, rng, deps, i * k);
    }
  } else if (rule === 'random-with-replacement') {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        const u = randomInt(rng, n - 1);
        deps[i * k + j] = u < i ? u : u + 1;
      }
    }
  } else {
    const candidates = new Int32Array(n - 1);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < n - 1; c++) candidates[c] = c < i ? c : c + 1;
      drawDistinct(candidates, k, rng, deps, i * k);
    }
  }
  return deps;
}

/** Partial Fisher–Yates: the first k candidates after k swaps, written to out[at .. at + k). k draws. */
function drawDistinct(candidates: Int32Array, k: number, rng: Rng, out: Int32Array, at: number): void {
  for (let j = 0; j < k; j++) {
    const r = j + randomInt(rng, candidates.length - j);
    const t = candidates[j];
    candidates[j] = candidates[r];
    candidates[r] = t;
    out[at + j] = candidates[j];
  }
}

/** Solutions summed side by side in `buildTable` (eight independent sums keep the CPU's adders busy). */
const BLOCK = 8;

/**
 * Sum of contributions for every solution (Float64Array of length 2^N) and its
 * maximum. Bit i's table index is a sum over the set bits b of x of a weight
 * w(i, b) (the index positions that read bit b), so it splits into a part from the
 * low L bits and a part from the high N-L bits. Both parts are tabulated once per
 * bit (each entry from the entry with its lowest set bit cleared). The main loop
 * sums BLOCK solutions at once, one accumulator each, reading their low parts from a
 * block-interleaved copy (`lowBlocks[(l / BLOCK)·N·BLOCK + i·BLOCK + l mod BLOCK]`):
 * the sums are independent, so they overlap instead of waiting on each other, which
 * measured 2.5× faster than one solution at a time (`npm run bench`). Each solution's
 * bits are still summed in order 0 … N-1, as in `nkFitnessRaw`, so raw sums agree exactly.
 */
function buildTable(n: number, k: number, deps: Int32Array, contributions: Float64Array): { table: Float64Array; maxSum: number } {
  const width = 2 ** (k + 1);
  // weight[i*n + b]: index bits of bit i's contribution that read solution bit b.
  const weight = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    weight[i * n + i] += 1;
    for (let j = 0; j < k; j++) weight[i * n + deps[i * k + j]] += 2 ** (j + 1);
  }
  // at least 3 low bits, so a row of low parts is whole blocks (for N < 3 it is padded)
  const lowBits = Math.min(n, Math.max(3, Math.ceil(n / 2)));
  const highBits = n - lowBits;
  const lowSize = 2 ** lowBits;
  const rowSize = Math.max(lowSize, BLOCK);
  const highSize = 2 ** highBits;
  // low part of bit i for low bits l; high[h*n + i]: i·width plus the part from high bits h.
  const low = partialIndices(n, weight, 0, lowBits, 0);
  const high = partialIndices(n, weight, lowBits, highBits, width);
  const lowBlocks = new Int32Array(rowSize * n); // padding rows (N < 3) read index 0 and are dropped
  for (let l = 0; l < lowSize; l++) {
    for (let i = 0; i < n; i++) lowBlocks[(l - (l % BLOCK)) * n + i * BLOCK + (l % BLOCK)] = low[l * n + i];
  }

  const sums = new Float64Array(highSize * rowSize);
  const c = contributions;
  const base = new Int32Array(n);
  for (let h = 0; h < highSize; h++) {
    for (let i = 0; i < n; i++) base[i] = high[h * n + i];
    for (let l = 0; l < rowSize; l += BLOCK) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let i = 0, r = l * n; i < n; i++, r += BLOCK) {
        const b = base[i];
        s0 += c[b + lowBlocks[r]];
        s1 += c[b + lowBlocks[r + 1]];
        s2 += c[b + lowBlocks[r + 2]];
        s3 += c[b + lowBlocks[r + 3]];
        s4 += c[b + lowBlocks[r + 4]];
        s5 += c[b + lowBlocks[r + 5]];
        s6 += c[b + lowBlocks[r + 6]];
        s7 += c[b + lowBlocks[r + 7]];
      }
      const o = h * rowSize + l;
      sums[o] = s0;
      sums[o + 1] = s1;
      sums[o + 2] = s2;
      sums[o + 3] = s3;
      sums[o + 4] = s4;
      sums[o + 5] = s5;
      sums[o + 6] = s6;
      sums[o + 7] = s7;
    }
  }
  const table = rowSize === lowSize ? sums : sums.slice(0, lowSize);
  // A separate pass: tracking the maximum inside the loop above makes it slower.
  let maxSum = -Infinity;
  for (let x = 0; x < table.length; x++) if (table[x] > maxSum) maxSum = table[x];
  return { table, maxSum };
}

/** Per-bit index parts for solution bits [first, first + count); entry 0 of bit i is i·stride. */
function partialIndices(n: number, weight: Int32Array, first: number, count: number, stride: number): Int32Array {
  const size = 2 ** count;
  const out = new Int32Array(size * n);
  for (let i = 0; i < n; i++) out[i] = i * stride;
  for (let v = 1; v < size; v++) {
    const lowest = 31 - Math.clz32(v & -v);
    const prev = v & (v - 1);
    const w = first + lowest;
    for (let i = 0; i < n; i++) out[v * n + i] = out[prev * n + i] + weight[i * n + w];
  }
  return out;
}

/** Bit i's contribution table index for solution x (see the file header). */
export function nkContributionIndex(landscape: NkLandscape, i: number, x: number): number {
  const { k, dependencies } = landscape;
  let index = (x >>> i) & 1;
  for (let j = 0; j < k; j++) index += ((x >>> dependencies[i * k + j]) & 1) << (j + 1);
  return index;
}

/**
 * Raw fitness (mean of the N contributions) computed directly from the
 * contribution tables, without the precomputed table. Slow; for checking and for
 * callers that want unnormalised values. Normalised fitness is this / `max`.
 */
export function nkFitnessRaw(landscape: NkLandscape, x: number): number {
  const { n, k, contributions } = landscape;
  const width = 2 ** (k + 1);
  let s = 0;
  for (let i = 0; i < n; i++) s += contributions[i * width + nkContributionIndex(landscape, i, x)];
  return s / n;
}

/** Normalised fitness of solution x (a table read). */
export function nkFitness(landscape: NkLandscape, x: number): number {
  return landscape.table[x];
}

/** True when no one-bit neighbour of x has strictly higher fitness. */
export function isLocalOptimum(landscape: NkLandscape, x: number): boolean {
  const { n, table } = landscape;
  const f = table[x];
  for (let i = 0; i < n; i++) if (table[x ^ (1 << i)] > f) return false;
  return true;
}

/** Number of solutions with no strictly better one-bit neighbour (see `isLocalOptimum`). */
export function countLocalOptima(landscape: NkLandscape): number {
  let count = 0;
  for (let x = 0; x < landscape.table.length; x++) if (isLocalOptimum(landscape, x)) count++;
  return count;
}
