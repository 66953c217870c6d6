/**
 * `orgsim merge`: joins the folders of `--shard i/n` runs into one results folder,
 * the same bytes as the experiment run on one machine. Rows are interleaved by
 * run_id, a file at a time, never held in memory; the summaries are then computed
 * from the merged runs.csv as a one-machine run computes them. Shards must come from
 * the same experiment (orgsim version, scenario and input files, overrides,
 * selection, timeseries option), be finished, hold the files their manifests record
 * (SHA-256, size, rows, run ids), and cover 0..n-1 once each.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserInputError } from '../errors.ts';
import { digestFile } from '../output/file-digest.ts';
import type { WrittenManifest } from '../output/manifest.ts';
import { claimOutputFolder } from '../output/out-folder.ts';
import { PARTIAL_DIR, RESULT_FILES } from '../output/results-layout.ts';
import { finishResults } from './finish.ts';
import { identityDifferences, identityFromManifest } from './identity.ts';
import { LineReader } from './line-reader.ts';

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
  const manifests = dirs.map(readShard);
  checkSameExperiment(dirs, manifests);
  if (dirs.some((d) => resolve(d) === resolve(outDir))) {
    throw new UserInputError(`merge: --out ${outDir} is one of the shard folders; write the merged results to a new folder.`);
  }

  const claim = claimOutputFolder(outDir, options.force ? 'force' : 'new');
  try {
    return mergeInto(dirs, manifests, outDir);
  } finally {
    claim.release();
  }
}

function mergeInto(dirs: readonly string[], manifests: WrittenManifest[], outDir: string): MergeResult {
  const workDir = join(outDir, PARTIAL_DIR);
  mkdirSync(workDir, { recursive: true });
  const runs = join(workDir, RESULT_FILES.runs);
  const series = join(workDir, RESULT_FILES.timeseries);
  interleave(dirs.map((d) => join(d, RESULT_FILES.runs)), runs);
  interleave(dirs.map((d) => join(d, RESULT_FILES.timeseries)), series);

  const { shard: _, ...first } = manifests[0];
  const times = (key: 'started_at' | 'finished_at') => manifests.map((m) => m[key]).sort();
  const counts = finishResults(outDir, { ...first, started_at: times('started_at')[0], finished_at: times('finished_at').at(-1)! }, { runs, series, workDir });
  return { outDir, shards: dirs.length, ...counts };
}

function readShard(dir: string): WrittenManifest {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserInputError(`merge: ${dir} is not a folder.`);
  if (existsSync(join(dir, PARTIAL_DIR))) {
    throw new UserInputError(`merge: ${dir} is an unfinished shard; finish it first (run the same command again with --resume).`);
  }
  const path = join(dir, RESULT_FILES.manifest);
  if (!existsSync(path)) throw new UserInputError(`merge: ${dir} has no ${RESULT_FILES.manifest}; is it a results folder?`);
  let manifest: WrittenManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as WrittenManifest;
  } catch (e) {
    throw new UserInputError(`merge: ${path} is not valid JSON (${(e as Error).message}).`);
  }
  if (!manifest.shard) throw new UserInputError(`merge: ${dir} is not a shard (its manifest has no "shard"); merge joins folders written with --shard i/n.`);
  verifyShardFiles(dir, manifest);
  return manifest;
}

/**
 * A shard's data files must be the ones its manifest records (SHA-256, size, rows)
 * and its runs those of its shard: a file changed, cut or removed after the run is
 * refused, naming the shard, the file and what differs.
 */
function verifyShardFiles(dir: string, manifest: WrittenManifest): void {
  const rerun = `re-run that shard (orgsim run … --shard ${manifest.shard!.index}/${manifest.shard!.count} --out ${dir} --force)`;
  if (!manifest.outputs || !Array.isArray(manifest.runs)) throw new UserInputError(`merge: ${dir}/manifest.json records no file hashes or run list (written by an older orgsim, or edited); ${rerun}.`);
  for (const name of [RESULT_FILES.runs, RESULT_FILES.timeseries]) {
    if (!manifest.outputs[name]) throw new UserInputError(`merge: ${dir}/manifest.json records no hash of ${name}; ${rerun}.`);
  }
  for (const [name, recorded] of Object.entries(manifest.outputs)) {
    const path = join(dir, name);
    if (!existsSync(path)) throw new UserInputError(`merge: ${path} is missing (the shard's manifest records ${recorded.rows} rows); ${rerun}.`);
    const found = digestFile(path);
    const differences = [
      found.bytes !== recorded.bytes ? `${found.bytes} bytes where the manifest records ${recorded.bytes}` : '',
      found.rows !== recorded.rows ? `${found.rows} rows where it records ${recorded.rows}` : '',
      found.sha256 !== recorded.sha256 ? `SHA-256 ${found.sha256.slice(0, 12)}… where it records ${recorded.sha256.slice(0, 12)}…` : '',
    ].filter((d) => d !== '');
    if (differences.length > 0) {
      throw new UserInputError(`merge: ${path} is not the file its run wrote (${differences.join(', ')}); it was changed or cut afterwards: ${rerun}.`);
    }
  }
  const { index, count } = manifest.shard!;
  const stray = manifest.runs.find((r) => r.run_id % count !== index);
  if (stray) throw new UserInputError(`merge: ${dir}/manifest.json lists run ${stray.run_id}, which is not in shard ${index}/${count}; ${rerun}.`);
  if (manifest.runs.length !== manifest.outputs[RESULT_FILES.runs].rows) {
    throw new UserInputError(`merge: ${dir}/manifest.json lists ${manifest.runs.length} runs but records ${manifest.outputs[RESULT_FILES.runs].rows} rows of runs.csv; ${rerun}.`);
  }
}

function checkSameExperiment(dirs: readonly string[], manifests: WrittenManifest[]): void {
  const first = identityFromManifest(manifests[0]);
  const count = manifests[0].shard!.count;
  const owner = new Map<number, string>();
  manifests.forEach((m, i) => {
    const differences = identityDifferences(first, identityFromManifest(m), ['shard']);
    if (differences.length > 0) {
      throw new UserInputError(`merge: ${dirs[0]} and ${dirs[i]} are shards of different experiments (${differences.join('; ')}).`);
    }
    const { index, count: n } = m.shard!;
    if (n !== count) throw new UserInputError(`merge: ${dirs[0]} is a shard of ${count} and ${dirs[i]} a shard of ${n}; all shards must split the design the same way.`);
    if (owner.has(index)) throw new UserInputError(`merge: shard ${index}/${count} is given twice (${owner.get(index)} and ${dirs[i]}).`);
    owner.set(index, dirs[i]);
  });
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !owner.has(i));
  if (missing.length > 0) {
    throw new UserInputError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing; give all ${count} shard folders.`);
  }
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
