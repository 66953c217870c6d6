/**
 * nk-network-search: Lazer & Friedman (2007), "The Network Structure of Exploration
 * and Exploitation", ASQ 52(4). Agents on a network search an NK landscape, copying
 * better-scoring neighbours (exploitation) or trying one-dimension changes alone
 * (exploration). See ODD.md beside this file.
 */
import { tiesProblem } from '../../model/graph/csr.ts';
import { nkLandscapeBytes, nkSizeProblem } from '../../model/landscape/nk.ts';
import type { Model, ParamProblem } from '../../model/plugin.ts';
import type { Params } from '../../model/params.ts';
import { agentVariables, recordAgents, recordRelations, relations } from './agents.ts';
import { initState } from './init.ts';
import { recordRun, recordTick, runMetrics, tickMetrics } from './metrics.ts';
import { parameters, type NkNetworkSearchParams } from './params.ts';
import type { NkNetworkSearchState } from './state.ts';
import { stepState } from './step.ts';

function check(params: Params): ParamProblem[] {
  const p = params as unknown as NkNetworkSearchParams;
  const problems: ParamProblem[] = [];
  if (p.interactions >= p.bits) problems.push({ key: 'interactions', message: `must be less than bits (${p.bits}), got ${p.interactions}` });
  else {
    const tooBig = nkSizeProblem(p.bits, p.interactions);
    if (tooBig) problems.push({ key: 'interactions', message: tooBig });
  }
  const n = p.agents;
  const ties = p.network === 'full' ? (n * (n - 1)) / 2 : p.network === 'random' ? (p.density * n * (n - 1)) / 2 : p.network === 'small-world' ? (n * p.lattice_degree) / 2 : n;
  const tooMany = tiesProblem(ties, `the ${p.network} network of ${n} agents`);
  if (tooMany) problems.push({ key: p.network === 'random' ? 'density' : 'agents', message: tooMany });
  if (p.network === 'small-world') {
    if (p.lattice_degree % 2 !== 0) problems.push({ key: 'lattice_degree', message: `must be even (a ring lattice ties each agent to lattice_degree / 2 agents on each side), got ${p.lattice_degree}` });
    else if (p.lattice_degree >= p.agents) problems.push({ key: 'lattice_degree', message: `must be less than agents (${p.agents}), got ${p.lattice_degree}` });
    else if (p.lattice_degree === p.agents - 1 && p.rewirings > 0) problems.push({ key: 'rewirings', message: `a ring lattice of degree ${p.lattice_degree} on ${p.agents} agents is complete and cannot be rewired; set rewirings: 0` });
  }
  return problems;
}

/** Mean ties per agent, about. */
function meanDegree(p: NkNetworkSearchParams): number {
  const n = p.agents;
  return p.network === 'full' ? n - 1 : p.network === 'random' ? p.density * (n - 1) : p.network === 'small-world' ? p.lattice_degree : 2;
}

/** One run's state in bytes (see `Model.memoryBytes`): a few numbers an agent, the network's ties and the landscape. */
function memoryBytes(params: Params): number {
  const p = params as unknown as NkNetworkSearchParams;
  return p.agents * 64 + p.agents * meanDegree(p) * 2 * 8 + nkLandscapeBytes(p.bits, p.interactions);
}

export const nkNetworkSearch: Model<NkNetworkSearchState> = {
  name: 'nk-network-search',
  description:
    'Lazer & Friedman (2007): 100 agents on a communication network search an NK landscape (N = 20, K = 5). Each round, simultaneously, an agent copies its best-scoring neighbour if that neighbour scores strictly higher (with probability velocity it looks at all), and otherwise flips one random dimension, keeping the change only if it scores higher. Score = (fitness / landscape maximum)^8. Networks: linear (ring), full, random (Erdős–Rényi), small-world (ring lattice plus rewirings). The same landscape and starting solutions are used by every condition of a replicate.',
  parameters,
  tickMetrics,
  runMetrics,
  check,
  memoryBytes,
  init: (params, streams) => initState(params as unknown as NkNetworkSearchParams, streams),
  step: stepState,
  recordTick,
  recordRun,
  agentVariables,
  agentCount: (s) => s.n,
  populationSize: (params) => params.agents as number,
  edgeCount: (params) => (params.agents as number) * meanDegree(params as unknown as NkNetworkSearchParams) / 2, // each tie once
  recordAgents,
  relations,
  recordRelations,
};
