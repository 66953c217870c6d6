/**
 * One round, synchronous: every agent reads the solutions at t and writes t + 1, so
 * the order agents are stored in never matters (as in the paper's code, which lets
 * all agents decide and then applies all decisions at once).
 *
 * Each agent, with probability `velocity`, looks at its neighbours (imitate.ts); if
 * one scores strictly higher it imitates the best of them. An agent that does not
 * look, or finds no one better, searches alone: it flips one random dimension and
 * keeps the flip only if that scores strictly higher (search.ts).
 *
 * Draws are keyed (RunStreams.decisions) by (purpose, agent, round, k), so two
 * conditions of a replicate draw the same number for the same decision, and two
 * identical conditions run identically (draws.ts): Look for the velocity test (not drawn
 * when velocity is 0 or 1); Copy (k = the dimension) per differing dimension when
 * imitating with copy_error > 0; Flip for the dimension a search flips. Scores are compared on the normalised fitness,
 * which orders solutions exactly as the score (fitness^8) does.
 */
import { updateEquilibrium } from './equilibrium.ts';
import { bestNeighbour, copyWithError, topTwo } from './imitate.ts';
import { Draw } from './draws.ts';
import type { NkNetworkSearchState } from './state.ts';

export function stepState(s: NkNetworkSearchState, _tick: number): void {
  s.imitations = 0;
  s.discoveries = 0;
  s.changed = 0;
  if (!s.frozen) {
    runRound(s);
    swap(s);
    if (s.changed === 0) updateEquilibrium(s);
  }
  s.ticks++;
  if (s.changed > 0) s.meanScore = meanScore(s);
  s.scoreSum += s.meanScore;
  if (s.ticks === s.p.horizon) s.horizonScore = s.meanScore;
}

function runRound(s: NkNetworkSearchState): void {
  const { n, draws, solution, fitness, next, nextFitness } = s;
  const round = s.ticks;
  // the (purpose, round) part of the keys, mixed once a round
  const lookKey = draws.roundKey(Draw.Look, round);
  const flipKey = draws.roundKey(Draw.Flip, round);
  const table = s.landscape.table;
  const bits = s.p.bits;
  const velocity = s.p.velocity;
  const copyError = s.p.copy_error;
  const neverLook = velocity <= 0;
  const alwaysLook = velocity >= 1;
  if (s.complete && !neverLook) topTwo(s);
  let imitations = 0;
  let discoveries = 0;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const own = solution[i];
    const f = fitness[i];
    let out = own;
    let fOut = f;
    let imitated = false;
    if (!neverLook && (alwaysLook || draws.uniformAt(lookKey, i, 0) < velocity)) {
      const j = bestNeighbour(s, i);
      if (j >= 0) {
        imitated = true;
        imitations++;
        if (copyError > 0) {
          const candidate = copyWithError(draws, i, round, own, solution[j], copyError);
          const fc = table[candidate];
          if (fc >= f) {
            out = candidate; // a copy worse than one's own is reverted
            fOut = fc;
          }
        } else {
          out = solution[j];
          fOut = fitness[j];
        }
      }
    }
    if (!imitated) {
      const candidate = (own ^ (1 << Math.floor(draws.uniformAt(flipKey, i, 0) * bits))) >>> 0;
      const fc = table[candidate];
      if (fc > f) {
        out = candidate;
        fOut = fc;
        discoveries++;
      }
    }
    next[i] = out;
    nextFitness[i] = fOut;
    if (out !== own) changed++;
  }
  s.imitations = imitations;
  s.discoveries = discoveries;
  s.changed = changed;
}

function swap(s: NkNetworkSearchState): void {
  const solution = s.solution;
  s.solution = s.next;
  s.next = solution;
  const fitness = s.fitness;
  s.fitness = s.nextFitness;
  s.nextFitness = fitness;
}

/** Mean score (fitness^score_power) of the agents' current solutions. */
export function meanScore(s: NkNetworkSearchState): number {
  const { n, fitness } = s;
  const power = s.p.score_power;
  let sum = 0;
  if (power === 8) {
    for (let i = 0; i < n; i++) {
      const f2 = fitness[i] * fitness[i];
      const f4 = f2 * f2;
      sum += f4 * f4;
    }
  } else {
    for (let i = 0; i < n; i++) sum += fitness[i] ** power;
  }
  return sum / n;
}
