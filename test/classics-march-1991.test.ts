/**
 * march-1991 (March 1991): the code's update rule and socialisation on hand-built
 * states, knowledge bounds, turnover and turbulence rates, equilibrium, determinism,
 * and the paper's qualitative findings with enough replicates to be stable.
 */
import { describe, expect, it } from 'vitest';
import { behaviourSeed, runStreams } from '../src/experiment/seeds.ts';
import { simulate } from '../src/experiment/simulate.ts';
import { defaultParams, type Params } from '../src/model/params.ts';
import { findModel } from '../src/models/index.ts';
import { march1991 } from '../src/models/march-1991/index.ts';
import { isAbsorbing } from '../src/models/march-1991/equilibrium.ts';
import type { March1991State } from '../src/models/march-1991/state.ts';

const model = march1991;
const tickIndex = (name: string) => model.tickMetrics.findIndex((m) => m.name === name);
const runIndex = (name: string) => model.runMetrics.findIndex((m) => m.name === name);

function params(over: Record<string, number | string> = {}): Params {
  return { ...defaultParams(model.parameters), ...over };
}

function init(p: Params, replicate = 1, behaviour = 1): March1991State {
  return model.init(p, runStreams(1991, replicate, behaviour), { baseDir: '.' });
}

/** A state of 3 people and 3 dimensions with hand-set reality, code and beliefs. */
/** A state with the given reality, code and beliefs; `replicate` seeds its keyed draws. */
function handBuilt(over: Record<string, number | string>, reality: number[], code: number[], beliefs: number[][], replicate = 1): March1991State {
  const s = init(params({ people: beliefs.length, dimensions: reality.length, ...over }), replicate, 1);
  s.reality.set(reality);
  s.code.set(code);
  s.beliefs.set(beliefs.flat());
  s.frozen = false;
  s.equilibriumTick = -1;
  return s;
}

describe('march-1991 registration', () => {
  it('is registered with the paper’s sizes', () => {
    expect(findModel('march-1991')).toBe(model);
    expect(defaultParams(model.parameters)).toMatchObject({ people: 50, dimensions: 30, p3: 0, p4: 0, fast_share: 0 });
  });
});

describe('code learning', () => {
  // reality +++, code 000 (score 0). A = (+,+,0) scores 2, B = (+,-,+) scores 1: both
  // superior; C = (-,-,-) scores -3. Votes among A and B: dim 0: +2, dim 1: 0 (tie), dim 2: +1.
  const reality = [1, 1, 1];
  const beliefs = [
    [1, 1, 0],
    [1, -1, 1],
    [-1, -1, -1],
  ];

  it('adopts the superior group’s majority view, not on a tie, and ignores inferior people', () => {
    const s = handBuilt({ observation: 'beliefs', p1: 1, p2: 1 }, reality, [0, 0, 0], beliefs);
    model.step(s, 0);
    expect(Array.from(s.code)).toEqual([1, 0, 1]);
    expect(s.superiorCount).toBe(2);
    // socialisation read the code at t (all 0): no belief moved even with p1 = 1
    expect(Array.from(s.beliefs)).toEqual(beliefs.flat());
  });

  it('then socialises stepwise toward the new code (-1 -> 0 -> +1), not where the code is 0', () => {
    const s = handBuilt({ observation: 'beliefs', p1: 1, p2: 1 }, reality, [0, 0, 0], beliefs);
    model.step(s, 0);
    model.step(s, 1);
    expect(Array.from(s.beliefs)).toEqual([1, 1, 1, 1, -1, 1, 0, -1, 0]);
  });

  it('socialises directly when asked to', () => {
    const s = handBuilt({ observation: 'beliefs', p1: 1, p2: 1, socialisation: 'direct' }, reality, [0, 0, 0], beliefs);
    model.step(s, 0);
    model.step(s, 1);
    expect(Array.from(s.beliefs)).toEqual([1, 1, 1, 1, -1, 1, 1, -1, 1]);
  });

  it('never changes with p2 = 0', () => {
    const s = handBuilt({ observation: 'beliefs', p2: 0 }, reality, [0, 0, 0], beliefs);
    for (let t = 0; t < 10; t++) model.step(s, t);
    expect(Array.from(s.code)).toEqual([0, 0, 0]);
  });

  it('counts k as majority minus minority and moves a non-zero code directly or one step', () => {
    // reality ++, code (-, 0) scores -1; four people all superior: on dim 0 three say +, one says -: k = 2
    const people = [
      [1, 0],
      [1, 0],
      [1, 0],
      [-1, 1],
    ];
    const direct = handBuilt({ observation: 'beliefs', p2: 1 }, [1, 1], [-1, 0], people);
    model.step(direct, 0);
    expect(Array.from(direct.code)).toEqual([1, 1]);
    const stepwise = handBuilt({ observation: 'beliefs', p2: 1, code_update: 'stepwise' }, [1, 1], [-1, 0], people);
    model.step(stepwise, 0);
    expect(Array.from(stepwise.code)).toEqual([0, 1]);
  });

  it('changes with probability 1 - (1 - p2)^k', () => {
    for (const [p2, votes] of [
      [0.5, 2],
      [0.3, 1],
      [0.2, 3],
    ] as const) {
      // `votes` people say + on the single dimension; all superior to the 0 code
      const people = Array.from({ length: votes }, () => [1]);
      const trials = 3000;
      let changed = 0;
      for (let t = 0; t < trials; t++) {
        const s = handBuilt({ observation: 'beliefs', p2, p1: 0 }, [1], [0], people, t + 1);
        model.step(s, 0);
        if (s.code[0] === 1) changed++;
      }
      const expected = 1 - (1 - p2) ** votes;
      const se = Math.sqrt((expected * (1 - expected)) / trials);
      expect(Math.abs(changed / trials - expected)).toBeLessThan(4 * se);
    }
  });

  it('acts on a 0 belief by a coin flip under observation "actions" (and only there)', () => {
    // one person, undecided on the only dimension; code 0 scores 0. The person is
    // superior exactly when the coin lands on reality's side (half the time).
    let superior = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const s = handBuilt({ observation: 'actions', p2: 0 }, [1], [0], [[0]], t + 1);
      model.step(s, 0);
      superior += s.superiorCount;
    }
    expect(Math.abs(superior / trials - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / trials));
    // with decided beliefs both observations judge alike
    for (const observation of ['actions', 'beliefs']) {
      const s = handBuilt({ observation, p2: 1, p1: 0 }, reality, [0, 0, 0], [
        [1, 1, -1],
        [1, -1, 1],
        [-1, -1, -1],
      ]);
      model.step(s, 0);
      expect(s.superiorCount).toBe(2);
      expect(Array.from(s.code)).toEqual([1, 0, 0]);
    }
  });
});

