/**
 * Counter-based draws (src/rng/counter.ts): a fixed function of seed and key,
 * uniform on [0, 1), and without visible dependence between neighbouring keys, which
 * is what common random numbers across conditions rely on.
 */
import { describe, expect, it } from 'vitest';
import { createCounterDraws, MAX_PURPOSES } from '../src/rng/counter.ts';
import { runStreams } from '../src/experiment/seeds.ts';

/** Pearson chi-square of counts against a uniform expectation. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

function correlation(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('counter-based draws', () => {
  it('are a fixed function of seed and key, whatever was drawn before', () => {
    const a = createCounterDraws(42);
    const b = createCounterDraws(42);
    const first = a.uniform(3, 17, 5, 0);
    for (let k = 0; k < 1000; k++) b.uniform(1, k, k, k); // other draws in between change nothing
    expect(b.uniform(3, 17, 5, 0)).toBe(first);
    expect(createCounterDraws(43).uniform(3, 17, 5, 0)).not.toBe(first);
  });

  it('keep a known value (a change of the hash would change every result)', () => {
    const d = createCounterDraws(20261130);
    expect([d.uniform(0, 0, 0, 0), d.uniform(1, 2, 3, 4), d.uniform(MAX_PURPOSES - 1, 4294967295, 4294967295, 4294967295)].map((u) => u.toFixed(10))).toMatchInlineSnapshot(`
      [
        "0.9475985980",
        "0.8022720816",
        "0.5501643938",
      ]
    `);
  });

  it('every part of the key matters', () => {
    const d = createCounterDraws(7);
    const base = d.uniform(2, 10, 20, 3);
    expect(d.uniform(3, 10, 20, 3)).not.toBe(base);
    expect(d.uniform(2, 11, 20, 3)).not.toBe(base);
    expect(d.uniform(2, 10, 21, 3)).not.toBe(base);
    expect(d.uniform(2, 10, 20, 4)).not.toBe(base);
  });

  it('are uniform on [0, 1): chi-square over 64 bins for each part of the key varied alone', () => {
    const d = createCounterDraws(99);
    const n = 64_000;
    const vary: ((i: number) => number)[] = [
      (i) => d.uniform(i % MAX_PURPOSES, i >>> 6, 0, 0),
      (i) => d.uniform(5, i, 0, 0),
      (i) => d.uniform(5, 0, i, 0),
      (i) => d.uniform(5, 0, 0, i),
    ];
    for (const draw of vary) {
      const counts = new Array<number>(64).fill(0);
      let min = 1;
      let max = 0;
      for (let i = 0; i < n; i++) {
        const u = draw(i);
        min = Math.min(min, u);
        max = Math.max(max, u);
        counts[Math.floor(u * 64)]++;
      }
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThan(1);
      // 63 degrees of freedom: the 0.999 quantile is 103.4
      expect(chiSquare(counts)).toBeLessThan(103.4);
    }
  });

  it('neighbouring people, ticks and draw numbers are uncorrelated', () => {
    const d = createCounterDraws(2026);
    const n = 20_000;
    const pairs: [(i: number) => number, (i: number) => number][] = [
      [(i) => d.uniform(1, i, 7, 0), (i) => d.uniform(1, i + 1, 7, 0)],
      [(i) => d.uniform(1, 3, i, 0), (i) => d.uniform(1, 3, i + 1, 0)],
      [(i) => d.uniform(1, i, 7, 0), (i) => d.uniform(1, i, 7, 1)],
      [(i) => d.uniform(1, i, 7, 0), (i) => d.uniform(2, i, 7, 0)],
    ];
    for (const [f, g] of pairs) {
      const x = Array.from({ length: n }, (_, i) => f(i));
      const y = Array.from({ length: n }, (_, i) => g(i));
      // sd of a null correlation is 1/sqrt(n) = 0.007
      expect(Math.abs(correlation(x, y))).toBeLessThan(0.03);
    }
  });

  it('a run’s decision draws leave out the condition: every condition of a replicate gets the same', () => {
    const a = runStreams(11, 4, 1001).decisions;
    const b = runStreams(11, 4, 2002).decisions;
    const c = runStreams(11, 5, 1001).decisions;
    expect(b.seed).toBe(a.seed);
    expect(b.uniform(0, 1, 2, 3)).toBe(a.uniform(0, 1, 2, 3));
    expect(c.seed).not.toBe(a.seed);
  });
});

describe('round keys', () => {
  it('uniformAt(roundKey(purpose, tick), person, k) is uniform(purpose, person, tick, k)', () => {
    const draws = createCounterDraws(424242);
    for (const purpose of [0, 1, 7, 63]) {
      for (const tick of [0, 1, 99, 2 ** 31 + 5]) {
        const key = draws.roundKey(purpose, tick);
        for (const person of [0, 3, 1_000_000]) for (const k of [0, 1, 19]) expect(draws.uniformAt(key, person, k)).toBe(draws.uniform(purpose, person, tick, k));
      }
    }
  });
});
