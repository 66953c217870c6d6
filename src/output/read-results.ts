/**
 * Reads a results folder written by `orgsim run` (manifest.json, runs.csv,
 * timeseries.csv, summary.csv, and sensitivity.csv for Sobol designs) back into typed rows, so charts, reports,
 * comparisons and notebooks work from the files alone. Numbers come back as
 * numbers, empty cells (NaN when written) as null; anything missing or corrupt is
 * a UserInputError naming the file, the line and the column.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserInputError } from '../errors.ts';
import type { MetricSpec } from '../model/plugin.ts';
import type { ManifestRun, Manifest as WrittenManifest } from './manifest.ts';
import { RESULT_FILES } from './results-layout.ts';

/** A parsed CSV cell: numbers and booleans typed, text as is, empty (NaN when written) as null. */
export type CsvValue = number | string | boolean | null;

/** A metric as the manifest describes it (name, label, unit, meaning). */
export type MetricInfo = MetricSpec;

/** manifest.json as read back; sweeps add the swept parameters and the points' values. */
export interface Manifest extends Omit<WrittenManifest, 'runs'> {
  runs: ManifestRun[];
  /** `n` is the sample size of lhs and sobol designs (checked for sobol). */
  sweep?: { kind?: string; parameters: string[]; n?: number };
  points?: { point_id: number; values: Record<string, CsvValue> }[];
}

/** Identifies a run in every CSV. `point_id` is 1 outside sweeps. */
interface RunKey {
  run_id: number;
  condition: string;
  point_id: number;
  replicate: number;
}

export interface RunRow extends RunKey {
  seed: number;
  /** `ok` or `failed`. */
  status: string;
  /** Ticks the run ran (fewer than the scenario's ticks when `stop_when:` ended it); null for a failed run or results without the column. */
  ticks_run: number | null;
  /** Why a failed run failed; empty for runs that finished. */
  error: string;
  /** Every resolved parameter column of runs.csv, in file order. */
  params: Record<string, CsvValue>;
  /** Run metrics by name; null where the run wrote no value (NaN or a failed run). */
  metrics: Record<string, number | null>;
}

export interface TickRow extends RunKey {
  tick: number;
  metrics: Record<string, number | null>;
}

