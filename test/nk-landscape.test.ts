import { describe, expect, it } from 'vitest';
import { createRng, randomInt } from '../src/rng/index.ts';
import {
  countLocalOptima,
  createNkLandscape,
  flipBit,
  hammingDistance,
  isLocalOptimum,
  nkFitness,
  nkFitnessRaw,
  popcount,
  randomSolution,
  type NkDependencyRule,
  type NkLandscape,
} from '../src/model/landscape/nk.ts';

const RULES: NkDependencyRule[] = ['random', 'random-with-replacement', 'adjacent', 'any-with-replacement'];

/** Steepest-ascent one-bit hill climbing; stops when no neighbour is strictly better. */
function steepestClimb(land: NkLandscape, start: number): number {
  let x = start;
  for (;;) {
    let best = x;
    for (let i = 0; i < land.n; i++) {
      const y = flipBit(x, i);
      if (land.table[y] > land.table[best]) best = y;
    }
    if (best === x) return x;
    x = best;
  }
}

describe('NK landscape table', () => {
  it('equals the direct computation from contributions', () => {
    for (const rule of RULES) {
      for (const [n, k] of [[1, 0], [2, 1], [3, 2], [4, 3], [5, 2], [7, 6], [12, 3], [16, 15], [20, 5]] as const) {
        const land = createNkLandscape(n, k, createRng(`table-${rule}-${n}-${k}`), { dependencies: rule });
        expect(land.table.length).toBe(2 ** n);
        const pick = createRng('pick');
        const count = n <= 12 ? 2 ** n : 2000;
        for (let s = 0; s < count; s++) {
          const x = n <= 12 ? s : randomSolution(pick, n);
          expect(Math.abs(land.table[x] - nkFitnessRaw(land, x) / land.max)).toBeLessThan(1e-12);
          expect(nkFitness(land, x)).toBe(land.table[x]);
        }
      }
    }
  });

  it('has maximum exactly 1, minimum >= 0, and max equal to the raw maximum', () => {
    for (const rule of RULES) {
      for (const [n, k] of [[1, 0], [6, 0], [10, 4], [14, 13], [20, 5]] as const) {
        for (let seed = 0; seed < 3; seed++) {
          const land = createNkLandscape(n, k, createRng(seed), { dependencies: rule });
          let hi = -Infinity;
          let lo = Infinity;
          for (const v of land.table) {
            if (v > hi) hi = v;
            if (v < lo) lo = v;
          }
          expect(hi).toBe(1);
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(land.table[land.argmax]).toBe(1);
          expect(land.table.subarray(0, land.argmax).every((v) => v < 1)).toBe(true);
          expect(nkFitnessRaw(land, land.argmax)).toBeCloseTo(land.max, 14);
          if (n <= 10) {
            let rawMax = -Infinity;
            for (let x = 0; x < 2 ** n; x++) rawMax = Math.max(rawMax, nkFitnessRaw(land, x));
            expect(land.max).toBe(rawMax);
          }
        }
      }
    }
  });

  it('has no exact ties between distinct solutions (53-bit contributions, Float64 table)', () => {
    const land = createNkLandscape(20, 5, createRng('ties'));
    const sorted = Float64Array.from(land.table).sort();
    let ties = 0;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) ties++;
    expect(ties).toBe(0);
  });
});

