/**
 * nk-network-search (Lazer & Friedman 2007): mechanics on hand-built states, common
 * random numbers across network conditions, determinism, equilibrium, and the
 * paper's qualitative findings at reduced size (N = 16 instead of 20).
 */
import { describe, expect, it } from 'vitest';
import { runStreams, behaviourSeed } from '../src/experiment/seeds.ts';
import { simulate } from '../src/experiment/simulate.ts';
import { defaultParams, type Params } from '../src/model/params.ts';
import { hammingDistance, isLocalOptimum } from '../src/model/landscape/nk.ts';
import { createCounterDraws } from '../src/rng/index.ts';
import { findModel } from '../src/models/index.ts';
import { nkNetworkSearch } from '../src/models/nk-network-search/index.ts';
import { copyWithError } from '../src/models/nk-network-search/imitate.ts';
import type { NkNetworkSearchState } from '../src/models/nk-network-search/state.ts';

const model = nkNetworkSearch;
const metric = (name: string) => model.tickMetrics.findIndex((m) => m.name === name);
const runMetric = (name: string) => model.runMetrics.findIndex((m) => m.name === name);

function params(over: Record<string, number | string> = {}): Params {
  return { ...defaultParams(model.parameters), bits: 12, interactions: 3, ...over };
}

function init(p: Params, replicate = 1, condition = 'c'): NkNetworkSearchState {
  return model.init(p, runStreams(99, replicate, behaviourSeed(99, condition, '', replicate)), { baseDir: '.' });
}

/** Puts hand-picked solutions into a state (fitness kept in step). */
function place(s: NkNetworkSearchState, solutions: number[]): void {
  solutions.forEach((x, i) => {
    s.solution[i] = x;
    s.fitness[i] = s.landscape.table[x];
  });
}

/** Solutions of the landscape sorted by fitness, best first. */
function ranked(s: NkNetworkSearchState): number[] {
  const xs = Array.from({ length: s.landscape.table.length }, (_, x) => x);
  return xs.sort((a, b) => s.landscape.table[b] - s.landscape.table[a]);
}

describe('nk-network-search registration', () => {
  it('is a registered model with the paper’s defaults', () => {
    expect(findModel('nk-network-search')).toBe(model);
    const d = defaultParams(model.parameters);
    expect(d).toMatchObject({ agents: 100, bits: 20, interactions: 5, score_power: 8, dependencies: 'random-with-replacement', velocity: 1, copy_error: 0 });
  });

  it('checks cross-parameter problems', () => {
    expect(model.check!(params({ interactions: 12 }))).toEqual([expect.objectContaining({ key: 'interactions' })]);
    expect(model.check!(params({ network: 'small-world', lattice_degree: 3 }))).toEqual([expect.objectContaining({ key: 'lattice_degree' })]);
    expect(model.check!(params({ network: 'small-world', lattice_degree: 4 }))).toEqual([]);
  });
});

