/**
 * One round, synchronous: every agent reads the solutions at t and writes t + 1 (as the
 * paper's code compares against the previous round's state).
 *
 * Each agent samples `sample_size` distinct contacts (1 under random-copy; all of them
 * when it has fewer) and then, by strategy:
 *  - best-member: the sampled contact with the highest payoff (ties at random);
 *  - conformity: the solution held by most of the sample (ties at random), when some
 *    solution is held by at least two of them; otherwise none;
 *  - random-copy: the one sampled contact;
 *  - individual: no one.
 * It copies that solution when it pays strictly more than its own. An agent that found
 * nothing to copy tries one random bit flip and keeps it only if it pays strictly more
 * (under random-copy it does nothing instead). Payoffs never fall.
 *
 * Draws are keyed (RunStreams.decisions) by (purpose, agent, round, k), so two
 * strategies of a replicate sample the same contacts and flip the same bits wherever
 * they face the same decision: purpose 0, draw k of the contact sample (rejection
 * sampling: a repeat is redrawn with the next k); purpose 1, the tie-break; purpose 2,
 * the bit to flip.
 */
import { contactAt, contactCount } from './contacts.ts';
import type { SocialLearningState } from './state.ts';

const SAMPLE = 0;
const TIE = 1;
const FLIP = 2;

export function stepState(s: SocialLearningState, _tick: number): void {
  const { n, solution, fitness, next, nextFitness } = s;
  const table = s.landscape.table;
  const round = s.tick;
  const strategy = s.p.strategy;
  const size = strategy === 'random-copy' ? 1 : s.p.sample_size;
  let copies = 0;
  let discoveries = 0;
  for (let i = 0; i < n; i++) {
    const own = fitness[i];
    let out = solution[i];
    let fOut = own;
    let model = -1;
    if (strategy !== 'individual') {
      const m = sampleContacts(s, i, round, size);
      model = strategy === 'conformity' ? mostCommon(s, i, round, m) : strategy === 'best-member' ? bestOf(s, i, round, m) : m > 0 ? s.sample[0] : -1;
    }
    if (model >= 0 && fitness[model] > own) {
      out = solution[model];
      fOut = fitness[model];
      copies++;
    } else if (strategy !== 'random-copy') {
      const flipped = (solution[i] ^ (1 << Math.floor(s.draws.uniform(FLIP, i, round, 0) * s.p.bits))) >>> 0;
      if (table[flipped] > own) {
        out = flipped;
        fOut = table[flipped];
        discoveries++;
      }
    }
    next[i] = out;
    nextFitness[i] = fOut;
  }
  s.solution = next;
  s.next = solution;
  s.fitness = nextFitness;
  s.nextFitness = fitness;
  s.copies = copies;
  s.discoveries = discoveries;
  s.tick++;
  s.payoffSum += meanPayoff(s);
}

/** Fills s.sample with min(size, contacts) distinct contacts of agent i; returns how many. */
function sampleContacts(s: SocialLearningState, i: number, round: number, size: number): number {
  const degree = contactCount(s.contacts, s.n, i);
  const { sample } = s;
  if (size >= degree) {
    for (let r = 0; r < degree; r++) sample[r] = contactAt(s.contacts, i, r);
    return degree;
  }
  let filled = 0;
  for (let k = 0; filled < size; k++) {
    const j = contactAt(s.contacts, i, Math.floor(s.draws.uniform(SAMPLE, i, round, k) * degree));
    let seen = false;
    for (let q = 0; q < filled && !seen; q++) seen = sample[q] === j;
    if (!seen) sample[filled++] = j;
  }
  return filled;
}

/** The sampled agent with the highest fitness; among equals, one chosen by a keyed draw. -1 for an empty sample. */
function bestOf(s: SocialLearningState, i: number, round: number, m: number): number {
  const { sample, fitness } = s;
  let top = -Infinity;
  let ties = 0;
  for (let q = 0; q < m; q++) {
    const f = fitness[sample[q]];
    if (f > top) {
      top = f;
      ties = 1;
    } else if (f === top) ties++;
  }
  if (ties === 0) return -1;
  let pick = ties > 1 ? Math.floor(s.draws.uniform(TIE, i, round, 0) * ties) : 0;
  for (let q = 0; q < m; q++) if (fitness[sample[q]] === top && pick-- === 0) return sample[q];
  return -1; // unreachable: `pick` < ties
}

/**
 * A sampled agent holding the solution most of the sample holds, when some solution is
 * held by at least two; among solutions equally common, one chosen by a keyed draw
 * (in order of first appearance in the sample). -1 when all sampled solutions differ.
 */
function mostCommon(s: SocialLearningState, i: number, round: number, m: number): number {
  const { sample, solution } = s;
  let topCount = 1;
  let topKinds = 0;
  for (let q = 0; q < m; q++) {
    const count = timesHeld(s, m, solution[sample[q]]);
    if (isFirstAppearance(s, q)) {
      if (count > topCount) {
        topCount = count;
        topKinds = 1;
      } else if (count === topCount) topKinds++;
    }
  }
  if (topCount < 2) return -1;
  let pick = topKinds > 1 ? Math.floor(s.draws.uniform(TIE, i, round, 0) * topKinds) : 0;
  for (let q = 0; q < m; q++) {
    if (isFirstAppearance(s, q) && timesHeld(s, m, solution[sample[q]]) === topCount && pick-- === 0) return sample[q];
  }
  return -1; // unreachable
}

function timesHeld(s: SocialLearningState, m: number, x: number): number {
  let count = 0;
  for (let q = 0; q < m; q++) if (s.solution[s.sample[q]] === x) count++;
  return count;
}

function isFirstAppearance(s: SocialLearningState, q: number): boolean {
  const x = s.solution[s.sample[q]];
  for (let r = 0; r < q; r++) if (s.solution[s.sample[r]] === x) return false;
  return true;
}

/** Mean payoff, (fitness)^score_power averaged over agents. */
export function meanPayoff(s: SocialLearningState): number {
  const power = s.p.score_power;
  let sum = 0;
  for (let i = 0; i < s.n; i++) sum += s.fitness[i] ** power;
  return sum / s.n;
}
