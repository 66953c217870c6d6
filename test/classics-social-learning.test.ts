/**
 * social-learning (Barkoczi & Galesic 2016): the landscape variants its code uses, the
 * networks, each strategy's rule on hand-set states, invariants, common random numbers,
 * and the paper's main finding (strategy reverses the effect of network efficiency).
 */
import { describe, expect, it } from 'vitest';
import { behaviourSeed, runStreams } from '../src/experiment/seeds.ts';
import { simulate } from '../src/experiment/simulate.ts';
import { averageClustering, cavemanGraph, degreeOf, edgeCount, isConnected, randomRegularGraph } from '../src/model/graph/index.ts';
import { createNkLandscape } from '../src/model/landscape/nk.ts';
import { defaultParams, type Params } from '../src/model/params.ts';
import { createRng } from '../src/rng/index.ts';
import { findModel } from '../src/models/index.ts';
import { socialLearning as model } from '../src/models/social-learning/index.ts';
import type { SocialLearningState } from '../src/models/social-learning/state.ts';

function params(over: Record<string, number | string> = {}): Params {
  return { ...defaultParams(model.parameters), ...over };
}

function init(p: Params, replicate = 1): SocialLearningState {
  return model.init(p, runStreams(2016, replicate, behaviourSeed(2016, 'c', '', replicate)), { baseDir: '.' });
}

/** Puts hand-picked solutions into a state (fitness kept in step). */
function place(s: SocialLearningState, solutions: number[]): void {
  solutions.forEach((x, i) => {
    s.solution[i] = x;
    s.fitness[i] = s.landscape.table[x];
  });
}

/** Distinct solutions of the landscape, best first (one per fitness value). */
function byFitness(s: SocialLearningState): number[] {
  const seen = new Set<number>();
  const xs: number[] = [];
  const order = Array.from({ length: s.landscape.table.length }, (_, x) => x).sort((a, b) => s.landscape.table[b] - s.landscape.table[a]);
  for (const x of order) if (!seen.has(s.landscape.table[x])) seen.add(s.landscape.table[x]) && xs.push(x);
  return xs;
}

describe('social-learning registration', () => {
  it('is a registered model with the paper’s defaults', () => {
    expect(findModel('social-learning')).toBe(model);
    const p = defaultParams(model.parameters);
    expect([p.agents, p.bits, p.interactions, p.score_power, p.sample_size, p.degree, p.groups]).toEqual([100, 15, 7, 8, 3, 19, 5]);
    expect([p.dependencies, p.contributions, p.strategy, p.network]).toEqual(['any-without-replacement', 'tenths', 'best-member', 'full']);
  });

  it('checks cross-parameter problems', () => {
    expect(model.check!(params({ interactions: 15 }))).toEqual([{ key: 'interactions', message: 'must be less than bits (15), got 15' }]);
    expect(model.check!(params({ bits: 4, interactions: 2, agents: 17 }))).toEqual([{ key: 'agents', message: 'must be at most 2^bits = 16, since agents start on distinct solutions, got 17' }]);
    expect(model.check!(params({ network: 'lattice', degree: 100 }))).toEqual([{ key: 'degree', message: 'must be less than agents (100), got 100' }]);
    expect(model.check!(params({ network: 'random-regular', agents: 99 }))).toEqual([{ key: 'degree', message: 'a random regular network of odd degree needs an even number of agents (99); got degree 19' }]);
    expect(model.check!(params({ network: 'clustered', groups: 3 }))).toEqual([{ key: 'groups', message: 'must divide agents (100) so every group is full, got 3' }]);
    expect(model.check!(params({ network: 'clustered', groups: 50 }))).toEqual([{ key: 'groups', message: 'must leave at least 3 agents a group in the clustered network (a group of 2 would lose its only tie to the bridge), got 50 groups of 2' }]);
    expect(model.check!(params({ network: 'isolated', groups: 50 }))).toEqual([]);
    expect(model.inactiveParameters!(params({ strategy: 'individual', network: 'full' }))).toEqual(['sample_size', 'degree', 'groups']);
  });
});