describe('imitation', () => {
  it('copies the best neighbour only when it scores strictly higher, reading solutions at t', () => {
    // ring 0-1-2-3-0: agent 0 holds the best solution, 1 the 2nd, 2 and 3 poor ones
    const s = init(params({ agents: 4, network: 'linear' }));
    const r = ranked(s);
    const [best, second, poor, poorer] = [r[0], r[1], r[r.length - 2], r[r.length - 1]];
    place(s, [best, second, poorer, poor]);
    model.step(s, 0);
    expect(s.solution[1]).toBe(best); // 1 sees 0 and 2: copies 0
    expect(s.solution[2]).toBe(second); // 2 sees 1 and 3: copies 1's solution at t, not 0's
    expect(s.solution[3]).toBe(best); // 3 sees 2 and 0: copies 0
    expect(s.solution[0]).toBe(best); // the global peak: nothing better to copy or find
    expect(s.imitations).toBe(3);
  });

  it('does not copy a neighbour that only ties', () => {
    const s = init(params({ agents: 3, network: 'full' }));
    const r = ranked(s);
    // agents 0 and 1 hold the same (2nd best) solution; agent 2 a poor one that is a local optimum-free start
    place(s, [r[1], r[1], r[r.length - 1]]);
    model.step(s, 0);
    expect(s.imitations).toBe(1); // only agent 2 imitates; 0 and 1 see an equal score and search instead
    expect(s.solution[2]).toBe(r[1]);
    for (const i of [0, 1]) {
      const moved = hammingDistance(s.solution[i], r[1]);
      expect(moved).toBeLessThanOrEqual(1);
      if (moved === 1) expect(s.landscape.table[s.solution[i]]).toBeGreaterThan(s.landscape.table[r[1]]);
    }
  });

  it('copies each differing bit with probability 1 - copy_error and nothing else', () => {
    const draws = createCounterDraws(99);
    const own = 0b1010_1010_1010;
    const target = 0b0101_0101_0110;
    const diff = own ^ target;
    for (const error of [0, 0.3, 1]) {
      let copied = 0;
      const trials = 4000;
      for (let t = 0; t < trials; t++) {
        const x = copyWithError(draws, 3, t, own, target, error);
        expect((x ^ own) & ~diff).toBe(0); // only differing bits move
        copied += hammingDistance(x, own);
      }
      const share = copied / (trials * hammingDistance(own, target));
      const se = Math.sqrt((error * (1 - error)) / (trials * hammingDistance(own, target)));
      expect(Math.abs(share - (1 - error))).toBeLessThanOrEqual(4 * se + 1e-12);
    }
  });

  it('with copy errors, never ends up worse than its own solution and only moves toward the model', () => {
    for (let rep = 1; rep <= 20; rep++) {
      const s = init(params({ agents: 20, network: 'full', copy_error: 0.5 }), rep);
      for (let t = 0; t < 15; t++) {
        const before = Array.from(s.solution);
        const fBefore = Array.from(s.fitness);
        const best = before.reduce((b, x, i) => (s.fitness[i] > s.fitness[b] ? i : b), 0);
        model.step(s, t);
        for (let i = 0; i < s.n; i++) {
          expect(s.fitness[i]).toBeGreaterThanOrEqual(fBefore[i]);
          expect(s.fitness[i]).toBe(s.landscape.table[s.solution[i]]);
          if (i !== best && fBefore[best] > fBefore[i]) {
            // an imitator moves only on dimensions where the best agent differed
            expect((s.solution[i] ^ before[i]) & ~(before[best] ^ before[i])).toBe(0);
          }
        }
      }
    }
  });

  it('with copy_error 1 an imitator keeps its own solution', () => {
    const s = init(params({ agents: 10, network: 'full', copy_error: 1 }));
    const before = Array.from(s.solution);
    model.step(s, 0);
    const best = before.reduce((b, _, i) => (s.landscape.table[before[i]] > s.landscape.table[before[b]] ? i : b), 0);
    for (let i = 0; i < 10; i++) if (i !== best) expect(s.solution[i]).toBe(before[i]);
  });
});

describe('one-dimension search', () => {
  it('flips at most one bit and keeps only strict improvements', () => {
    for (let rep = 1; rep <= 5; rep++) {
      const s = init(params({ agents: 30, velocity: 0 }), rep); // nobody looks: everyone searches alone
      for (let t = 0; t < 400; t++) {
        const before = Array.from(s.solution);
        model.step(s, t);
        expect(s.imitations).toBe(0);
        let improved = 0;
        for (let i = 0; i < s.n; i++) {
          const d = hammingDistance(before[i], s.solution[i]);
          expect(d).toBeLessThanOrEqual(1);
          if (d === 1) {
            improved++;
            expect(s.landscape.table[s.solution[i]]).toBeGreaterThan(s.landscape.table[before[i]]);
          }
        }
        expect(improved).toBe(s.discoveries);
      }
      // alone, everyone ends on a local optimum (and the run knows it is over)
      expect(s.frozen).toBe(true);
      for (let i = 0; i < s.n; i++) expect(isLocalOptimum(s.landscape, s.solution[i])).toBe(true);
    }
  });

  it('velocity sets the share of agents who look', () => {
    // on a fresh full network all but one agent has someone better: imitators ≈ velocity · (n - 1)
    let imitations = 0;
    const reps = 40;
    for (let rep = 1; rep <= reps; rep++) {
      const s = init(params({ agents: 100, network: 'full', velocity: 0.3 }), rep);
      model.step(s, 0);
      imitations += s.imitations;
    }
    const share = imitations / (reps * 99);
    expect(Math.abs(share - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / (reps * 99)));
  });
});

