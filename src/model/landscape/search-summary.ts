/**
 * The population-level summary of agents searching an NK landscape, shared by the NK
 * search models (nk-network-search, social-learning): their first five state metrics.
 */
import type { DistinctCounter } from './distinct.ts';

/** A population of solutions and their normalised fitness (table values, peak 1). */
export interface SearchPopulation {
  readonly n: number;
  readonly solution: Uint32Array;
  readonly fitness: Float64Array;
  readonly distinct: DistinctCounter;
}

/**
 * Writes out[0..5): the mean score (given, as models cache it), the best score
 * (max fitness^power), the mean fitness, the share of agents on the landscape's peak
 * solution `peak`, and the number of distinct solutions. Scores are in [0, 1].
 */
export function writeSearchSummary(s: SearchPopulation, peak: number, power: number, meanScore: number, out: Float64Array): void {
  const { n, fitness, solution } = s;
  let best = 0;
  let fitnessSum = 0;
  let atPeak = 0;
  for (let i = 0; i < n; i++) {
    const f = fitness[i];
    if (f > best) best = f;
    fitnessSum += f;
    if (solution[i] === peak) atPeak++;
  }
  out[0] = meanScore;
  out[1] = best ** power;
  out[2] = fitnessSum / n;
  out[3] = atPeak / n;
  out[4] = s.distinct.count(solution, n);
}