describe('NK landscape ruggedness', () => {
  it('K = 0 has a single peak that one-bit hill climbing reaches from any start', () => {
    for (let seed = 0; seed < 10; seed++) {
      const n = 8 + (seed % 5);
      const land = createNkLandscape(n, 0, createRng(`k0-${seed}`));
      expect(countLocalOptima(land)).toBe(1);
      const starts = createRng(`k0-starts-${seed}`);
      for (let s = 0; s < 50; s++) {
        const start = randomSolution(starts, n);
        expect(steepestClimb(land, start)).toBe(land.argmax);
        // First-improvement climbing in random bit order reaches it too.
        let x = start;
        let improved = true;
        while (improved) {
          improved = false;
          for (let t = 0; t < n; t++) {
            const y = flipBit(x, randomInt(starts, n));
            if (land.table[y] > land.table[x]) {
              x = y;
              improved = true;
            }
          }
          if (!improved) for (let i = 0; i < n; i++) if (land.table[flipBit(x, i)] > land.table[x]) improved = true;
        }
        expect(x).toBe(land.argmax);
      }
    }
  });

  it('higher K gives more local optima (N = 10, averaged over seeds)', () => {
    const seeds = 20;
    const mean = (k: number): number => {
      let total = 0;
      for (let seed = 0; seed < seeds; seed++) {
        const land = createNkLandscape(10, k, createRng(`optima-${seed}`));
        const c = countLocalOptima(land);
        if (k === 0) expect(c).toBe(1);
        total += c;
      }
      return total / seeds;
    };
    const m0 = mean(0);
    const m5 = mean(5);
    const m9 = mean(9);
    expect(m0).toBe(1);
    expect(m5).toBeGreaterThan(m0);
    expect(m9).toBeGreaterThan(m5);
    // K = N-1 is a random field: expected 2^N / (N + 1) ≈ 93 local optima.
    expect(m9).toBeGreaterThan(75);
    expect(m9).toBeLessThan(115);
  });

  it('isLocalOptimum agrees with steepest-ascent end points', () => {
    const land = createNkLandscape(12, 4, createRng('lo'));
    const starts = createRng('lo-starts');
    for (let s = 0; s < 100; s++) expect(isLocalOptimum(land, steepestClimb(land, randomSolution(starts, 12)))).toBe(true);
    expect(isLocalOptimum(land, land.argmax)).toBe(true);
  });
});

describe('NK landscape determinism and dependencies', () => {
  it('same seed gives an identical landscape; a different seed a different one', () => {
    for (const rule of RULES) {
      const a = createNkLandscape(14, 5, createRng(7), { dependencies: rule });
      const b = createNkLandscape(14, 5, createRng(7), { dependencies: rule });
      const c = createNkLandscape(14, 5, createRng(8), { dependencies: rule });
      expect(b.table).toEqual(a.table);
      expect(b.dependencies).toEqual(a.dependencies);
      expect(b.max).toBe(a.max);
      expect(c.table).not.toEqual(a.table);
    }
  });

  it("follows the documented draw order", () => {
    const n = 9;
    const k = 3;
    for (const rule of ['random', 'random-with-replacement'] as const) {
      const land = createNkLandscape(n, k, createRng('order'), { dependencies: rule });
      const rng = createRng('order');
      const deps: number[] = [];
      for (let i = 0; i < n; i++) {
        const cand = [...Array(n).keys()].filter((b) => b !== i);
        for (let j = 0; j < k; j++) {
          if (rule === 'random') {
            const r = j + randomInt(rng, n - 1 - j);
            [cand[j], cand[r]] = [cand[r], cand[j]];
            deps.push(cand[j]);
          } else {
            const u = randomInt(rng, n - 1);
            deps.push(u < i ? u : u + 1);
          }
        }
      }
      expect(Array.from(land.dependencies)).toEqual(deps);
      const contributions = Array.from({ length: n * 2 ** (k + 1) }, () => rng.double());
      expect(Array.from(land.contributions)).toEqual(contributions);
      // The generator is left exactly after the contributions.
      const after = createRng('order');
      createNkLandscape(n, k, after, { dependencies: rule });
      expect(after()).toBe(rng());
    }
  });

  it("'adjacent' uses the next K bits cyclically and draws only contributions", () => {
    const land = createNkLandscape(6, 3, createRng('adj'), { dependencies: 'adjacent' });
    expect(Array.from(land.dependencies.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(land.dependencies.subarray(4 * 3, 5 * 3))).toEqual([5, 0, 1]);
    expect(Array.from(land.dependencies.subarray(5 * 3, 6 * 3))).toEqual([0, 1, 2]);
    const rng = createRng('adj');
    expect(land.contributions[0]).toBe(rng.double());
  });

  it("'random' and 'random-with-replacement' differ; only the latter repeats bits", () => {
    let sawDuplicate = false;
    for (let seed = 0; seed < 20; seed++) {
      const a = createNkLandscape(10, 5, createRng(seed), { dependencies: 'random' });
      const b = createNkLandscape(10, 5, createRng(seed), { dependencies: 'random-with-replacement' });
      expect(b.dependencies).not.toEqual(a.dependencies);
      expect(b.table).not.toEqual(a.table);
      for (let i = 0; i < 10; i++) {
        const rowA = a.dependencies.subarray(i * 5, i * 5 + 5);
        const rowB = b.dependencies.subarray(i * 5, i * 5 + 5);
        expect(new Set(rowA).size).toBe(5);
        if (new Set(rowB).size < 5) sawDuplicate = true;
      }
    }
    expect(sawDuplicate).toBe(true);
  });

  it('never makes a bit depend on itself (but under any-with-replacement), and always indexes valid bits', () => {
    for (const rule of RULES) {
      for (const [n, k] of [[2, 1], [5, 4], [10, 5], [16, 15], [18, 3]] as const) {
        for (let seed = 0; seed < 5; seed++) {
          const land = createNkLandscape(n, k, createRng(`self-${seed}`), { dependencies: rule });
          expect(land.dependencies.length).toBe(n * k);
          const bad: string[] = [];
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < k; j++) {
              const d = land.dependencies[i * k + j];
              if ((d === i && rule !== 'any-with-replacement') || d < 0 || d >= n) bad.push(`bit ${i} dep ${j} = ${d}`);
            }
          }
          expect(bad).toEqual([]);
        }
      }
    }
  });

  it('rejects invalid N, K and rules', () => {
    const rng = createRng(1);
    expect(() => createNkLandscape(0, 0, rng)).toThrow(RangeError);
    expect(() => createNkLandscape(25, 0, rng)).toThrow(RangeError);
    expect(() => createNkLandscape(10, 10, rng)).toThrow(RangeError);
    expect(() => createNkLandscape(10, -1, rng)).toThrow(RangeError);
    expect(() => createNkLandscape(10.5, 1, rng)).toThrow(RangeError);
    expect(() => createNkLandscape(24, 23, rng)).toThrow(/limit/);
    expect(() => createNkLandscape(10, 2, rng, { dependencies: 'nearby' as NkDependencyRule })).toThrow(RangeError);
  });
});

