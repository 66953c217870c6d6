/**
 * The org chart: a rooted tree of reporting lines over the agents.
 *
 * It is a breadth-first complete tree with a fixed span of control: agent 0 is
 * the root (the CEO) and the supervisor of agent i > 0 is floor((i-1)/span), so
 * agents 1..span report to 0, the next span² agents to them, and so on. Every
 * level is full except possibly the last, which fills from the left. Indices
 * therefore grow with depth, and a full tree of L levels has
 * (span^L - 1)/(span - 1) agents (`fullTreeSize`).
 *
 * All arrays are indexed by agent, so hot loops read them without allocation.
 */
import { UserInputError } from '../../errors.ts';
import { csrFromEdges, type CsrGraph } from '../graph/csr.ts';

/**
 * Directed adjacency in CSR form: the targets of node i are
 * `neighbors[offsets[i] .. offsets[i + 1])`, ascending. Unlike CsrGraph each
 * arc appears once.
 */
export interface DirectedCsr {
  /** Length nodeCount + 1. */
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
}

export interface OrgTree {
  readonly agentCount: number;
  /** Maximum number of direct reports per supervisor. */
  readonly span: number;
  /** Supervisor of each agent; -1 for the root (agent 0). */
  readonly parent: Int32Array;
  /** Levels below the root: 0 for the root, 1 for its direct reports, ... */
  readonly depth: Int32Array;
  /** Number of levels: max depth + 1. */
  readonly levels: number;
  /** Direct reports of each agent (supervisor -> reports). */
  readonly children: DirectedCsr;
}

/** The breadth-first complete tree over agentCount >= 1 agents with the given span >= 1. */
export function buildTree(agentCount: number, span: number): OrgTree {
  if (!Number.isInteger(agentCount) || agentCount < 1) {
    throw new UserInputError(`an org chart needs an integer number of agents >= 1, got ${agentCount}`);
  }
  if (!Number.isInteger(span) || span < 1) {
    throw new UserInputError(`an org chart needs an integer span of control >= 1, got ${span}`);
  }
  const parent = new Int32Array(agentCount);
  const depth = new Int32Array(agentCount);
  parent[0] = -1;
  for (let i = 1; i < agentCount; i++) {
    parent[i] = Math.floor((i - 1) / span);
    depth[i] = depth[parent[i]] + 1; // the parent has a smaller index, so its depth is already set
  }
  // agent p's reports are the contiguous block p·span+1 .. p·span+span (clipped to the agent count),
  // and neighbors lists agents 1..n-1 in order, so p's block starts at position p·span
  const offsets = new Int32Array(agentCount + 1);
  for (let p = 0; p < agentCount; p++) offsets[p + 1] = Math.min((p + 1) * span, agentCount - 1);
  const neighbors = new Int32Array(agentCount - 1);
  for (let i = 1; i < agentCount; i++) neighbors[i - 1] = i;
  return {
    agentCount,
    span,
    parent,
    depth,
    levels: depth[agentCount - 1] + 1,
    children: { offsets, neighbors },
  };
}

/** Agents in a full tree of `levels` levels: (span^levels - 1)/(span - 1), or `levels` when span is 1. */
export function fullTreeSize(span: number, levels: number): number {
  let size = 0;
  let width = 1;
  for (let l = 0; l < levels; l++) {
    size += width;
    width *= span;
  }
  return size;
}

/**
 * Writes the agent's supervisors into `out`, nearest first (boss, boss's boss,
 * ...), stopping at the root, after `maxLevels`, or when `out` is full; returns
 * how many were written. Allocates nothing, for use in the tick loop.
 */
export function chainOfCommand(tree: OrgTree, agent: number, maxLevels: number, out: Int32Array): number {
  const limit = Math.min(maxLevels, out.length);
  let count = 0;
  let boss = tree.parent[agent];
  while (boss >= 0 && count < limit) {
    out[count++] = boss;
    boss = tree.parent[boss];
  }
  return count;
}

/** The reporting lines as an undirected network (agentCount - 1 edges). */
export function treeAsGraph(tree: OrgTree): CsrGraph {
  const edges = new Int32Array(2 * (tree.agentCount - 1));
  for (let i = 1; i < tree.agentCount; i++) {
    edges[2 * (i - 1)] = i;
    edges[2 * (i - 1) + 1] = tree.parent[i];
  }
  return csrFromEdges(tree.agentCount, edges);
}
