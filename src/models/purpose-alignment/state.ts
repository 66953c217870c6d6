/**
 * The state of one purpose-alignment run, as a struct of typed arrays: one entry
 * per person (or per directed tie for trust). Nothing in here is an object per agent.
 */
import type { CsrGraph } from '../../model/graph/csr.ts';
import type { OrgTree } from '../../model/hierarchy/tree.ts';
import type { NkLandscape } from '../../model/landscape/nk.ts';
import type { CounterDraws, Rng } from '../../rng/index.ts';
import type { PurposeAlignmentParams } from './params.ts';

/**
 * Who is where and who sees whom. Every structure has the same positions (the org
 * chart) and the same ties; the structure's rules decide what people do with them.
 */
export interface Structure {
  /** The org chart: positions, reporting lines and work groups. Its rules apply only in the hierarchy and the hybrid. */
  readonly tree: OrgTree;
  /**
   * Everyone a person can observe, imitate, recruit and trust: reporting lines and
   * work groups (colleagues under the same manager) plus the lateral ties, in every
   * structure (a fair comparison: the same graph of who sees whom). Trust lives on
   * these ties.
   */
  readonly ties: CsrGraph;
  /** Whether the org chart's rules apply: approval, assigned teams, purpose down the lines, managers answering failures. */
  readonly chartRules: boolean;
  /** Whether the network's rules apply: projects recruited among ties, purpose spread among teammates. */
  readonly networkRules: boolean;
}

/** Per-tick counters, reset at the start of each tick. */
export interface TickCounters {
  proposals: number;
  approvals: number;
  vetoes: number;
  executed: number;
  successes: number;
  failures: number;
  punishments: number;
  projectsUnformed: number;
  teamMembers: number;
  innovations: number;
}

/** Totals over the run so far. */
export interface RunTotals extends TickCounters {
  riskRateSum: number;
  ticks: number;
}

export interface PurposeAlignmentState {
  readonly p: PurposeAlignmentParams;
  readonly n: number;
  readonly landscape: NkLandscape;
  readonly structure: Structure;
  /** Keyed draws for every decision during the run (see draws.ts). */
  readonly draws: CounterDraws;
  /** The tick being stepped: the `tick` part of every draw's key. */
  now: number;
  /** The landscape stream, continued: when the environment changes (the same in every condition). */
  readonly environmentRng: Rng;

  // --- people (length n)
  solution: Uint32Array;
  nextSolution: Uint32Array;
  readonly riskAppetite: Float64Array;
  readonly collectiveOrientation: Float64Array;
  /** Real chance this person, as a manager, backs a failure instead of punishing it. */
  readonly backing: Float64Array;
  readonly skill: Float64Array;
  readonly fear: Float64Array;
  /** Accumulated rewards (+1 credited success, −1 punished failure): the reward-inequality metric; no decision reads it. */
  readonly reward: Float64Array;
  /** Beta pseudo-counts of psychological safety: witnessed failures met with support (yes) or punishment (no). */
  readonly safetyYes: Float64Array;
  readonly safetyNo: Float64Array;
  /** Beta pseudo-counts of how genuine the person finds their manager's stated empowerment. */
  readonly genuineYes: Float64Array;
  readonly genuineNo: Float64Array;
  /** Purpose vectors, purpose_dims per person; `nextPurpose` is the tick's write buffer. */
  purpose: Float64Array;
  nextPurpose: Float64Array;

  // --- ties (length = ties.neighbors.length): trust of row owner in the neighbour
  readonly trustYes: Float64Array;
  readonly trustNo: Float64Array;
  /** Per person: sum of `trust` over their ties. */
  readonly trustRowSum: Float64Array;

  // --- pending approved proposals (hierarchy, hybrid)
  /** The approved idea as the decisions it changes (XOR mask), applied to the solution held when it is carried out. */
  readonly pendingMask: Uint32Array;
  /** Tick at which the approved idea is carried out; -1 when none is pending. */
  readonly pendingDue: Int32Array;

  // --- scratch, reused every tick
  /** 0 idle, or a Role. */
  readonly role: Uint8Array;
  /** 1 for each person who decided to try a creative idea this tick (a proposal); read only by agent-level output. */
  readonly tried: Uint8Array;
  readonly idea: Uint32Array;
  readonly bestOffer: Float64Array;
  readonly bestInitiator: Int32Array;
  /** Yes-answers each initiator has collected this tick. */
  readonly acceptedCount: Int32Array;
  /** Marks who an initiator has already asked (recruit depth 2); compared with stampCounter. */
  readonly visitStamp: Int32Array;
  stampCounter: number;
  /** Team lists: teamHead[initiator] -> first member -> teamNext[member] -> ... -> -1. */
  readonly teamHead: Int32Array;
  readonly teamNext: Int32Array;
  readonly teamSize: Int32Array;
  /** One team's members (initiator first) and per-member weights, reused per team. */
  readonly teamScratch: Int32Array;
  readonly weightScratch: Float64Array;
  /** Whether each team member contributed fully this tick. */
  readonly contributed: Uint8Array;
  /** Managers above the current proposer (approval chain). */
  readonly chain: Int32Array;

  /** One bit per solution (2^N): whether anyone in the organisation has held it (innovations). */
  readonly seen: Uint32Array;
  /** Solutions sorted for counting distinct ones (metrics). */
  readonly solutionScratch: Uint32Array;
  /** Per solution, the count at which it was last seen when counting distinct solutions (bits <= 20; null above). */
  readonly solutionStamp: Int32Array | null;
  stampOfCount: number;
  /** People in reward order as of the last reward Gini, and the sorted rewards (metrics.ts). */
  readonly rewardOrder: Int32Array;
  readonly rewardScratch: Float64Array;
  readonly tick: TickCounters;
  readonly totals: RunTotals;
  /** Mean over people of fitness ^ score_exponent, for the solutions held now. */
  meanScore: number;
  cumulativeValue: number;
  /** Mean psychological safety at the last decision (tick metric). */
  lastMeanSafety: number;
}

export const enum Role {
  Idle = 0,
  /** Tried a creative idea that was vetoed or is awaiting approval; does routine work. */
  Proposer = 1,
  /** Carries out a creative idea this tick with a team. */
  Initiator = 2,
  /** Recruited into or assigned to someone's team this tick. */
  Member = 3,
  /** Found too few people for the team; does routine work, like a vetoed proposer. */
  Unformed = 4,
}

export function zeroCounters(): TickCounters {
  return { proposals: 0, approvals: 0, vetoes: 0, executed: 0, successes: 0, failures: 0, punishments: 0, projectsUnformed: 0, teamMembers: 0, innovations: 0 };
}

/** Zeroes the tick's counters in place (no allocation in the tick loop). */
export function resetCounters(c: TickCounters): void {
  c.proposals = c.approvals = c.vetoes = c.executed = c.successes = c.failures = c.punishments = c.projectsUnformed = c.teamMembers = c.innovations = 0;
}
