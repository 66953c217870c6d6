/**
 * purpose-alignment: invariants that must hold at every tick of every run, checked on
 * the metrics simulate() returns and on the state itself (init + step). Small runs
 * (40 agents, 80 ticks) of each structure and reward scheme, with parameters that make
 * every event happen (proposals, vetoes, failures, punishments, unformed projects,
 * turnover, turbulence) so that no invariant passes vacuously.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationOutput } from '../src/experiment/simulate.ts';
import { behaviourSeed, runStreams } from '../src/experiment/seeds.ts';
import { defaultParams, type Params, type ParamValue } from '../src/model/params.ts';
import { purposeAlignment as model } from '../src/models/purpose-alignment/index.ts';
import { perceivedGenuineness, psychologicalSafety, safetyBelief } from '../src/models/purpose-alignment/safety.ts';
import type { PurposeAlignmentState } from '../src/models/purpose-alignment/state.ts';
import { BUSY } from './fixtures/purpose-alignment-busy.ts';

const MASTER = 5150;
const TICKS = 80;
const WIDTH = model.tickMetrics.length;
const TICK: Record<string, number> = Object.fromEntries(model.tickMetrics.map((m, i) => [m.name, i]));
const RUN: Record<string, number> = Object.fromEntries(model.runMetrics.map((m, i) => [m.name, i]));
const COUNTS = model.tickMetrics.filter((m) => m.unit === 'count').map((m) => m.name);

const STRUCTURES = ['hierarchy', 'network', 'hybrid'] as const;
const REWARDS = ['individual', 'culture'] as const;

/** As BUSY, but every proposal is carried out at once (failures and punishments in the org chart). */
const NO_APPROVAL: Record<string, ParamValue> = { ...BUSY, approval_levels: 0, turnover: 0 };
/** No turbulence and no turnover: fitness changes only through search. */
const STATIC: Record<string, ParamValue> = { ...BUSY, turbulence: 0, turnover: 0 };

function params(over: Record<string, ParamValue>): Params {
  const p = { ...defaultParams(model.parameters), ...over };
  expect(model.check!(p)).toEqual([]);
  return p;
}

function runOnce(over: Record<string, ParamValue>, replicate: number, ticks = TICKS): SimulationOutput {
  const streams = runStreams(MASTER, replicate, behaviourSeed(MASTER, String(over.structure), '', replicate));
  return simulate(model, params(over), streams, ticks);
}

const at = (out: SimulationOutput, t: number, name: string): number => out.series[t * WIDTH + TICK[name]];

function sumOver(out: SimulationOutput, name: string): number {
  let s = 0;
  for (let t = 1; t <= out.ticks; t++) s += at(out, t, name);
  return s;
}

function inUnit(x: number): boolean {
  return x >= 0 && x <= 1;
}

