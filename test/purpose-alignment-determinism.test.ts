/**
 * purpose-alignment: determinism and common random numbers (design brief §6).
 * Same parameters and seeds give bit-identical series; different decision draws
 * give a different run; conditions of one replicate that differ only in structure
 * (or in a parameter that builds nothing) start from the same people, positions,
 * ties, purposes and landscape, see the same environmental changes and draw the same
 * number for every decision they share, so two identical conditions (A/A) give
 * identical runs whatever their names.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/experiment/simulate.ts';
import { behaviourSeed, runStreams } from '../src/experiment/seeds.ts';
import { defaultParams, type Params, type ParamValue } from '../src/model/params.ts';
import { purposeAlignment as model } from '../src/models/purpose-alignment/index.ts';
import type { PurposeAlignmentState } from '../src/models/purpose-alignment/state.ts';
import { createCounterDraws } from '../src/rng/index.ts';

const MASTER = 8675309;
const BASE: Record<string, ParamValue> = { agents: 40, span: 3, turbulence: 0.2, turnover: 0.01, risk_appetite: 0.3, approval_levels: 1 };

function params(over: Record<string, ParamValue>): Params {
  const p = { ...defaultParams(model.parameters), ...BASE, ...over };
  expect(model.check!(p)).toEqual([]);
  return p;
}

function streamsFor(condition: string, replicate: number, master = MASTER) {
  return runStreams(master, replicate, behaviourSeed(master, condition, '', replicate));
}

function initState(over: Record<string, ParamValue>, condition: string, replicate = 0): PurposeAlignmentState {
  return model.init(params(over), streamsFor(condition, replicate), { baseDir: process.cwd() }) as PurposeAlignmentState;
}

const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('purpose-alignment determinism', () => {
  for (const structure of ['hierarchy', 'network', 'hybrid']) {
    it(`${structure}: the same parameters and streams give byte-identical series and run metrics`, () => {
      const p = params({ structure });
      const a = simulate(model, p, streamsFor(structure, 2), 80);
      const b = simulate(model, p, streamsFor(structure, 2), 80);
      expect(a.series).toBeInstanceOf(Float64Array);
      expect(bytes(a.series)).toEqual(bytes(b.series));
      expect(bytes(a.final)).toEqual(bytes(b.final));
    });

    it(`${structure}: different decision draws give a different series from the same start`, () => {
      const p = params({ structure });
      const a = simulate(model, p, runStreams(MASTER, 2, 1001), 80);
      const b = simulate(model, p, { ...runStreams(MASTER, 2, 1001), decisions: createCounterDraws(424242) }, 80);
      const width = model.tickMetrics.length;
      // same people and landscape: row 0 is identical ...
      expect(bytes(a.series.subarray(0, width))).toEqual(bytes(b.series.subarray(0, width)));
      // ... but what happens afterwards is not
      expect(bytes(a.series)).not.toEqual(bytes(b.series));
    });
  }

  it('a different replicate starts from different people and a different landscape', () => {
    const a = initState({ structure: 'network' }, 'network', 0);
    const b = initState({ structure: 'network' }, 'network', 1);
    expect(a.solution).not.toEqual(b.solution);
    expect(a.purpose).not.toEqual(b.purpose);
    expect(a.landscape.table).not.toEqual(b.landscape.table);
  });

  it('does not depend on what ran before it in the same process', () => {
    const p = params({ structure: 'hybrid' });
    const first = simulate(model, p, streamsFor('hybrid', 4), 60);
    simulate(model, params({ structure: 'network', agents: 60 }), streamsFor('network', 9), 60);
    const again = simulate(model, p, streamsFor('hybrid', 4), 60);
    expect(bytes(again.series)).toEqual(bytes(first.series));
  });
});

describe('purpose-alignment common random numbers', () => {
  it('conditions differing only in structure start from the same people, purposes and landscape', () => {
    for (const replicate of [0, 3]) {
      const [h, n, y] = (['hierarchy', 'network', 'hybrid'] as const).map((structure) => initState({ structure }, structure, replicate));
      for (const other of [n, y]) {
        expect(other.solution).toEqual(h.solution);
        expect(other.purpose).toEqual(h.purpose);
        expect(other.landscape.table).toEqual(h.landscape.table);
        expect(other.landscape.dependencies).toEqual(h.landscape.dependencies);
        expect(other.riskAppetite).toEqual(h.riskAppetite);
        expect(other.collectiveOrientation).toEqual(h.collectiveOrientation);
        expect(other.backing).toEqual(h.backing);
        expect(other.skill).toEqual(h.skill);
        expect(other.genuineYes).toEqual(h.genuineYes);
        expect(other.genuineNo).toEqual(h.genuineNo);
        expect(other.safetyYes).toEqual(h.safetyYes);
        expect(other.safetyNo).toEqual(h.safetyNo);
        // the same positions and the same graph of who sees whom
        expect(other.structure.tree.parent).toEqual(h.structure.tree.parent);
        expect(other.structure.ties.offsets).toEqual(h.structure.ties.offsets);
        expect(other.structure.ties.neighbors).toEqual(h.structure.ties.neighbors);
      }
      expect([h, n, y].map((s) => [s.structure.chartRules, s.structure.networkRules])).toEqual([
        [true, false],
        [false, true],
        [true, true],
      ]);
    }
  });

  it('A/A: two conditions with identical parameters give identical runs, whatever their names and behaviour seeds', () => {
    for (const structure of ['hierarchy', 'network', 'hybrid']) {
      const p = params({ structure });
      const a = simulate(model, p, streamsFor('control', 3), 100);
      const b = simulate(model, p, streamsFor('placebo', 3), 100);
      expect(bytes(b.series)).toEqual(bytes(a.series));
      expect(bytes(b.final)).toEqual(bytes(a.final));
    }
  });

  it('conditions share every decision they have in common: where the rules coincide, so do the runs', () => {
    const fitness = model.tickMetrics.findIndex((m) => m.name === 'mean_fitness');
    const width = model.tickMetrics.length;
    const fitnessSeries = (over: Record<string, ParamValue>, structure: string) => {
      const out = simulate(model, params({ ...over, structure }), streamsFor(structure, 1), 80);
      return Array.from({ length: 81 }, (_, t) => out.series[t * width + fitness]);
    };
    // No creative ideas and no imitation: every structure does the same local search with the same draws.
    const alone = { risk_appetite: 0, imitation_rate: 0 };
    expect(fitnessSeries(alone, 'network')).toEqual(fitnessSeries(alone, 'hierarchy'));
    // No creative ideas: the org chart's rules (directives) apply alike in the hierarchy and the hybrid ...
    const routine = { risk_appetite: 0 };
    expect(fitnessSeries(routine, 'hybrid')).toEqual(fitnessSeries(routine, 'hierarchy'));
    // ... and the network, without directives, goes its own way.
    expect(fitnessSeries(routine, 'network')).not.toEqual(fitnessSeries(routine, 'hierarchy'));
  });

  it('changing a trait median or the trust prior keeps the same solutions, landscape and graph', () => {
    const a = initState({ structure: 'network' }, 'a');
    const b = initState({ structure: 'network', risk_appetite: 0.4, collective_orientation: 0.2, backing: 0.9, initial_trust: 0.9 }, 'b');
    expect(b.solution).toEqual(a.solution);
    expect(b.purpose).toEqual(a.purpose);
    expect(b.landscape.table).toEqual(a.landscape.table);
    expect(b.structure.ties.neighbors).toEqual(a.structure.ties.neighbors);
    // each person keeps their rank on every trait (shifted, not redrawn)
    for (let i = 0; i < a.n; i++) {
      expect(b.riskAppetite[i]).toBeGreaterThan(a.riskAppetite[i]);
      expect(b.collectiveOrientation[i]).toBeLessThan(a.collectiveOrientation[i]);
      expect(b.backing[i]).toBeGreaterThan(a.backing[i]);
    }
  });

  it('changing initial alignment keeps solutions and landscape and sets every purpose to that cosine with the mission', () => {
    const a = initState({ structure: 'network', initial_alignment: 0.2 }, 'a');
    const b = initState({ structure: 'network', initial_alignment: 0.9 }, 'b');
    expect(b.solution).toEqual(a.solution);
    expect(b.landscape.table).toEqual(a.landscape.table);
    const d = a.p.purpose_dims;
    for (let i = 0; i < a.n; i++) {
      expect(a.purpose[i * d]).toBeCloseTo(0.2, 12);
      expect(b.purpose[i * d]).toBeCloseTo(0.9, 12);
      // the off-mission part points the same way
      let dot = 0;
      let na = 0;
      let nb = 0;
      for (let k = 1; k < d; k++) {
        dot += a.purpose[i * d + k] * b.purpose[i * d + k];
        na += a.purpose[i * d + k] ** 2;
        nb += b.purpose[i * d + k] ** 2;
      }
      expect(dot / Math.sqrt(na * nb)).toBeCloseTo(1, 9);
    }
  });

  it('every condition of a replicate sees the same changes of the environment', () => {
    const states = (['hierarchy', 'network', 'hybrid'] as const).map((structure) => initState({ structure, turbulence: 0.3 }, structure, 1));
    const start = Float64Array.from(states[0].landscape.table);
    for (let t = 0; t < 40; t++) for (const s of states) model.step(s, t);
    // it did change, identically in every condition
    expect(states[0].landscape.table).not.toEqual(start);
    expect(states[1].landscape.table).toEqual(states[0].landscape.table);
    expect(states[2].landscape.table).toEqual(states[0].landscape.table);
  });

  it('the behaviour seed depends on the condition, the people/landscape/graph seeds and the decision draws do not', () => {
    expect(behaviourSeed(MASTER, 'hierarchy', '', 0)).not.toBe(behaviourSeed(MASTER, 'network', '', 0));
    const a = runStreams(MASTER, 0, 1);
    const b = runStreams(MASTER, 0, 2);
    for (const stream of ['people', 'landscape', 'structure'] as const) {
      const x = [a[stream](), a[stream](), a[stream]()];
      const y = [b[stream](), b[stream](), b[stream]()];
      expect(y).toEqual(x);
    }
    expect(a.behaviour()).not.toBe(b.behaviour());
    expect(b.decisions.uniform(4, 5, 6, 7)).toBe(a.decisions.uniform(4, 5, 6, 7));
  });
});