describe('knowledge, turnover and turbulence', () => {
  it('keeps knowledge in [-1, 1], accuracy in [0, 1], and knowledge = 2·accuracy - 1 when the code has no 0', () => {
    const p = params({ p3: 0.05, p4: 0.02, fast_share: 0.3 });
    const out = simulate(model, p, runStreams(3, 1, 3), 200);
    const w = model.tickMetrics.length;
    for (let t = 0; t <= 200; t++) {
      const row = out.series.subarray(t * w, (t + 1) * w);
      for (const name of ['code_knowledge', 'mean_knowledge', 'fast_knowledge', 'slow_knowledge']) {
        expect(Math.abs(row[tickIndex(name)])).toBeLessThanOrEqual(1);
      }
      const accuracy = row[tickIndex('code_accuracy')];
      expect(accuracy).toBeGreaterThanOrEqual(0);
      expect(accuracy).toBeLessThanOrEqual(1);
      if (row[tickIndex('code_undecided')] === 0) expect(row[tickIndex('code_knowledge')]).toBeCloseTo(2 * accuracy - 1, 12);
    }
    expect(out.series[tickIndex('code_knowledge')]).toBe(0); // the code starts at all 0
  });

  it('replaces people at rate p3', () => {
    const s = init(params({ p1: 0, p2: 0, p3: 0.2 }));
    let replaced = 0;
    const periods = 200;
    for (let t = 0; t < periods; t++) {
      const before = Array.from(s.beliefs);
      model.step(s, t);
      for (let i = 0; i < s.n; i++) {
        const row = before.slice(i * s.m, (i + 1) * s.m);
        if (row.some((b, d) => b !== s.beliefs[i * s.m + d])) replaced++;
      }
    }
    const share = replaced / (periods * s.n);
    expect(Math.abs(share - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / (periods * s.n)));
  });

  it('flips reality at rate p4', () => {
    const s = init(params({ p4: 0.1 }));
    let flips = 0;
    const periods = 500;
    for (let t = 0; t < periods; t++) {
      const before = Array.from(s.reality);
      model.step(s, t);
      flips += before.filter((r, d) => r !== s.reality[d]).length;
    }
    const share = flips / (periods * s.m);
    expect(Math.abs(share - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / (periods * s.m)));
  });

  it('draws initial beliefs -1, 0, +1 equally often and reality +1, -1 equally often', () => {
    const s = init(params({ people: 400, dimensions: 30 }));
    const counts = [0, 0, 0];
    for (const b of s.beliefs) counts[b + 1]++;
    for (const c of counts) expect(Math.abs(c / s.beliefs.length - 1 / 3)).toBeLessThan(0.01);
    const big = init(params({ people: 1, dimensions: 10_000 }));
    const plus = big.reality.filter((r) => r === 1).length;
    expect(Math.abs(plus / 10_000 - 0.5)).toBeLessThan(0.02);
    expect(big.reality.every((r) => r === 1 || r === -1)).toBe(true);
  });
});

