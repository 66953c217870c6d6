/**
 * Completing a results folder once every selected run is in the working copies of
 * runs.csv and timeseries.csv (the progress store's, or merge's): write summary.csv
 * (and sensitivity.csv) from runs.csv, then manifest.json, whose run list is read
 * back from runs.csv and which records every data file's SHA-256, size and rows, then move the two CSVs into place and remove the working
 * folder. Until the moves, the working folder is intact, so an experiment killed
 * while finishing is finished by `--resume`.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { digestFile } from '../output/file-digest.ts';
import { writeManifest, type ManifestRun, type OutputFile, type StreamedManifest } from '../output/manifest.ts';
import { RESULT_FILES } from '../output/results-layout.ts';
import { LineReader } from './line-reader.ts';
import { completeSobolDesign } from './sobol-design.ts';
import { writeSummaries, type RunCounts } from './summaries.ts';

export interface Unfinished {
  /** Where runs.csv and timeseries.csv are. */
  runs: string;
  series: string;
  /** Folder to remove at the end. */
  workDir: string;
}

/** `manifest.runs`, `failed_runs` and `outputs` are filled in here (keep them as placeholders where they should appear). */
export function finishResults(outDir: string, manifest: StreamedManifest, from: Unfinished): RunCounts {
  const sobol = completeSobolDesign(manifest);
  const counts = writeSummaries(from.runs, outDir, {
    runMetrics: manifest.model.run_metrics.map((m) => m.name),
    masterSeed: manifest.master_seed,
    sobol,
  });
  if (!sobol) rmSync(join(outDir, RESULT_FILES.sensitivity), { force: true });
  const outputs: Record<string, OutputFile> = {
    [RESULT_FILES.runs]: digestFile(from.runs),
    [RESULT_FILES.timeseries]: digestFile(from.series),
    [RESULT_FILES.summary]: digestFile(join(outDir, RESULT_FILES.summary)),
    ...(sobol ? { [RESULT_FILES.sensitivity]: digestFile(join(outDir, RESULT_FILES.sensitivity)) } : {}),
  };
  writeManifest(join(outDir, RESULT_FILES.manifest), { ...manifest, runs: runsOf(from.runs), failed_runs: counts.failed, outputs });
  renameSync(from.runs, join(outDir, RESULT_FILES.runs));
  renameSync(from.series, join(outDir, RESULT_FILES.timeseries));
  rmSync(from.workDir, { recursive: true, force: true });
  return counts;
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
