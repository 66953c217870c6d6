/**
 * purpose-alignment: each mechanism pushes its outcome the way the design says, all
 * else fixed. Each comparison runs the same replicates (same people, landscape, graph
 * and behaviour seed) under two values of one parameter and asks that the paired mean
 * difference is positive with its 95% interval above zero. The margins were checked
 * with several master seeds; the seeds here are fixed.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationOutput } from '../src/experiment/simulate.ts';
import { behaviourSeed, runStreams } from '../src/experiment/seeds.ts';
import { defaultParams, type Params, type ParamValue } from '../src/model/params.ts';
import { purposeAlignment as model } from '../src/models/purpose-alignment/index.ts';
import { pairedDifferenceCi } from '../src/stats/index.ts';

const MASTER = 424242;
const WIDTH = model.tickMetrics.length;
const TICK: Record<string, number> = Object.fromEntries(model.tickMetrics.map((m, i) => [m.name, i]));
const RUN: Record<string, number> = Object.fromEntries(model.runMetrics.map((m, i) => [m.name, i]));

/** 85 people: a full org chart of 4 levels with span 4. */
const BASE: Record<string, ParamValue> = { agents: 85, span: 4, levels: 4 };

function params(over: Record<string, ParamValue>): Params {
  const p = { ...defaultParams(model.parameters), ...BASE, ...over };
  expect(model.check!(p)).toEqual([]);
  return p;
}

/** Both arms of a comparison use the same streams: only the parameter differs. */
function runOnce(over: Record<string, ParamValue>, replicate: number, ticks: number): SimulationOutput {
  return simulate(model, params(over), runStreams(MASTER, replicate, behaviourSeed(MASTER, 'arm', '', replicate)), ticks);
}

const at = (out: SimulationOutput, t: number, name: string): number => out.series[t * WIDTH + TICK[name]];

/** Mean over ticks from..ticks of a tick metric (NaN ticks skipped). */
function meanOver(out: SimulationOutput, name: string, from = 1): number {
  let s = 0;
  let k = 0;
  for (let t = from; t <= out.ticks; t++) {
    const v = at(out, t, name);
    if (!Number.isNaN(v)) {
      s += v;
      k++;
    }
  }
  return s / k;
}

const riskTaking = (out: SimulationOutput) => out.final[RUN.creative_risk_rate];
const lateRiskTaking = (out: SimulationOutput) => meanOver(out, 'creative_risk_rate', Math.floor(out.ticks / 2) + 1);
const total = (name: string) => (out: SimulationOutput) => out.final[RUN[name]];

interface Comparison {
  /** Parameters of both arms. */
  base: Record<string, ParamValue>;
  /** The arm expected to score lower, and the one expected to score higher. */
  low: Record<string, ParamValue>;
  high: Record<string, ParamValue>;
  outcome: (out: SimulationOutput) => number;
  replicates?: number;
  ticks?: number;
}

/** Paired differences high − low by replicate. */
function pairedDiff(c: Comparison): { difference: number; ciLow: number; ciHigh: number; lows: number[]; highs: number[] } {
  const lows: number[] = [];
  const highs: number[] = [];
  const replicates = c.replicates ?? 10;
  const ticks = c.ticks ?? 100;
  for (let r = 0; r < replicates; r++) {
    lows.push(c.outcome(runOnce({ ...c.base, ...c.low }, r, ticks)));
    highs.push(c.outcome(runOnce({ ...c.base, ...c.high }, r, ticks)));
  }
  const ci = pairedDifferenceCi(highs, lows);
  return { difference: ci.difference, ciLow: ci.ciLow, ciHigh: ci.ciHigh, lows, highs };
}

function expectHigher(c: Comparison): void {
  const d = pairedDiff(c);
  const what = `high − low = ${d.difference} [${d.ciLow}, ${d.ciHigh}]`;
  expect(d.difference, what).toBeGreaterThan(0);
  expect(d.ciLow, what).toBeGreaterThan(0);
}

