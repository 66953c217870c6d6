/**
 * One tick, synchronous: every decision reads the state at t and writes t + 1, so the
 * order people are stored in never matters. Order of submodels:
 * the environment may change -> turnover -> fear fades -> decide and seek approval ->
 * form teams -> carry out ideas (reward, punish, learn, update trust and genuineness)
 * -> routine work -> purpose spreads -> solutions move to t + 1 and the tick's value
 * is booked -> counters added to the run's totals. Metrics are then recorded on the
 * state at t + 1, so cumulative_value is the running sum of recorded mean_score.
 */
import { redrawContribution } from '../../model/landscape/turbulence.ts';
import { accumulate } from './metrics.ts';
import { proposeAndApprove } from './propose.ts';
import { formTeams } from './recruit.ts';
import { executeTeams } from './execute.ts';
import { doRoutineWork } from './routine.ts';
import { spreadPurpose } from './purpose.ts';
import { applyTurnover } from './turnover.ts';
import { score } from './score.ts';
import { resetCounters, type PurposeAlignmentState } from './state.ts';

export function stepState(s: PurposeAlignmentState, t: number): void {
  s.now = t;
  resetCounters(s.tick);
  s.role.fill(0);
  s.tried.fill(0);
  changeEnvironment(s);
  applyTurnover(s);
  fadeFear(s);
  s.lastMeanSafety = proposeAndApprove(s, t) / s.n;
  formTeams(s);
  executeTeams(s);
  doRoutineWork(s);
  spreadPurpose(s);
  swapSolutions(s);
  accumulate(s);
}

/** Turbulence: drawn from the environment stream, so every condition sees the same changes. */
function changeEnvironment(s: PurposeAlignmentState): void {
  const r = s.environmentRng;
  const changes = r() < s.p.turbulence;
  const bit = Math.floor(r() * s.p.bits);
  if (changes) redrawContribution(s.landscape, bit, r);
}

function fadeFear(s: PurposeAlignmentState): void {
  const keep = 1 - s.p.fear_decay;
  for (let i = 0; i < s.n; i++) s.fear[i] *= keep;
}

/** Solutions move to t + 1; the tick's value (mean score) is booked and solutions nobody had held before are counted as innovations. */
function swapSolutions(s: PurposeAlignmentState): void {
  const current = s.solution;
  s.solution = s.nextSolution;
  s.nextSolution = current;
  const { seen, solution } = s;
  const exponent = s.p.score_exponent;
  let sum = 0;
  let innovations = 0;
  for (let i = 0; i < s.n; i++) {
    const x = solution[i];
    sum += score(s.landscape.table[x], exponent);
    const word = x >>> 5;
    const bit = 1 << (x & 31);
    if ((seen[word] & bit) === 0) {
      seen[word] |= bit;
      innovations++;
    }
  }
  s.tick.innovations = innovations;
  s.meanScore = sum / s.n;
  s.cumulativeValue += s.meanScore;
}
