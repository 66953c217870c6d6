/**
 * `orgsim compare A B --out C`: compares two results folders of the same model
 * and tick count. Writes `comparison.csv` (see compare/table.ts), overlay and
 * side-by-side charts of the shared metrics in `C/charts/`, and `C/report.html`.
 * Sets that cannot be compared are a UserInputError saying why.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UserInputError } from '../errors.ts';
import { writeFileAtomic } from '../output/atomic.ts';
import { readResults } from '../output/read-results.ts';
import { comparisonHtml } from './compare/report.ts';
import { sharedParts } from './compare/shared.ts';
import { comparisonSpecs } from './compare/specs.ts';
import { type ComparisonRow, comparisonCsv, comparisonRows } from './compare/table.ts';
import { CHARTS_FOLDER, REPORT_FILE } from '../output/results-layout.ts';
import { writeChartFiles } from './write-charts.ts';

export type { ComparisonRow, Pairing } from './compare/table.ts';

export const COMPARISON_FILE = 'comparison.csv';

export interface CompareOptions {
  /** Folder to write into (created if missing). */
  out: string;
  /** Names of the two sets in tables and legends (default: the folders' names). */
  labels?: [string, string];
}

export interface ComparisonResult {
  rows: ComparisonRow[];
  /** Every file written. */
  files: string[];
}

export async function compareResults(dirA: string, dirB: string, { out, labels }: CompareOptions): Promise<ComparisonResult> {
  const [a, b] = await Promise.all([readResults(dirA), readResults(dirB)]);
  const names = labels ?? defaultLabels(dirA, dirB);
  if (names[0] === names[1]) throw new UserInputError(`the two labels must differ (both are "${names[0]}")`, { key: 'labels' });
  const shared = sharedParts(a, b, names);
  const rows = comparisonRows(a, b, shared);
  const charts = comparisonSpecs({ a, b, labels: names }, shared);

  await mkdir(out, { recursive: true });
  const csvFile = path.join(out, COMPARISON_FILE);
  writeFileAtomic(csvFile, comparisonCsv(rows));
  const chartFiles = await writeChartFiles(path.join(out, CHARTS_FOLDER), charts);
  const reportFile = path.join(out, REPORT_FILE);
  writeFileAtomic(reportFile, comparisonHtml({ a, b, labels: names, shared, rows, charts }));
  return { rows, files: [csvFile, ...chartFiles, reportFile] };
}

/** The folders' names; the parent folder is added when the names alone are equal. */
function defaultLabels(dirA: string, dirB: string): [string, string] {
  const [a, b] = [path.resolve(dirA), path.resolve(dirB)];
  if (path.basename(a) !== path.basename(b)) return [path.basename(a), path.basename(b)];
  const withParent = (p: string) => `${path.basename(path.dirname(p))}/${path.basename(p)}`;
  return withParent(a) !== withParent(b) ? [withParent(a), withParent(b)] : ['A', 'B'];
}
