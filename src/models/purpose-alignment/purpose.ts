/**
 * How purpose travels (C2). In the org chart, everyone hears their manager's purpose
 * (the root hears the mission itself) through noise: what arrives is clarity × the
 * manager's purpose + (1 − clarity) × a random direction (uniform in [-1, 1] per
 * dimension). In the network, the members of each team this tick are drawn toward
 * their teammates' purposes, weighted by how much they trust each. The hybrid does
 * both. Each person moves influence_rate of the way and is renormalised. With
 * `purpose_spread` off (the C2 ablation) purposes stay as drawn.
 * Reads purposes at t, writes t+1, then swaps the buffers.
 */
import { normalizeRow } from '../../model/purpose-vectors.ts';
import { Draw } from './draws.ts';
import { Role, type PurposeAlignmentState } from './state.ts';
import { trustBetween } from './ties.ts';

export function spreadPurpose(s: PurposeAlignmentState): void {
  const { n, p, purpose, nextPurpose } = s;
  if (!p.purpose_spread) return;
  const d = p.purpose_dims;
  nextPurpose.set(purpose);
  if (s.structure.chartRules) broadcastDown(s);
  if (s.structure.networkRules) for (let i = 0; i < n; i++) if (s.role[i] === Role.Initiator) influenceWithinTeam(s, i);
  // Without a broadcast only team members moved; everyone else's row is still unit length.
  const everyoneMoved = s.structure.chartRules;
  for (let i = 0; i < n; i++) if (everyoneMoved || s.role[i] === Role.Initiator || s.role[i] === Role.Member) normalizeRow(nextPurpose, i, d);
  s.purpose = nextPurpose;
  s.nextPurpose = purpose;
}

function broadcastDown(s: PurposeAlignmentState): void {
  const { n, p, draws, now: t, purpose, nextPurpose } = s;
  const d = p.purpose_dims;
  const parent = s.structure.tree.parent;
  const rate = p.influence_rate;
  const clarity = p.clarity;
  for (let i = 0; i < n; i++) {
    const boss = parent[i];
    for (let k = 0; k < d; k++) {
      const heard = boss >= 0 ? purpose[boss * d + k] : k === 0 ? 1 : 0;
      const noise = 2 * draws.uniform(Draw.Broadcast, i, t, k) - 1;
      const target = clarity * heard + (1 - clarity) * noise;
      nextPurpose[i * d + k] += rate * (target - purpose[i * d + k]);
    }
  }
}

/** Every member of i's team moves toward the trust-weighted mean purpose of the others. */
function influenceWithinTeam(s: PurposeAlignmentState, i: number): void {
  const members = s.teamScratch;
  let size = 0;
  members[size++] = i;
  for (let a = s.teamHead[i]; a >= 0; a = s.teamNext[a]) members[size++] = a;
  for (let m = 0; m < size; m++) pullToward(s, members, size, m);
}

/** Moves members[m] toward the others' purposes, each weighted by members[m]'s trust in them. */
function pullToward(s: PurposeAlignmentState, members: Int32Array, size: number, m: number): void {
  const { p, purpose, nextPurpose, weightScratch: weights } = s;
  const d = p.purpose_dims;
  const a = members[m];
  let weightSum = 0;
  for (let o = 0; o < size; o++) {
    weights[o] = o === m ? 0 : trustBetween(s, a, members[o]);
    weightSum += weights[o];
  }
  if (weightSum === 0) return;
  const scale = p.influence_rate / weightSum;
  for (let o = 0; o < size; o++) {
    if (o === m) continue;
    const b = members[o];
    const w = weights[o] * scale;
    for (let k = 0; k < d; k++) nextPurpose[a * d + k] += w * (purpose[b * d + k] - purpose[a * d + k]);
  }
}