/** Every per-tick invariant of one run; returns event totals so callers can check non-vacuity. */
function checkRun(out: SimulationOutput, p: Params): Record<string, number> {
  const { structure, reward } = p;
  const n = p.agents as number;
  for (let t = 0; t <= out.ticks; t++) {
    const m = (name: string) => at(out, t, name);
    const where = `${structure}/${reward} tick ${t}`;
    for (const name of COUNTS) {
      expect(Number.isInteger(m(name)) && m(name) >= 0, `${where}: ${name} = ${m(name)}`).toBe(true);
    }
    if (t === 0) for (const name of COUNTS) expect(m(name), `${where}: ${name} before any tick`).toBe(0);
    expect(m('successes') + m('failures'), where).toBe(m('projects_formed'));
    expect(m('approvals') + m('vetoes'), where).toBeLessThanOrEqual(m('proposals'));
    expect(m('punishments'), where).toBeLessThanOrEqual(m('failures'));
    expect(m('creative_risk_rate'), where).toBeCloseTo(m('proposals') / n, 12);
    if (reward === 'culture') expect(m('punishments'), where).toBe(0);
    if (structure === 'network') {
      expect(m('vetoes'), where).toBe(0);
      expect(m('approvals'), where).toBe(0);
      expect(m('mean_genuineness'), where).toBeNaN();
      // every idea is carried out or fails to form in the same tick
      expect(m('projects_formed') + m('projects_unformed'), where).toBe(m('proposals'));
    } else {
      // every proposal up an org chart is approved or vetoed
      expect(m('approvals') + m('vetoes'), where).toBe(m('proposals'));
      expect(inUnit(m('mean_genuineness')), `${where}: genuineness ${m('mean_genuineness')}`).toBe(true);
    }
    if (m('projects_formed') > 0) {
      // assigned or recruited, no team below min_team_size goes ahead
      expect(m('mean_team_size'), where).toBeGreaterThanOrEqual(p.min_team_size as number);
      expect(m('mean_team_size'), where).toBeLessThanOrEqual(p.max_team_size as number);
    } else {
      expect(m('mean_team_size'), where).toBeNaN();
    }
    for (const name of ['mean_trust', 'mean_fitness', 'max_fitness', 'mean_score', 'mean_safety', 'purpose_alignment', 'mean_fear', 'mean_skill', 'reward_gini']) {
      expect(inUnit(m(name)), `${where}: ${name} = ${m(name)}`).toBe(true);
    }
    expect(m('mean_score'), where).toBeLessThanOrEqual(m('mean_fitness') + 1e-12); // fitness^8 <= fitness on [0, 1]
    expect(m('distinct_solutions'), where).toBeGreaterThanOrEqual(1);
    expect(m('distinct_solutions'), where).toBeLessThanOrEqual(n);
    expect(m('innovations'), where).toBeLessThanOrEqual(n);
    for (const name of ['mean_hamming', 'best_to_peak']) {
      expect(m(name) >= 0 && m(name) <= (p.bits as number), `${where}: ${name} = ${m(name)}`).toBe(true);
    }
    // one solution held by everyone is no diversity at all, and any two solutions are some
    expect(m('mean_hamming') === 0, where).toBe(m('distinct_solutions') === 1);
    expect(m('max_fitness'), where).toBeGreaterThanOrEqual(m('mean_fitness') - 1e-12);
    expect(Math.abs(m('mission_alignment')), where).toBeLessThanOrEqual(1 + 1e-12);
    if (t > 0) expect(m('cumulative_value'), where).toBeGreaterThan(at(out, t - 1, 'cumulative_value'));
  }
  expect(at(out, 0, 'cumulative_value')).toBe(0);

  // run metrics: totals are the sums of the tick counts
  const f = out.final;
  for (const name of COUNTS) expect(f[RUN[name]], `run total of ${name}`).toBe(sumOver(out, name));
  expect(f[RUN.successes] + f[RUN.failures]).toBe(f[RUN.projects_formed]);
  expect(f[RUN.creative_risk_rate]).toBeCloseTo(sumOver(out, 'creative_risk_rate') / out.ticks, 12);
  if (f[RUN.projects_formed] > 0) expect(f[RUN.success_rate]).toBeCloseTo(f[RUN.successes] / f[RUN.projects_formed], 12);
  // approved ideas are carried out at most once (later ones may still be pending at the end)
  if (structure !== 'network') expect(f[RUN.projects_formed]).toBeLessThanOrEqual(f[RUN.approvals]);
  // the final state metrics equal the last tick's
  for (const spec of model.runMetrics) {
    if (spec.name in TICK && !COUNTS.includes(spec.name) && spec.name !== 'creative_risk_rate' && spec.name !== 'mean_team_size') {
      expect(Object.is(f[RUN[spec.name]], at(out, out.ticks, spec.name)), `final ${spec.name}`).toBe(true);
    }
  }
  const totals: Record<string, number> = {};
  for (const name of COUNTS) totals[name] = f[RUN[name]];
  return totals;
}

