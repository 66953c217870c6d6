/**
 * `orgsim merge`: joins the folders of `--shard i/n` runs into one results folder,
 * the same bytes as the experiment run on one machine. Rows are interleaved by
 * run_id, a file at a time, never held in memory; the summaries are then computed
 * from the merged runs.csv as a one-machine run computes them. Shards must come from
 * the same experiment (orgsim version, scenario and input files, overrides,
 * selection, timeseries option), be finished, hold the files their manifests record
 * (SHA-256, size, rows, run ids), and cover 0..n-1 once each (see shard-check.ts).
 */
import { closeSync, copyFileSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserInputError } from '../errors.ts';
import type { WrittenManifest } from '../output/manifest.ts';
import { claimOutputFolder } from '../output/out-folder.ts';
import { NETWORKS_FOLDER, PARTIAL_DIR, RESULT_FILES } from '../output/results-layout.ts';
import { finishResults } from './finish.ts';
import { LineReader } from './line-reader.ts';
import { readShards } from './shard-check.ts';

export interface MergeResult {
  outDir: string;
  shards: number;
  runs: number;
  failed: number;
}

const FLUSH_BYTES = 1 << 20;

/** `force` replaces results already in `outDir` (without it, such a folder is refused). */
export function mergeShards(dirs: readonly string[], outDir: string, options: { force?: boolean } = {}): MergeResult {
  if (dirs.length === 0) throw new UserInputError('merge: name the shard folders to merge.');
  const manifests = readShards(dirs);
  if (dirs.some((d) => resolve(d) === resolve(outDir))) {
    throw new UserInputError(`merge: --out ${outDir} is one of the shard folders; write the merged results to a new folder.`);
  }

  const claim = claimOutputFolder(outDir, options.force ? 'force' : 'new', '--out', false);
  try {
    return mergeInto(dirs, manifests, outDir);
  } finally {
    claim.release();
  }
}

function mergeInto(dirs: readonly string[], manifests: WrittenManifest[], outDir: string): MergeResult {
  const workDir = join(outDir, PARTIAL_DIR);
  mkdirSync(workDir, { recursive: true });
  const names = [RESULT_FILES.runs, RESULT_FILES.timeseries, ...(manifests[0].outputs[RESULT_FILES.agents] ? [RESULT_FILES.agents] : [])];
  const csvs = Object.fromEntries(names.map((name) => [name, join(workDir, name)]));
  for (const name of names) interleave(dirs.map((d) => join(d, name)), csvs[name]);
  const networksDir = manifests[0].networks && manifests[0].networks !== 'none' ? join(workDir, NETWORKS_FOLDER) : undefined;
  if (networksDir !== undefined) copyNetworks(dirs, manifests, networksDir);

  const { shard: _, ...first } = manifests[0];
  const times = (key: 'started_at' | 'finished_at') => manifests.map((m) => m[key]).sort();
  const counts = finishResults(outDir, { ...first, started_at: times('started_at')[0], finished_at: times('finished_at').at(-1)! }, { csvs, networksDir, workDir });
  return { outDir, shards: dirs.length, ...counts };
}

/**
 * Copies the GraphML files each shard's manifest records (checked against their hashes
 * by shard-check.ts) into one folder. Each must belong to a run of its shard, and no two
 * shards may record the same file; other files in a shard's networks/ are not results
 * and are left behind.
 */
function copyNetworks(dirs: readonly string[], manifests: readonly WrittenManifest[], into: string): void {
  mkdirSync(into, { recursive: true });
  const from = new Map<string, string>();
  dirs.forEach((dir, i) => {
    const runs = new Set(manifests[i].runs.map((r) => r.run_id));
    for (const name of Object.keys(manifests[i].outputs)) {
      if (!name.startsWith(`${NETWORKS_FOLDER}/`)) continue;
      const runId = Number(/^networks\/run(\d+)_tick\d+\.graphml$/.exec(name)?.[1]);
      if (!runs.has(runId)) throw new UserInputError(`merge: ${dir}/manifest.json records ${name}, which is not a file of a run of that shard; re-run the shard.`);
      if (from.has(name)) throw new UserInputError(`merge: ${name} is recorded by both ${from.get(name)} and ${dir}; these are not shards of one experiment.`);
      from.set(name, dir);
      copyFileSync(join(dir, name), join(into, name.slice(NETWORKS_FOLDER.length + 1)));
    }
  });
}

/** Writes the files' rows interleaved by run_id (the first column), under the first file's header. */
function interleave(files: readonly string[], outPath: string): void {
  const readers = files.map((f) => new LineReader(f));
  const fd = openSync(outPath, 'w');
  try {
    const headers = readers.map((r) => r.next());
    headers.forEach((h, i) => {
      if (h !== headers[0]) throw new UserInputError(`merge: ${files[i]} has other columns than ${files[0]}.`);
    });
    let pending = headers[0] ?? '';
    const heads = readers.map((r) => r.next());
    const idOf = (line: string) => Number(line.slice(0, line.indexOf(',')));
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        if (heads[i] !== undefined && (best < 0 || idOf(heads[i]!) < idOf(heads[best]!))) best = i;
      }
      if (best < 0) break;
      const id = idOf(heads[best]!);
      while (heads[best] !== undefined && idOf(heads[best]!) === id) {
        pending += heads[best];
        heads[best] = readers[best].next();
      }
      if (pending.length >= FLUSH_BYTES) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    writeSync(fd, pending);
  } finally {
    closeSync(fd);
    for (const r of readers) r.close();
  }
}
