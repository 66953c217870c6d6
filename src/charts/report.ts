/**
 * `report.html` of a results folder: one self-contained page with a table of contents,
 * the summary (metric × condition, mean and CI), the charts in grids (headline ones
 * first; interactive, with tooltips, each savable as SVG or PNG), the resolved
 * parameters per condition, the scenario and the manifest. Opens offline.
 */
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic.ts';
import { type CsvValue, readResults, type ResultSet } from '../output/read-results.ts';
import { REPORT_FILE } from '../output/results-layout.ts';
import { type ChartOptions, chartSpecs, DEFAULT_OUTCOME_METRIC, type NamedSpec } from './chart-specs.ts';
import { escapeHtml, factList, htmlPage, htmlTable, preBlock, type Section } from './html.ts';
import { findMetric, humanise, metricTitle } from './labels.ts';
import { rangeOf } from './data.ts';


/** Reads the results folder and writes its report.html with the standard charts (those `charts` selects); returns the file's path. */
export async function writeReport(resultsDir: string, options: ChartOptions & { charts?: readonly string[] } = {}): Promise<string> {
  const results = await readResults(resultsDir);
  const file = path.join(resultsDir, REPORT_FILE);
  writeFileAtomic(file, reportHtml(results, chartSpecs(results, options, options.charts), options));
  return file;
}

/**
 * The report page of `results` showing `charts` (e.g. `chartSpecs(results, options)`);
 * `options` name the outcome its sweep summary shows, and a live view beside it to link to.
 */
export function reportHtml(results: ResultSet, charts: readonly NamedSpec[], options: ChartOptions & { liveView?: string } = {}): string {
  const { manifest } = results;
  return htmlPage({
    title: `orgsim report: ${manifest.scenario.name}`,
    intro: overview(results, options.liveView),
    before: [{ title: 'Summary', html: summaryTable(results, options.heatmapMetric ?? options.outcomeMetric ?? DEFAULT_OUTCOME_METRIC) }],
    charts,
    after: [
      { title: 'Parameters', html: parameterTables(results) },
      { title: 'Scenario', html: `<p>${escapeHtml(manifest.scenario.file)}</p>${preBlock(manifest.scenario.text)}` },
      manifestSection(results),
    ],
  });
}

function overview({ manifest }: ResultSet, liveView: string | undefined): string {
  const failed = manifest.failed_runs ? ` (${manifest.failed_runs} failed)` : '';
  return (
    (manifest.scenario.description ? `<p>${escapeHtml(manifest.scenario.description)}</p>` : '') +
    factList([
      ['Model', escapeHtml(manifest.model.name)],
      ['Conditions', escapeHtml(manifest.conditions.map((c) => c.name).join(', '))],
      ['Runs', `${manifest.runs.length}${failed}: ${manifest.replicates} replicates × ${manifest.ticks} ticks`],
      ['Master seed', String(manifest.master_seed)],
      ['Scenario file', `${escapeHtml(manifest.scenario.file)} <span class="note">sha256 ${escapeHtml(manifest.scenario.sha256)}</span>`],
      ['Produced by', `orgsim ${escapeHtml(manifest.orgsim_version)} on Node ${escapeHtml(manifest.node_version)}, ${escapeHtml(manifest.started_at)} to ${escapeHtml(manifest.finished_at)}`],
      ...(liveView ? [['Live view', `<a href="${escapeHtml(liveView)}">${escapeHtml(liveView)}</a>: watch one run, move the parameters, in this browser`] as [string, string]] : []),
    ])
  );
}

/**
 * The run metrics as a metric × condition table: mean and 95% CI in each cell, n in the
 * column heads. Sweeps: the outcome metric per point (one row per point, its swept values,
 * one column per condition), and every metric per point folded below it.
 */
