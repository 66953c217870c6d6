/**
 * The state of one nk-network-search run, as a struct of typed arrays: one entry per
 * agent. Solutions are N-bit integers; `fitness` caches each agent's normalised
 * fitness so the neighbour scan reads a small contiguous array instead of the 2^N
 * table.
 */
import type { CsrGraph } from '../../model/graph/csr.ts';
import type { DistinctCounter } from '../../model/landscape/distinct.ts';
import type { NkLandscape } from '../../model/landscape/nk.ts';
import type { CounterDraws } from '../../rng/index.ts';
import type { NkNetworkSearchParams } from './params.ts';

export interface NkNetworkSearchState {
  readonly p: NkNetworkSearchParams;
  readonly n: number;
  readonly landscape: NkLandscape;
  readonly graph: CsrGraph;
  /** True when the graph is complete: the best neighbour is then found from the top two agents. */
  readonly complete: boolean;
  /** Keyed draws (RunStreams.decisions): the same decision gets the same number in every condition of a replicate. */
  readonly draws: CounterDraws;

  /** Solutions at t; `next` is the round's write buffer (swapped after the round). */
  solution: Uint32Array;
  next: Uint32Array;
  /** Normalised fitness (table value) of `solution`, kept in step with it. */
  fitness: Float64Array;
  nextFitness: Float64Array;
  /** Complete network only: the best and second-best agent at the start of the round. */
  best: number;
  secondBest: number;
  /** Mean score of `solution` (fitness^score_power averaged), updated after each round. */
  meanScore: number;
  /** Counts distinct solutions (reused scratch). */
  readonly distinct: DistinctCounter;

  // --- this round's counts (tick metrics)
  imitations: number;
  discoveries: number;
  changed: number;

  // --- run bookkeeping
  ticks: number;
  scoreSum: number;
  /** First tick at which no move could ever change a solution again; -1 while not reached. */
  equilibriumTick: number;
  /** Set once the state is absorbing: later rounds change nothing and are skipped. */
  frozen: boolean;
  /** Mean score at round `p.horizon` (NaN until then, or when horizon is 0). */
  horizonScore: number;
  /** Mean shortest-path length of the network over connected pairs (the graph is fixed for the run). */
  readonly pathLength: number;
}
