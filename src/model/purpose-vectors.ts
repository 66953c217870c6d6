/**
 * Purpose as unit vectors in R^d, stored row-wise in one Float64Array (agent i's
 * vector is [i*d, (i+1)*d)). Alignment of two purposes is their cosine; the
 * organisation's mission is the first axis.
 */
import { randomNormal, type Rng } from '../rng/index.ts';

export function dot(v: Float64Array, i: number, j: number, d: number): number {
  let s = 0;
  const a = i * d;
  const b = j * d;
  for (let k = 0; k < d; k++) s += v[a + k] * v[b + k];
  return s;
}

/** Rescales row i to unit length; a zero row becomes the mission axis. */
export function normalizeRow(v: Float64Array, i: number, d: number): void {
  const a = i * d;
  let s = 0;
  for (let k = 0; k < d; k++) s += v[a + k] * v[a + k];
  if (s === 0) {
    v[a] = 1;
    return;
  }
  const inv = 1 / Math.sqrt(s);
  for (let k = 0; k < d; k++) v[a + k] *= inv;
}

/**
 * Sets row i to a unit purpose whose cosine with the mission (axis 0) is exactly
 * `alignment`, pointing otherwise in a random direction. Always draws d normals,
 * so the stream advances the same way whatever the alignment.
 */
export function drawPurpose(rng: Rng, v: Float64Array, i: number, d: number, alignment: number): void {
  const a = i * d;
  v[a] = 0;
  randomNormal(rng); // keeps d draws per person; the mission component is set below
  let s = 0;
  for (let k = 1; k < d; k++) {
    const x = randomNormal(rng);
    v[a + k] = x;
    s += x * x;
  }
  const off = Math.sqrt(Math.max(0, 1 - alignment * alignment)) / (Math.sqrt(s) || 1);
  for (let k = 1; k < d; k++) v[a + k] *= off;
  v[a] = alignment;
}

/** Length of the mean of the unit purposes: 1 when all share one purpose, near 0 when scattered. */
export function coherence(v: Float64Array, n: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += v[i * d + k];
    m /= n;
    s += m * m;
  }
  return Math.sqrt(s);
}
