/** What the live view's page is given about a scenario: plain JSON, embedded in the page by page.ts. */
import type { MetricSpec, RelationSpec } from '../model/plugin.ts';
import type { ParamSchema, Params } from '../model/params.ts';

export interface PageData {
  scenario: { name: string; file: string; description: string };
  model: {
    name: string;
    parameters: ParamSchema;
    tickMetrics: readonly MetricSpec[];
    agentVariables: readonly MetricSpec[];
    relations: readonly RelationSpec[];
  };
  masterSeed: number;
  /** The scenario's ticks per run (the cap of a played run). */
  ticks: number;
  replicates: number;
  /** Each condition's resolved parameters (at the first sweep point). */
  conditions: { name: string; params: Params }[];
  /** The first sweep point's key, for the seeds (see seeds.ts `pointKey`). */
  pointKey: string;
  /** The text of every input file the scenario names, by its path in the scenario. */
  inputFiles: Record<string, string>;
  /** The scenario's `stop_when:` (not applied in the live view, which says so). */
  stopWhen?: string;
  /** The swept parameters, when the scenario has a sweep (the page runs its first point). */
  swept: string[];
}
