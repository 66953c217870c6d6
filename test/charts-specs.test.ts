/**
 * The standard chart specs for the tiny fixtures: which charts, their fields and
 * encodings, the data values (hand-computed), labels from the manifest, the one
 * palette, and option errors.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartSpecs, type NamedSpec } from '../src/charts/chart-specs.ts';
import { OKABE_ITO } from '../src/charts/palette.ts';
import { bandNotes, meanCiRows, observations, tickMeanCiRows } from '../src/charts/data.ts';
import { UserInputError } from '../src/errors.ts';
import { readResults, type ResultSet } from '../src/output/read-results.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results');
/** t(0.975, 2): the 95% CI half-width multiplier for 3 replicates. */
const T_975_DF2 = 4.302652729749464;

// Specs are plain JSON: walk them with a loose type.
type Json = any;

let basic: ResultSet;
let sweep: ResultSet;
let specs: NamedSpec[];
const spec = (name: string): Json => {
  const found = specs.find((s) => s.name === name);
  if (!found) throw new Error(`no chart ${name}; have ${specs.map((s) => s.name).join(', ')}`);
  return found.spec;
};

beforeAll(async () => {
  basic = await readResults(path.join(FIXTURES, 'basic'));
  sweep = await readResults(path.join(FIXTURES, 'sweep'));
  specs = chartSpecs(basic);
});

/** Every object in a spec that has the given key. */
function findAll(node: Json, key: string, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, key, out));
  else if (node && typeof node === 'object') {
    if (key in node) out.push(node);
    Object.values(node).forEach((v) => findAll(v, key, out));
  }
  return out;
}

