/**
 * How purpose travels (C2). In the org chart, everyone hears their manager's purpose
 * (the root hears the mission itself) through noise: what arrives is clarity × the
 * manager's purpose + (1 − clarity) × a random direction (uniform in [-1, 1] per
 * dimension). In the network, the members of each team this tick are drawn toward
 * their teammates' purposes, weighted by how much they trust each. The hybrid does
 * both. Each person moves influence_rate of the way and is renormalised.
 * Reads purposes at t, writes t+1, then swaps the buffers.
 */
import { normalizeRow } from '../../model/purpose-vectors.ts';
import { Role, type PurposeAlignmentState } from './state.ts';
import { trustBetween } from './ties.ts';

export function spreadPurpose(s: PurposeAlignmentState): void {
  const { n, p, purpose, nextPurpose } = s;
  const d = p.purpose_dims;
  nextPurpose.set(purpose);
  if (s.structure.tree) broadcastDown(s);
  if (s.structure.lateral) for (let i = 0; i < n; i++) if (s.role[i] === Role.Initiator) influenceWithinTeam(s, i);
  // Without a broadcast only team members moved; everyone else's row is still unit length.
  const everyoneMoved = s.structure.tree !== null;
  for (let i = 0; i < n; i++) if (everyoneMoved || s.role[i] === Role.Initiator || s.role[i] === Role.Member) normalizeRow(nextPurpose, i, d);
  s.purpose = nextPurpose;
  s.nextPurpose = purpose;
}

function broadcastDown(s: PurposeAlignmentState): void {
  const { n, p, rng, purpose, nextPurpose } = s;
  const d = p.purpose_dims;
  const parent = s.structure.tree!.parent;
  const rate = p.influence_rate;
  const clarity = p.clarity;
  for (let i = 0; i < n; i++) {
    const boss = parent[i];
    for (let k = 0; k < d; k++) {
      const heard = boss >= 0 ? purpose[boss * d + k] : k === 0 ? 1 : 0;
      const noise = 2 * rng() - 1;
      const target = clarity * heard + (1 - clarity) * noise;
      nextPurpose[i * d + k] += rate * (target - purpose[i * d + k]);
    }
  }
}

/** Every member of i's team moves toward the trust-weighted mean purpose of the others. */
function influenceWithinTeam(s: PurposeAlignmentState, i: number): void {
  pullToward(s, i, i);
  for (let a = s.teamHead[i]; a >= 0; a = s.teamNext[a]) pullToward(s, i, a);
}

function pullToward(s: PurposeAlignmentState, i: number, a: number): void {
  const { p, purpose, nextPurpose } = s;
  const d = p.purpose_dims;
  let weightSum = 0;
  // first pass: total weight, so the second can add each teammate's share directly
  for (let b = i; b >= 0; b = b === i ? s.teamHead[i] : s.teamNext[b]) if (b !== a) weightSum += trustBetween(s, a, b);
  if (weightSum === 0) return;
  const scale = p.influence_rate / weightSum;
  for (let b = i; b >= 0; b = b === i ? s.teamHead[i] : s.teamNext[b]) {
    if (b === a) continue;
    const w = trustBetween(s, a, b) * scale;
    for (let k = 0; k < d; k++) nextPurpose[a * d + k] += w * (purpose[b * d + k] - purpose[a * d + k]);
  }
}

