/**
 * What makes two result folders parts of the same experiment: orgsim's version,
 * the scenario file's hash, the overrides, the run selection and the timeseries
 * option. `--resume` continues only a folder of the same experiment, and `merge`
 * joins only shards of the same experiment.
 */
import type { Manifest } from '../output/manifest.ts';
import { ORGSIM_VERSION } from '../output/version.ts';
import type { Scenario, ScenarioOverrides } from '../scenario/index.ts';
import type { OnlyRuns, Shard } from './selection.ts';
import { timeseriesLabel, type TimeseriesOption } from './timeseries-option.ts';

export interface ExperimentIdentity {
  orgsim_version: string;
  scenario_sha256: string;
  overrides: ScenarioOverrides;
  only: OnlyRuns | null;
  shard: Shard | null;
  timeseries: string;
}

export function identityOf(
  scenario: Pick<Scenario, 'sha256' | 'overrides'>,
  options: { only?: OnlyRuns; shard?: Shard; timeseries?: TimeseriesOption },
): ExperimentIdentity {
  return {
    orgsim_version: ORGSIM_VERSION,
    scenario_sha256: scenario.sha256,
    overrides: scenario.overrides,
    only: canonicalOnly(options.only),
    shard: options.shard ? { index: options.shard.index, count: options.shard.count } : null,
    timeseries: timeseriesLabel(options.timeseries),
  };
}

export function identityFromManifest(m: Manifest): ExperimentIdentity {
  return {
    orgsim_version: m.orgsim_version,
    scenario_sha256: m.scenario.sha256,
    overrides: m.overrides ?? {},
    only: m.only ?? null,
    shard: m.shard ?? null,
    timeseries: m.timeseries ?? 'all',
  };
}

const LABELS: Record<keyof ExperimentIdentity, string> = {
  orgsim_version: 'orgsim version',
  scenario_sha256: 'scenario file (sha256)',
  overrides: 'overrides (--seed, --ticks, --replicates, --set)',
  only: '--only',
  shard: '--shard',
  timeseries: '--timeseries',
};

/** How b differs from a, one phrase per field, e.g. `orgsim version: 0.1.0 vs 0.2.0`. */
export function identityDifferences(a: ExperimentIdentity, b: ExperimentIdentity, ignore: readonly (keyof ExperimentIdentity)[] = []): string[] {
  const out: string[] = [];
  for (const key of Object.keys(LABELS) as (keyof ExperimentIdentity)[]) {
    if (ignore.includes(key)) continue;
    const [x, y] = [JSON.stringify(a[key]), JSON.stringify(b[key])];
    if (x !== y) out.push(`${LABELS[key]}: ${shorten(x)} vs ${shorten(y)}`);
  }
  return out;
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