describe('equilibrium and determinism', () => {
  it('reaches an absorbing equilibrium without turnover and turbulence, and stays there', () => {
    for (const observation of ['actions', 'beliefs']) {
      const p = params({ p1: 0.3, p2: 0.5, observation });
      const out = simulate(model, p, runStreams(1991, 1, 4), 300);
      const eq = out.final[runIndex('equilibrium_tick')];
      expect(out.final[runIndex('equilibrium_reached')]).toBe(1);
      const w = model.tickMetrics.length;
      for (let t = eq + 1; t <= 300; t++) {
        expect(Array.from(out.series.subarray(t * w, t * w + 7))).toEqual(Array.from(out.series.subarray(eq * w, eq * w + 7)));
      }
      // the state found absorbing really is: unfreeze it and nothing moves
      const s = init(p, 1, 4);
      for (let t = 0; t < 300 && !s.frozen; t++) model.step(s, t);
      expect(s.equilibriumTick).toBe(eq);
      expect(isAbsorbing(s)).toBe(true);
      const beliefs = Array.from(s.beliefs);
      const code = Array.from(s.code);
      s.frozen = false;
      for (let t = 0; t < 100; t++) {
        s.frozen = false;
        model.step(s, t);
      }
      expect(Array.from(s.beliefs)).toEqual(beliefs);
      expect(Array.from(s.code)).toEqual(code);
    }
  });

  it('has no equilibrium with turnover or turbulence', () => {
    const out = simulate(model, params({ p3: 0.01 }), runStreams(4, 1, 4), 200);
    expect(out.final[runIndex('equilibrium_reached')]).toBe(0);
    expect(Number.isNaN(out.final[runIndex('equilibrium_tick')])).toBe(true);
  });

  it('repeats a run exactly from the same seeds, differs in another replicate, and ignores the condition-seeded behaviour stream (A/A)', () => {
    const p = params({ p3: 0.05, p4: 0.01, fast_share: 0.4, observation: 'actions' });
    const a = simulate(model, p, runStreams(9, 3, 11), 80);
    const b = simulate(model, p, runStreams(9, 3, 11), 80);
    expect(b.series).toEqual(a.series);
    expect(b.final).toEqual(a.final);
    // conditions with different names have different behaviour seeds: keyed draws make identical conditions identical
    expect(simulate(model, p, runStreams(9, 3, 12), 80).series).toEqual(a.series);
    expect(simulate(model, p, runStreams(9, 4, 11), 80).series).not.toEqual(a.series);
  });

  it('starts every condition of a replicate from the same reality and people', () => {
    const a = init(params({ p1: 0.1, p2: 0.9, fast_share: 0.5 }), 2, 1);
    const b = init(params({ p1: 0.9, p2: 0.1, p3: 0.2, p4: 0.1 }), 2, 2);
    expect(b.reality).toEqual(a.reality);
    expect(b.beliefs).toEqual(a.beliefs);
  });
});

describe('measurement timing', () => {
  it('before-update reports at tick t what after-update reports at t − 1 (tick 0 the initial state), and changes no run', () => {
    for (const over of [{ fast_share: 0.3 }, { p3: 0.1, p4: 0.02 }, { p1: 0.9, p2: 0.9 }]) {
      const streams = () => runStreams(1991, 3, 3);
      const after = simulate(model, params(over), streams(), 40);
      const before = simulate(model, params({ ...over, measurement: 'before-update' }), streams(), 40);
      for (const name of ['code_knowledge', 'mean_knowledge', 'code_undecided', 'disagreement']) {
        const a = after.tickMetric(name);
        const b = before.tickMetric(name);
        expect(b[0]).toBe(a[0]);
        for (let t = 1; t <= 40; t++) expect(b[t]).toBe(a[t - 1]);
        expect(before.runMetric(name)).toBe(a[39]);
      }
      expect(before.tickMetric('superior_share')).toEqual(after.tickMetric('superior_share'));
      expect(before.runMetric('equilibrium_tick')).toEqual(after.runMetric('equilibrium_tick'));
    }
  });

  it('before-update holds across equilibrium: a frozen run reports its final state', () => {
    const streams = () => runStreams(1991, 4, 4);
    const after = simulate(model, params({ p1: 0.9, p2: 0.9 }), streams(), 200);
    const before = simulate(model, params({ p1: 0.9, p2: 0.9, measurement: 'before-update' }), streams(), 200);
    const eq = after.runMetric('equilibrium_tick');
    expect(eq).toBeLessThan(100);
    expect(before.tickMetric('code_knowledge').slice(1)).toEqual(after.tickMetric('code_knowledge').slice(0, 200));
    expect(before.runMetric('code_knowledge')).toBe(after.runMetric('code_knowledge'));
  });
});

