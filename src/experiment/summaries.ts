/**
 * summary.csv (and, for a complete Sobol' design, sensitivity.csv) computed from
 * runs.csv as written, in one pass. Statistics therefore use the run metrics as
 * they appear in runs.csv (FLOAT_DIGITS significant digits), which is what makes a
 * resumed, a parallel and a merged experiment give the same bytes as a plain one,
 * and lets anyone recompute them from runs.csv.
 *
 * Rows come in run_id order, so the runs of one condition × point are consecutive:
 * only one group's metric values are in memory at a time (replicates × metrics
 * numbers). A Sobol' design also keeps each point's mean per condition and metric
 * (points × conditions × metrics numbers).
 */
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { AtomicAppender } from '../output/atomic.ts';
import { csvHeader, csvLines, type Cell } from '../output/csv.ts';
import { RESULT_FILES, SENSITIVITY_COLUMNS, SUMMARY_COLUMNS } from '../output/results-layout.ts';
import { summarize } from '../stats/summary.ts';
import { LineReader } from './line-reader.ts';
import { designSobolIndices, type SobolDesign } from './sobol-design.ts';

export interface SummaryOptions {
  runMetrics: readonly string[];
  masterSeed: number;
  /** Set for a Sobol' design whose runs are all in runs.csv: writes sensitivity.csv. */
  sobol?: SobolDesign;
}

export interface RunCounts {
  runs: number;
  failed: number;
}

/** Writes `outDir`/summary.csv (and sensitivity.csv) from `runsPath`; returns the runs read and how many failed. */
export function writeSummaries(runsPath: string, outDir: string, options: SummaryOptions): RunCounts {
  const reader = new LineReader(runsPath);
  const summary = new AtomicAppender(join(outDir, RESULT_FILES.summary));
  try {
    const header = parseLine(reader.next() ?? '');
    const col = (name: string) => header.indexOf(name);
    const metricCols = options.runMetrics.map(col);
    const sobolMeans = new Map<string, Float64Array[]>();
    let group: { condition: string; pointId: string; values: number[][] } | undefined;
    const flush = () => {
      if (!group) return;
      const rows: Cell[][] = options.runMetrics.map((metric, m) => {
        const s = summarize(group!.values[m]);
        return [group!.condition, group!.pointId, metric, s.n, s.mean, s.sd, s.ciLow, s.ciHigh, s.median, s.q1, s.q3];
      });
      summary.append(csvLines(rows));
      if (options.sobol) {
        if (!sobolMeans.has(group.condition)) {
          sobolMeans.set(group.condition, options.runMetrics.map(() => new Float64Array(options.sobol!.points).fill(NaN)));
        }
        const means = sobolMeans.get(group.condition)!;
        rows.forEach((row, m) => (means[m][Number(group!.pointId) - 1] = row[4] as number));
      }
    };
    summary.append(csvHeader(SUMMARY_COLUMNS));
    const counts: RunCounts = { runs: 0, failed: 0 };
    for (const line of reader) {
      const cells = parseLine(line);
      const condition = cells[col('condition')];
      const pointId = cells[col('point_id')];
      if (!group || group.condition !== condition || group.pointId !== pointId) {
        flush();
        group = { condition, pointId, values: options.runMetrics.map(() => []) };
      }
      metricCols.forEach((c, m) => group!.values[m].push(cells[c] === '' ? NaN : Number(cells[c])));
      counts.runs++;
      if (cells[col('status')] !== 'ok') counts.failed++;
    }
    flush();
    summary.commit();
    if (options.sobol) writeSensitivity(outDir, sobolMeans, options);
    return counts;
  } catch (e) {
    summary.abandon();
    throw e;
  } finally {
    reader.close();
  }
}

function writeSensitivity(outDir: string, means: Map<string, Float64Array[]>, options: SummaryOptions): void {
  const parameters = options.sobol!.parameters;
  const out = new AtomicAppender(join(outDir, RESULT_FILES.sensitivity));
  try {
    out.append(csvHeader(SENSITIVITY_COLUMNS));
    for (const [condition, perMetric] of means) {
      options.runMetrics.forEach((metric, m) => {
        const result = designSobolIndices(perMetric[m], options.sobol!, options.masterSeed, 'sensitivity', condition, metric);
        const rows = result.indices.map((s, i): Cell[] => [
          condition, metric, parameters[i], result.n, s.first, s.firstLow, s.firstHigh, s.total, s.totalLow, s.totalHigh,
        ]);
        out.append(csvLines(rows));
      });
    }
  } catch (e) {
    out.abandon();
    throw e;
  }
  out.commit();
}

/** The cells of one CSV line (quoted cells, e.g. error messages with commas, through csv-parse). */
function parseLine(line: string): string[] {
  if (!line.includes('"')) return line.replace(/\r?\n$/, '').split(',');
  return (parse(line, { relax_column_count: true }) as string[][])[0] ?? [];
}
