/**
 * purpose-alignment: the flagship model. The same people work under org-chart,
 * network or hybrid rules; trust, perceived genuineness of empowerment and purpose
 * alignment shape who takes creative risks and what the organisation achieves on an
 * NK landscape. See ODD.md beside this file.
 */
import { fullTreeSize } from '../../model/hierarchy/tree.ts';
import { tiesProblem } from '../../model/graph/csr.ts';
import { nkInteractionsProblem, nkLandscapeBytes } from '../../model/landscape/nk.ts';
import type { Model, ParamProblem } from '../../model/plugin.ts';
import type { Params } from '../../model/params.ts';
import { agentVariables, recordAgents, recordRelations, relations } from './agents.ts';
import { initState } from './init.ts';
import { recordRun, recordTick, runMetrics, tickMetrics } from './metrics.ts';
import { parameters, type PurposeAlignmentParams } from './params.ts';
import type { PurposeAlignmentState } from './state.ts';
import { stepState } from './step.ts';
import { checkStructureInputs, structureInputKey } from './structure.ts';

/** Topologies that read `degree`. */
const DEGREE_TOPOLOGIES = ['watts-strogatz', 'barabasi-albert', 'erdos-renyi'];

/** Mean lateral ties per person, for size limits and memory: `degree` where the topology reads it; ring, lattice and edge lists count as 4. */
function lateralDegree(p: PurposeAlignmentParams): number {
  return p.topology === 'complete' ? p.agents - 1 : DEGREE_TOPOLOGIES.includes(p.topology) ? p.degree : 4;
}

function check(params: Params): ParamProblem[] {
  const p = params as unknown as PurposeAlignmentParams;
  const problems: ParamProblem[] = [];
  const interactions = nkInteractionsProblem(p.bits, p.interactions);
  if (interactions) problems.push({ key: 'interactions', message: interactions });
  if (p.jump_size > p.bits) problems.push({ key: 'jump_size', message: `must be at most bits (${p.bits}), got ${p.jump_size}` });
  if (p.min_team_size > p.max_team_size) problems.push({ key: 'min_team_size', message: `must be at most max_team_size (${p.max_team_size}), got ${p.min_team_size}` });
  if (p.levels > 0 && p.org_chart === '') {
    const size = fullTreeSize(p.span, p.levels);
    if (size !== p.agents) {
      problems.push({ key: 'agents', message: `a full org chart of ${p.levels} levels with span ${p.span} has ${size} people, but agents is ${p.agents} (write agents: "(span^levels - 1) / (span - 1)", or set levels: 0)` });
    }
  }
  // Every structure has the lateral ties (the same graph of who sees whom), so their parameters are always checked.
  if (p.topology === 'edge-list' && p.edge_list === '') problems.push({ key: 'edge_list', message: 'topology is edge-list, so edge_list must name a CSV file of ties' });
  const tooMany = tiesProblem((p.agents * lateralDegree(p)) / 2 + p.agents * (p.span + 1), `the ${p.topology} network of ${p.agents} people`);
  if (tooMany) problems.push({ key: p.topology === 'complete' ? 'agents' : 'degree', message: tooMany });
  // degree is honoured exactly or refused: runs.csv must record the network that ran
  if ((p.topology === 'watts-strogatz' || p.topology === 'barabasi-albert') && p.degree % 2 !== 0) {
    const why = p.topology === 'watts-strogatz' ? 'each person is tied to degree / 2 neighbours on each side of the ring' : 'each newcomer attaches degree / 2 ties';
    problems.push({ key: 'degree', message: `must be even for ${p.topology} (${why}), got ${p.degree}` });
  }
  if (p.topology === 'watts-strogatz' && p.degree >= p.agents) problems.push({ key: 'degree', message: `must be less than agents (${p.agents}) for watts-strogatz, got ${p.degree}` });
  if (p.topology === 'lattice' && p.agents < 5) problems.push({ key: 'agents', message: `a lattice needs at least 5 agents, got ${p.agents}` });
  if (p.topology === 'ring' && p.agents < 3) problems.push({ key: 'agents', message: `a ring needs at least 3 agents, got ${p.agents}` });
  return problems;
}

/** Parameters only the org chart's rules use (no effect in a pure network). */
const CHART_ONLY = ['approval_levels', 'approval_delay', 'empowerment', 'initial_genuineness', 'genuineness_prior_strength', 'judge_noise', 'manager_caution', 'monitoring', 'genuineness_gate'];
/** Parameters only recruitment among ties uses (no effect in a pure hierarchy, where teams are assigned). */
const NETWORK_ONLY = ['recruit_depth', 'alignment_joining'];
/** See `Model.inactiveParameters`; exact (tested by changing each and comparing runs). */
function inactiveParameters(params: Params): string[] {
  const p = params as unknown as PurposeAlignmentParams;
  return [
    ...(p.structure === 'network' ? CHART_ONLY : p.structure === 'hierarchy' ? NETWORK_ONLY : []),
    ...(DEGREE_TOPOLOGIES.includes(p.topology) ? [] : ['degree']),
    ...(p.topology === 'watts-strogatz' ? [] : ['rewiring']),
    ...(p.topology === 'edge-list' ? [] : ['edge_list']),
    ...(p.org_chart === '' ? [] : ['span', 'levels']),
    ...(p.topology === 'edge-list' || p.org_chart !== '' ? [] : ['id_base']),
  ];
}

/** Directed tie entries, about: lateral plus work-group ties, both directions. */
function tieEntries(p: PurposeAlignmentParams): number {
  return p.agents * (lateralDegree(p) + p.span + 2) * 2;
}

/** One run's state in bytes (see `Model.memoryBytes`): about 50 numbers a person, purpose vectors, trust on every tie entry, the landscape and its visit tables. */
function memoryBytes(params: Params): number {
  const p = params as unknown as PurposeAlignmentParams;
  const n = p.agents;
  const landscape = nkLandscapeBytes(p.bits, p.interactions) + 2 ** p.bits / 8 + (p.bits <= 20 ? 4 * 2 ** p.bits : 0);
  return n * (50 * 8 + 16 * p.purpose_dims) + tieEntries(p) * 40 + landscape;
}

export const purposeAlignment: Model<PurposeAlignmentState> = {
  name: 'purpose-alignment',
  description:
    'The same people, in the same positions and with the same ties, search a turbulent NK landscape under org-chart (hierarchy), network or hybrid rules. Creative risk-taking (long jumps, team recombination) depends on psychological safety, learnt from how failures are answered; in the org chart stated empowerment moves it only as far as it is felt genuine. Ideas need approval up the chain in the org chart; in the network people recruit among their ties, and others join as they share the purpose and trust the initiator. Reward schemes (individual or culture) decide whether failures are punished or learnt from. Each claim C1–C7 has a switch that removes its mechanism.',
  parameters,
  tickMetrics,
  runMetrics,
  check,
  inactiveParameters,
  memoryBytes,
  checkInputs: (params, context) => checkStructureInputs(params as unknown as PurposeAlignmentParams, context),
  inputKey: (params) => structureInputKey(params as unknown as PurposeAlignmentParams),
  init: (params, streams, context) => initState(params as unknown as PurposeAlignmentParams, streams, context),
  step: stepState,
  recordTick,
  recordRun,
  agentVariables,
  agentCount: (s) => s.n,
  populationSize: (params) => params.agents as number,
  // every tie entry, and a reporting line per person
  edgeCount: (params) => tieEntries(params as unknown as PurposeAlignmentParams) + (params.agents as number),
  recordAgents,
  relations,
  recordRelations,
};
