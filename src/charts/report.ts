/**
 * `report.html` of a results folder: one self-contained page with the scenario,
 * the resolved parameters per condition, the summary table, every chart
 * (interactive, with tooltips) and the manifest. Opens offline.
 */
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic.ts';
import { type CsvValue, readResults, type ResultSet } from '../output/read-results.ts';
import { REPORT_FILE } from '../output/results-layout.ts';
import { type ChartOptions, chartSpecs, type NamedSpec } from './chart-specs.ts';
import { escapeHtml, factList, htmlPage, htmlTable, preBlock, type Section } from './html.ts';
import { findMetric, humanise, metricTitle } from './labels.ts';


/** Reads the results folder and writes its report.html with the standard charts (those `charts` selects); returns the file's path. */
export async function writeReport(resultsDir: string, options: ChartOptions & { charts?: readonly string[] } = {}): Promise<string> {
  const results = await readResults(resultsDir);
  const file = path.join(resultsDir, REPORT_FILE);
  writeFileAtomic(file, reportHtml(results, chartSpecs(results, options, options.charts)));
  return file;
}

/** The report page of `results` showing `charts` (e.g. `chartSpecs(results)`). */
export function reportHtml(results: ResultSet, charts: readonly NamedSpec[]): string {
  const { manifest } = results;
  return htmlPage({
    title: `orgsim report: ${manifest.scenario.name}`,
    intro: overview(results),
    before: [{ title: 'Summary', html: summaryTable(results) }],
    charts,
    after: [
      { title: 'Parameters', html: parameterTables(results) },
      { title: 'Scenario', html: `<p>${escapeHtml(manifest.scenario.file)}</p>${preBlock(manifest.scenario.text)}` },
      manifestSection(results),
    ],
  });
}

function overview({ manifest }: ResultSet): string {
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
    ])
  );
}

function summaryTable(results: ResultSet): string {
  const sweep = results.manifest.sweep !== undefined;
  const head = ['Condition', ...(sweep ? ['Sweep point'] : []), 'Metric', 'n', 'Mean', 'SD', '95% CI low', '95% CI high', 'Median', 'Q1', 'Q3'];
  const rows = results.summary.map((r): CsvValue[] => {
    const metric = findMetric(results.manifest, r.metric, 'run');
    return [r.condition, ...(sweep ? [r.point_id] : []), metric ? metricTitle(metric) : r.metric, r.n, r.mean, r.sd, r.ci_low, r.ci_high, r.median, r.q1, r.q3];
  });
  return `<p class="note">Run metrics per condition across replicates; the 95% CI is the Student-t interval of the mean.</p>${htmlTable(head, rows)}`;
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