/** Per-replicate run metric values for a parameter set (common random numbers across sets). */
function finals(over: Record<string, number | string>, ticks: number, reps: number, name: string, condition: string): number[] {
  const p = params(over);
  const values: number[] = [];
  for (let r = 1; r <= reps; r++) {
    values.push(simulate(model, p, runStreams(1991, r, behaviourSeed(1991, condition, '', r)), ticks).final[runIndex(name)]);
  }
  return values;
}

function pairedDifference(a: number[], b: number[]): { mean: number; se: number } {
  const d = a.map((x, i) => x - b[i]);
  const mean = d.reduce((s, v) => s + v, 0) / d.length;
  const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (d.length - 1));
  return { mean, se: sd / Math.sqrt(d.length) };
}

describe('the paper’s findings', () => {
  it('Figure 1: with fast code learning, slower socialisation gives higher equilibrium knowledge', () => {
    const slow = finals({ p1: 0.1, p2: 0.9 }, 400, 100, 'code_knowledge', 'slow');
    const fast = finals({ p1: 0.9, p2: 0.9 }, 400, 100, 'code_knowledge', 'fast');
    const d = pairedDifference(slow, fast);
    expect(d.mean).toBeGreaterThan(0.15);
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });

  it('Figure 2: a mix of slow and fast learners beats everyone at the same average rate', () => {
    const mixed = finals({ p2: 0.5, fast_share: 0.5 }, 400, 100, 'code_knowledge', 'mixed'); // average p1 = 0.5
    const homogeneous = finals({ p1: 0.5, p2: 0.5 }, 400, 100, 'code_knowledge', 'homogeneous');
    const d = pairedDifference(mixed, homogeneous);
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });

  it('Figure 3: at period 20 fast learners know more than slow ones in the same organisation', () => {
    const fast = finals({ p2: 0.5, fast_share: 0.5 }, 20, 100, 'fast_knowledge', 'mix');
    const slow = finals({ p2: 0.5, fast_share: 0.5 }, 20, 100, 'slow_knowledge', 'mix');
    const d = pairedDifference(fast, slow);
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });

  it('Figure 4: turnover helps the code under fast socialisation and hurts it under slow', () => {
    const fastWith = finals({ p1: 0.9, p2: 0.5, p3: 0.1 }, 20, 150, 'code_knowledge', 'a');
    const fastWithout = finals({ p1: 0.9, p2: 0.5, p3: 0 }, 20, 150, 'code_knowledge', 'b');
    const gain = pairedDifference(fastWith, fastWithout);
    expect(gain.mean).toBeGreaterThan(4 * gain.se);
    const slowWith = finals({ p1: 0.1, p2: 0.5, p3: 0.1 }, 20, 150, 'code_knowledge', 'c');
    const slowWithout = finals({ p1: 0.1, p2: 0.5, p3: 0 }, 20, 150, 'code_knowledge', 'd');
    const loss = pairedDifference(slowWithout, slowWith);
    expect(loss.mean).toBeGreaterThan(4 * loss.se);
  });

  it('Figure 5: under turbulence knowledge decays to chance without turnover and is sustained with it', () => {
    const without = finals({ p4: 0.02, p3: 0 }, 200, 80, 'code_knowledge', 'e');
    const withTurnover = finals({ p4: 0.02, p3: 0.1 }, 200, 80, 'code_knowledge', 'f');
    const meanWithout = without.reduce((a, b) => a + b, 0) / without.length;
    expect(Math.abs(meanWithout)).toBeLessThan(0.1);
    const d = pairedDifference(withTurnover, without);
    expect(d.mean).toBeGreaterThan(0.3);
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });
});
