/**
 * Variance-based global sensitivity (Sobol' indices) from a Saltelli design.
 *
 * Design (Saltelli et al. 2010, "Variance based sensitivity analysis of model
 * output", Computer Physics Communications 181): two independent n × k matrices A
 * and B of uniform draws, and for each input i the matrix AB_i, A with column i
 * taken from B. The model is evaluated on every row: n (k + 2) evaluations. Here
 * the rows are laid out block by block: for j = 0..n-1 the block is
 * A_j, AB_1j, …, AB_kj, B_j, so row j (k + 2) + r has role r (0 = A, 1..k = AB_r,
 * k + 1 = B).
 *
 * Estimators, with V the variance of all f(A) and f(B) values:
 *   first order  S_i  = mean(f(B) (f(AB_i) − f(A))) / V      (Saltelli 2010, Table 2 b)
 *   total        ST_i = mean((f(A) − f(AB_i))²) / (2 V)      (Jansen 1999; Saltelli 2010, Table 2 f)
 * A block with a NaN output is left out. Confidence intervals are bootstrap
 * percentile intervals over blocks, with a seeded stream so they are reproducible.
 */
import { quantile } from './descriptive.ts';

/** A uniform draw in [0, 1): any seeded generator (e.g. orgsim's `Rng`). */
export type Uniform = () => number;

/** Rows of a Saltelli design on the unit cube: n (k + 2) rows of k values, row-major. */
export function saltelliSample(n: number, k: number, uniform: Uniform): Float64Array {
  const rows = new Float64Array(n * (k + 2) * k);
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < k; i++) a[i] = uniform();
    for (let i = 0; i < k; i++) b[i] = uniform();
    const block = j * (k + 2) * k;
    for (let r = 0; r < k + 2; r++) {
      const row = rows.subarray(block + r * k, block + (r + 1) * k);
      row.set(r === k + 1 ? b : a);
      if (r >= 1 && r <= k) row[r - 1] = b[r - 1];
    }
  }
  return rows;
}

export interface SobolIndex {
  first: number;
  firstLow: number;
  firstHigh: number;
  total: number;
  totalLow: number;
  totalHigh: number;
}

export interface SobolResult {
  /** Blocks used (those without a NaN output). */
  n: number;
  /** One per input, in design column order. */
  indices: SobolIndex[];
}

export interface SobolOptions {
  /** Stream for the bootstrap. */
  uniform: Uniform;
  /** Bootstrap resamples (default 1000). */
  resamples?: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
}

/** Sobol' indices of one output, `y` holding the model output of each design row (length n (k + 2)). */
export function sobolIndices(y: ArrayLike<number>, k: number, options: SobolOptions): SobolResult {
  const width = k + 2;
  if (y.length % width !== 0) throw new RangeError(`sobolIndices: ${y.length} outputs is not a multiple of k + 2 = ${width}`);
  const blocks: number[] = [];
  for (let j = 0; j < y.length / width; j++) {
    let ok = true;
    for (let r = 0; r < width; r++) if (Number.isNaN(y[j * width + r])) ok = false;
    if (ok) blocks.push(j * width);
  }
  const n = blocks.length;
  const point = estimate(y, k, blocks);
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const boot = Array.from({ length: k }, () => ({ first: new Float64Array(resamples), total: new Float64Array(resamples) }));
  const drawn = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < n; j++) drawn[j] = blocks[Math.floor(options.uniform() * n)];
    const e = estimate(y, k, drawn);
    for (let i = 0; i < k; i++) {
      boot[i].first[b] = e[i].first;
      boot[i].total[b] = e[i].total;
    }
  }
  const lo = (1 - level) / 2;
  const ci = (values: Float64Array) => {
    if (values.some(Number.isNaN)) return [NaN, NaN];
    values.sort();
    return [quantile(values, lo), quantile(values, 1 - lo)];
  };
  const indices = point.map((p, i) => {
    const [firstLow, firstHigh] = n >= 2 ? ci(boot[i].first) : [NaN, NaN];
    const [totalLow, totalHigh] = n >= 2 ? ci(boot[i].total) : [NaN, NaN];
    return { first: p.first, firstLow, firstHigh, total: p.total, totalLow, totalHigh };
  });
  return { n, indices };
}

/** Point estimates over the given blocks (offsets of A_j rows). */
function estimate(y: ArrayLike<number>, k: number, blocks: readonly number[]): { first: number; total: number }[] {
  const n = blocks.length;
  let sum = 0;
  for (const o of blocks) sum += y[o] + y[o + k + 1];
  const m = sum / (2 * n);
  let ss = 0;
  for (const o of blocks) ss += (y[o] - m) ** 2 + (y[o + k + 1] - m) ** 2;
  const variance = ss / (2 * n);
  const out: { first: number; total: number }[] = [];
  for (let i = 1; i <= k; i++) {
    let first = 0;
    let total = 0;
    for (const o of blocks) {
      const fa = y[o];
      const fab = y[o + i];
      first += y[o + k + 1] * (fab - fa);
      total += (fa - fab) ** 2;
    }
    out.push(variance > 0 ? { first: first / n / variance, total: total / (2 * n) / variance } : { first: NaN, total: NaN });
  }
  return out;
}