describe('chartSpecs', () => {
  it('one chart per tick metric and run metric, and risk against outcome; the headline ones first', () => {
    expect(specs.map((s) => [s.name, s.group])).toEqual([
      ['risk-vs-outcome', 'headline'],
      ['distribution-creative_risk_rate', 'headline'],
      ['distribution-cumulative_value', 'headline'],
      ['timeseries-fitness', 'time'],
      ['timeseries-trust', 'time'],
      ['distribution-final_fitness', 'distribution'],
    ]);
    expect(specs.find((s) => s.name === 'timeseries-fitness')!.caption).toBe('Mean normalised fitness of the solutions agents hold.');
  });

  it('--charts selects by name, pattern or group, in plan order; a name that matches nothing is refused with the nearest', () => {
    const names = (select: string[]) => chartSpecs(basic, {}, select).map((s) => s.name);
    expect(names(['timeseries-*'])).toEqual(['timeseries-fitness', 'timeseries-trust']);
    expect(names(['distribution-final_fitness', 'headline'])).toEqual(['risk-vs-outcome', 'distribution-creative_risk_rate', 'distribution-cumulative_value', 'distribution-final_fitness']);
    expect(names(['none'])).toEqual([]);
    expect(names(['all'])).toEqual(specs.map((s) => s.name));
    expect(() => names(['timeseries-fitnes'])).toThrow(
      '--charts timeseries-fitnes: no chart has that name. Did you mean "timeseries-fitness"? Give all, none, headline, chart names or patterns with * (e.g. timeseries-*). ' +
        'The charts here: risk-vs-outcome, timeseries-* (2: one per tick metric), distribution-* (3: one per run metric).',
    );
  });

  it('every spec is plain Vega-Lite v6 with inlined data, DejaVu Sans and the scenario in its title', () => {
    for (const { spec: s } of specs as Json[]) {
      expect(s.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
      expect(s.config.font).toBe('DejaVu Sans');
      expect(Array.isArray(s.data.values)).toBe(true);
      expect(s.title.subtitle[0]).toBe('Scenario "basic" · model purpose-alignment · 3 replicates per condition');
      expect(JSON.stringify(s)).not.toMatch(/random\(|now\(|2025-/);
    }
  });

  it('time series: mean and 95% CI across replicates per condition and tick', () => {
    const s = spec('timeseries-fitness');
    expect(s.title.text).toBe('Mean fitness over time');
    expect(s.data.values).toHaveLength(2 * 5);
    // hierarchy, tick 0: fitness 0.49, 0.48, 0.47 -> mean 0.48, sd 0.01
    const first = s.data.values[0];
    const half = (T_975_DF2 * 0.01) / Math.sqrt(3);
    expect(first).toMatchObject({ condition: 'hierarchy', tick: 0, n: 3 });
    // computed values are rounded to the CSVs' 6 significant digits
    expect(first.mean).toBe(0.48);
    expect(first.ci_low).toBe(Number((0.48 - half).toPrecision(6)));
    expect(first.ci_high).toBe(Number((0.48 + half).toPrecision(6)));
    expect(first.ci_low).toBe(0.455159);
    expect(s.encoding.x).toMatchObject({ field: 'tick', type: 'quantitative', title: 'Tick' });
    const [band, line] = s.layer;
    expect(band.mark.type).toBe('area');
    expect(band.encoding.y.field).toBe('ci_low');
    expect(band.encoding.y2.field).toBe('ci_high');
    expect(line.mark.type).toBe('line');
    expect(line.encoding.y).toMatchObject({ field: 'mean', title: ['Mean fitness', '(share of landscape maximum)'] });
    const tooltipFields = s.layer[2].encoding.tooltip.map((t: Json) => t.field);
    expect(tooltipFields).toEqual(['condition', 'tick', 'mean', 'ci_low', 'ci_high', 'n']);
  });

  it('short metric titles stay on one line', () => {
    expect(spec('timeseries-trust').layer[1].encoding.y.title).toBe('Mean trust');
  });

  it('distribution: one row per run, box plot plus a deterministic jittered strip', () => {
    const s = spec('distribution-creative_risk_rate');
    expect(s.title.text).toBe('Creative risk-taking by condition');
    expect(s.data.values.map((r: Json) => [r.condition, r.creative_risk_rate])).toEqual([
      ['hierarchy', 0.1], ['hierarchy', 0.15], ['hierarchy', 0.2],
      ['network', 0.3], ['network', 0.25], ['network', 0.4],
    ]);
    expect(s.encoding.x).toMatchObject({ field: 'condition', sort: ['hierarchy', 'network'] });
    const [box, points] = s.layer;
    expect(box.mark).toMatchObject({ type: 'boxplot', extent: 'min-max' });
    expect(box.encoding.y).toMatchObject({ field: 'creative_risk_rate', title: ['Creative risk-taking', '(share of agent-ticks)'] });
    expect(points.mark.type).toBe('point');
    expect(points.encoding.xOffset.field).toBe('jitter_offset');
    const offsets = s.data.values.map((r: Json) => r.jitter_offset);
    expect(new Set(offsets.slice(0, 3)).size).toBe(3);
    expect(offsets.every((o: number) => Math.abs(o) <= 0.22)).toBe(true);
    expect(JSON.stringify(chartSpecs(basic))).toBe(JSON.stringify(specs));
  });

  it('risk against outcome: one point per run, x and y from the option defaults', () => {
    const s = spec('risk-vs-outcome');
    expect(s.title.text).toBe('Cumulative value against Creative risk-taking');
    expect(s.encoding.x).toMatchObject({ field: 'creative_risk_rate', title: ['Creative risk-taking', '(share of agent-ticks)'] });
    expect(s.encoding.y).toMatchObject({ field: 'cumulative_value', title: ['Cumulative value', '(fitness x ticks)'] });
    expect(s.data.values).toHaveLength(6);
    expect(s.data.values[3]).toEqual({ run_id: 4, condition: 'network', replicate: 1, creative_risk_rate: 0.3, cumulative_value: 3.6 });
  });

  it('risk against outcome follows the options, and is skipped when a default metric is missing', () => {
    const custom = chartSpecs(basic, { outcomeMetric: 'final_fitness' }).find((s) => s.name === 'risk-vs-outcome')!.spec as Json;
    expect(custom.encoding.y.field).toBe('final_fitness');
    const withoutOutcome: ResultSet = {
      ...basic,
      manifest: { ...basic.manifest, model: { ...basic.manifest.model, run_metrics: basic.manifest.model.run_metrics.filter((m) => m.name !== 'cumulative_value') } },
    };
    expect(chartSpecs(withoutOutcome).map((s) => s.name)).not.toContain('risk-vs-outcome');
  });

  it('an option naming a metric the model lacks is a UserInputError listing the valid ones', () => {
    expect(() => chartSpecs(basic, { riskMetric: 'risk' })).toThrow(UserInputError);
    expect(() => chartSpecs(basic, { riskMetric: 'risk' })).toThrow(
      'key "riskMetric": unknown value "risk". Valid values: "creative_risk_rate", "cumulative_value", "final_fitness"',
    );
  });

  it('one palette: each condition has the same colour in every chart (Okabe–Ito, manifest order)', () => {
    const scales = [...specs, ...chartSpecs(sweep)].flatMap((s) => findAll(s.spec, 'scale').map((n) => n.scale)).filter((sc) => Array.isArray(sc.range));
    expect(scales.length).toBeGreaterThanOrEqual(6);
    for (const scale of scales) {
      expect(scale.domain).toEqual(['hierarchy', 'network']);
      expect(scale.range).toEqual([OKABE_ITO[0], OKABE_ITO[1]]);
    }
  });
});

describe('sweep heatmaps', () => {
  let sweepSpecs: NamedSpec[];
  beforeAll(() => {
    sweepSpecs = chartSpecs(sweep);
  });
  const of = (name: string): Json => sweepSpecs.find((s) => s.name === name)!.spec;

  it('are added when runs have sweep points and at least two swept parameters', () => {
    expect(sweepSpecs.filter((s) => s.name.startsWith('heatmap')).map((s) => [s.name, s.group])).toEqual([
      ['heatmap-cumulative_value', 'headline'],
      ['heatmap-difference-cumulative_value', 'headline'],
    ]);
    expect(specs.some((s) => s.name.startsWith('heatmap'))).toBe(false);
  });

  it('heatmap: mean of the run metric over the two swept parameters, one panel per condition', () => {
    const s = of('heatmap-cumulative_value');
    expect(s.facet.column).toMatchObject({ field: 'condition', sort: ['hierarchy', 'network'] });
    expect(s.spec.encoding.x).toMatchObject({ field: 'trust_prior', type: 'ordinal', title: 'Trust prior' });
    expect(s.spec.encoding.y).toMatchObject({ field: 'span', type: 'ordinal', title: 'Span' });
    const rect = s.spec.layer[0];
    expect(rect.encoding.color).toMatchObject({ field: 'mean', scale: { scheme: 'viridis' } });
    // hierarchy at trust_prior 0.2, span 2: runs 3.12 and 3.13
    const cell = s.data.values.find((r: Json) => r.condition === 'hierarchy' && r.trust_prior === 0.2 && r.span === 2);
    expect(cell.n).toBe(2);
    expect(cell.mean).toBe(3.125);
    expect(s.data.values).toHaveLength(8);
  });

  it('difference heatmap: second condition minus first, diverging palette centred on 0', () => {
    const s = of('heatmap-difference-cumulative_value');
    expect(s.title.text).toBe('Cumulative value: network minus hierarchy');
    const scale = s.layer[0].encoding.color.scale;
    expect(scale).toMatchObject({ scheme: 'blueorange', domainMid: 0 });
    // network at (0.2, 2): 3.07 and 3.08; hierarchy: 3.12 and 3.13
    const cell = s.data.values.find((r: Json) => r.trust_prior === 0.2 && r.span === 2);
    expect(cell.mean_a).toBe(3.125);
    expect(cell.mean_b).toBe(3.075);
    expect(cell.difference).toBe(-0.05);
    const biggest = Math.max(...s.data.values.map((r: Json) => Math.abs(r.difference)));
    expect(scale.domain[0]).toBeCloseTo(-biggest, 12);
    expect(scale.domain[1]).toBeCloseTo(biggest, 12);
  });

  it('options choose the metric, the axes and the conditions', () => {
    const chosen = chartSpecs(sweep, { heatmapMetric: 'final_fitness', heatmapAxes: ['span', 'trust_prior'], difference: ['network', 'hierarchy'] });
    const s = chosen.find((c) => c.name === 'heatmap-difference-final_fitness')!.spec as Json;
    expect(s.title.text).toBe('Final fitness: hierarchy minus network');
    expect(s.encoding.x.field).toBe('span');
  });

  it('bad heatmap options name the option and the valid values', () => {
    expect(() => chartSpecs(sweep, { heatmapAxes: ['span', 'agents'] })).toThrow('key "heatmapAxes": unknown value "agents". Valid values: "trust_prior", "span"');
    expect(() => chartSpecs(sweep, { difference: ['hierarchy', 'market'] })).toThrow('key "difference": unknown value "market". Valid values: "hierarchy", "network"');
    expect(() => chartSpecs(sweep, { heatmapMetric: 'fitness' })).toThrow(/key "heatmapMetric": unknown value "fitness"/);
    expect(() => chartSpecs(sweep, { heatmapAxes: ['span', 'span'] })).toThrow('key "heatmapAxes": needs two different swept parameters, got "span" twice');
  });
});

describe('confidence bands stay within what a metric can take', () => {
  it('a t-interval reaching below 0 for a share is clipped to [0, 1], marked, and the chart says so; varying run counts are said too', () => {
    const rows = [0, 0, 0.3].map((v, i) => ({ tick: 1, run_id: i, share: v })).concat([{ tick: 2, run_id: 0, share: 0.5 }, { tick: 2, run_id: 1, share: 0.5 }]);
    const out = meanCiRows(rows, ['tick'], 'share', { min: 0, max: 1 });
    expect(out[0]).toMatchObject({ tick: 1, n: 3, mean: 0.1, ci_low: 0, clipped: true });
    expect(out[0].ci_high as number).toBeCloseTo(0.1 + 4.302653 * Math.sqrt(0.03) / Math.sqrt(3), 4);
    expect(out[1]).toMatchObject({ tick: 2, n: 2, mean: 0.5, ci_low: 0.5, ci_high: 0.5 });
    expect(out[1].clipped).toBeUndefined();
    expect(bandNotes(out, { min: 0, max: 1 })).toEqual(["bands clipped to the metric's range [0, 1]", '2 to 3 runs behind each point (hover for n)']);
    expect(meanCiRows(rows, ['tick'], 'share')[0].ci_low as number).toBeLessThan(0); // without a range: the plain t-interval
  });
});

describe('a metric some conditions do not have', () => {
  it('is drawn for the conditions that have it, keeping their colours, and the subtitle names the others', async () => {
    const basic = await readResults(path.join(FIXTURES, 'basic'));
    const runs = basic.runs.map((r) => (r.condition === 'network' ? { ...r, metrics: { ...r.metrics, final_fitness: null } } : r));
    const spec = chartSpecs({ ...basic, runs }).find((c) => c.name === 'distribution-final_fitness')!.spec as { title: { subtitle: string[] }; encoding?: unknown; layer?: { encoding: { color?: { scale: { domain: string[]; range: string[] } } } }[] };
    expect(spec.title.subtitle[1]).toBe('Box: median, quartiles and range; dots: one per run; no values in condition network (left out)');
    const scales = JSON.stringify(spec);
    expect(scales).toContain('"domain":["hierarchy"]');
    expect(scales).toContain(`"range":["${OKABE_ITO[0]}"]`);
  });
});

describe('the difference heatmap', () => {
  it('gives each cell the paired 95% CI of the difference and stars the cells whose CI excludes 0', async () => {
    const sweep = await readResults(path.join(FIXTURES, 'sweep'));
    const spec = chartSpecs(sweep).find((c) => c.name.startsWith('heatmap-difference-'))!.spec as { data: { values: Record<string, unknown>[] }; layer: { transform?: { filter: string }[]; mark: { text?: string } }[]; title: { subtitle: string[] } };
    for (const cell of spec.data.values) {
      const [low, high] = [cell.ci_low as number | null, cell.ci_high as number | null];
      expect(cell.excludes_zero).toBe(low !== null && high !== null && (low > 0 || high < 0));
      if (low !== null && high !== null) expect(low).toBeLessThanOrEqual(cell.difference as number);
    }
    expect(spec.layer.at(-1)).toMatchObject({ transform: [{ filter: 'datum.excludes_zero === true' }], mark: { text: '★' } });
    expect(spec.title.subtitle[1]).toContain('★: the paired 95% CI excludes 0');
  });
});

describe('per-tick means', () => {
  it('tickMeanCiRows gives the rows of the general path (observations, then meanCiRows), in the same order', async () => {
    for (const fixture of [basic, sweep]) {
      for (const metric of fixture.manifest.model.tick_metrics) {
        const general = meanCiRows(observations(fixture, metric.name, 'tick', ['condition']), ['condition', 'tick'], metric.name, metric);
        expect(tickMeanCiRows(fixture, metric.name, metric)).toEqual(general);
      }
    }
  });
});

describe('bands bounded by a parameter', () => {
  it('a metric whose maximum is a parameter (mean team size ≤ max_team_size) keeps its band under the largest value that parameter has', async () => {
    const { rangeOf } = await import('../src/charts/data.ts');
    const withMax = { ...basic, runs: basic.runs.map((r, i) => ({ ...r, params: { ...r.params, max_team_size: i === 0 ? 7 : 5 } })) };
    expect(rangeOf(withMax, { min: 0, maxParameter: 'max_team_size' })).toEqual({ min: 0, max: 7 });
    expect(rangeOf(basic, { min: 0, max: 1, maxParameter: 'max_team_size' })).toEqual({ min: 0, max: 1 });
    expect(rangeOf(basic, { min: 0, maxParameter: 'not_there' })).toEqual({ min: 0, max: undefined });
    const rows = meanCiRows([{ v: 1 }, { v: 5 }, { v: 5 }].map((r) => ({ ...r, g: 'a' })), ['g'], 'v', rangeOf(withMax, { min: 0, maxParameter: 'max_team_size' }));
    expect(rows[0]).toMatchObject({ ci_high: 7, clipped: true });
  });
});
