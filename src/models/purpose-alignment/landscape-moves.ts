/** Moves on the NK landscape: long jumps (creative ideas) and recombination of two solutions. */
import type { Rng } from '../../rng/index.ts';

/** Flips `count` distinct random bits of x (count <= bits). */
export function longJump(rng: Rng, x: number, bits: number, count: number): number {
  let flipped = 0;
  let done = 0;
  while (done < count) {
    const bit = 1 << Math.floor(rng() * bits);
    if (flipped & bit) continue;
    flipped |= bit;
    done++;
  }
  return (x ^ flipped) >>> 0;
}

/** Uniform crossover: each bit from a or b with equal chance (a, b < 2^bits, bits <= 24). */
export function recombine(rng: Rng, a: number, b: number, bits: number): number {
  const mask = rng.int32() & ((1 << bits) - 1);
  return (a & mask) | (b & ~mask);
}