describe('the landscape as the paper’s code draws it', () => {
  it('any-without-replacement: K distinct dependencies of all N, a bit itself among them at the rate K/N', () => {
    const rng = createRng('deps');
    let self = 0;
    let links = 0;
    for (let r = 0; r < 200; r++) {
      const l = createNkLandscape(15, 7, rng, { dependencies: 'any-without-replacement' });
      for (let i = 0; i < 15; i++) {
        const deps = Array.from(l.dependencies.subarray(i * 7, i * 7 + 7));
        expect(new Set(deps).size).toBe(7);
        if (deps.includes(i)) self++;
        links++;
      }
    }
    expect(self / links).toBeGreaterThan(7 / 15 - 0.05); // P(i among 7 of 15) = 7/15
    expect(self / links).toBeLessThan(7 / 15 + 0.05);
  });

  it('contributions in tenths: every contribution a multiple of 0.1, and equal sums tie exactly', () => {
    const l = createNkLandscape(10, 3, createRng('tenths'), { dependencies: 'any-without-replacement', contributionSteps: 10 });
    for (const c of l.contributions) expect(Math.round(c * 10)).toBeCloseTo(c * 10, 12);
    const raw = Array.from(l.table, (f) => Math.round(f * l.max * 10 * 10)); // sums in tenths
    for (let x = 0; x < l.table.length; x++) expect(l.table[x] * l.max * 10).toBeCloseTo(raw[x] / 10, 9);
    const distinct = new Set(l.table).size;
    expect(distinct).toBeLessThan(l.table.length / 4); // ties are common on a tenths grid
    expect(new Set(raw).size).toBe(distinct); // equal sums are equal doubles
    expect(l.table[l.argmax]).toBe(1);
  });
});

describe('networks', () => {
  it('random regular: every degree d, n·d/2 ties, no self-loops, seed-fixed, and less clustered than the lattice it starts from', () => {
    const g = randomRegularGraph(100, 19, createRng('rr'));
    for (let i = 0; i < 100; i++) expect(degreeOf(g, i)).toBe(19);
    expect(edgeCount(g)).toBe(950);
    expect(isConnected(g)).toBe(true);
    expect(averageClustering(g)).toBeLessThan(0.3); // a circulant of degree 19 has about 0.68
    expect(randomRegularGraph(100, 19, createRng('rr')).neighbors).toEqual(g.neighbors);
    expect(() => randomRegularGraph(99, 19, createRng('x'))).toThrow('a random regular network of odd degree 19 needs an even number of agents, got 99');
    expect(() => randomRegularGraph(10, 10, createRng('x'))).toThrow('a random regular network needs a degree d with 1 <= d < agents (10), got 10');
  });

  it('random regular near the complete graph (the complement of a sparse one): exact degrees, no repeated ties, fast', () => {
    for (const [n, d] of [[100, 98], [100, 60], [200, 198], [100, 99], [11, 6]] as const) {
      const g = randomRegularGraph(n, d, createRng(`dense-${n}-${d}`));
      for (let i = 0; i < n; i++) expect(degreeOf(g, i)).toBe(d);
      expect(edgeCount(g)).toBe((n * d) / 2);
      for (let i = 0; i < n; i++) {
        const row = Array.from(g.neighbors.subarray(g.offsets[i], g.offsets[i + 1]));
        expect(new Set(row).size).toBe(row.length);
        expect(row).not.toContain(i);
      }
    }
    const a = randomRegularGraph(100, 90, createRng('dense'));
    const b = randomRegularGraph(100, 90, createRng('dense-other'));
    expect(a.neighbors).not.toEqual(b.neighbors); // random, not a fixed circulant
  });

  it('isolated groups: disjoint cliques, no tie between groups', () => {
    const g = cavemanGraph(5, 20);
    expect(edgeCount(g)).toBe(5 * 190);
    for (let i = 0; i < 100; i++) expect(degreeOf(g, i)).toBe(19);
    expect(isConnected(g)).toBe(false);
  });

  it('the lattice is one-directional: agent i samples i + 1 … i + degree', () => {
    const out = simulate(model, params({ network: 'lattice', degree: 3, agents: 10 }), runStreams(1, 1, 1), 0, { networks: 'end' });
    const pairs = Array.from(out.networks[0].relations[0].pairs);
    expect(pairs.slice(0, 6)).toEqual([0, 1, 0, 2, 0, 3]);
    expect(pairs.slice(-6)).toEqual([9, 0, 9, 1, 9, 2]);
  });
});

