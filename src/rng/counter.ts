/**
 * Counter-based draws for common random numbers across conditions.
 *
 * A sequential generator hands out numbers in the order they are asked for, so two
 * conditions that make one different decision fall out of step for the rest of the
 * run, and even two identical conditions seeded apart share nothing. A counter-based
 * generator instead maps a key to a number: the draw for (purpose, person, tick, k)
 * is a fixed function of the seed and that key, whatever else was drawn before
 * (Salmon et al. 2011, "Parallel random numbers: as easy as 1, 2, 3", SC'11, the idea
 * behind Philox/Random123). Conditions that face the same decision get the same
 * number for it, which is what makes paired differences between conditions precise
 * (Law 2015, Simulation Modeling and Analysis, §11.2 on common random numbers).
 *
 * The key is folded into a 32-bit hash by rounds of Wellons' `lowbias32` bijective
 * integer mixer: the seed and purpose give a per-purpose base (computed once per
 * run), then one round each for tick, person and k.
 * Resolution: 32 bits, like `Rng()`. No state: a draw costs a few integer
 * multiplies and allocates nothing. Tested for uniformity and for independence
 * between neighbouring keys in test/rng-counter.test.ts.
 */

/** Purposes of draws, integers in [0, MAX_PURPOSES): each decision kind has its own, so they never share numbers. */
export type DrawPurpose = number;

/** How many purposes one set of draws keys. */
export const MAX_PURPOSES = 64;

/** Uniform draws in [0, 1) keyed by (purpose, person, tick, k). */
export interface CounterDraws {
  /** The 32-bit seed these draws were made from. */
  readonly seed: number;
  /**
   * A uniform double in [0, 1) on a 2^-32 grid, a fixed function of the seed and the
   * key. `purpose` is an integer in [0, MAX_PURPOSES); `person`, `tick` and `k` are
   * integers in [0, 2^32); `k` numbers several draws of one decision (e.g. the j-th
   * bit of a jump).
   */
  uniform(purpose: DrawPurpose, person: number, tick: number, k: number): number;
  /**
   * The (purpose, tick) part of the key, mixed once: `uniformAt(roundKey(p, t), person, k)`
   * equals `uniform(p, person, t, k)`, for loops drawing for many people in one tick.
   */
  roundKey(purpose: DrawPurpose, tick: number): number;
  uniformAt(roundKey: number, person: number, k: number): number;
}

/** lowbias32 (C. Wellons, "Prospecting for hash functions", 2018): a bijection on 32-bit words. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h;
}

const GOLDEN = 0x9e3779b9;

/** Draws for one run; the seed would normally come from `deriveSeed(master, 'decisions', replicate)`. */
export function createCounterDraws(seed: number): CounterDraws {
  const root = mix(seed ^ GOLDEN);
  const bases = new Int32Array(MAX_PURPOSES);
  for (let purpose = 0; purpose < MAX_PURPOSES; purpose++) bases[purpose] = mix(root ^ Math.imul(purpose + 1, GOLDEN));
  const roundKey = (purpose: DrawPurpose, tick: number) => mix(bases[purpose] ^ tick);
  return {
    seed: seed >>> 0,
    uniform: (purpose, person, tick, k) => uniformAt(roundKey(purpose, tick), person, k),
    roundKey,
    uniformAt,
  };
}

/** The draw for (person, k) under a mixed (purpose, tick) key: one mixing round each for person and k. */
function uniformAt(roundKey: number, person: number, k: number): number {
  const h = mix(mix(roundKey + person) + k);
  return (h >>> 0) / 4294967296;
}
