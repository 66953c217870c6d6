/**
 * Bit-string helpers for landscape solutions. A solution of N <= 24 bits is packed
 * into one unsigned 32-bit integer; bit i is `(x >>> i) & 1`. Kept apart from the
 * NK model because agents' search rules use them too.
 */
import { randomInt, type Rng } from '../../rng/index.ts';

/** The solution with bit i flipped (i in [0, 31]); always a non-negative integer. */
export function flipBit(x: number, i: number): number {
  return (x ^ (1 << i)) >>> 0;
}

/** Number of 1 bits of a 32-bit integer (SWAR popcount, no loop). */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Number of bits in which two solutions differ (popcount of the xor). */
export function hammingDistance(a: number, b: number): number {
  return popcount(a ^ b);
}

/**
 * A uniform random solution of n bits (n in [1, 31]). Exactly one draw from the
 * generator: `randomInt(rng, 2^n)`, i.e. the top n bits of one 32-bit uniform.
 */
export function randomSolution(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 31) throw new RangeError(`randomSolution: n must be an integer in [1, 31], got ${n}`);
  return randomInt(rng, 2 ** n);
}
