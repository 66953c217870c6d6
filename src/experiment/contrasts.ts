/**
 * `orgsim contrasts`: paired one-factor contrasts between the conditions of one
 * results folder. Reads the folder (readResults), finds every pair of conditions
 * whose resolved parameters (manifest.json `conditions[].params`, at the first
 * point in a sweep) differ in exactly one parameter, keeps those that differ in
 * that parameter alone at every point (runs.csv), and writes contrasts.csv
 * (and, for a whole Sobol' design, contrast-sensitivity.csv) into the folder,
 * each atomically. Knows no model: factors are whatever parameters differ.
 */
import path from 'node:path';
import { UserInputError } from '../errors.ts';
import { writeFileAtomic } from '../output/atomic.ts';
import { csvHeader, csvLines } from '../output/csv.ts';
import { type Manifest, readResults } from '../output/read-results.ts';
import { CONTRAST_COLUMNS, CONTRAST_SENSITIVITY_COLUMNS, RESULT_FILES } from '../output/results-layout.ts';
import { didYouMean } from '../scenario/suggest.ts';
import { type ConditionPair, type ConditionParams, conditionPairs, parameterDifferences } from './condition-pairs.ts';
import { type ContrastRow, contrastRows, designPoints } from './contrast-rows.ts';
import { type ConfoundedPair, splitConfoundedPairs } from './confounded-pairs.ts';
import { type ContrastSensitivityRow, contrastSensitivityRows } from './contrast-sensitivity.ts';
import { completeSobolDesign } from './sobol-design.ts';

export interface ContrastOptions {
  /** Run metrics to contrast (default: all the model's); rows follow the model's metric order whatever the order here. */
  metrics?: readonly string[];
  /** Only the pairs whose one differing parameter is this. */
  factor?: string;
}

export interface ContrastsResult {
  /** The pairs contrasted, in the order of the rows. */
  pairs: ConditionPair[];
  /** Pairs left out because somewhere in the sweep they differ in more than their factor. */
  confounded: ConfoundedPair[];
  /** Runs left out of every pair because they did not finish (status other than ok). */
  runsNotOk: number;
  /** The run metrics contrasted, in the model's order. */
  metrics: string[];
  /** The sweep points, ascending. */
  points: number[];
  /** contrasts.csv's rows: pair, then point, then metric. */
  rows: ContrastRow[];
  /** contrast-sensitivity.csv's rows; undefined unless the folder holds a whole Sobol' design. */
  sensitivity?: ContrastSensitivityRow[];
  /** The files written: contrasts.csv, then contrast-sensitivity.csv if any. */
  files: string[];
}

/** Condition pairs listed in an error message before "and N more". */
const PAIRS_EXPLAINED = 6;

/**
 * Computes and writes the contrasts of the results folder `resultsDir`.
 * UserInputError (exit 2 on the command line), naming the folder or file, when:
 * the folder is missing or not a complete results folder (from readResults); it
 * has fewer than two conditions; no two conditions differ in exactly one
 * parameter (the message lists the conditions and how each pair differs); no pair
 * has `options.factor` as its factor; every such pair differs in more than its
 * factor somewhere in the sweep; `options.metrics` is empty or names
 * something that is not a run metric (the message lists the valid ones).
 */
export async function computeContrasts(resultsDir: string, options: ContrastOptions = {}): Promise<ContrastsResult> {
  const results = await readResults(resultsDir);
  const { manifest } = results;
  const manifestFile = path.join(resultsDir, RESULT_FILES.manifest);
  const metrics = chooseMetrics(manifest, options.metrics, manifestFile);
  const found = splitConfoundedPairs(results.runs, choosePairs(manifest, options.factor, manifestFile));
  const { pairs, confounded } = found;
  if (pairs.length === 0) {
    const c = confounded[0];
    throw new UserInputError(
      `every pair of conditions that differs in one parameter at the first point differs in more elsewhere in the sweep (e.g. "${c.pair.a}" and "${c.pair.b}" at point ${c.point}: ${c.differences.join(', ')}), so no contrast isolates one factor`,
      { file: path.join(resultsDir, RESULT_FILES.runs) },
    );
  }
  const rows = contrastRows(results.runs, pairs, metrics);
  const files = [path.join(resultsDir, RESULT_FILES.contrasts)];
  writeFileAtomic(files[0], contrastsCsv(rows));

  const design = completeSobolDesign(manifest);
  const sensitivity = design && contrastSensitivityRows(rows, pairs, metrics, design, manifest.master_seed);
  if (sensitivity) {
    files.push(path.join(resultsDir, RESULT_FILES.contrastSensitivity));
    writeFileAtomic(files[1], contrastSensitivityCsv(sensitivity));
  }
  const runsNotOk = results.runs.filter((r) => r.status !== 'ok').length;
  return { pairs, confounded, runsNotOk, metrics, points: designPoints(results.runs), rows, sensitivity, files };
}

