/**
 * nk-network-search: Lazer & Friedman (2007), "The Network Structure of Exploration
 * and Exploitation", ASQ 52(4). Agents on a network search an NK landscape, copying
 * better-scoring neighbours (exploitation) or trying one-dimension changes alone
 * (exploration). See ODD.md beside this file.
 */
import { tiesProblem } from '../../model/graph/csr.ts';
import { CONNECTED_NEEDED, CONNECTED_TRIALS, enoughConnected, ERDOS_RENYI_FORMULA_FROM, erdosRenyiConnectedChance, MAX_CONNECTED_DRAWS } from '../../model/graph/connected.ts';
import type { CsrGraph } from '../../model/graph/csr.ts';
import { createRng } from '../../rng/index.ts';
import { nkInteractionsProblem, nkLandscapeBytes } from '../../model/landscape/nk.ts';
import type { Model, ParamProblem } from '../../model/plugin.ts';
import type { Params } from '../../model/params.ts';
import { agentVariables, recordAgents, recordRelations, relations } from './agents.ts';
import { initState } from './init.ts';
import { meanDegree, randomNetworkDraw } from './network.ts';
import { recordRun, recordTick, runMetrics, tickMetrics } from './metrics.ts';
import { parameters, type NkNetworkSearchParams } from './params.ts';
import type { NkNetworkSearchState } from './state.ts';
import { stepState } from './step.ts';

function check(params: Params): ParamProblem[] {
  const p = params as unknown as NkNetworkSearchParams;
  const problems: ParamProblem[] = [];
  const interactions = nkInteractionsProblem(p.bits, p.interactions);
  if (interactions) problems.push({ key: 'interactions', message: interactions });
  const n = p.agents;
  const tooMany = tiesProblem((n * meanDegree(p)) / 2, `the ${p.network} network of ${n} agents`);
  if (tooMany) problems.push({ key: p.network === 'random' ? 'density' : 'agents', message: tooMany });
  if (p.network === 'small-world') {
    if (p.lattice_degree % 2 !== 0) problems.push({ key: 'lattice_degree', message: `must be even (a ring lattice ties each agent to lattice_degree / 2 agents on each side), got ${p.lattice_degree}` });
    else if (p.lattice_degree >= p.agents) problems.push({ key: 'lattice_degree', message: `must be less than agents (${p.agents}), got ${p.lattice_degree}` });
    else if (p.lattice_degree === p.agents - 1 && p.rewirings > 0) problems.push({ key: 'rewirings', message: `a ring lattice of degree ${p.lattice_degree} on ${p.agents} agents is complete and cannot be rewired; set rewirings: 0` });
  }
  if (p.network === 'caveman') {
    if (n % p.cave_size !== 0) problems.push({ key: 'cave_size', message: `must divide agents (${n}) so every cave is full, got ${p.cave_size}` });
    else if (n / p.cave_size < 2) problems.push({ key: 'cave_size', message: `must leave at least 2 caves of the ${n} agents, got ${p.cave_size}` });
  }
  if (p.require_connected && p.network === 'random' && n >= ERDOS_RENYI_FORMULA_FROM) {
    const chance = erdosRenyiConnectedChance(n, p.density);
    if (chance * MAX_CONNECTED_DRAWS < 20) {
      problems.push({ key: 'density', message: `with require_connected, a random network of ${n} agents at density ${p.density} is connected in about ${formatChance(chance)}, too rarely for ${MAX_CONNECTED_DRAWS.toLocaleString('en-US')} redraws; use density >= ${minConnectedDensity(n)} or set require_connected: false` });
    }
  }
  // no usable closed form (few agents, rewired lattices): trial draws from a fixed stream (the runs' own graphs come from the structure stream)
  const trials = problems.length > 0 || !p.require_connected ? undefined : trialDraw(p);
  if (trials && !enoughConnected(trials.draw)) {
    problems.push({
      key: trials.key,
      message: `with require_connected, fewer than ${CONNECTED_NEEDED} of ${CONNECTED_TRIALS.toLocaleString('en-US')} trial draws of ${trials.what} were connected, so ${MAX_CONNECTED_DRAWS.toLocaleString('en-US')} redraws in a run could well all fail; ${trials.advice}, or set require_connected: false`,
    });
  }
  return problems;
}

/** The graph drawn for a validation trial, when the setting has no closed-form check. */
function trialDraw(p: NkNetworkSearchParams): { draw: () => CsrGraph; key: string; what: string; advice: string } | undefined {
  const rng = createRng('nk-network-search require_connected check');
  if (p.network === 'random' && p.agents < ERDOS_RENYI_FORMULA_FROM) return { ...randomNetworkDraw(p, rng), key: 'density', advice: 'use a higher density' };
  if (p.network === 'small-world' && p.rewirings > 0) {
    return { ...randomNetworkDraw(p, rng), key: 'rewirings', advice: 'use fewer rewirings or a larger lattice_degree' };
  }
  return undefined;
}

function formatChance(chance: number): string {
  return chance >= 1e-4 ? `${+(chance * 100).toPrecision(2)}% of draws` : `1 in ${(+(1 / chance).toPrecision(2)).toLocaleString('en-US')} draws`;
}

/** Smallest density (to 3 decimals) at which MAX_CONNECTED_DRAWS redraws expect 20 connected graphs. */
function minConnectedDensity(n: number): number {
  let p = 0.001;
  while (p < 1 && erdosRenyiConnectedChance(n, p) * MAX_CONNECTED_DRAWS < 20) p = Math.round((p + 0.001) * 1000) / 1000;
  return p;
}

/** One run's state in bytes (see `Model.memoryBytes`): a few numbers an agent, the network's ties and the landscape. */
function memoryBytes(params: Params): number {
  const p = params as unknown as NkNetworkSearchParams;
  return p.agents * 64 + p.agents * meanDegree(p) * 2 * 8 + nkLandscapeBytes(p.bits, p.interactions);
}

export const nkNetworkSearch: Model<NkNetworkSearchState> = {
  name: 'nk-network-search',
  description:
    'Lazer & Friedman (2007): 100 agents on a communication network search an NK landscape (N = 20, K = 5). Each round, simultaneously, an agent copies its best-scoring neighbour if that neighbour scores strictly higher (with probability velocity it looks at all), and otherwise flips one random dimension, keeping the change only if it scores higher. Score = (fitness / landscape maximum)^8. Networks: linear (ring), chain (open line), hub-and-spoke (star), caveman (connected caves), full, random (Erdős–Rényi, optionally redrawn until connected), small-world (ring lattice plus rewirings). The same landscape and starting solutions are used by every condition of a replicate.',
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