describe('streams and determinism', () => {
  it('gives every network condition of a replicate the same landscape and starting solutions', () => {
    const conditions = ['linear', 'full', 'random', 'small-world'];
    const states = conditions.map((network, c) => init(params({ agents: 50, network }), 3, `cond-${c}`));
    for (const s of states.slice(1)) {
      expect(s.landscape.dependencies).toEqual(states[0].landscape.dependencies);
      expect(s.landscape.argmax).toBe(states[0].landscape.argmax);
      expect(s.solution).toEqual(states[0].solution);
    }
    expect(states[0].graph.neighbors.length).toBe(100);
    expect(states[1].graph.neighbors.length).toBe(50 * 49);
  });

  it('repeats a run exactly from the same seeds, differs in another replicate, and ignores the condition-seeded behaviour stream (A/A)', () => {
    const p = params({ agents: 40, network: 'random', density: 0.1, velocity: 0.5, copy_error: 0.2 });
    const a = simulate(model, p, runStreams(5, 2, 77), 60);
    const b = simulate(model, p, runStreams(5, 2, 77), 60);
    // behaviour seeds differ between conditions with different names: keyed draws make identical conditions identical
    const renamed = simulate(model, p, runStreams(5, 2, 78), 60);
    const other = simulate(model, p, runStreams(5, 3, 77), 60);
    expect(b.series).toEqual(a.series);
    expect(b.final).toEqual(a.final);
    expect(renamed.series).toEqual(a.series);
    expect(renamed.final).toEqual(a.final);
    expect(other.series).not.toEqual(a.series);
  });
});

describe('equilibrium', () => {
  it('is reached when no agent can change again, and nothing changes after it', () => {
    const p = params({ agents: 30, network: 'full' });
    const out = simulate(model, p, runStreams(8, 1, 1), 80);
    const w = model.tickMetrics.length;
    const eq = out.final[runMetric('equilibrium_tick')];
    expect(eq).toBeGreaterThan(0);
    expect(eq).toBeLessThan(80);
    const row = (t: number) => Array.from(out.series.subarray(t * w, (t + 1) * w));
    // state metrics are constant from the equilibrium tick on; no one imitates or discovers after it
    for (let t = eq + 1; t <= 80; t++) {
      expect(row(t).slice(0, 5)).toEqual(row(eq).slice(0, 5));
      expect(row(t)[metric('imitations')]).toBe(0);
      expect(row(t)[metric('discoveries')]).toBe(0);
    }
    expect(row(eq - 1)).not.toEqual(row(eq));
  });

  it('freezes only a truly absorbing state', () => {
    const s = init(params({ agents: 30, network: 'linear' }), 4);
    for (let t = 0; t < 300 && !s.frozen; t++) model.step(s, t);
    expect(s.frozen).toBe(true);
    for (let i = 0; i < s.n; i++) {
      expect(isLocalOptimum(s.landscape, s.solution[i])).toBe(true);
      const { offsets, neighbors } = s.graph;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) expect(s.fitness[neighbors[e]]).toBeLessThanOrEqual(s.fitness[i]);
    }
    // unfreeze and keep stepping: nothing may change
    const before = Array.from(s.solution);
    s.frozen = false;
    for (let t = 0; t < 50; t++) model.step(s, t);
    expect(Array.from(s.solution)).toEqual(before);
  });

  it('with copy_error 1, agents below a better neighbour are stuck, and equilibrium comes when the rest sit on local optima', () => {
    const s = init(params({ agents: 20, network: 'full', copy_error: 1 }), 6);
    const start = Array.from(s.solution);
    for (let t = 0; t < 300 && !s.frozen; t++) model.step(s, t);
    expect(s.frozen).toBe(true);
    const top = Math.max(...Array.from(s.fitness));
    for (let i = 0; i < s.n; i++) {
      if (s.fitness[i] < top) expect(s.solution[i]).toBe(start[i]); // never searched, never copied
      else expect(isLocalOptimum(s.landscape, s.solution[i])).toBe(true);
    }
  });

  it('reports the score as fitness^score_power', () => {
    const s = init(params({ agents: 5, score_power: 3 }));
    const out = new Float64Array(model.tickMetrics.length);
    model.recordTick(s, out);
    const mean = Array.from(s.fitness).reduce((a, f) => a + f ** 3, 0) / 5;
    expect(out[metric('mean_score')]).toBeCloseTo(mean, 12);
    expect(out[metric('unique_solutions')]).toBe(new Set(s.solution).size);
  });
});

