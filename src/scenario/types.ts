/** The public shapes of the scenario layer. */
import type { Model } from '../model/plugin.ts';
import type { Params, ParamValue } from '../model/params.ts';
import type { PointSet } from './design.ts';

/** Values given outside the file (CLI flags, code); they win over the file. */
export interface ScenarioOverrides {
  seed?: number;
  ticks?: number;
  replicates?: number;
  /** Parameter overrides (`--set key=value`), applied to every condition. A string for a number parameter is a formula. */
  set?: Readonly<Record<string, ParamValue>>;
}

export interface Condition {
  name: string;
  /**
   * Every parameter of the model, in the model's schema order, formulas evaluated;
   * in a sweep, at the first point (`Scenario.paramsAt` gives any point's).
   */
  params: Params;
}

export interface Scenario {
  /** The path as given (for messages). */
  file: string;
  /** The file's exact text. */
  text: string;
  /** SHA-256 of the text (UTF-8), hex. */
  sha256: string;
  /** Absolute folder that relative file parameters are resolved against. */
  baseDir: string;
  name: string;
  description: string;
  model: Model;
  seed: number;
  ticks: number;
  replicates: number;
  /** In file order; a file without `conditions:` has one condition "base". */
  conditions: Condition[];
  /** The sweep's points; a file without `sweep:` has one point with no swept values. */
  points: PointSet;
  /**
   * The parameters of a condition (index into `conditions`) at a point (0-based):
   * base <- condition <- point <- `--set`, formulas evaluated, checked. Every
   * condition × point was checked when the scenario loaded.
   */
  paramsAt(condition: number, point: number): Params;
  /**
   * `stop_when:`, the formula of the tick metrics that ends a run early when true
   * (`ticks` stays the cap); checked when the scenario loads. Absent: runs last `ticks`.
   */
  stopWhen?: string;
  /** The overrides it was loaded with, canonical (`set` keys sorted): part of what `--resume` and `merge` compare. */
  overrides: ScenarioOverrides;
}
