/**
 * Builds a run's initial state. Reality comes from the landscape stream (m draws),
 * the initial beliefs from the people stream (n·m draws, person by person); neither
 * count depends on p1, p2, p3, p4 or the learner mix, so every condition of a
 * replicate starts from the same reality and the same people (common random
 * numbers). Fast learners are the first round(fast_share · n) people: beliefs are
 * independent of the index, so this is as good as a random draw and needs none.
 */
import type { RunStreams } from '../../model/plugin.ts';
import type { Rng } from '../../rng/index.ts';
import type { March1991Params } from './params.ts';
import { updateEquilibrium } from './equilibrium.ts';
import { STATE_METRIC_COUNT, tickMetrics } from './metrics.ts';
import type { March1991State } from './state.ts';

/** The belief -1, 0 or +1, each for a third of [0, 1): the uniform u drawn for it. */
export function beliefOf(u: number): number {
  return Math.floor(u * 3) - 1;
}

/** Fills person i's beliefs with fresh random beliefs (m draws). */
export function drawBeliefs(beliefs: Int8Array, i: number, m: number, rng: Rng): void {
  for (let d = 0; d < m; d++) beliefs[i * m + d] = beliefOf(rng());
}

const TICK_METRIC_COUNT = tickMetrics.length;

export function initState(p: March1991Params, streams: RunStreams): March1991State {
  const n = p.people;
  const m = p.dimensions;
  const reality = new Int8Array(m);
  for (let d = 0; d < m; d++) reality[d] = streams.landscape() < 0.5 ? 1 : -1;
  const beliefs = new Int8Array(n * m);
  for (let i = 0; i < n; i++) drawBeliefs(beliefs, i, m, streams.people);
  const fastCount = p.fast_share > 0 ? Math.round(p.fast_share * n) : 0;
  const p1 = new Float64Array(n);
  const fast = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (p.fast_share > 0) {
      fast[i] = i < fastCount ? 1 : 0;
      p1[i] = fast[i] ? p.p1_fast : p.p1_slow;
    } else {
      p1[i] = p.p1;
    }
  }
  const s: March1991State = {
    p,
    n,
    m,
    draws: streams.decisions,
    reality,
    code: new Int8Array(m),
    beliefs,
    p1,
    fast,
    fastCount,
    actions: new Int8Array(p.observation === 'actions' ? n * m : 0),
    superior: new Uint8Array(n),
    voteSum: new Int32Array(m),
    superiorCount: 0,
    tick: 0,
    equilibriumTick: -1,
    frozen: false,
    frozenSuperiorCount: 0,
    beforeUpdate: new Float64Array(STATE_METRIC_COUNT),
    frozenRecord: new Float64Array(TICK_METRIC_COUNT),
    frozenRecordValid: false,
  };
  updateEquilibrium(s); // e.g. p2 = 0 leaves the code at 0 forever: absorbing from the start
  return s;
}
