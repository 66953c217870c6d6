/** manifest.json: what produced a results folder, enough to reproduce it. */
import type { MetricSpec, RelationSpec } from '../model/plugin.ts';
import type { Params, ParamValue } from '../model/params.ts';
import { AtomicAppender } from './atomic.ts';

export interface ManifestRun {
  run_id: number;
  condition: string;
  point_id: number;
  replicate: number;
  seed: number;
}

export interface InputFile {
  /** As written in the scenario (relative to the scenario file's folder). */
  path: string;
  sha256: string;
  bytes: number;
}

export interface OutputFile {
  sha256: string;
  bytes: number;
  rows: number;
}

export interface ManifestPoint {
  point_id: number;
  /** The swept values as written in the scenario (a formula stays text). */
  values: Record<string, ParamValue>;
}

export interface Manifest {
  orgsim_version: string;
  model: { name: string; tick_metrics: MetricSpec[]; run_metrics: MetricSpec[]; agent_variables?: MetricSpec[]; relations?: RelationSpec[] };
  scenario: { name: string; description: string; file: string; sha256: string; text: string };
  /** Every other file the runs read (edge lists, org charts), with its SHA-256. */
  input_files: InputFile[];
  /** --seed, --ticks, --replicates and --set given on top of the file. */
  overrides: { seed?: number; ticks?: number; replicates?: number; set?: Record<string, ParamValue> };
  master_seed: number;
  /** The cap on ticks per run (see `stop_when` and runs.csv's ticks_run). */
  ticks: number;
  /** The scenario's `stop_when:` formula of the tick metrics, if any. */
  stop_when?: string;
  replicates: number;
  /** Each condition's parameters (in a sweep, at the first point; runs.csv has every run's). */
  conditions: { name: string; params: Params }[];
  /** Set when only part of the design ran (`--only`, `--shard`). */
  only?: { run_id?: number[]; point_id?: number[]; replicate?: number[]; condition?: string[] };
  shard?: { index: number; count: number };
  /** Which ticks timeseries.csv holds: all, every=k or none. */
  timeseries: string;
  /** Which ticks agents.csv holds: none (no agents.csv), end or every=k. */
  agents?: string;
  /** Which ticks networks/ holds GraphML files for: none, end or every=k. */
  networks?: string;
  runs: ManifestRun[];
  failed_runs: number;
  /** The data files written (runs.csv, timeseries.csv, agents.csv, summary.csv, sensitivity.csv, networks/…), each with its SHA-256, size and rows below the header, for `merge` to check. */
  outputs: Record<string, OutputFile>;
  started_at: string;
  finished_at: string;
  node_version: string;
  float_digits: number;
  /** How each run's seeds are derived, for anyone re-implementing it. */
  seeding: string;
}

/**
 * The sweep's design, absent without a sweep (kept apart from `Manifest` so that
 * readers may type these fields more loosely). `n` is the sample size of lhs and
 * sobol designs.
 */
export interface ManifestDesign {
  sweep?: { kind: 'grid' | 'lhs' | 'sobol'; parameters: string[]; n?: number };
  points?: ManifestPoint[];
}

/** Everything manifest.json holds. */
export type WrittenManifest = Manifest & ManifestDesign;

/** A manifest whose long lists come from iterables (e.g. read from runs.csv), never held in memory at once. */
export type StreamedManifest = Omit<WrittenManifest, 'runs' | 'points'> & { runs: Iterable<ManifestRun>; points?: Iterable<ManifestPoint> };

const MARK = '\u0000list\u0000';

/**
 * Writes manifest.json atomically, indented by two spaces, with one entry of
 * `runs` and `points` per line.
 */
export function writeManifest(path: string, manifest: StreamedManifest): void {
  const lists: Iterable<object>[] = [];
  const skeleton = JSON.stringify(
    manifest,
    function (this: unknown, key, value) {
      if (this === manifest && (key === 'runs' || key === 'points') && value !== undefined) {
        lists.push(value as Iterable<object>);
        return MARK;
      }
      return value;
    },
    2,
  );
  const pieces = skeleton.split(JSON.stringify(MARK));
  const out = new AtomicAppender(path);
  try {
    pieces.forEach((piece, i) => {
      out.append(piece);
      if (i < lists.length) writeList(out, lists[i]);
    });
    out.append('\n');
  } catch (e) {
    out.abandon();
    throw e;
  }
  out.commit();
}

function writeList(out: AtomicAppender, items: Iterable<object>): void {
  let first = true;
  for (const item of items) {
    out.append(`${first ? '[\n' : ',\n'}    ${JSON.stringify(item)}`);
    first = false;
  }
  out.append(first ? '[]' : '\n  ]');
}

export const SEEDING_NOTE =
  'seed = deriveSeed(master_seed, "behaviour", condition, point, replicate), point = the swept values as JSON with names sorted ("" without a sweep); people, landscape and structure streams use deriveSeed(master_seed, "people" | "landscape" | "structure", replicate); keyed decision draws (counter-based, keyed by purpose, person, tick and k) use deriveSeed(master_seed, "decisions", replicate); deriveSeed = FNV-1a 32 + murmur3 fmix32 over the parts joined by U+241F; sequential generator seedrandom xor4096 seeded with the decimal seed';

