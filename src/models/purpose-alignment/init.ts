/** Builds a run's initial state from its parameters and streams. */
import { createNkLandscape } from '../../model/landscape/nk.ts';
import type { RunContext, RunStreams } from '../../model/plugin.ts';
import type { PurposeAlignmentParams } from './params.ts';
import { drawPerson } from './people.ts';
import { zeroCounters, type PurposeAlignmentState } from './state.ts';
import { buildStructure } from './structure.ts';
import { initTrust } from './ties.ts';
import { psychologicalSafety } from './safety.ts';
import { score } from './score.ts';

export function initState(p: PurposeAlignmentParams, streams: RunStreams, context: RunContext): PurposeAlignmentState {
  const n = p.agents;
  const landscape = createNkLandscape(p.bits, p.interactions, streams.landscape);
  const structure = buildStructure(p, streams.structure, context);
  const tieCount = structure.ties.neighbors.length;
  const s: PurposeAlignmentState = {
    p,
    n,
    landscape,
    structure,
    draws: streams.decisions,
    now: 0,
    environmentRng: streams.landscape,
    solution: new Uint32Array(n),
    nextSolution: new Uint32Array(n),
    riskAppetite: new Float64Array(n),
    collectiveOrientation: new Float64Array(n),
    backing: new Float64Array(n),
    skill: new Float64Array(n),
    fear: new Float64Array(n),
    reward: new Float64Array(n),
    safetyYes: new Float64Array(n),
    safetyNo: new Float64Array(n),
    genuineYes: new Float64Array(n),
    genuineNo: new Float64Array(n),
    purpose: new Float64Array(n * p.purpose_dims),
    nextPurpose: new Float64Array(n * p.purpose_dims),
    trustYes: new Float64Array(tieCount),
    trustNo: new Float64Array(tieCount),
    trustRowSum: new Float64Array(n),
    pendingMask: new Uint32Array(n),
    pendingDue: new Int32Array(n),
    role: new Uint8Array(n),
    tried: new Uint8Array(n),
    idea: new Uint32Array(n),
    bestOffer: new Float64Array(n),
    bestInitiator: new Int32Array(n),
    acceptedCount: new Int32Array(n),
    visitStamp: new Int32Array(n),
    stampCounter: 0,
    teamHead: new Int32Array(n),
    teamNext: new Int32Array(n),
    teamSize: new Int32Array(n),
    contributed: new Uint8Array(n),
    teamScratch: new Int32Array(p.max_team_size),
    weightScratch: new Float64Array(p.max_team_size),
    chain: new Int32Array(Math.max(1, p.approval_levels)),
    seen: new Uint32Array(Math.max(1, 2 ** p.bits / 32)),
    solutionScratch: new Uint32Array(n),
    solutionStamp: p.bits <= 20 ? new Int32Array(2 ** p.bits) : null,
    stampOfCount: 0,
    rewardOrder: Int32Array.from({ length: n }, (_, i) => i),
    rewardScratch: new Float64Array(n),
    tick: zeroCounters(),
    totals: { ...zeroCounters(), riskRateSum: 0, ticks: 0 },
    meanScore: 0,
    cumulativeValue: 0,
    lastMeanSafety: 0,
  };
  initTrust(s);
  for (let i = 0; i < n; i++) drawPerson(s, p, streams.people, i);
  let value = 0;
  for (let i = 0; i < n; i++) {
    s.seen[s.solution[i] >>> 5] |= 1 << (s.solution[i] & 31);
    value += score(landscape.table[s.solution[i]], p.score_exponent);
  }
  s.meanScore = value / n;
  let safety = 0;
  for (let i = 0; i < n; i++) safety += psychologicalSafety(s, i);
  s.lastMeanSafety = safety / n;
  return s;
}
