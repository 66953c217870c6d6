/**
 * The agents' random decisions, each keyed by (purpose, agent, round, k) in the run's
 * counter-based draws (RunStreams.decisions, src/rng/counter.ts), so two conditions of
 * a replicate draw the same number for the same decision, and two identical
 * conditions run identically.
 */
export const enum Draw {
  /** Whether the agent looks at its neighbours (velocity). */
  Look = 0,
  /** Whether differing dimension k is copied (copy_error). */
  Copy = 1,
  /** Which dimension a search flips. */
  Flip = 2,
}
