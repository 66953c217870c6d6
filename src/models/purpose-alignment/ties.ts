/** Trust on ties: Beta pseudo-counts per directed tie, starting from the shared prior (C5). */
import { edgeIndex } from '../../model/graph/csr.ts';
import type { PurposeAlignmentParams } from './params.ts';
import type { PurposeAlignmentState } from './state.ts';

export function trustPrior(p: PurposeAlignmentParams): { yes: number; no: number } {
  return { yes: p.initial_trust * p.trust_prior_strength, no: (1 - p.initial_trust) * p.trust_prior_strength };
}

/** Resets every tie of person i, both directions, to the prior (a newcomer is a stranger). */
export function resetTiesOf(s: PurposeAlignmentState, i: number): void {
  const { yes, no } = trustPrior(s.p);
  const { offsets, neighbors } = s.structure.ties;
  for (let e = offsets[i]; e < offsets[i + 1]; e++) {
    s.trustYes[e] = yes;
    s.trustNo[e] = no;
    const back = edgeIndex(s.structure.ties, neighbors[e], i);
    s.trustYes[back] = yes;
    s.trustNo[back] = no;
  }
}

/** Mean trust over all directed ties (the prior mean when there are none). */
export function meanTrust(s: PurposeAlignmentState): number {
  const m = s.trustYes.length;
  if (m === 0) return s.p.initial_trust;
  let sum = 0;
  for (let e = 0; e < m; e++) sum += s.trustYes[e] / (s.trustYes[e] + s.trustNo[e]);
  return sum / m;
}
