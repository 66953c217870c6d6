/**
 * The comparison's report.html: both sets described, the comparison table, the
 * charts, the parameters of each shared condition in A and B side by side, and
 * both scenarios and manifests.
 */
import type { CsvValue, ResultSet } from '../../output/read-results.ts';
import type { NamedSpec } from '../chart-specs.ts';
import { escapeHtml, factList, htmlPage, htmlTable, preBlock } from '../html.ts';
import { findMetric, humanise, metricTitle } from '../labels.ts';
import type { SharedParts } from './shared.ts';
import type { ComparisonRow } from './table.ts';

export interface ComparisonReport {
  a: ResultSet;
  b: ResultSet;
  labels: [string, string];
  shared: SharedParts;
  rows: readonly ComparisonRow[];
  charts: readonly NamedSpec[];
}

export function comparisonHtml({ a, b, labels: [la, lb], shared, rows, charts }: ComparisonReport): string {
  const describe = (label: string, set: ResultSet): [string, string] => {
    const m = set.manifest;
    return [label, `${escapeHtml(set.dir)}: scenario "${escapeHtml(m.scenario.name)}" (${escapeHtml(m.scenario.file)}, sha256 ${escapeHtml(m.scenario.sha256.slice(0, 12))}…), master seed ${m.master_seed}, ${m.replicates} replicates`];
  };
  const intro =
    factList([describe(la, a), describe(lb, b), ['Model', escapeHtml(a.manifest.model.name)], ['Ticks', String(a.manifest.ticks)]]) +
    `<p class="note">Differences are ${escapeHtml(lb)} minus ${escapeHtml(la)}. "paired": both sets ran the same seeds for the condition, so runs are compared replicate by replicate (paired t interval, over the pairs where both runs have a value; the means are then over those pairs); "welch": independent samples (Welch interval). Sweep points are compared one by one, never pooled. Hedges' g uses the pooled SD in both cases.</p>`;
  const sweep = rows.some((r) => r.point_id !== 1);
  const head = ['Condition', ...(sweep ? ['Point'] : []), 'Metric', 'Pairing', 'Pairs', `n ${la}`, `n ${lb}`, `Mean ${la}`, `Mean ${lb}`, `Difference (${lb} − ${la})`, '95% CI low', '95% CI high', "Hedges' g"];
  const table = rows.map((r): CsvValue[] => {
    const metric = findMetric(a.manifest, r.metric, 'run');
    return [r.condition, ...(sweep ? [r.point_id] : []), metric ? metricTitle(metric) : r.metric, r.pairing, r.pairing === 'paired' ? r.n_pairs : null, r.n_a, r.n_b, ...[r.mean_a, r.mean_b, r.difference, r.ci_low, r.ci_high, r.hedges_g].map(orNull)];
  });
  return htmlPage({
    title: `orgsim comparison: ${la} and ${lb}`,
    intro,
    before: [{ title: 'Differences', html: htmlTable(head, table) }],
    charts,
    after: [
      { title: 'Parameters', html: shared.conditions.map((c) => parameterTable(c, a, b, [la, lb])).join('\n') },
      { title: 'Scenarios', html: [a, b].map((s, i) => `<h3>${escapeHtml([la, lb][i])}: ${escapeHtml(s.manifest.scenario.file)}</h3>${preBlock(s.manifest.scenario.text)}`).join('\n') },
      { title: 'Manifests', html: [a, b].map((s, i) => `<details><summary>${escapeHtml([la, lb][i])}: manifest.json</summary>${preBlock(JSON.stringify(s.manifest, null, 2))}</details>`).join('\n') },
    ],
  });
}

/** One condition's parameters in A and B; rows that differ are highlighted. */
function parameterTable(condition: string, a: ResultSet, b: ResultSet, [la, lb]: [string, string]): string {
  const params = (set: ResultSet) => set.manifest.conditions.find((c) => c.name === condition)?.params ?? {};
  const pa = params(a);
  const pb = params(b);
  const names = [...new Set([...Object.keys(pa), ...Object.keys(pb)])];
  const rows = names.map((n): CsvValue[] => [humanise(n), pa[n] ?? null, pb[n] ?? null]);
  const differs = names.map((n) => (JSON.stringify(pa[n]) !== JSON.stringify(pb[n]) ? 'differs' : undefined));
  return `<h3>${escapeHtml(condition)}</h3>${htmlTable(['Parameter', la, lb], rows, differs)}`;
}

function orNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