const HIERARCHY_NO_APPROVAL = { structure: 'hierarchy', approval_levels: 0 };

describe('purpose-alignment mechanisms (paired by replicate, one parameter changed)', () => {
  it('C1: managers who really back failures (backing) get more creative risk-taking in the hierarchy', () => {
    // approval_levels 0: every idea is carried out, so failures happen and are seen
    expectHigher({ base: { ...HIERARCHY_NO_APPROVAL, reward: 'individual' }, low: { backing: 0.1 }, high: { backing: 0.9 }, outcome: riskTaking });
  });

  it('C1: backing works through perceived genuineness alone (no fear from punishment)', () => {
    expectHigher({
      base: { ...HIERARCHY_NO_APPROVAL, reward: 'individual', fear_gain: 0 },
      low: { backing: 0.1 },
      high: { backing: 0.9 },
      outcome: riskTaking,
    });
  });

  it('C1: low backing makes perceived genuineness fall below its prior, high backing makes it rise', () => {
    const d = pairedDiff({
      base: { ...HIERARCHY_NO_APPROVAL, reward: 'individual', initial_genuineness: 0.5 },
      low: { backing: 0.1 },
      high: { backing: 0.9 },
      outcome: (out) => at(out, out.ticks, 'mean_genuineness'),
      replicates: 6,
    });
    for (const g of d.lows) expect(g).toBeLessThan(0.5);
    for (const g of d.highs) expect(g).toBeGreaterThan(0.5);
  });

  it('C1: lower stated empowerment gives less creative risk-taking in the hierarchy', () => {
    expectHigher({ base: { structure: 'hierarchy' }, low: { empowerment: 0.3 }, high: { empowerment: 0.9 }, outcome: riskTaking });
  });

  it('C6: culture reward gives more creative risk-taking than individual reward in the network', () => {
    expectHigher({ base: { structure: 'network' }, low: { reward: 'individual' }, high: { reward: 'culture' }, outcome: riskTaking });
  });

  it('C6: culture reward gives more creative risk-taking than individual reward in the hierarchy', () => {
    expectHigher({ base: HIERARCHY_NO_APPROVAL, low: { reward: 'individual' }, high: { reward: 'culture' }, outcome: riskTaking });
  });

  it('C6: culture reward leaves no fear and raises skill; individual reward leaves fear', () => {
    for (const structure of ['network', 'hierarchy']) {
      const base = { structure, approval_levels: 0 };
      const culture = runOnce({ ...base, reward: 'culture' }, 0, 80);
      const individual = runOnce({ ...base, reward: 'individual' }, 0, 80);
      for (let t = 0; t <= 80; t++) expect(at(culture, t, 'mean_fear')).toBe(0);
      expect(at(individual, 80, 'mean_fear')).toBeGreaterThan(0);
      expect(at(culture, 80, 'mean_skill')).toBeGreaterThan(at(culture, 0, 'mean_skill'));
      expect(at(individual, 80, 'mean_skill')).toBe(at(individual, 0, 'mean_skill'));
    }
  });

  it('C4: higher initial alignment gives larger teams in the network', () => {
    expectHigher({ base: { structure: 'network' }, low: { initial_alignment: 0.3 }, high: { initial_alignment: 0.9 }, outcome: total('mean_team_size') });
  });

  it('C4, C5: higher initial trust gives larger teams in the network', () => {
    expectHigher({ base: { structure: 'network' }, low: { initial_trust: 0.2 }, high: { initial_trust: 0.9 }, outcome: total('mean_team_size') });
  });

  it('C4, C5: lower initial trust leaves a larger share of network projects unformed', () => {
    expectHigher({
      base: { structure: 'network' },
      low: { initial_trust: 0.9 },
      high: { initial_trust: 0.2 },
      outcome: (out) => out.final[RUN.projects_unformed] / out.final[RUN.proposals],
    });
  });

  it('C1: punishment breeds fear that lowers later risk-taking (fear_gain, network)', () => {
    expectHigher({ base: { structure: 'network', reward: 'individual' }, low: { fear_gain: 0.9 }, high: { fear_gain: 0.05 }, outcome: lateRiskTaking });
  });

  it('C1: punishment breeds fear that lowers later risk-taking (fear_gain, hierarchy)', () => {
    expectHigher({ base: { ...HIERARCHY_NO_APPROVAL, reward: 'individual' }, low: { fear_gain: 0.9 }, high: { fear_gain: 0.05 }, outcome: lateRiskTaking });
  });

  it('C1: punished failures (penalty and fear) lower later risk-taking compared with failures that cost nothing', () => {
    expectHigher({
      base: { ...HIERARCHY_NO_APPROVAL, reward: 'individual' },
      low: { penalty: 5, fear_gain: 0.5 },
      high: { penalty: 0, fear_gain: 0 },
      outcome: lateRiskTaking,
    });
  });

  it('C7: higher collective orientation raises mean trust in the network', () => {
    expectHigher({
      base: { structure: 'network' },
      low: { collective_orientation: 0.3 },
      high: { collective_orientation: 0.9 },
      outcome: (out) => at(out, out.ticks, 'mean_trust'),
    });
  });

  it('C7: mean trust in the network grows over time when people contribute and falls when they hold back', () => {
    // Initiators always count as contributing, so trust only falls when nearly everyone
    // holds back (at ω = 0.2 it still ends slightly above the prior of 0.5).
    for (let r = 0; r < 4; r++) {
      const giving = runOnce({ structure: 'network', reward: 'culture', collective_orientation: 0.9 }, r, 100);
      const holding = runOnce({ structure: 'network', reward: 'culture', collective_orientation: 0.05 }, r, 100);
      expect(at(giving, 100, 'mean_trust')).toBeGreaterThan(at(giving, 0, 'mean_trust'));
      expect(at(holding, 100, 'mean_trust')).toBeLessThan(at(holding, 0, 'mean_trust'));
    }
  });

  it('C2: higher clarity gives higher mission alignment in the hierarchy', () => {
    expectHigher({
      base: { structure: 'hierarchy' },
      low: { clarity: 0.2 },
      high: { clarity: 0.9 },
      outcome: (out) => meanOver(out, 'mission_alignment', 51),
    });
  });

  it('more approval levels give more vetoes per proposal in the hierarchy', () => {
    // judge_noise 0.2 in both arms: with the default 0.05 one judge already vetoes ~97%
    expectHigher({
      base: { structure: 'hierarchy', judge_noise: 0.2 },
      low: { approval_levels: 1 },
      high: { approval_levels: 3 },
      outcome: (out) => out.final[RUN.vetoes] / out.final[RUN.proposals],
    });
  });

  it('monitoring props up contribution in assigned teams, so trust in the hierarchy rises with it', () => {
    expectHigher({
      base: { ...HIERARCHY_NO_APPROVAL, reward: 'culture', collective_orientation: 0.3 },
      low: { monitoring: 0 },
      high: { monitoring: 1 },
      outcome: (out) => at(out, out.ticks, 'mean_trust'),
    });
  });

  it('in the pure hierarchy trust enters no decision: it changes nothing but its own metric', () => {
    // the org chart coordinates by authority: safety there comes from genuineness, not ties
    const a = runOnce({ structure: 'hierarchy', initial_trust: 0.1, trust_prior_strength: 1 }, 0, 100);
    const b = runOnce({ structure: 'hierarchy', initial_trust: 0.9, trust_prior_strength: 50 }, 0, 100);
    const own = new Set(['mean_trust']);
    for (const spec of model.tickMetrics) {
      if (own.has(spec.name)) continue;
      for (let t = 0; t <= 100; t++) expect(Object.is(at(a, t, spec.name), at(b, t, spec.name)), `${spec.name} at tick ${t}`).toBe(true);
    }
    expect(at(a, 100, 'mean_trust')).not.toBe(at(b, 100, 'mean_trust'));
  });
});