export interface SummaryRow {
  condition: string;
  /** 1 outside sweeps. */
  point_id: number;
  metric: string;
  n: number;
  mean: number | null;
  sd: number | null;
  ci_low: number | null;
  ci_high: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

/** A row of sensitivity.csv (Sobol designs): first-order and total indices with bootstrap 95% intervals. */
export interface SensitivityRow {
  condition: string;
  metric: string;
  parameter: string;
  /** Base samples used. */
  n: number;
  S1: number | null;
  S1_ci_low: number | null;
  S1_ci_high: number | null;
  ST: number | null;
  ST_ci_low: number | null;
  ST_ci_high: number | null;
}

export interface ResultSet {
  /** The folder read, as given. */
  dir: string;
  manifest: Manifest;
  runs: RunRow[];
  timeseries: TickRow[];
  summary: SummaryRow[];
  /** sensitivity.csv's rows for a complete Sobol design; empty otherwise. */
  sensitivity: SensitivityRow[];
}

const RUN_KEY_COLUMNS = ['run_id', 'condition', 'point_id', 'replicate'] as const;
/** runs.csv columns that are neither parameters nor metrics. */
const RUN_INFO_COLUMNS = ['seed', 'status', 'ticks_run', 'error'];
const SUMMARY_STAT_COLUMNS = ['mean', 'sd', 'ci_low', 'ci_high', 'median', 'q1', 'q3'] as const;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^[-+]?Infinity$/;

export async function readResults(dir: string): Promise<ResultSet> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new UserInputError('results folder not found (run the scenario first, or check the path)', { file: dir });
  }
  const manifest = checkManifest(await readJson(dir, RESULT_FILES.manifest), path.join(dir, RESULT_FILES.manifest));
  const runMetrics = manifest.model.run_metrics.map((m) => m.name);
  const tickMetrics = manifest.model.tick_metrics.map((m) => m.name);

  const runsTable = await readCsv(dir, RESULT_FILES.runs, [...RUN_KEY_COLUMNS, 'seed', 'status', ...runMetrics]);
  const runs = runsTable.rows.map((cells, i): RunRow => {
    const at = runsTable.at(i);
    const params: Record<string, CsvValue> = {};
    for (const column of runsTable.columns) {
      if (isKeyColumn(column) || RUN_INFO_COLUMNS.includes(column) || runMetrics.includes(column)) continue;
      params[column] = parseCsvValue(cells[column]);
    }
    return {
      ...runKey(cells, at),
      seed: requiredNumber(cells, 'seed', at),
      status: cells.status,
      ticks_run: cells.ticks_run === undefined || cells.ticks_run === '' ? null : requiredNumber(cells, 'ticks_run', at),
      error: cells.error ?? '',
      params,
      metrics: numbers(cells, runMetrics, at),
    };
  });

  const ticksTable = await readCsv(dir, RESULT_FILES.timeseries, [...RUN_KEY_COLUMNS, 'tick', ...tickMetrics]);
  const timeseries = ticksTable.rows.map((cells, i): TickRow => {
    const at = ticksTable.at(i);
    return { ...runKey(cells, at), tick: requiredNumber(cells, 'tick', at), metrics: numbers(cells, tickMetrics, at) };
  });

  const summaryTable = await readCsv(dir, RESULT_FILES.summary, ['condition', 'point_id', 'metric', 'n', ...SUMMARY_STAT_COLUMNS]);
  const summary = summaryTable.rows.map((cells, i): SummaryRow => {
    const at = summaryTable.at(i);
    const stats = numbers(cells, SUMMARY_STAT_COLUMNS, at);
    return {
      condition: cells.condition,
      point_id: requiredNumber(cells, 'point_id', at),
      metric: cells.metric,
      n: requiredNumber(cells, 'n', at),
      mean: stats.mean, sd: stats.sd, ci_low: stats.ci_low, ci_high: stats.ci_high,
      median: stats.median, q1: stats.q1, q3: stats.q3,
    };
  });

  return { dir, manifest, runs, timeseries, summary, sensitivity: await readSensitivity(dir, manifest) };
}

const INDEX_COLUMNS = ['S1', 'S1_ci_low', 'S1_ci_high', 'ST', 'ST_ci_low', 'ST_ci_high'] as const;

/** sensitivity.csv's rows; none when the design is not Sobol or the folder holds part of it (--only, --shard), which writes no indices. */
async function readSensitivity(dir: string, manifest: Manifest): Promise<SensitivityRow[]> {
  if (manifest.sweep?.kind !== 'sobol' || !(await stat(path.join(dir, RESULT_FILES.sensitivity)).catch(() => null))) return [];
  const table = await readCsv(dir, RESULT_FILES.sensitivity, ['condition', 'metric', 'parameter', 'n', ...INDEX_COLUMNS]);
  return table.rows.map((cells, i): SensitivityRow => {
    const at = table.at(i);
    return { condition: cells.condition, metric: cells.metric, parameter: cells.parameter, n: requiredNumber(cells, 'n', at), ...numbers(cells, INDEX_COLUMNS, at) };
  });
}

