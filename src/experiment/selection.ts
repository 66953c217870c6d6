/**
 * Running part of a design: `--only` (re-run a subset: by run_id, point_id,
 * replicate or condition) and `--shard i/n` (the runs whose run_id mod n is i, for
 * spreading a design over machines). A selected run is the same run as in the
 * whole design: same id, seed and parameters, so its rows are the same bytes.
 */
import { UserInputError } from '../errors.ts';
import { didYouMean } from '../scenario/index.ts';
import type { ExperimentPlan } from './plan.ts';

/** Runs to keep: each given key must match (a run matches a key when its value is among the key's values). */
export interface OnlyRuns {
  run_id?: number[];
  point_id?: number[];
  replicate?: number[];
  condition?: string[];
}

export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
}

const NUMBER_KEYS = ['run_id', 'point_id', 'replicate'] as const;
const ONLY_KEYS = [...NUMBER_KEYS, 'condition'] as const;

/** Parses `--only` flags: `run_id=3`, `point_id=1,4-6`, `condition=network,hybrid`. */
export function parseOnly(flags: readonly string[]): OnlyRuns {
  const only: OnlyRuns = {};
  for (const flag of flags) {
    const [key, text] = flag.split(/=(.*)/s, 2).map((s) => s.trim());
    const bad = (why: string): never => {
      throw new UserInputError(`--only ${flag}: ${why}`);
    };
    if (!(ONLY_KEYS as readonly string[]).includes(key)) {
      bad(`expected key=values with key ${ONLY_KEYS.join(', ')} (e.g. --only run_id=3,7-9).${didYouMean(key, ONLY_KEYS)}`);
    }
    if (!text) bad('the values after "=" are missing.');
    const items = text.split(',').map((s) => s.trim());
    if (key === 'condition') {
      only.condition = [...(only.condition ?? []), ...items];
      continue;
    }
    const numbers: number[] = [];
    for (const item of items) {
      const m = /^(\d+)(?:-(\d+))?$/.exec(item);
      if (!m) return bad(`"${item}" is not a whole number or a range like 4-6.`);
      const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
      if (to < from) bad(`the range ${item} goes backwards.`);
      if (to - from > 10_000_000) bad(`the range ${item} is too long.`);
      for (let v = from; v <= to; v++) numbers.push(v);
    }
    const k = key as (typeof NUMBER_KEYS)[number];
    only[k] = [...(only[k] ?? []), ...numbers];
  }
  return only;
}

/** Parses `--shard i/n` (0 <= i < n). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UserInputError(`--shard ${text}: expected i/n, e.g. --shard 0/4 for the first of four shards.`);
  const shard = { index: Number(m[1]), count: Number(m[2]) };
  checkShard(shard);
  return shard;
}

function checkShard({ index, count }: Shard): void {
  if (!Number.isSafeInteger(count) || count < 1) throw new UserInputError(`--shard ${index}/${count}: the number of shards must be at least 1.`);
  if (!Number.isSafeInteger(index) || index < 0 || index >= count) {
    throw new UserInputError(`--shard ${index}/${count}: the shard index must be 0 to ${count - 1} (shards are numbered from 0, as Slurm array task ids are).`);
  }
}

export interface Selection {
  /** Runs selected. */
  readonly count: number;
  /** Their run ids, ascending. */
  ids(): Generator<number>;
}

/** The selected runs of a plan; a value that names no run of the design is a `UserInputError`. */
export function selectRuns(plan: ExperimentPlan, only: OnlyRuns = {}, shard?: Shard): Selection {
  if (shard) checkShard(shard);
  const names = plan.scenario.conditions.map((c) => c.name);
  const limits = { run_id: plan.size, point_id: plan.scenario.points.size, replicate: plan.scenario.replicates };
  for (const key of NUMBER_KEYS) {
    for (const v of only[key] ?? []) {
      if (v < 1 || v > limits[key]) throw new UserInputError(`--only ${key}=${v}: this design's ${key} goes from 1 to ${limits[key]}.`);
    }
  }
  for (const c of only.condition ?? []) {
    if (!names.includes(c)) throw new UserInputError(`--only condition=${c}: no such condition.${didYouMean(c, names)} Conditions: ${names.join(', ')}.`);
  }
  const sets = {
    run_id: only.run_id && new Set(only.run_id),
    point_id: only.point_id && new Set(only.point_id),
    replicate: only.replicate && new Set(only.replicate),
    condition: only.condition && new Set(only.condition.map((c) => names.indexOf(c))),
  };
  const keep = (id: number): boolean => {
    if (shard && id % shard.count !== shard.index) return false;
    if (sets.run_id && !sets.run_id.has(id)) return false;
    const at = plan.place(id);
    if (sets.point_id && !sets.point_id.has(at.point + 1)) return false;
    if (sets.replicate && !sets.replicate.has(at.replicate)) return false;
    return !sets.condition || sets.condition.has(at.condition);
  };
  function* ids(): Generator<number> {
    for (let id = 1; id <= plan.size; id++) if (keep(id)) yield id;
  }
  let count = 0;
  for (const _ of ids()) count++;
  if (count === 0) throw new UserInputError('--only/--shard: the selection names no run of this design.');
  return { count, ids };
}
