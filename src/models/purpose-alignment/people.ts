/**
 * The people of a run: traits, starting solutions, purposes and priors. Drawn only
 * from the `people` stream, in a fixed order that does not depend on the structure
 * or on trait medians, so every condition of a replicate starts from the same people.
 */
import { drawPurpose } from '../../model/purpose-vectors.ts';
import { traitFromNormal } from '../../model/traits.ts';
import { randomNormal, type Rng } from '../../rng/index.ts';
import type { PurposeAlignmentParams } from './params.ts';
import type { PurposeAlignmentState } from './state.ts';

type PeopleFields = Pick<
  PurposeAlignmentState,
  'solution' | 'riskAppetite' | 'collectiveOrientation' | 'backing' | 'skill' | 'fear' | 'reward' | 'safetyYes' | 'safetyNo' | 'genuineYes' | 'genuineNo' | 'purpose' | 'pendingDue'
>;

/** Draws everything person i brings: the same number of draws for every person and parameter set. */
export function drawPerson(s: PeopleFields, p: PurposeAlignmentParams, rng: Rng, i: number): void {
  const spread = p.heterogeneity;
  s.riskAppetite[i] = traitFromNormal(p.risk_appetite, spread, randomNormal(rng));
  s.collectiveOrientation[i] = traitFromNormal(p.collective_orientation, spread, randomNormal(rng));
  s.backing[i] = traitFromNormal(p.backing, spread, randomNormal(rng));
  s.solution[i] = (rng.int32() >>> 0) & ((1 << p.bits) - 1);
  drawPurpose(rng, s.purpose, i, p.purpose_dims, p.initial_alignment);
  s.skill[i] = p.initial_skill;
  s.fear[i] = 0;
  s.reward[i] = 0;
  s.safetyYes[i] = p.initial_safety * p.safety_prior_strength;
  s.safetyNo[i] = (1 - p.initial_safety) * p.safety_prior_strength;
  s.genuineYes[i] = p.initial_genuineness * p.genuineness_prior_strength;
  s.genuineNo[i] = (1 - p.initial_genuineness) * p.genuineness_prior_strength;
  s.pendingDue[i] = -1;
}
