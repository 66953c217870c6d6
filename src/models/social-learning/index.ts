/**
 * social-learning: Barkoczi & Galesic (2016), "Social learning strategies modify the
 * effect of network structure on group performance", Nature Communications 7, 13109.
 * Agents on a network search an NK landscape (N = 15, K = 7), each round copying a
 * sampled contact by a social learning strategy (best member or conformity) or trying
 * one bit flip alone. Which network does best depends on the strategy. See ODD.md
 * beside this file.
 */
import { tiesProblem } from '../../model/graph/csr.ts';
import { nkInteractionsProblem, nkLandscapeBytes } from '../../model/landscape/nk.ts';
import type { Model, ParamProblem } from '../../model/plugin.ts';
import type { Params } from '../../model/params.ts';
import { agentVariables, recordAgents, recordRelations, relations } from './agents.ts';
import { initState } from './init.ts';
import { recordRun, recordTick, runMetrics, tickMetrics } from './metrics.ts';
import { parameters, type SocialLearningParams } from './params.ts';
import type { SocialLearningState } from './state.ts';
import { stepState } from './step.ts';

function check(params: Params): ParamProblem[] {
  const p = params as unknown as SocialLearningParams;
  const problems: ParamProblem[] = [];
  const interactions = nkInteractionsProblem(p.bits, p.interactions);
  if (interactions) problems.push({ key: 'interactions', message: interactions });
  if (p.agents > 2 ** p.bits) problems.push({ key: 'agents', message: `must be at most 2^bits = ${2 ** p.bits}, since agents start on distinct solutions, got ${p.agents}` });
  if ((p.network === 'lattice' || p.network === 'random-regular') && p.degree >= p.agents) {
    problems.push({ key: 'degree', message: `must be less than agents (${p.agents}), got ${p.degree}` });
  } else if (p.network === 'random-regular' && (p.agents * p.degree) % 2 !== 0) {
    problems.push({ key: 'degree', message: `a random regular network of odd degree needs an even number of agents (${p.agents}); got degree ${p.degree}` });
  }
  if (p.network === 'clustered' || p.network === 'isolated') {
    if (p.agents % p.groups !== 0) problems.push({ key: 'groups', message: `must divide agents (${p.agents}) so every group is full, got ${p.groups}` });
    else if (p.network === 'clustered' && p.agents / p.groups < 3) problems.push({ key: 'groups', message: `must leave at least 3 agents a group in the clustered network (a group of 2 would lose its only tie to the bridge), got ${p.groups} groups of ${p.agents / p.groups}` });
  }
  const tooMany = tiesProblem(p.agents * meanContacts(p), `the ${p.network} network of ${p.agents} agents`);
  if (tooMany && p.network !== 'full') problems.push({ key: 'agents', message: tooMany });
  return problems;
}

/** Contacts per agent (exact, or the mean for the clustered network). */
function meanContacts(p: SocialLearningParams): number {
  switch (p.network) {
    case 'full':
      return p.agents - 1;
    case 'lattice':
    case 'random-regular':
      return p.degree;
    case 'clustered':
    case 'isolated':
      return p.agents / p.groups - 1;
  }
}

/** Parameters a setting leaves unread (see `Model.inactiveParameters`). */
function inactiveParameters(params: Params): string[] {
  const p = params as unknown as SocialLearningParams;
  const unread: string[] = [];
  if (p.strategy === 'individual' || p.strategy === 'random-copy') unread.push('sample_size');
  if (p.network !== 'lattice' && p.network !== 'random-regular') unread.push('degree');
  if (p.network !== 'clustered' && p.network !== 'isolated') unread.push('groups');
  return unread;
}

export const socialLearning: Model<SocialLearningState> = {
  name: 'social-learning',
  description:
    'Barkoczi & Galesic (2016): 100 agents on a network search an NK landscape (N = 15, K = 7, contributions in tenths). Each round, simultaneously, an agent samples 3 (or sample_size) contacts and copies the best of them (best-member) or the solution most of them hold (conformity) when it pays strictly more; otherwise it flips one random bit, keeping the flip only if it pays more. Payoff = (fitness / max)^8. Networks: full, one-directional lattice, clustered (cliques joined by bridges), isolated cliques, random regular. The same landscape and starting solutions, and keyed draws, are shared by every condition of a replicate.',
  parameters,
  tickMetrics,
  runMetrics,
  check,
  inactiveParameters,
  // a few numbers an agent, the stored contacts and the landscape
  memoryBytes: (params) => {
    const p = params as unknown as SocialLearningParams;
    return p.agents * 48 + (p.network === 'full' ? 0 : p.agents * meanContacts(p) * 4) + nkLandscapeBytes(p.bits, p.interactions);
  },
  init: (params, streams) => initState(params as unknown as SocialLearningParams, streams),
  step: stepState,
  recordTick,
  recordRun,
  agentVariables,
  agentCount: (s) => s.n,
  populationSize: (params) => params.agents as number,
  edgeCount: (params) => (params.agents as number) * meanContacts(params as unknown as SocialLearningParams),
  recordAgents,
  relations,
  recordRelations,
};
