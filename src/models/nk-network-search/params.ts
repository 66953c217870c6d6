/**
 * Parameters of nk-network-search (Lazer & Friedman 2007): default, range and
 * meaning of each. ODD.md ("Parameters") gives every default's source.
 */
import type { ParamSchema, ParamValues } from '../../model/params.ts';

export const NETWORKS = ['linear', 'chain', 'hub-and-spoke', 'caveman', 'full', 'random', 'small-world'] as const;
export const DEPENDENCY_RULES = ['random-with-replacement', 'any-with-replacement', 'random', 'adjacent'] as const;

export const parameters = {
  agents: { kind: 'integer', min: 3, max: 100_000, default: 100, meaning: 'Number of agents searching the landscape' },
  bits: { kind: 'integer', min: 2, max: 24, default: 20, meaning: 'N of the NK landscape: dimensions of a solution' },
  interactions: { kind: 'integer', min: 0, max: 23, default: 5, meaning: 'K of the NK landscape: other dimensions each one depends on (ruggedness)' },
  dependencies: { kind: 'choice', choices: DEPENDENCY_RULES, default: 'random-with-replacement', meaning: 'How each dimension’s K dependencies are drawn: K other dimensions at random with repeats; K draws from all N, itself and repeats included (the original code’s generator; a little smoother); K distinct at random; or the K next ones' },
  score_power: { kind: 'integer', min: 1, max: 64, default: 8, meaning: 'Score = (fitness / landscape maximum) raised to this power (Appendix A uses 8)' },
  network: { kind: 'choice', choices: NETWORKS, default: 'linear', meaning: 'Communication network: ring (linear), open line (chain: the ring without its closing tie), star (hub-and-spoke: agent 0 tied to all), connected caves of cave_size (caveman), complete (full), Erdős–Rényi (random), ring lattice plus rewirings (small-world)' },
  cave_size: { kind: 'integer', min: 3, max: 1_000, default: 5, meaning: 'Agents per cave of the caveman network (agents must be a multiple of it): each cave is a clique that gives up one inner tie for a bridge to the previous cave' },
  require_connected: { kind: 'boolean', default: false, meaning: 'Random and small-world networks: redraw the graph (up to 10,000 times, from the same stream) until every agent can reach every other, as the paper’s base analyses use only connected networks' },
  density: { kind: 'number', min: 0, max: 1, default: 0.05, meaning: 'Chance that any pair of agents is tied (random network)' },
  lattice_degree: { kind: 'integer', min: 2, max: 99_998, default: 2, meaning: 'Ties per agent in the ring lattice before rewiring (small-world network; even)' },
  rewirings: { kind: 'integer', min: 0, max: 1_000_000, default: 10, meaning: 'Number of ties of the ring lattice moved to a random agent (small-world network)' },
  velocity: { kind: 'number', min: 0, max: 1, default: 1, meaning: 'Chance per round that an agent looks at its neighbours’ solutions (otherwise it searches alone)' },
  copy_error: { kind: 'number', min: 0, max: 1, default: 0, meaning: 'Chance that each differing dimension fails to be copied when imitating (the agent keeps its own value there)' },
  horizon: { kind: 'integer', min: 0, max: 1_000_000, default: 0, meaning: 'Round at which the run metric horizon_score is taken (a fixed horizon for long-run comparisons, whatever the run length); 0: not taken; beyond the run’s last round horizon_score is empty' },
} as const satisfies ParamSchema;

/** The resolved parameters as the model reads them. */
export type NkNetworkSearchParams = ParamValues<typeof parameters>;
