/** manifest.json: what produced a results folder, enough to reproduce it. */
import type { MetricSpec } from '../model/plugin.ts';
import type { Params } from '../model/params.ts';
import { FLOAT_DIGITS } from './format.ts';

export interface ManifestRun {
  run_id: number;
  condition: string;
  replicate: number;
  seed: number;
}

export interface Manifest {
  orgsim_version: string;
  model: { name: string; tick_metrics: MetricSpec[]; run_metrics: MetricSpec[] };
  scenario: { name: string; description: string; file: string; sha256: string; text: string };
  master_seed: number;
  ticks: number;
  replicates: number;
  conditions: { name: string; params: Params }[];
  runs: ManifestRun[];
  failed_runs: number;
  started_at: string;
  finished_at: string;
  node_version: string;
  float_digits: number;
  /** How each run's seeds are derived, for anyone re-implementing it. */
  seeding: string;
}

export const SEEDING_NOTE =
  'seed = deriveSeed(master_seed, "behaviour", condition, point, replicate); people, landscape and structure streams use deriveSeed(master_seed, "people" | "landscape" | "structure", replicate); deriveSeed = FNV-1a 32 + murmur3 fmix32 over the parts joined by U+241F; generator seedrandom xor4096 seeded with the decimal seed';

export { FLOAT_DIGITS };
