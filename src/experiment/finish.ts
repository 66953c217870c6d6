/**
 * Completing a results folder once every selected run is in the working copies of the
 * per-run files (runs.csv, timeseries.csv, agents.csv and networks/: the progress
 * store's, or merge's): write summary.csv (and sensitivity.csv) from runs.csv, then
 * manifest.json, whose run list is read back from runs.csv and which records every
 * data file's SHA-256, size and rows, then move the per-run files into place and
 * remove the working folder. Until the moves, the working folder is intact, so an
 * experiment killed while finishing is finished by `--resume`.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { digestFile } from '../output/file-digest.ts';
import { writeManifest, type ManifestRun, type OutputFile, type StreamedManifest } from '../output/manifest.ts';
import { NETWORKS_FOLDER, RESULT_FILES } from '../output/results-layout.ts';
import { LineReader } from './line-reader.ts';
import { completeSobolDesign } from './sobol-design.ts';
import { writeSummaries, type RunCounts } from './summaries.ts';

export interface Unfinished {
  /** Where each per-run CSV is, by its name in the results folder (runs.csv and timeseries.csv always; agents.csv with --agents). */
  csvs: Readonly<Record<string, string>>;
  /** The folder of GraphML files, when networks were recorded. */
  networksDir?: string;
  /** Folder to remove at the end. */
  workDir: string;
}

/** `manifest.runs`, `failed_runs` and `outputs` are filled in here (keep them as placeholders where they should appear). */
export function finishResults(outDir: string, manifest: StreamedManifest, from: Unfinished): RunCounts {
  const sobol = completeSobolDesign(manifest);
  const runsPath = from.csvs[RESULT_FILES.runs];
  const counts = writeSummaries(runsPath, outDir, {
    runMetrics: manifest.model.run_metrics.map((m) => m.name),
    masterSeed: manifest.master_seed,
    sobol,
  });
  if (!sobol) rmSync(join(outDir, RESULT_FILES.sensitivity), { force: true });
  const networks = networkFiles(from.networksDir);
  const outputs: Record<string, OutputFile> = {
    ...Object.fromEntries(Object.entries(from.csvs).map(([name, path]) => [name, digestFile(path)])),
    [RESULT_FILES.summary]: digestFile(join(outDir, RESULT_FILES.summary)),
    ...(sobol ? { [RESULT_FILES.sensitivity]: digestFile(join(outDir, RESULT_FILES.sensitivity)) } : {}),
    ...Object.fromEntries(networks.map((name) => [`${NETWORKS_FOLDER}/${name}`, digestFile(join(from.networksDir!, name))])),
  };
  writeManifest(join(outDir, RESULT_FILES.manifest), { ...manifest, runs: runsOf(runsPath), failed_runs: counts.failed, outputs });
  for (const [name, path] of Object.entries(from.csvs)) renameSync(path, join(outDir, name));
  if (from.networksDir !== undefined) {
    rmSync(join(outDir, NETWORKS_FOLDER), { recursive: true, force: true });
    if (existsSync(from.networksDir)) renameSync(from.networksDir, join(outDir, NETWORKS_FOLDER));
  }
  rmSync(from.workDir, { recursive: true, force: true });
  return counts;
}

/** The GraphML files in `dir`, by run then tick (names are run<id>_tick<t>.graphml). */
function networkFiles(dir: string | undefined): string[] {
  if (dir === undefined || !existsSync(dir)) return [];
  const key = (name: string) => name.match(/\d+/g)!.map(Number);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphml'))
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] - y[0] || x[1] - y[1];
    });
}

/** The run list of the manifest, from the first five columns of runs.csv (numbers and condition names: never quoted). */
function* runsOf(runsPath: string): Generator<ManifestRun> {
  const reader = new LineReader(runsPath);
  try {
    reader.next();
    for (const line of reader) {
      const [runId, condition, pointId, replicate, seed] = line.split(',', 5);
      yield { run_id: Number(runId), condition, point_id: Number(pointId), replicate: Number(replicate), seed: Number(seed) };
    }
  } finally {
    reader.close();
  }
}
