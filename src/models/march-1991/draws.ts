/**
 * The model's random decisions, each keyed by (purpose, person, period, k) in the run's
 * counter-based draws (RunStreams.decisions, src/rng/counter.ts), so two conditions of
 * a replicate draw the same number for the same decision (person i socialised on
 * dimension d in period t), and two identical conditions run identically. Draws that
 * belong to the organisation rather than a person (the code, reality) use person 0.
 */
export const enum Draw {
  /** Whether reality flips on dimension k (p4). */
  Turbulence = 0,
  /** Whether person i leaves (p3). */
  Turnover = 1,
  /** The newcomer's belief on dimension k. */
  NewBelief = 2,
  /** The side a person with belief 0 acts on, dimension k (observation 'actions'). */
  Act = 3,
  /** Whether person i's belief on dimension k moves toward the code (p1). */
  Socialise = 4,
  /** Whether the code on dimension k moves toward the superior group's view (p2). */
  Code = 5,
}