describe('purpose-alignment metrics: per-tick invariants', () => {
  for (const structure of STRUCTURES) {
    for (const reward of REWARDS) {
      it(`${structure}, ${reward} reward`, () => {
        const seen: Record<string, number> = {};
        for (const [label, base] of [['busy', BUSY], ['no approval', NO_APPROVAL], ['static', STATIC]] as const) {
          for (let r = 0; r < 2; r++) {
            const p = { ...base, structure, reward };
            const totals = checkRun(runOnce(p, r), params(p));
            for (const [k, v] of Object.entries(totals)) seen[`${label}:${k}`] = (seen[`${label}:${k}`] ?? 0) + v;
          }
        }
        // the runs exercised what the invariants are about
        expect(seen['busy:proposals']).toBeGreaterThan(100);
        expect(seen['busy:projects_formed']).toBeGreaterThan(0);
        expect(seen['busy:failures']).toBeGreaterThan(0);
        if (structure !== 'network') expect(seen['busy:vetoes']).toBeGreaterThan(0);
        if (structure !== 'hierarchy') expect(seen['busy:projects_unformed']).toBeGreaterThan(0);
        if (reward === 'individual') expect(seen['no approval:punishments']).toBeGreaterThan(0);
      });
    }
  }

  it('every structure starts from the same mean psychological safety: the prior of the safety belief', () => {
    for (const initial_safety of [0.3, 0.5, 0.8]) {
      for (const structure of STRUCTURES) {
        const out = runOnce({ ...BUSY, structure, initial_safety, empowerment: 0.9 }, 2, 1);
        expect(at(out, 0, 'mean_safety'), `${structure} at initial_safety ${initial_safety}`).toBeCloseTo(initial_safety, 12);
      }
    }
  });

  it('cumulative_value is the running sum of mean_score over ticks 1..t', () => {
    // with and without turbulence and turnover (which change fitness outside search)
    for (const base of [STATIC, BUSY]) {
      for (const structure of STRUCTURES) {
        const out = runOnce({ ...base, structure }, 0, 60);
        let sum = 0;
        for (let t = 1; t <= out.ticks; t++) {
          sum += at(out, t, 'mean_score');
          expect(at(out, t, 'cumulative_value'), `${structure} turbulence ${base.turbulence} tick ${t}`).toBeCloseTo(sum, 9);
        }
      }
    }
  });
});

/** Invariants of the state itself, after init and after every step. */
function checkState(s: PurposeAlignmentState, where: string, t: number): void {
  const { n, p } = s;
  const d = p.purpose_dims;
  for (let e = 0; e < s.trustYes.length; e++) {
    if (!(s.trustYes[e] > 0 && s.trustNo[e] > 0)) throw new Error(`${where}: trust counts of tie ${e} are ${s.trustYes[e]}, ${s.trustNo[e]}`);
  }
  const { offsets } = s.structure.ties;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) row += s.trustYes[e] / (s.trustYes[e] + s.trustNo[e]);
    if (Math.abs(s.trustRowSum[i] - row) > 1e-9) throw new Error(`${where}: trust row sum of person ${i} is ${s.trustRowSum[i]}, ties sum to ${row}`);
  }
  for (let i = 0; i < n; i++) {
    const bad = (what: string, v: number) => new Error(`${where}: ${what} of person ${i} is ${v}`);
    if (!inUnit(s.fear[i])) throw bad('fear', s.fear[i]);
    if (!inUnit(s.skill[i])) throw bad('skill', s.skill[i]);
    if (!inUnit(s.riskAppetite[i])) throw bad('risk appetite', s.riskAppetite[i]);
    if (!inUnit(s.collectiveOrientation[i])) throw bad('collective orientation', s.collectiveOrientation[i]);
    if (!inUnit(s.backing[i])) throw bad('backing', s.backing[i]);
    if (!(s.genuineYes[i] > 0 && s.genuineNo[i] > 0)) throw bad('genuineness counts', s.genuineYes[i]);
    if (!(s.safetyYes[i] > 0 && s.safetyNo[i] > 0)) throw bad('safety counts', s.safetyYes[i]);
    // C1: felt safety is the belief moved by stated empowerment as far as it is believed, in [0, 1]
    const felt = psychologicalSafety(s, i);
    const expected = s.structure.chartRules ? Math.min(1, safetyBelief(s, i) * (1 + p.empowerment * (2 * perceivedGenuineness(s, i) - 1))) : safetyBelief(s, i);
    if (Math.abs(felt - expected) > 1e-12 || !inUnit(felt)) throw bad('felt safety', felt);
    if (s.solution[i] >= 2 ** p.bits) throw bad('solution', s.solution[i]);
    // an approved idea waits for a later tick, or nothing waits
    if (!(s.pendingDue[i] === -1 || s.pendingDue[i] >= t)) throw bad('pendingDue', s.pendingDue[i]);
    let norm = 0;
    for (let k = 0; k < d; k++) norm += s.purpose[i * d + k] ** 2;
    if (Math.abs(Math.sqrt(norm) - 1) > 1e-9) throw bad('purpose length', Math.sqrt(norm));
  }
  // the landscape stays normalised to its (possibly new) peak
  let max = 0;
  for (let x = 0; x < s.landscape.table.length; x++) if (s.landscape.table[x] > max) max = s.landscape.table[x];
  if (max !== 1 || s.landscape.table[s.landscape.argmax] !== 1) throw new Error(`${where}: landscape peak is ${max}`);
}

