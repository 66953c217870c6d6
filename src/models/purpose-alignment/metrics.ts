/** What the purpose-alignment model reports, per tick and per run. */
import type { MetricSpec } from '../../model/plugin.ts';
import { coherence } from '../../model/purpose-vectors.ts';
import { giniOfSorted } from '../../stats/descriptive.ts';
import { bestToPeak, distinctSolutions, meanPairwiseHamming } from './diversity.ts';
import { perceivedGenuineness } from './safety.ts';
import { meanTrust } from './ties.ts';
import type { PurposeAlignmentState, TickCounters } from './state.ts';

const count = (name: string, label: string, meaning: string): MetricSpec => ({ name, label, unit: 'count', meaning, min: 0 });

/** Metrics that describe the state after a tick; reported per tick and, at the end, per run. */
const stateMetrics: MetricSpec[] = [
  { name: 'mean_fitness', label: 'Mean fitness', unit: 'share of landscape maximum', meaning: 'Mean normalised fitness of everyone’s current solution', min: 0, max: 1 },
  { name: 'max_fitness', label: 'Best fitness', unit: 'share of landscape maximum', meaning: 'Best normalised fitness anyone holds', min: 0, max: 1 },
  { name: 'mean_score', label: 'Mean value', unit: 'score', meaning: 'Mean over people of fitness ^ score_exponent of the solutions they hold: what the organisation produces per tick', min: 0, max: 1 },
  { name: 'cumulative_value', label: 'Cumulative value', unit: 'score × ticks', meaning: 'Sum over ticks so far of mean_score: what the organisation has produced', min: 0 },
  { name: 'mean_trust', label: 'Mean trust', unit: '0–1', meaning: 'Mean over directed ties of trust (Beta mean)', min: 0, max: 1 },
  { name: 'mean_genuineness', label: 'Perceived genuineness', unit: '0–1', meaning: 'Mean perceived genuineness of managers’ empowerment (empty for a pure network)', min: 0, max: 1 },
  { name: 'purpose_alignment', label: 'Purpose alignment', unit: '0–1', meaning: 'Coherence of purposes: length of the mean unit purpose vector', min: 0, max: 1 },
  { name: 'mission_alignment', label: 'Mission alignment', unit: 'cosine', meaning: 'Mean cosine between each person’s purpose and the mission', min: -1, max: 1 },
  { name: 'mean_fear', label: 'Mean fear', unit: '0–1', meaning: 'Mean fear left by punishments', min: 0, max: 1 },
  { name: 'mean_skill', label: 'Mean skill', unit: '0–1', meaning: 'Mean skill (chance of a second development step on a team’s idea)', min: 0, max: 1 },
  { name: 'reward_gini', label: 'Reward inequality', unit: 'Gini', meaning: 'Gini coefficient of accumulated rewards', min: 0, max: 1 },
  { name: 'distinct_solutions', label: 'Distinct solutions', unit: 'solutions', meaning: 'Number of different solutions held (1 = a monoculture)', min: 1, maxParameter: 'agents' },
  { name: 'mean_hamming', label: 'Solution diversity', unit: 'decisions', meaning: 'Mean Hamming distance between the solutions of all pairs of people', min: 0, maxParameter: 'bits' },
  { name: 'best_to_peak', label: 'Distance to the peak', unit: 'decisions', meaning: 'Hamming distance from the best solution held to the landscape’s global peak', min: 0, maxParameter: 'bits' },
];

/**
 * The counters, in the order writeCounters writes them; `over` is "this tick" or
 * "over the run", so tick and run metrics share one definition.
 */
function counterMetrics(over: string): MetricSpec[] {
  return [
    count('proposals', 'Creative proposals', `Creative ideas tried ${over}`),
    count('approvals', 'Approvals', `Proposals approved by the whole chain ${over}`),
    count('vetoes', 'Vetoes', `Proposals vetoed ${over}`),
    count('projects_formed', 'Projects carried out', `Creative ideas carried out by a team ${over}`),
    count('projects_unformed', 'Projects that failed to form', `Recruitments that found too few people ${over}`),
    { name: 'mean_team_size', label: 'Mean team size', unit: 'people', meaning: `Mean size of the teams that carried out ideas ${over} (empty when none)`, min: 0, maxParameter: 'max_team_size' },
    count('successes', 'Successes', `Projects that beat every member’s solution ${over}`),
    count('failures', 'Failures', `Projects that did not ${over}`),
    count('punishments', 'Punishments', `Failures punished ${over}`),
    count('innovations', 'Innovations', `Solutions held for the first time by anyone in the organisation ${over}`),
  ];
}

export const tickMetrics: readonly MetricSpec[] = [
  { name: 'creative_risk_rate', label: 'Creative risk-taking', unit: 'share of people per tick', meaning: 'Share of people who tried a creative idea this tick', min: 0, max: 1 },
  { name: 'mean_safety', label: 'Psychological safety', unit: '0–1', meaning: 'Mean psychological safety when deciding this tick', min: 0, max: 1 },
  ...counterMetrics('this tick'),
  ...stateMetrics,
];

