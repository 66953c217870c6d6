/**
 * A changing task environment (turbulence, as in March 1991 and Siggelkow & Rivkin
 * 2005): one decision's contribution table is redrawn, every solution's fitness
 * changes accordingly, and the landscape is renormalised so its new peak scores 1.
 * O(2^N): the redrawn bit's table index for every solution is the sum of a part from
 * the low half of the bits and a part from the high half, each tabulated once.
 */
import type { Rng } from '../../rng/index.ts';
import type { NkLandscape } from './nk.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function redrawContribution(landscape: NkLandscape, bit: number, rng: Rng): void {
  const l = landscape as Mutable<NkLandscape>;
  const { n, k, table, contributions, dependencies } = l;
  const width = 2 ** (k + 1);
  const start = bit * width;
  const delta = new Float64Array(width);
  for (let t = 0; t < width; t++) {
    const fresh = rng.double();
    delta[t] = fresh - contributions[start + t];
    contributions[start + t] = fresh;
  }
  // weight[b]: what solution bit b adds to the redrawn bit's table index
  const weight = new Int32Array(n);
  weight[bit] += 1;
  for (let j = 0; j < k; j++) weight[dependencies[bit * k + j]] += 2 ** (j + 1);
  const lowBits = Math.ceil(n / 2);
  const low = indexParts(weight, 0, lowBits);
  const high = indexParts(weight, lowBits, n - lowBits);

  const maxSum = l.max * n;
  let newMax = -Infinity;
  for (let h = 0; h < high.length; h++) {
    const offset = h << lowBits;
    for (let v = 0; v < low.length; v++) {
      const x = offset + v;
      const sum = table[x] * maxSum + delta[high[h] + low[v]];
      table[x] = sum;
      if (sum > newMax) newMax = sum;
    }
  }
  let argmax = -1;
  for (let x = 0; x < table.length; x++) {
    table[x] = table[x] / newMax;
    if (argmax < 0 && table[x] === 1) argmax = x;
  }
  l.max = newMax / n;
  l.argmax = argmax;
}

/** parts[v] = sum of weight[first + b] over the set bits b of v. */
function indexParts(weight: Int32Array, first: number, count: number): Int32Array {
  const parts = new Int32Array(2 ** count);
  for (let v = 1; v < parts.length; v++) parts[v] = parts[v & (v - 1)] + weight[first + 31 - Math.clz32(v & -v)];
  return parts;
}