/** Parses one CSV cell the way the writer formats it: plain decimals, true/false, empty for NaN. */
function parseCsvValue(text: string): CsvValue {
  if (text === '') return null;
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

function isKeyColumn(column: string): boolean {
  return (RUN_KEY_COLUMNS as readonly string[]).includes(column);
}

/** Where a row came from, for error messages. */
interface Place {
  file: string;
  line: number;
}

function runKey(cells: Record<string, string>, at: Place): RunKey {
  return {
    run_id: requiredNumber(cells, 'run_id', at),
    condition: cells.condition,
    point_id: requiredNumber(cells, 'point_id', at),
    replicate: requiredNumber(cells, 'replicate', at),
  };
}

function numbers<K extends string>(cells: Record<string, string>, columns: readonly K[], at: Place): Record<K, number | null> {
  const out = {} as Record<K, number | null>;
  for (const column of columns) {
    const text = cells[column];
    if (text === '') {
      out[column] = null;
      continue;
    }
    if (!NUMBER.test(text)) throw notANumber(text, column, at);
    out[column] = Number(text);
  }
  return out;
}

function requiredNumber(cells: Record<string, string>, column: string, at: Place): number {
  const text = cells[column];
  if (!NUMBER.test(text)) throw notANumber(text, column, at);
  return Number(text);
}

function notANumber(text: string, column: string, at: Place): UserInputError {
  return new UserInputError(`expected a number, found "${text}"`, { ...at, key: column });
}

async function readText(dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  return readFile(file, 'utf8').catch(() => {
    throw new UserInputError(`missing ${name}: the results folder is incomplete (was the run interrupted? try --resume)`, { file });
  });
}

async function readJson(dir: string, name: string): Promise<unknown> {
  const text = await readText(dir, name);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserInputError(`not valid JSON (${(e as Error).message})`, { file: path.join(dir, name) });
  }
}

interface Table {
  columns: string[];
  rows: Record<string, string>[];
  at(index: number): Place;
}

async function readCsv(dir: string, name: string, required: readonly string[]): Promise<Table> {
  const text = await readText(dir, name);
  const file = path.join(dir, name);
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let columns: string[] = [];
  try {
    records = parse(text, {
      columns: (header: string[]) => (columns = header),
      info: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new UserInputError(`not a valid CSV file: ${err.message}`, { file, line: err.lines });
  }
  if (columns.length === 0) throw new UserInputError('empty file: expected a header row', { file });
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new UserInputError(`missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} (the header has ${columns.join(', ')})`, { file, line: 1 });
  }
  return {
    columns,
    rows: records.map((r) => r.record),
    at: (index) => ({ file, line: records[index].info.lines }),
  };
}

function checkManifest(value: unknown, file: string): Manifest {
  const problem = (key: string, expected: string) => new UserInputError(`expected ${expected}`, { file, key });
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!obj(value)) throw problem('', 'a JSON object');
  const model = value.model;
  if (!obj(model)) throw problem('model', 'an object with name, tick_metrics and run_metrics');
  if (typeof model.name !== 'string') throw problem('model.name', 'a string');
  for (const key of ['tick_metrics', 'run_metrics']) {
    const list = model[key];
    if (!Array.isArray(list)) throw problem(`model.${key}`, 'a list of metrics');
    list.forEach((m, i) => {
      if (!obj(m) || typeof m.name !== 'string' || typeof m.label !== 'string') {
        throw problem(`model.${key}.${i}`, 'a metric with a name and a label');
      }
    });
  }
  if (!obj(value.scenario) || typeof value.scenario.name !== 'string' || typeof value.scenario.text !== 'string') {
    throw problem('scenario', 'an object with name and text');
  }
  if (typeof value.ticks !== 'number') throw problem('ticks', 'a number');
  if (!Array.isArray(value.conditions) || value.conditions.some((c) => !obj(c) || typeof c.name !== 'string' || !obj(c.params))) {
    throw problem('conditions', 'a list of { name, params }');
  }
  if (!Array.isArray(value.runs)) throw problem('runs', 'a list of runs');
  if (value.sweep !== undefined && (!obj(value.sweep) || !Array.isArray(value.sweep.parameters))) {
    throw problem('sweep', 'an object with a list of parameters');
  }
  if (obj(value.sweep) && value.sweep.kind === 'sobol' && !(Number.isInteger(value.sweep.n) && (value.sweep.n as number) >= 1)) {
    throw problem('sweep.n', 'the sample size of the sobol design (a positive integer)');
  }
  return value as unknown as Manifest;
}