export const runMetrics: readonly MetricSpec[] = [
  { name: 'creative_risk_rate', label: 'Creative risk-taking', unit: 'share of people per tick', meaning: 'Mean over ticks of the share who tried a creative idea', min: 0, max: 1 },
  ...counterMetrics('over the run'),
  { name: 'success_rate', label: 'Success rate', unit: 'share of projects', meaning: 'Successes / projects carried out (empty when none)', min: 0, max: 1 },
  ...stateMetrics,
];

function writeState(s: PurposeAlignmentState, out: Float64Array, at: number): void {
  const { n } = s;
  let fitnessSum = 0;
  let best = 0;
  let fear = 0;
  let skill = 0;
  let genuineness = 0;
  let mission = 0;
  const d = s.p.purpose_dims;
  for (let i = 0; i < n; i++) {
    const f = s.landscape.table[s.solution[i]];
    fitnessSum += f;
    if (f > best) best = f;
    fear += s.fear[i];
    skill += s.skill[i];
    genuineness += perceivedGenuineness(s, i);
    mission += s.purpose[i * d];
  }
  out[at++] = fitnessSum / n;
  out[at++] = best;
  out[at++] = s.meanScore;
  out[at++] = s.cumulativeValue;
  out[at++] = meanTrust(s);
  out[at++] = s.structure.chartRules ? genuineness / n : NaN;
  out[at++] = coherence(s.purpose, n, d);
  out[at++] = mission / n;
  out[at++] = fear / n;
  out[at++] = skill / n;
  out[at++] = rewardGini(s);
  out[at++] = distinctSolutions(s);
  out[at++] = meanPairwiseHamming(s);
  out[at++] = bestToPeak(s);
}

/**
 * Gini of rewards. `rewardOrder` keeps people in the reward order of the last call; few
 * rewards change per tick in small organisations, so an insertion sort of that order is
 * near O(n). It gives up after SHIFTS_PER_PERSON·n moves (many changes, as at 100,000
 * people, where it would be quadratic) and a copy of the rewards is sorted natively,
 * O(n log n); the order it leaves is still a permutation, nearer sorted for next time.
 * Both give the same sorted values, so the same Gini.
 */
function rewardGini(s: PurposeAlignmentState): number {
  const { reward, rewardOrder: order, rewardScratch: sorted } = s;
  if (insertionSorted(order, reward, SHIFTS_PER_PERSON * order.length)) {
    for (let k = 0; k < order.length; k++) sorted[k] = reward[order[k]];
  } else {
    sorted.set(reward);
    sorted.sort();
  }
  return giniOfSorted(sorted);
}

const SHIFTS_PER_PERSON = 8;

/** Insertion-sorts `order` by `key`; false (order left a permutation) once more than `maxShifts` moves were needed. */
function insertionSorted(order: Int32Array, key: Float64Array, maxShifts: number): boolean {
  let shifts = 0;
  for (let k = 1; k < order.length; k++) {
    const person = order[k];
    const value = key[person];
    let at = k - 1;
    while (at >= 0 && key[order[at]] > value) {
      order[at + 1] = order[at];
      at--;
    }
    order[at + 1] = person;
    shifts += k - 1 - at;
    if (shifts > maxShifts) return false;
  }
  return true;
}

function writeCounters(c: TickCounters, out: Float64Array, at: number): number {
  out[at++] = c.proposals;
  out[at++] = c.approvals;
  out[at++] = c.vetoes;
  out[at++] = c.executed;
  out[at++] = c.projectsUnformed;
  out[at++] = c.executed > 0 ? c.teamMembers / c.executed : NaN;
  out[at++] = c.successes;
  out[at++] = c.failures;
  out[at++] = c.punishments;
  out[at++] = c.innovations;
  return at;
}

export function recordTick(s: PurposeAlignmentState, out: Float64Array): void {
  out[0] = s.tick.proposals / s.n;
  out[1] = s.lastMeanSafety;
  writeState(s, out, writeCounters(s.tick, out, 2));
}

export function recordRun(s: PurposeAlignmentState, out: Float64Array): void {
  const t = s.totals;
  out[0] = t.ticks > 0 ? t.riskRateSum / t.ticks : NaN;
  let at = writeCounters(t, out, 1);
  out[at++] = t.executed > 0 ? t.successes / t.executed : NaN;
  writeState(s, out, at);
}

/** Adds a tick's counters to the run's totals. */
export function accumulate(s: PurposeAlignmentState): void {
  const t = s.totals;
  const c = s.tick;
  t.proposals += c.proposals;
  t.approvals += c.approvals;
  t.vetoes += c.vetoes;
  t.executed += c.executed;
  t.successes += c.successes;
  t.failures += c.failures;
  t.punishments += c.punishments;
  t.projectsUnformed += c.projectsUnformed;
  t.teamMembers += c.teamMembers;
  t.innovations += c.innovations;
  t.riskRateSum += c.proposals / s.n;
  t.ticks++;
}