describe('run metrics at a fixed horizon and of the network', () => {
  it('horizon_score is the average score at round `horizon`, empty when 0 or beyond the run, and the horizon changes nothing else', () => {
    const streams = () => runStreams(7, 2, behaviourSeed(7, 'c', '', 2));
    const plain = simulate(model, params({ network: 'linear' }), streams(), 60);
    const at40 = simulate(model, params({ network: 'linear', horizon: 40 }), streams(), 60);
    expect(at40.runMetric('horizon_score')).toBe(plain.tickMetric('mean_score')[40]);
    expect(at40.runMetric('horizon_score')).not.toBe(at40.runMetric('mean_score')); // still climbing at 40 on the ring
    expect(plain.runMetric('horizon_score')).toBeNaN();
    expect(simulate(model, params({ network: 'linear', horizon: 61 }), streams(), 60).runMetric('horizon_score')).toBeNaN();
    expect(at40.series).toEqual(plain.series);
    // a run frozen at equilibrium before the horizon keeps its equilibrium score
    const full = simulate(model, params({ network: 'full', horizon: 50 }), streams(), 60);
    expect(full.runMetric('equilibrium_tick')).toBeLessThan(50);
    expect(full.runMetric('horizon_score')).toBe(full.runMetric('mean_score'));
  });

  it('mean_path_length is the network’s mean distance: (n + 1)/3 on a chain, 2(n − 1)/n on a star, 1 on the full network', () => {
    const pathLength = (network: string) => simulate(model, params({ agents: 30, network }), runStreams(7, 1, 7), 1).runMetric('mean_path_length');
    expect(pathLength('chain')).toBeCloseTo(31 / 3, 12);
    expect(pathLength('hub-and-spoke')).toBeCloseTo((2 * 29) / 30, 12);
    expect(pathLength('full')).toBe(1);
    expect(pathLength('linear')).toBeCloseTo((30 * 30) / (4 * 29), 12); // even ring: n²/(4(n − 1))
  });
});

/** Mean over replicates of a tick metric at the given ticks; paired by replicate. */
function meanSeries(over: Record<string, number | string>, reps: number, ticks: number, condition: string): Float64Array[] {
  const p = { ...defaultParams(model.parameters), bits: 16, ...over };
  const w = model.tickMetrics.length;
  const out: Float64Array[] = [];
  for (let r = 1; r <= reps; r++) {
    const run = simulate(model, p, runStreams(2007, r, behaviourSeed(2007, condition, '', r)), ticks);
    const score = new Float64Array(ticks + 1);
    for (let t = 0; t <= ticks; t++) score[t] = run.series[t * w + metric('mean_score')];
    out.push(score);
  }
  return out;
}

function pairedDifference(a: Float64Array[], b: Float64Array[], t: number): { mean: number; se: number } {
  const d = a.map((x, i) => x[t] - b[i][t]);
  const mean = d.reduce((s, v) => s + v, 0) / d.length;
  const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (d.length - 1));
  return { mean, se: sd / Math.sqrt(d.length) };
}

describe('the paper’s findings at reduced size (N = 16, K = 5, 100 agents)', () => {
  it('the full network is ahead early and the linear one ahead in the long run', () => {
    const linear = meanSeries({ network: 'linear' }, 40, 100, 'linear');
    const full = meanSeries({ network: 'full' }, 40, 100, 'full');
    const early = pairedDifference(full, linear, 5);
    const late = pairedDifference(linear, full, 100);
    expect(early.mean).toBeGreaterThan(3 * early.se);
    expect(late.mean).toBeGreaterThan(3 * late.se);
  }, 60_000);

  it('lower velocity is slower early and better in the long run on the full network', () => {
    const fast = meanSeries({ network: 'full', velocity: 1 }, 40, 200, 'v1');
    const slow = meanSeries({ network: 'full', velocity: 0.1 }, 40, 200, 'v01');
    const early = pairedDifference(fast, slow, 5);
    const late = pairedDifference(slow, fast, 200);
    expect(early.mean).toBeGreaterThan(3 * early.se);
    expect(late.mean).toBeGreaterThan(3 * late.se);
  }, 60_000);
});
