/**
 * Psychological safety and the decision to take a creative risk (claims C1, C6).
 *
 * Psychological safety is each person's belief that a failure here is met with
 * support rather than punishment (Edmondson 1999, "Psychological safety and learning
 * behavior in work teams", ASQ 44(2)): a Beta belief with the same prior in every
 * structure, learnt from how the failures one witnesses are answered (answer.ts).
 * It is separate from trust, which is about whether a colleague pulls their weight.
 *
 * In the org chart (hierarchy, hybrid), managers state empowerment e, and what it
 * does depends on how genuine the person finds it, g (C1): felt safety is
 * S × (1 + e(2g − 1)), clipped to [0, 1]. Empowerment believed genuine (g > ½)
 * raises safety, empowerment seen as hollow (g < ½) lowers it below what silence
 * would give ("empowerment talk without genuine backing decays into fear"), and with
 * no evidence either way (g = ½, the default prior) it does nothing, so every
 * structure starts at the same mean safety. Fear from one's own punishments then
 * scales the chance of trying an idea down.
 */
import type { PurposeAlignmentState } from './state.ts';

export function perceivedGenuineness(s: PurposeAlignmentState, i: number): number {
  return s.genuineYes[i] / (s.genuineYes[i] + s.genuineNo[i]);
}

/** The belief S: Beta mean of witnessed support. */
export function safetyBelief(s: PurposeAlignmentState, i: number): number {
  return s.safetyYes[i] / (s.safetyYes[i] + s.safetyNo[i]);
}

/** Safety as felt when deciding: the belief, moved by stated empowerment as far as it is believed (C1). */
export function psychologicalSafety(s: PurposeAlignmentState, i: number): number {
  const belief = safetyBelief(s, i);
  if (!s.structure.chartRules || !s.p.genuineness_gate) return belief;
  const felt = belief * (1 + s.p.empowerment * (2 * perceivedGenuineness(s, i) - 1));
  return felt > 1 ? 1 : felt;
}

/** Chance that person i tries a creative idea this tick, given their safety. */
export function creativeRiskChance(s: PurposeAlignmentState, i: number, safety: number): number {
  return s.riskAppetite[i] * safety * (1 - s.fear[i]);
}
