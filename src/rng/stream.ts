/**
 * Seeded random streams. Every random draw in orgsim comes from one of these:
 * seedrandom's xor4096 generator (fast, long period, reproducible across platforms).
 * One generator class is used everywhere so V8 keeps the hot call sites monomorphic.
 */
import seedrandom from 'seedrandom';

/** A seeded generator: call it for a uniform double in [0, 1) with 32 bits of resolution. */
export interface Rng {
  (): number;
  /** A uniform double in [0, 1) with 53 bits of resolution. */
  double(): number;
  /** A uniform signed 32-bit integer. */
  int32(): number;
}

/** A new generator for a seed; the same seed always gives the same sequence. */
export function createRng(seed: number | string): Rng {
  return seedrandom.xor4096(String(seed)) as unknown as Rng;
}

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** A standard normal draw (Box–Muller; one of the pair is discarded so each call costs two uniforms). */
export function randomNormal(rng: Rng): number {
  let u = rng();
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * A Beta(a, b) draw from two Gamma draws (Marsaglia & Tsang), for a, b > 0.
 * Used at set-up only (heterogeneous traits), never in the tick loop.
 */
export function randomBeta(rng: Rng, a: number, b: number): number {
  const x = randomGamma(rng, a);
  const y = randomGamma(rng, b);
  return x / (x + y);
}

function randomGamma(rng: Rng, shape: number): number {
  if (shape < 1) return randomGamma(rng, shape + 1) * Math.pow(rng.double() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = randomNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.double();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta draw with the given mean in (0, 1) and concentration (a + b). Mean 0 or 1 returns it exactly. */
export function randomBetaMean(rng: Rng, mean: number, concentration: number): number {
  if (mean <= 0) return 0;
  if (mean >= 1) return 1;
  return randomBeta(rng, mean * concentration, (1 - mean) * concentration);
}

/** Shuffles a typed or plain array in place (Fisher–Yates). */
export function shuffle<T extends { length: number; [i: number]: number }>(rng: Rng, a: T): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