describe('bit helpers', () => {
  it('flipBit, popcount and hammingDistance', () => {
    expect(flipBit(0, 0)).toBe(1);
    expect(flipBit(0b1011, 1)).toBe(0b1001);
    expect(flipBit(0, 23)).toBe(2 ** 23);
    expect(flipBit(0, 31)).toBe(2 ** 31);
    expect(popcount(0)).toBe(0);
    expect(popcount(0xffffffff)).toBe(32);
    expect(popcount(0b1011_0110)).toBe(5);
    expect(hammingDistance(0b1100, 0b1010)).toBe(2);
    expect(hammingDistance(0xffffff, 0)).toBe(24);
    expect(hammingDistance(5, 5)).toBe(0);
  });

  it('randomSolution is in range, uses one draw, and covers all values', () => {
    const rng = createRng('sol');
    const copy = createRng('sol');
    const seen = new Set<number>();
    for (let t = 0; t < 2000; t++) {
      const x = randomSolution(rng, 4);
      expect(x).toBe(randomInt(copy, 16));
      expect(Number.isInteger(x) && x >= 0 && x < 16).toBe(true);
      seen.add(x);
    }
    expect(seen.size).toBe(16);
    const big = randomSolution(rng, 24);
    expect(big).toBeLessThan(2 ** 24);
    expect(() => randomSolution(rng, 0)).toThrow(RangeError);
  });
});

describe('the original code’s dependency rule', () => {
  it('any-with-replacement draws each of the K links from all N bits, itself and repeats included, in draw order; such links add no interaction', () => {
    const [n, k] = [6, 5];
    const land = createNkLandscape(n, k, createRng('any'), { dependencies: 'any-with-replacement' });
    const rng = createRng('any');
    expect(Array.from(land.dependencies)).toEqual(Array.from({ length: n * k }, () => randomInt(rng, n)));
    // over many landscapes some links point at their own bit and some repeat
    let self = 0;
    let repeats = 0;
    for (let s = 0; s < 50; s++) {
      const d = createNkLandscape(10, 4, createRng(`any-${s}`), { dependencies: 'any-with-replacement' }).dependencies;
      for (let i = 0; i < 10; i++) {
        const links = Array.from(d.subarray(i * 4, i * 4 + 4));
        if (links.includes(i)) self++;
        if (new Set(links).size < links.length) repeats++;
      }
    }
    expect(self).toBeGreaterThan(50);
    expect(repeats).toBeGreaterThan(50);
  });
});