describe('purpose-alignment state: invariants after init and every step', () => {
  for (const structure of STRUCTURES) {
    for (const reward of REWARDS) {
      it(`${structure}, ${reward} reward`, () => {
        for (const base of [BUSY, NO_APPROVAL]) {
          const p = params({ ...base, structure, reward, bits: 10, interactions: 4 });
          const s = model.init(p, runStreams(MASTER, 3, behaviourSeed(MASTER, structure, '', 3)), { baseDir: process.cwd() }) as PurposeAlignmentState;
          checkState(s, `${structure}/${reward} after init`, 0);
          const row = new Float64Array(WIDTH);
          for (let t = 0; t < 60; t++) {
            model.step(s, t);
            checkState(s, `${structure}/${reward} after step ${t}`, t + 1);
            // the recorded state metrics are what the state holds
            model.recordTick(s, row);
            let fitness = 0;
            let fear = 0;
            let skill = 0;
            for (let i = 0; i < s.n; i++) {
              fitness += s.landscape.table[s.solution[i]];
              fear += s.fear[i];
              skill += s.skill[i];
            }
            expect(row[TICK.mean_fitness]).toBeCloseTo(fitness / s.n, 12);
            let value = 0;
            for (let i = 0; i < s.n; i++) value += s.landscape.table[s.solution[i]] ** p.score_exponent;
            expect(row[TICK.mean_score]).toBeCloseTo(value / s.n, 12);
            expect(row[TICK.mean_fear]).toBeCloseTo(fear / s.n, 12);
            expect(row[TICK.mean_skill]).toBeCloseTo(skill / s.n, 12);
          }
        }
      });
    }
  }
});

describe('reward Gini', () => {
  it('is the Gini of the current rewards every tick, whether the kept order sorts cheaply or many rewards changed at once', async () => {
    const { gini } = await import('../src/stats/descriptive.ts');
    const p = params({ ...BUSY, agents: 400, structure: 'network' });
    const s = model.init(p, runStreams(MASTER, 1, 1), { readInput: () => { throw new Error('no files'); } }) as PurposeAlignmentState;
    const row = new Float64Array(WIDTH);
    for (let t = 0; t < 30; t++) {
      model.step(s, t);
      if (t === 20) for (let i = 0; i < s.reward.length; i++) s.reward[i] = (i * 7919) % 400; // every reward moves: the fallback sort
      model.recordTick(s, row);
      expect(row[TICK.reward_gini]).toBe(gini(s.reward));
    }
  });
});
