import { describe, expect, it } from 'vitest';
import { planRuns, pointKey, runStreams, simulate } from '../src/experiment/index.ts';
import { createRng } from '../src/rng/index.ts';
import { latinHypercube } from '../src/scenario/design.ts';
import { saltelliSample } from '../src/stats/sensitivity.ts';
import { scenario } from './fixtures/experiment/helpers.ts';

const head = ['name: t', 'model: tiny-test', 'seed: 7'];

/** The values of a swept parameter over the points, in point order. */
function column(s: Awaited<ReturnType<typeof scenario>>, name: string): unknown[] {
  return Array.from({ length: s.points.size }, (_, p) => s.points.values(p)[name]);
}

describe('sweep designs', () => {
  it('a grid of lists: the product of the axes, the last axis varying fastest', async () => {
    const s = await scenario([...head, 'replicates: 2', 'conditions: { one: {}, two: { mode: b } }', 'sweep:', '  x: [1, 2, 3]', '  y: [0.5, 1]']);
    expect(s.points.kind).toBe('grid');
    expect(s.points.parameters).toEqual(['x', 'y']);
    expect(s.points.size).toBe(6);
    expect(column(s, 'x')).toEqual([1, 1, 2, 2, 3, 3]);
    expect(column(s, 'y')).toEqual([0.5, 1, 0.5, 1, 0.5, 1]);
    const plan = planRuns(s);
    expect(plan.size).toBe(2 * 6 * 2);
    const runs = [...plan];
    expect(runs.map((r) => r.runId)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(runs.slice(0, 4).map((r) => [r.condition, r.pointId, r.replicate])).toEqual([
      ['one', 1, 1],
      ['one', 1, 2],
      ['one', 2, 1],
      ['one', 2, 2],
    ]);
    expect(runs[12]).toMatchObject({ condition: 'two', pointId: 1, replicate: 1 });
    expect(runs[13].params).toMatchObject({ x: 1, y: 0.5, mode: 'b' });
    expect(runs[15].params).toMatchObject({ x: 1, y: 1, mode: 'b' });
  });

  it('ranges by step and by n, both ends included, without floating-point noise', async () => {
    const s = await scenario([...head, 'sweep:', '  x: { from: 0.1, to: 0.9, step: 0.2 }', '  y: { from: 0, to: 1, n: 3 }', '  k: { from: 2, to: 10, n: 5 }']);
    expect(s.points.size).toBe(5 * 3 * 5);
    expect([...new Set(column(s, 'x'))]).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
    expect([...new Set(column(s, 'y'))]).toEqual([0, 0.5, 1]);
    expect([...new Set(column(s, 'k'))]).toEqual([2, 4, 6, 8, 10]);
    const t = await scenario([...head, 'sweep:', '  x: { from: 0, to: 1, step: 0.3 }', '  y: { from: 2, to: 2, n: 1 }']);
    expect(column(t, 'x')).toEqual([0, 0.3, 0.6, 0.9]);
    expect(column(t, 'y')).toEqual([2, 2, 2, 2]);
  });

  it('formulas that depend on swept parameters are evaluated at every point', async () => {
    const s = await scenario([...head, 'parameters: { y: "x * 2" }', 'sweep: { x: [1, 2, 3] }']);
    expect([0, 1, 2].map((p) => s.paramsAt(0, p).y)).toEqual([2, 4, 6]);
    expect(s.conditions[0].params).toMatchObject({ x: 1, y: 2 });
  });

  it('Latin hypercube: every stratum of every column holds exactly one value', async () => {
    const n = 40;
    const unit = latinHypercube(n, 3, createRng(1));
    for (let c = 0; c < 3; c++) {
      const strata = Array.from({ length: n }, (_, i) => Math.floor(unit[i * 3 + c] * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
    const s = await scenario([...head, 'sweep:', '  lhs:', `    n: ${n}`, '    ranges: { x: [2, 6], y: { from: 0, to: 1 }, k: [1, 40] }']);
    expect(s.points).toMatchObject({ kind: 'lhs', n, size: n, parameters: ['x', 'y', 'k'] });
    const xs = column(s, 'x') as number[];
    expect(xs.map((x) => Math.floor(((x - 2) / 4) * n)).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    const ks = column(s, 'k') as number[];
    expect(ks.every((k) => Number.isInteger(k) && k >= 1 && k <= 40)).toBe(true);
    expect(new Set(ks).size).toBe(40); // one integer per stratum of width 1
    // values are kept at the digits results files write, so runs.csv shows what ran
    expect(xs.every((x) => Number(x.toPrecision(6)) === x)).toBe(true);
  });

  it('Saltelli design: n (k + 2) rows; AB_i is A with column i from B', async () => {
    const n = 16;
    const k = 3;
    const rows = saltelliSample(n, k, createRng(2));
    expect(rows.length).toBe(n * (k + 2) * k);
    for (let j = 0; j < n; j++) {
      const row = (r: number) => Array.from(rows.subarray((j * (k + 2) + r) * k, (j * (k + 2) + r + 1) * k));
      const [a, b] = [row(0), row(k + 1)];
      for (let i = 0; i < k; i++) expect(row(i + 1)).toEqual(a.map((v, c) => (c === i ? b[c] : v)));
    }
    const s = await scenario([...head, 'sweep:', '  sobol: { n: 16, ranges: { x: [0, 10], y: [1, 2], k: [1, 9] } }']);
    expect(s.points).toMatchObject({ kind: 'sobol', n: 16, size: 16 * 5 });
    expect(planRuns(s).size).toBe(80);
  });

  it('a design is the same for the same master seed and changes with it', async () => {
    const lines = [...head, 'sweep: { lhs: { n: 5, ranges: { x: [0, 10] } } }'];
    const [a, b, c] = await Promise.all([scenario(lines), scenario(lines), scenario(lines, { seed: 8 })]);
    expect(column(a, 'x')).toEqual(column(b, 'x'));
    expect(column(a, 'x')).not.toEqual(column(c, 'x'));
  });
});

describe('seeds', () => {
  it('pointKey names a point by its values, sorted by name', () => {
    expect(pointKey({})).toBe('');
    expect(pointKey({ y: 0.5, x: 1, mode: 'b' })).toBe('{"mode":"b","x":1,"y":0.5}');
  });

  it('adding a sweep point changes no other run’s seed', async () => {
    const seeds = async (xs: string) => {
      const plan = planRuns(await scenario([...head, 'replicates: 3', 'conditions: { one: {}, two: {} }', `sweep: { x: [${xs}], y: [1, 2] }`]));
      return new Map([...plan].map((r) => [`${r.condition} ${r.params.x} ${r.params.y} ${r.replicate}`, r.seed]));
    };
    const before = await seeds('1, 3');
    const after = await seeds('1, 2, 3');
    expect(after.size).toBe(before.size * 1.5);
    for (const [key, seed] of before) expect(after.get(key)).toBe(seed);
    expect(new Set(after.values()).size).toBe(after.size);
  });

  it('adding a condition changes no other condition’s results', async () => {
    const rows = async (conditions: string) => {
      const s = await scenario([...head, 'replicates: 3', `conditions: ${conditions}`]);
      const out = new Map<string, number[]>();
      for (const r of planRuns(s)) {
        const { series } = simulate(s.model, r.params, runStreams(s.seed, r.replicate, r.seed), 5);
        out.set(`${r.condition} ${r.replicate}`, [r.seed, ...series]);
      }
      return out;
    };
    const before = await rows('{ one: {}, two: {} }');
    const after = await rows('{ zero: {}, one: {}, two: {} }');
    expect(after.size).toBe(before.size * 1.5);
    for (const [key, values] of before) expect(after.get(key), key).toEqual(values);
  });

  it('a scenario without a sweep keeps the seeds it had before sweeps existed', async () => {
    const plan = planRuns(await scenario([...head, 'replicates: 2']));
    const { behaviourSeed } = await import('../src/experiment/seeds.ts');
    expect([...plan].map((r) => r.seed)).toEqual([behaviourSeed(7, 'base', '', 1), behaviourSeed(7, 'base', '', 2)]);
    expect([...plan].map((r) => r.pointId)).toEqual([1, 1]);
  });
});