function summaryTable(results: ResultSet, outcome: string): string {
  const { manifest } = results;
  const conditions = manifest.conditions.map((c) => c.name);
  const note = '<p class="note">Mean across replicates [95% Student-t CI of the mean, kept within the values the metric can take]; n runs with a value. summary.csv has the SD, median, quartiles and the unclipped intervals.</p>';
  const summary = summaryCells(results); // read once, for every table below
  if (!manifest.sweep) return note + metricTable(results, summary, conditions, 1);
  const swept = manifest.sweep.parameters;
  const points = manifest.points ?? [];
  const metric = findMetric(manifest, outcome, 'run') ?? manifest.model.run_metrics[0];
  const { cell } = summary;
  const rows = points.map((p): CsvValue[] => [p.point_id, ...swept.map((k) => (p.values[k] as CsvValue) ?? null), ...conditions.map((c) => cell(c, p.point_id, metric.name))]);
  const compact = `<h3>${escapeHtml(metricTitle(metric))} by sweep point</h3>${htmlTable(['Point', ...swept.map(humanise), ...conditions], rows)}`;
  const all = points.map((p) => `<h4>Point ${p.point_id}: ${escapeHtml(swept.map((k) => `${humanise(k)} = ${String(p.values[k])}`).join(', '))}</h4>${metricTable(results, summary, conditions, p.point_id)}`).join('\n');
  return `${note}${compact}<details class="long"><summary>Every run metric at every point (${points.length} tables)</summary>${all}</details>`;
}

/** One point's run metrics × conditions. */
function metricTable(results: ResultSet, { cell, runsAt }: SummaryCells, conditions: readonly string[], pointId: number): string {
  const head = ['Metric', ...conditions.map((c) => (runsAt(c, pointId) === 0 ? c : `${c} (n = ${runsAt(c, pointId)})`))];
  const rows = results.manifest.model.run_metrics.map((m): CsvValue[] => [metricTitle(m), ...conditions.map((c) => cell(c, pointId, m.name))]);
  return htmlTable(head, rows);
}

interface SummaryCells {
  /** "mean [low, high]" of a condition, point and metric from summary.csv (4 significant digits; the interval clipped to the metric's range); null when it has no value. */
  cell(condition: string, pointId: number, metric: string): string | null;
  /** Runs of a condition at a point. */
  runsAt(condition: string, pointId: number): number;
}

function summaryCells(results: ResultSet): SummaryCells {
  const byKey = new Map(results.summary.map((r) => [`${r.condition}\u0000${r.point_id}\u0000${r.metric}`, r]));
  const ranges = new Map(results.manifest.model.run_metrics.map((m) => [m.name, rangeOf(results, m)]));
  const show = (x: number) => String(Number(x.toPrecision(4)));
  // runs per condition and point: a cell with fewer (a metric without a value in some runs) says how many
  const runs = new Map<string, number>();
  for (const r of results.runs) runs.set(`${r.condition}\u0000${r.point_id}`, (runs.get(`${r.condition}\u0000${r.point_id}`) ?? 0) + 1);
  const runsAt = (condition: string, pointId: number) => runs.get(`${condition}\u0000${pointId}`) ?? 0;
  return {
    runsAt,
    cell: (condition, pointId, metric) => {
      const r = byKey.get(`${condition}\u0000${pointId}\u0000${metric}`);
      if (!r || r.mean === null) return null;
      const n = r.n < runsAt(condition, pointId) ? ` (n = ${r.n})` : '';
      if (r.ci_low === null || r.ci_high === null) return `${show(r.mean)}${n}`;
      const { min = -Infinity, max = Infinity } = ranges.get(metric) ?? {};
      return `${show(r.mean)} [${show(Math.max(min, r.ci_low))}, ${show(Math.min(max, r.ci_high))}]${n}`;
    },
  };
}

/** One column per condition; rows where conditions differ are highlighted. Sweeps add the points' values. */
function parameterTables({ manifest }: ResultSet): string {
  const names = [...new Set(manifest.conditions.flatMap((c) => Object.keys(c.params)))];
  const head = ['Parameter', ...manifest.conditions.map((c) => c.name)];
  const rows = names.map((n) => [humanise(n), ...manifest.conditions.map((c) => (c.params[n] as CsvValue) ?? null)]);
  const differs = names.map((n) => (new Set(manifest.conditions.map((c) => JSON.stringify(c.params[n]))).size > 1 ? 'differs' : undefined));
  let html = `<p class="note">Resolved values; highlighted rows differ between conditions.</p>${htmlTable(head, rows, differs)}`;
  if (manifest.sweep && manifest.points) {
    const swept = manifest.sweep.parameters;
    const points = manifest.points.map((p) => [p.point_id, ...swept.map((s) => p.values[s] ?? null)]);
    html += `<h3>Sweep points</h3><p class="note">These values replace the condition's for the swept parameters.</p>${htmlTable(['Point', ...swept.map(humanise)], points)}`;
  }
  return html;
}

function manifestSection({ manifest }: ResultSet): Section {
  return { title: 'Manifest', html: `<details><summary>manifest.json</summary>${preBlock(JSON.stringify(manifest, null, 2))}</details>` };
}
