/**
 * orgsim's library API: what the CLI, notebooks and other programs use.
 *
 *   import { loadScenario, runExperiment } from 'orgsim';
 *   const scenario = await loadScenario('scenarios/hierarchy-vs-network.yaml', { set: { initial_trust: 0.8 } });
 *   await runExperiment(scenario, { outDir: 'results/my-run' });
 */
export { loadScenario, loadScenarioText, parseSetFlags, scenarioJsonSchema } from './scenario/index.ts';
export type { Scenario, ScenarioOverrides, Condition } from './scenario/index.ts';
export {
  runExperiment,
  planRuns,
  mergeShards,
  estimateDuration,
  parseOnly,
  parseShard,
  parseTimeseries,
  parseSnapshot,
  simulate,
  runStreams,
  behaviourSeed,
  pointKey,
  type ExperimentOptions,
  type ExperimentResult,
  type ExperimentPlan,
  type RunSpec,
  type SimulationOutput,
  type SimulateOptions,
  type SnapshotOption,
  type AgentSnapshots,
  type TimeseriesOption,
  computeContrasts,
  conditionPairs,
  parameterDifferences,
  contrastRows,
  type ContrastOptions,
  type ContrastsResult,
  type ConditionPair,
  type ConditionParams,
  type ContrastRow,
  type ContrastSensitivityRow,
} from './experiment/index.ts';
export { saltelliSample, sobolIndices } from './stats/sensitivity.ts';
export { pairedContrast, type PairedContrast } from './stats/paired-contrast.ts';
export { findModel, modelNames, registerModel, purposeAlignment } from './models/index.ts';
export type { Model, MetricSpec, RunStreams, RunContext, ParamProblem, RelationSpec, RelationEdges, NetworkSnapshot } from './model/plugin.ts';
export { defaultParams, describeRange, type ParamSchema, type ParamSpec, type Params, type ParamValue } from './model/params.ts';
export { createRng, deriveSeed, type Rng } from './rng/index.ts';
export { UserInputError, isUserInputError } from './errors.ts';
export { summarize } from './stats/summary.ts';
export { readResults, type ResultSet, type RunRow, type TickRow, type SummaryRow, type Manifest, type MetricInfo, type CsvValue } from './output/read-results.ts';
export {
  chartSpecs,
  customChart,
  renderSvg,
  renderPng,
  writeCharts,
  writeChartsAndReport,
  writeChartFiles,
  selectCharts,
  chartPlan,
  writeReport,
  reportHtml,
  compareResults,
  CHARTS_FOLDER,
  REPORT_FILE,
  COMPARISON_FILE,
  CUSTOM_KINDS,
  OKABE_ITO,
  type ChartOptions,
  type DrawOptions,
  type NamedSpec,
  type CustomChartOptions,
  type CustomKind,
  type CompareOptions,
  type ComparisonResult,
  type ComparisonRow,
  type Pairing,
  type Spec,
} from './charts/index.ts';
export {
  csrFromEdges,
  degreeOf,
  edgeCount,
  hasEdge,
  ringGraph,
  completeGraph,
  latticeGraph,
  ringLatticeGraph,
  wattsStrogatzGraph,
  barabasiAlbertGraph,
  erdosRenyiGraph,
  parseEdgeList,
  meanDegree,
  globalClustering,
  averageClustering,
  averagePathLength,
  isConnected,
  type CsrGraph,
} from './model/graph/index.ts';
export { randomInt, randomNormal, randomBeta, randomBetaMean, shuffle } from './rng/index.ts';
