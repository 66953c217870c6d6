/**
 * What makes two result folders parts of the same experiment: orgsim's version,
 * the scenario file's hash, the input files' hashes, the overrides, the run
 * selection and what is recorded (timeseries, agents, networks). `--resume` continues only a folder of the same experiment, and `merge`
 * joins only shards of the same experiment.
 */
import type { InputFile, Manifest } from '../output/manifest.ts';
import { ORGSIM_VERSION } from '../output/version.ts';
import type { Scenario, ScenarioOverrides } from '../scenario/index.ts';
import { inputFiles } from './input-files.ts';
import type { OnlyRuns, Shard } from './selection.ts';
import { timeseriesLabel, type TimeseriesOption } from './timeseries-option.ts';
import { snapshotLabel, type SnapshotOption } from './snapshot-option.ts';

export interface ExperimentIdentity {
  orgsim_version: string;
  scenario_sha256: string;
  input_files: InputFile[];
  overrides: ScenarioOverrides;
  only: OnlyRuns | null;
  shard: Shard | null;
  timeseries: string;
  agents: string;
  networks: string;
}

/** The identity of running `scenario` with `options`; reads and hashes the input files. */
export function identityOf(scenario: Scenario, options: { only?: OnlyRuns; shard?: Shard; timeseries?: TimeseriesOption; agents?: SnapshotOption; networks?: SnapshotOption }): ExperimentIdentity {
  return {
    orgsim_version: ORGSIM_VERSION,
    scenario_sha256: scenario.sha256,
    input_files: inputFiles(scenario),
    overrides: scenario.overrides,
    only: canonicalOnly(options.only),
    shard: options.shard ? { index: options.shard.index, count: options.shard.count } : null,
    timeseries: timeseriesLabel(options.timeseries),
    agents: snapshotLabel(options.agents),
    networks: snapshotLabel(options.networks),
  };
}

export function identityFromManifest(m: Manifest): ExperimentIdentity {
  return {
    orgsim_version: m.orgsim_version,
    scenario_sha256: m.scenario.sha256,
    input_files: m.input_files ?? [],
    overrides: m.overrides ?? {},
    only: m.only ?? null,
    shard: m.shard ?? null,
    timeseries: m.timeseries ?? 'all',
    agents: m.agents ?? 'none',
    networks: m.networks ?? 'none',
  };
}

const LABELS: Record<keyof ExperimentIdentity, string> = {
  orgsim_version: 'orgsim version',
  scenario_sha256: 'scenario file (sha256)',
  input_files: 'input files',
  overrides: 'overrides (--seed, --ticks, --replicates, --set)',
  only: '--only',
  shard: '--shard',
  timeseries: '--timeseries',
  agents: '--agents',
  networks: '--networks',
};

/** How b differs from a, one phrase per field, e.g. `orgsim version: 0.1.0 vs 0.2.0`. */
export function identityDifferences(a: ExperimentIdentity, b: ExperimentIdentity, ignore: readonly (keyof ExperimentIdentity)[] = []): string[] {
  const out: string[] = [];
  for (const key of Object.keys(LABELS) as (keyof ExperimentIdentity)[]) {
    if (ignore.includes(key)) continue;
    if (key === 'input_files') {
      out.push(...inputDifferences(a.input_files, b.input_files));
      continue;
    }
    const [x, y] = [JSON.stringify(a[key]), JSON.stringify(b[key])];
    if (x !== y) out.push(`${LABELS[key]}: ${shorten(x)} vs ${shorten(y)}`);
  }
  return out;
}

/** One phrase per input file that differs, e.g. `input file ties.csv: sha256 3f2a9c1e… vs 77b0d4aa…`. */
function inputDifferences(a: readonly InputFile[], b: readonly InputFile[]): string[] {
  const hashes = (files: readonly InputFile[]) => new Map(files.map((f) => [f.path, f.sha256]));
  const [x, y] = [hashes(a), hashes(b)];
  const paths = [...new Set([...x.keys(), ...y.keys()])].sort();
  const short = (h: string | undefined) => (h === undefined ? 'not used' : `sha256 ${h.slice(0, 8)}…`);
  return paths.filter((p) => x.get(p) !== y.get(p)).map((p) => `input file ${p}: ${short(x.get(p))} vs ${short(y.get(p))}`);
}

function shorten(json: string): string {
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function canonicalOnly(only: OnlyRuns | undefined): OnlyRuns | null {
  if (!only) return null;
  const out: OnlyRuns = {};
  for (const key of ['run_id', 'point_id', 'replicate'] as const) {
    if (only[key]?.length) out[key] = [...new Set(only[key])].sort((x, y) => x - y);
  }
  if (only.condition?.length) out.condition = [...new Set(only.condition)].sort();
  return Object.keys(out).length > 0 ? out : null;
}
