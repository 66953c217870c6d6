/**
 * The contract between a model and the experiment layer. The experiment layer
 * (scenarios, seeds, replicates, workers, output, charts) knows models only
 * through this interface, so a researcher can add a model by writing one module.
 */
import type { CounterDraws, Rng } from '../rng/index.ts';
import type { Params, ParamSchema } from './params.ts';

/** A named output of a model. */
export interface MetricSpec {
  /** Column name in the CSVs: snake_case. */
  name: string;
  /** Axis and table label for people, e.g. "Creative risk-taking". */
  label: string;
  /** Unit shown after the label, e.g. "share of agents"; omit when dimensionless. */
  unit?: string;
  /** One line: what it measures. */
  meaning: string;
  /** The least value it can take (e.g. 0 for a share or a count); charts keep confidence bands within it. Omit when unbounded. */
  min?: number;
  /** The greatest value it can take (e.g. 1 for a share); charts keep confidence bands within it. Omit when unbounded. */
  max?: number;
  /** Whole numbers only (ids, counts, codes, 0/1 flags): GraphML types the attribute as an integer. */
  integer?: boolean;
  /** A parameter whose value bounds it from above (e.g. `max_team_size` for a team size), for charts' bands, when no fixed `max` does. */
  maxParameter?: string;
}

/**
 * The random streams of one run. Streams whose seed leaves out the condition are
 * shared by all conditions of a replicate (common random numbers): the same people,
 * the same landscape and the same graph wherever the conditions share the
 * parameters that build them. Only `behaviour` differs between conditions.
 *
 * A model draws its decisions either in sequence from `behaviour` or, for common
 * random numbers that survive different decisions, from `decisions`: counter-based
 * draws keyed by (purpose, person, tick, k) and seeded without the condition, so
 * the same decision gets the same number in every condition of a replicate.
 */
export interface RunStreams {
  /** Agents' traits and initial state. Seeded without the condition. */
  readonly people: Rng;
  /** The task environment (e.g. NK landscape). Seeded without the condition. */
  readonly landscape: Rng;
  /** Graph generation. Seeded without the condition. */
  readonly structure: Rng;
  /** Everything that happens during the run, in draw order. Seeded with the condition. */
  readonly behaviour: Rng;
  /** Keyed draws for the run's decisions. Seeded without the condition. */
  readonly decisions: CounterDraws;
}

/** What a model may read besides its parameters. */
export interface RunContext {
  /**
   * The text of the input file a file parameter names (relative to the scenario's
   * folder), and the name to use for it in messages. A missing or unreadable file is a
   * UserInputError naming it. Given by whoever runs the model (files on Node, fetched
   * or uploaded text in a browser), so models need no file system.
   */
  readInput(path: string): { text: string; file: string };
}

/**
 * A kind of tie between agents that a model can export (`--networks`), e.g. trust ties
 * or reporting lines. Agent ids are 0-based, as in agents.csv.
 */
export interface RelationSpec {
  /** snake_case; the GraphML edge attribute that is true on the relation's edges. */
  name: string;
  /** One line: what an edge means, source to target for a directed relation. */
  meaning: string;
  /** Directed (source → target differs from target → source) or not. */
  directed: boolean;
  /** The relation's edge value, if any, written as the edge attribute `name` (e.g. `weight` = trust). */
  weight?: { name: string; meaning: string };
}

/** One relation's edges now: flat pairs [source0, target0, source1, …]; an undirected relation lists each edge once. */
export interface RelationEdges {
  readonly pairs: Int32Array;
  /** One value per pair when the relation declares a weight. */
  readonly weights?: Float64Array;
}

/** The networks at one tick, with the agents' variables then (GraphML node attributes). */
export interface NetworkSnapshot {
  readonly tick: number;
  readonly agentCount: number;
  /** agentCount × agent variables, agent-major (empty when the model declares none). */
  readonly agents: Float64Array;
  /** In the model's `relations` order. */
  readonly relations: readonly RelationEdges[];
}

/** A problem with a parameter set that only the model can see (e.g. two values that conflict). */
export interface ParamProblem {
  key: string;
  message: string;
}

export interface Model<State = unknown> {
  /** Registry name, used as `model:` in scenario files. */
  readonly name: string;
  /** One paragraph: what the model is and where it comes from. */
  readonly description: string;
  readonly parameters: ParamSchema;
  /** Metrics recorded at every tick (tick 0 is the initial state). */
  readonly tickMetrics: readonly MetricSpec[];
  /** Metrics recorded once at the end of a run (the final-state values of `runs.csv`). */
  readonly runMetrics: readonly MetricSpec[];
  /**
   * Per-agent variables (agents.csv's columns after agent_id, and GraphML node
   * attributes), e.g. safety or trust received; NaN writes an empty cell. Declared as
   * metrics are; with `agentCount` and `recordAgents`. A model without them cannot
   * record agents (`--agents` is refused).
   */
  readonly agentVariables?: readonly MetricSpec[];
  /** People in the state now (agent ids 0 … count − 1). */
  agentCount?(state: State): number;
  /** People a run of these parameters has, before it runs: for estimating the size of agents.csv and networks/. */
  populationSize?(params: Params): number;
  /** Writes the agent variables, agent-major (agent i's values at i × width …), into `out` (length agentCount × width). */
  recordAgents?(state: State, out: Float64Array): void;
  /** About how many edges `recordRelations` returns for these parameters (all relations, each pair as it is listed), for memory estimates before a run. */
  edgeCount?(params: Params): number;
  /** The kinds of ties `recordRelations` reports (`--networks`); none: the model has no network to export. */
  readonly relations?: readonly RelationSpec[];
  /** Each relation's edges now, in `relations` order. */
  recordRelations?(state: State): RelationEdges[];
  /** Checks across parameters after the schema's per-key checks passed. */
  check?(params: Params): ParamProblem[];
  /**
   * Parameters that have no effect under these parameters (e.g. approval_levels in a
   * pure network): sweeping one of them is warned about, since its points would only
   * repeat each other. Must be exact: changing a listed parameter leaves runs unchanged.
   */
  inactiveParameters?(params: Params): readonly string[];
  /**
   * Bytes one run's state takes (typed arrays, graphs, landscape), an upper estimate
   * within a factor of about 2, for checking memory before any run starts; the
   * recorded time series is counted by the experiment. Must be cheap: it is called
   * for every parameter set of a design.
   */
  memoryBytes?(params: Params): number;
  /**
   * Reads and checks the input files these parameters name (edge lists, org charts) as
   * `init` would, without building the rest; throws a `UserInputError` for a bad one.
   * With `inputKey`, so `validate` and `run` can check every condition and sweep point,
   * each distinct way of reading the files once, before anything runs.
   */
  checkInputs?(params: Params, context: RunContext): void;
  /** What of `params` the files are read with (the files, agents, id_base, …) as a key: equal keys read them alike. */
  inputKey?(params: Params): string;
  /** Builds the initial state. May throw a `UserInputError` for bad input files. */
  init(params: Params, streams: RunStreams, context: RunContext): State;
  /** Advances one tick: reads state at t, writes state at t + 1. */
  step(state: State, tick: number): void;
  /**
   * Writes the tick metrics, in `tickMetrics` order, into `out`. Called only at the ticks
   * that are recorded (or tested by a stop rule), so it must not change what the run
   * does: caches are fine, anything `step` or `recordRun` reads is not.
   */
  recordTick(state: State, out: Float64Array): void;
  /** Writes the run metrics, in `runMetrics` order, into `out`. */
  recordRun(state: State, out: Float64Array): void;
}
