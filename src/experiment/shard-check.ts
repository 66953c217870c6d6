/**
 * What `merge` checks of each shard before joining any bytes: it is a finished shard
 * whose manifest is one orgsim wrote (fields of the right kinds, the scenario text
 * matching its SHA-256), whose data files are those the manifest records (SHA-256,
 * size, rows) and whose runs.csv holds exactly the runs the manifest lists, all of its
 * shard; and all shards are parts of one experiment (the same manifest apart from the
 * per-shard fields) covering 0..n-1 once each. Every refusal names the shard, the file
 * and what differs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../errors.ts';
import { digestFile } from '../output/file-digest.ts';
import type { WrittenManifest } from '../output/manifest.ts';
import { PARTIAL_DIR, RESULT_FILES } from '../output/results-layout.ts';
import { identityDifferences, identityFromManifest } from './identity.ts';
import { LineReader } from './line-reader.ts';

/** The manifests of the shard folders, checked (see the file header). */
export function readShards(dirs: readonly string[]): WrittenManifest[] {
  const manifests = dirs.map(readShard);
  checkSameExperiment(dirs, manifests);
  return manifests;
}

/** Fields that differ between the shards of one experiment; every other field must be equal. */
const PER_SHARD_FIELDS = new Set(['shard', 'runs', 'outputs', 'started_at', 'finished_at', 'node_version']);

/** The manifest's fields have the kinds orgsim writes (so later checks cannot trip over an edited file). */
function checkShardManifest(dir: string, path: string, m: WrittenManifest): void {
  const wrong = (field: string, expected: string) =>
    new UserInputError(`merge: ${path} is not a manifest orgsim wrote: ${field} should be ${expected}; re-run that shard (orgsim run … --shard i/n --out ${dir} --force).`);
  const whole = (x: unknown, least = 0) => Number.isSafeInteger(x) && (x as number) >= least;
  const shard = m.shard!;
  if (!whole(shard.index) || !whole(shard.count, 1) || shard.index >= shard.count) throw wrong('"shard"', '{ index, count } with 0 <= index < count');
  if (typeof m.scenario !== 'object' || m.scenario === null || typeof m.scenario.text !== 'string' || typeof m.scenario.sha256 !== 'string') throw wrong('"scenario"', 'an object with text and sha256');
  if (createHash('sha256').update(m.scenario.text, 'utf8').digest('hex') !== m.scenario.sha256) throw wrong('"scenario.text"', 'the text whose SHA-256 is "scenario.sha256" (the text was edited)');
  if (typeof m.model !== 'object' || m.model === null || typeof m.model.name !== 'string') throw wrong('"model"', 'an object with a name');
  for (const key of ['master_seed', 'ticks', 'replicates'] as const) if (!whole(m[key])) throw wrong(`"${key}"`, 'a whole number');
  if (!Array.isArray(m.conditions) || m.conditions.length === 0) throw wrong('"conditions"', 'a list of the conditions');
  if (typeof m.timeseries !== 'string') throw wrong('"timeseries"', 'all, none or every=k');
  if (!Array.isArray(m.runs) || m.runs.some((r) => !whole(r?.run_id, 1))) throw wrong('"runs"', 'a list of runs with whole run_id');
  if (typeof m.outputs !== 'object' || m.outputs === null) throw wrong('"outputs"', 'the data files with their SHA-256, bytes and rows (an older orgsim did not record them)');
  for (const [name, f] of Object.entries(m.outputs)) {
    if (typeof f?.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256) || !whole(f.bytes) || !whole(f.rows)) throw wrong(`"outputs.${name}"`, '{ sha256, bytes, rows }');
  }
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
  if (typeof manifest !== 'object' || manifest === null || !manifest.shard) {
    throw new UserInputError(`merge: ${dir} is not a shard (its manifest has no "shard"); merge joins folders written with --shard i/n.`);
  }
  checkShardManifest(dir, path, manifest);
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
  // the run ids in the data, in order, must be the manifest's
  const reader = new LineReader(join(dir, RESULT_FILES.runs));
  try {
    reader.next();
    let row = 0;
    for (const line of reader) {
      const id = Number(line.slice(0, line.indexOf(',')));
      const listed = manifest.runs[row++]?.run_id;
      if (id !== listed) throw new UserInputError(`merge: ${dir}/runs.csv row ${row} is run ${id} where its manifest lists run ${listed ?? '(none)'}; ${rerun}.`);
    }
    if (row !== manifest.runs.length) throw new UserInputError(`merge: ${dir}/runs.csv holds ${row} runs where its manifest lists ${manifest.runs.length}; ${rerun}.`);
  } finally {
    reader.close();
  }
}

function checkSameExperiment(dirs: readonly string[], manifests: WrittenManifest[]): void {
  const first = identityFromManifest(manifests[0]);
  const count = manifests[0].shard!.count;
  const owner = new Map<number, string>();
  const shared = sharedFields(manifests[0]);
  manifests.forEach((m, i) => {
    const differences = identityDifferences(first, identityFromManifest(m), ['shard']);
    const fields = sharedFields(m);
    for (const key of [...new Set([...Object.keys(shared), ...Object.keys(fields)])].sort()) {
      if (differences.length === 0 && shared[key] !== fields[key]) differences.push(`"${key}" differs`);
    }
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

/** Everything but the per-shard fields, as JSON, for comparing shards field by field. */
function sharedFields(m: WrittenManifest): Record<string, string> {
  return Object.fromEntries(Object.entries(m).filter(([k]) => !PER_SHARD_FIELDS.has(k)).map(([k, v]) => [k, JSON.stringify(v)]));
}