describe('strategies on hand-set states (full network of 4, samples of 3: everyone else)', () => {
  const small = (strategy: string) => params({ agents: 4, bits: 10, interactions: 3, strategy, sample_size: 3 });

  it('best-member copies the best contact only when it pays strictly more', () => {
    const s = init(small('best-member'));
    const [best, second, third] = byFitness(s);
    place(s, [third, best, second, third]);
    model.step(s, 0);
    expect(Array.from(s.solution.subarray(0, 1))).toEqual([best]);
    expect(s.solution[1]).toBe(best); // the best agent cannot copy anyone better: it searches, and may only improve
    expect(s.copies).toBe(3);
    // a contact that only ties is not copied
    const t = init(small('best-member'));
    place(t, [second, second, second, second]);
    model.step(t, 0);
    expect(t.copies).toBe(0);
  });

  it('conformity copies the solution two or more contacts hold, even over a better lone one, and only if it pays more', () => {
    const s = init(small('conformity'));
    const [best, second, , fourth] = byFitness(s);
    place(s, [fourth, second, second, best]);
    model.step(s, 0);
    expect(s.solution[0]).toBe(second); // two hold `second`, one holds `best`
    // agent 3 (best) sees second twice, which pays less: it does not copy
    expect(s.fitness[3]).toBeGreaterThanOrEqual(s.landscape.table[best]);
    // agents 1 and 2 see {fourth, second, best}: no solution twice, so they search alone
    expect(s.copies).toBe(1);
  });

  it('random-copy never searches alone, and individual never copies', () => {
    const rc = init(params({ strategy: 'random-copy', agents: 30 }));
    const ind = init(params({ strategy: 'individual', agents: 30 }));
    for (let t = 0; t < 50; t++) {
      model.step(rc, t);
      model.step(ind, t);
      expect(rc.discoveries).toBe(0);
      expect(ind.copies).toBe(0);
    }
  });

  it('payoffs never fall, under every strategy and network', () => {
    for (const strategy of ['best-member', 'conformity', 'random-copy', 'individual']) {
      for (const network of ['full', 'lattice', 'clustered', 'random-regular']) {
        const s = init(params({ strategy, network, agents: 40, groups: 4, degree: 5 }), 3);
        for (let t = 0; t < 40; t++) {
          const before = Float64Array.from(s.fitness);
          model.step(s, t);
          for (let i = 0; i < s.n; i++) expect(s.fitness[i]).toBeGreaterThanOrEqual(before[i]);
          for (let i = 0; i < s.n; i++) expect(s.fitness[i]).toBe(s.landscape.table[s.solution[i]]);
        }
      }
    }
  });
});

describe('common random numbers', () => {
  it('every strategy of a replicate starts from the same distinct solutions on the same landscape; an A/A pair is identical', () => {
    const a = init(params({ strategy: 'best-member' }), 4);
    const b = init(params({ strategy: 'conformity', sample_size: 9 }), 4);
    expect(b.landscape.table).toEqual(a.landscape.table);
    expect(b.solution).toEqual(a.solution);
    expect(new Set(a.solution).size).toBe(100);
    const run = () => simulate(model, params({ network: 'clustered' }), runStreams(2016, 4, behaviourSeed(2016, 'x', '', 4)), 60);
    expect(run().series).toEqual(run().series);
  });

  it('keyed draws: where best-member and individual face the same decision (nothing better to copy) they flip the same bit', () => {
    const bm = init(params({ strategy: 'best-member', agents: 10, sample_size: 9 }), 5);
    const ind = init(params({ strategy: 'individual', agents: 10 }), 5);
    const top = byFitness(bm)[0];
    place(bm, Array(10).fill(top)); // nobody can copy anyone better; everyone searches
    place(ind, Array(10).fill(top));
    model.step(bm, 0);
    model.step(ind, 0);
    expect(bm.solution).toEqual(ind.solution);
  });
});

describe('the paper’s finding: strategy reverses the effect of network efficiency (120 landscapes, paired)', () => {
  const finals = (over: Record<string, number | string>, condition: string) =>
    Array.from({ length: 120 }, (_, r) => simulate(model, params(over), runStreams(2016, r + 1, behaviourSeed(2016, condition, '', r + 1)), 199).runMetric('mean_payoff'));
  const paired = (a: number[], b: number[]) => {
    const d = a.map((x, i) => x - b[i]);
    const mean = d.reduce((s, v) => s + v, 0) / d.length;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (d.length - 1));
    return { mean, se: sd / Math.sqrt(d.length) };
  };

  it('best member: clustered beats full; conformity: full beats clustered', () => {
    const bmClustered = finals({ strategy: 'best-member', network: 'clustered' }, 'bm');
    const bmFull = finals({ strategy: 'best-member', network: 'full' }, 'bm');
    const cfClustered = finals({ strategy: 'conformity', network: 'clustered' }, 'cf');
    const cfFull = finals({ strategy: 'conformity', network: 'full' }, 'cf');
    const bm = paired(bmClustered, bmFull);
    const cf = paired(cfFull, cfClustered);
    expect(bm.mean).toBeGreaterThan(2 * bm.se); // the paper: 0.705 vs 0.614
    expect(cf.mean).toBeGreaterThan(2 * cf.se); // the paper: 0.829 vs 0.538
  });

  it('subgroups: under best member, cliques joined by a few bridges beat isolated cliques', () => {
    const bridged = finals({ strategy: 'best-member', network: 'clustered' }, 'bm');
    const isolated = finals({ strategy: 'best-member', network: 'isolated' }, 'bm');
    const d = paired(bridged, isolated);
    expect(d.mean).toBeGreaterThan(2 * d.se);
  });
});
