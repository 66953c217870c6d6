/**
 * Psychological safety and the decision to take a creative risk (claims C1, C5).
 *
 * In the org chart, safety is the empowerment managers state times how genuine the
 * person has come to find it: stated empowerment without genuine backing buys no
 * safety. In the network, safety is the person's mean trust in their ties. The
 * hybrid averages the two. Fear from punishments then scales it down.
 */
import type { PurposeAlignmentState } from './state.ts';
import { meanTrustOf } from './ties.ts';

export function perceivedGenuineness(s: PurposeAlignmentState, i: number): number {
  return s.genuineYes[i] / (s.genuineYes[i] + s.genuineNo[i]);
}

export function psychologicalSafety(s: PurposeAlignmentState, i: number): number {
  switch (s.p.structure) {
    case 'hierarchy':
      return s.p.empowerment * perceivedGenuineness(s, i);
    case 'network':
      return meanTrustOf(s, i);
    case 'hybrid':
      return 0.5 * (s.p.empowerment * perceivedGenuineness(s, i) + meanTrustOf(s, i));
  }
}

/** Chance that person i tries a creative idea this tick, given their safety. */
export function creativeRiskChance(s: PurposeAlignmentState, i: number, safety: number): number {
  return s.riskAppetite[i] * safety * (1 - s.fear[i]);
}