/** contrasts.csv's text: header and rows, numbers as every results file writes them. */
function contrastsCsv(rows: readonly ContrastRow[]): string {
  return csvHeader(CONTRAST_COLUMNS) + csvLines(rows.map((r) => CONTRAST_COLUMNS.map((c) => r[c] ?? '')));
}

/** contrast-sensitivity.csv's text. */
function contrastSensitivityCsv(rows: readonly ContrastSensitivityRow[]): string {
  return csvHeader(CONTRAST_SENSITIVITY_COLUMNS) + csvLines(rows.map((r) => CONTRAST_SENSITIVITY_COLUMNS.map((c) => r[c])));
}

function chooseMetrics(manifest: Manifest, wanted: readonly string[] | undefined, file: string): string[] {
  const all = manifest.model.run_metrics.map((m) => m.name);
  if (wanted === undefined) return all;
  const valid = `valid run metrics: ${all.join(', ')}`;
  if (wanted.length === 0) throw new UserInputError(`--metrics: no run metric given; ${valid}`);
  const unknown = wanted.find((m) => !all.includes(m));
  if (unknown !== undefined) {
    throw new UserInputError(`--metrics: unknown run metric "${unknown}" (the run metrics are listed in ${file}); ${valid}.${didYouMean(unknown, all)}`);
  }
  return all.filter((m) => wanted.includes(m));
}

function choosePairs(manifest: Manifest, factor: string | undefined, file: string): ConditionPair[] {
  const { conditions } = manifest;
  const names = conditions.map((c) => `"${c.name}"`).join(', ');
  if (conditions.length < 2) {
    throw new UserInputError(
      `a contrast needs two conditions that differ in one parameter; this results folder has ${conditions.length} (${names || 'none'})`,
      { file, key: 'conditions' },
    );
  }
  const pairs = conditionPairs(conditions);
  if (pairs.length === 0) {
    throw new UserInputError(
      `no two conditions differ in exactly one parameter, which a contrast needs (conditions ${names}: ${explainPairs(conditions)})`,
      { file, key: 'conditions' },
    );
  }
  if (factor === undefined) return pairs;
  const factors = [...new Set(pairs.map((p) => p.factor))];
  if (!factors.includes(factor)) {
    throw new UserInputError(
      `no two conditions differ only in "${factor}"; the pairs found differ in ${factors.map((f) => `"${f}"`).join(', ')}.${didYouMean(factor, factors)}`,
      { file, key: 'factor' },
    );
  }
  return pairs.filter((p) => p.factor === factor);
}

/** How each pair of conditions differs, e.g. `"a" and "b" have identical parameters; "a" and "c" differ in 2 (x, y)`. */
function explainPairs(conditions: readonly ConditionParams[]): string {
  const lines = conditions.flatMap((x, i) =>
    conditions.slice(i + 1).map((y) => {
      const d = parameterDifferences(x, y);
      const both = `"${x.name}" and "${y.name}"`;
      return d.length === 0 ? `${both} have identical parameters` : `${both} differ in ${d.length} (${d.join(', ')})`;
    }),
  );
  const more = lines.length - PAIRS_EXPLAINED;
  return lines.slice(0, PAIRS_EXPLAINED).join('; ') + (more > 0 ? `; and ${more} more pair${more > 1 ? 's' : ''}` : '');
}
