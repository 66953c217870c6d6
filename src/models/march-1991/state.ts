/**
 * The state of one march-1991 run, as a struct of typed arrays. Beliefs are stored
 * person-major: person i's belief on dimension d is `beliefs[i * m + d]`, in {-1, 0, 1}.
 */
import type { CounterDraws } from '../../rng/index.ts';
import type { March1991Params } from './params.ts';

export interface March1991State {
  readonly p: March1991Params;
  /** Number of people. */
  readonly n: number;
  /** Number of dimensions. */
  readonly m: number;
  /** Keyed draws (RunStreams.decisions, draws.ts). */
  readonly draws: CounterDraws;

  /** Length m: reality, each +1 or -1. */
  readonly reality: Int8Array;
  /** Length m: the organisational code, each -1, 0 or +1. */
  readonly code: Int8Array;
  /** Length n·m: beliefs. */
  readonly beliefs: Int8Array;
  /** Length n: each person's socialisation rate. */
  readonly p1: Float64Array;
  /** Length n: 1 for fast learners (when fast_share > 0). */
  readonly fast: Uint8Array;
  readonly fastCount: number;

  // --- scratch, reused every period
  /** Length n·m: what each person does this period (observation 'actions': a 0 belief acted on by a coin flip). */
  readonly actions: Int8Array;
  /** Length n: 1 when the person outperforms the code this period. */
  readonly superior: Uint8Array;
  /** Length m: sum over the superior group of their (acted or held) view on each dimension. */
  readonly voteSum: Int32Array;

  /** Size of the superior group in the last period. */
  superiorCount: number;
  /** Tick of the state reached last (0 = initial). */
  tick: number;
  /** First tick at which the state was absorbing (no change possible); -1 while not reached. */
  equilibriumTick: number;
  /** Set once the state is absorbing: later periods are skipped. */
  frozen: boolean;
  /** Size of the superior group in every period after equilibrium (0 unless observation is 'beliefs'). */
  frozenSuperiorCount: number;
  /** measurement 'before-update': the state metrics at the start of the last period (before its updates). */
  readonly beforeUpdate: Float64Array;
  /** The tick metrics of a period after equilibrium, which every later period repeats. */
  readonly frozenRecord: Float64Array;
  frozenRecordValid: boolean;
}
