/**
 * customChart: any metric against the tick or a parameter, grouped by the
 * condition or a parameter, as a line, box or heatmap; bad options name the
 * option and the valid values.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { customChart, type CustomChartOptions } from '../src/charts/custom.ts';
import { colorScale, OKABE_ITO, orderedColorScale } from '../src/charts/palette.ts';
import { renderSvg } from '../src/charts/render.ts';
import { UserInputError } from '../src/errors.ts';
import { readResults, type ResultSet } from '../src/output/read-results.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results');

type Json = any;

let basic: ResultSet;
let sweep: ResultSet;
beforeAll(async () => {
  basic = await readResults(path.join(FIXTURES, 'basic'));
  sweep = await readResults(path.join(FIXTURES, 'sweep'));
});

function errorOf(results: ResultSet, options: CustomChartOptions): UserInputError {
  try {
    customChart(results, options);
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return e as UserInputError;
  }
  throw new Error('expected a UserInputError');
}

/** Some tests also render their chart, which takes a moment on a loaded machine. */
const RENDER_TIMEOUT = 60_000;

describe('customChart', () => {
  it('line: a tick metric over time by condition', async () => {
    const s: Json = customChart(basic, { metric: 'trust', x: 'tick', color: 'condition', kind: 'line' });
    expect(s.title.text).toBe('Mean trust over time, per condition');
    expect(s.encoding.x.field).toBe('tick');
    expect(s.encoding.color.scale).toEqual({ domain: ['hierarchy', 'network'], range: [OKABE_ITO[0], OKABE_ITO[1]] });
    // network, tick 4: trust 0.5 + 0.12 + 0.005 r for r = 1..3 -> mean 0.63
    const cell = s.data.values.find((r: Json) => r.condition === 'network' && r.tick === 4);
    expect(cell.mean).toBe(0.63);
    expect(await renderSvg(s)).toContain('Mean trust over time');
  }, RENDER_TIMEOUT);

  it('line: a run metric against a swept parameter, coloured by another parameter', async () => {
    const s: Json = customChart(sweep, { metric: 'final_fitness', x: 'trust_prior', color: 'span', kind: 'line' });
    expect(s.encoding.x).toMatchObject({ field: 'trust_prior', type: 'quantitative', title: 'Trust prior' });
    expect(s.encoding.color).toMatchObject({ field: 'span', title: 'Span', scale: { domain: [2, 4], range: [OKABE_ITO[0], OKABE_ITO[1]] } });
    // 4 runs per (span, trust_prior) cell: 2 conditions × 2 replicates, pooled
    expect(s.data.values.map((r: Json) => r.n)).toEqual([4, 4, 4, 4]);
    await renderSvg(s);
  }, RENDER_TIMEOUT);

  it('box: a run metric by a parameter, split by condition', async () => {
    const s: Json = customChart(sweep, { metric: 'cumulative_value', x: 'span', color: 'condition', kind: 'box' });
    expect(s.encoding.x).toMatchObject({ field: 'span', type: 'ordinal' });
    expect(s.layer[0].encoding.xOffset).toMatchObject({ field: 'condition' });
    expect(s.data.values).toHaveLength(16);
    // network points sit in the second slot of each band
    const network = s.data.values.filter((r: Json) => r.condition === 'network');
    expect(network.every((r: Json) => r.jitter_offset > 0.5 && r.jitter_offset < 1.5)).toBe(true);
    await renderSvg(s);
  }, RENDER_TIMEOUT);

  it('heatmap: the mean over x and the grouping field', async () => {
    const s: Json = customChart(sweep, { metric: 'cumulative_value', x: 'trust_prior', color: 'span', kind: 'heatmap' });
    expect(s.encoding.x.field).toBe('trust_prior');
    expect(s.encoding.y.field).toBe('span');
    expect(s.layer[0].encoding.color.field).toBe('mean');
    expect(s.title.text).toBe('Cumulative value over trust prior and span');
    expect(s.data.values).toHaveLength(4);
    await renderSvg(s);
  }, RENDER_TIMEOUT);

  it('bad options name the option and list the valid values', () => {
    expect(errorOf(basic, { metric: 'trust', x: 'tick', color: 'condition', kind: 'pie' as 'line' }).message).toBe(
      'key "kind": unknown value "pie". Valid values: "line", "box", "heatmap"',
    );
    expect(errorOf(basic, { metric: 'trust', x: 'time', color: 'condition', kind: 'line' }).message).toBe(
      'key "x": unknown value "time". Valid values: "tick", "agents", "span", "structure", "reward", "trust_prior", "turnover"',
    );
    expect(errorOf(basic, { metric: 'trust', x: 'tick', color: 'colour', kind: 'line' }).location.key).toBe('color');
    expect(errorOf(basic, { metric: 'trustt', x: 'tick', color: 'condition', kind: 'line' }).message).toBe(
      'key "metric": unknown value "trustt". Did you mean "trust"? Valid values: "fitness", "trust", "creative_risk_rate", "cumulative_value", "final_fitness"',
    );
  });

  it('a metric of the wrong kind for x says which metrics fit', () => {
    expect(errorOf(basic, { metric: 'trust', x: 'span', color: 'condition', kind: 'box' }).message).toBe(
      'key "metric": "trust" is a tick metric; with x a parameter the metric must be a run metric: "creative_risk_rate", "cumulative_value", "final_fitness"',
    );
    expect(errorOf(basic, { metric: 'final_fitness', x: 'tick', color: 'condition', kind: 'line' }).message).toBe(
      'key "metric": "final_fitness" is a run metric; with x "tick" the metric must be recorded per tick: "fitness", "trust"',
    );
    expect(errorOf(sweep, { metric: 'final_fitness', x: 'span', color: 'span', kind: 'heatmap' }).location.key).toBe('color');
  });

  it('several metrics share a line chart, one colour each, values on a common y field', async () => {
    const s: Json = customChart(basic, { metric: ['fitness', 'trust'], x: 'tick', color: 'metric', kind: 'line' });
    expect(s.title.text).toBe('Mean fitness and mean trust over time');
    expect(s.encoding.color).toMatchObject({ field: 'metric', title: 'Metric', scale: { domain: ['Mean fitness', 'Mean trust'], range: [OKABE_ITO[0], OKABE_ITO[1]] } });
    // conditions are pooled: one row per metric and tick
    const trust = s.data.values.filter((r: Json) => r.metric === 'Mean trust');
    expect(trust).toHaveLength(new Set(basic.timeseries.map((r) => r.tick)).size);
    const at4 = basic.timeseries.filter((r) => r.tick === 4).map((r) => r.metrics.trust as number);
    expect(trust.find((r: Json) => r.tick === 4).mean).toBeCloseTo(at4.reduce((a, b) => a + b, 0) / at4.length, 5);
    // the units differ, so the axis says only "Value"
    expect(s.layer[1].encoding.y.title).toBe('Value');
    expect(await renderSvg(s)).toContain('Mean fitness and mean trust over time');
  }, RENDER_TIMEOUT);

  it('several run metrics against a parameter: a shared unit names the axis', () => {
    const s: Json = customChart(sweep, { metric: ['creative_risk_rate', 'final_fitness'], x: 'trust_prior', color: 'metric', kind: 'box' });
    expect(s.layer[0].encoding.xOffset.field).toBe('metric');
    expect(s.data.values).toHaveLength(32); // 16 runs × 2 metrics
    const line: Json = customChart(sweep, { metric: ['final_fitness'], x: 'trust_prior', color: 'metric', kind: 'line' });
    expect(line.layer[1].encoding.y.title).toBe('Value (share of landscape maximum)');
  });

  it('several metrics need color "metric" and a line or box chart', () => {
    expect(errorOf(basic, { metric: ['fitness', 'trust'], x: 'tick', color: 'condition', kind: 'line' }).message).toBe(
      'key "color": several metrics are told apart by colour; use color "metric" (got "condition")',
    );
    expect(errorOf(sweep, { metric: ['final_fitness', 'cumulative_value'], x: 'span', color: 'metric', kind: 'heatmap' }).location.key).toBe('kind');
    expect(errorOf(basic, { metric: ['fitness', 'fitness'], x: 'tick', color: 'metric', kind: 'line' }).location.key).toBe('metric');
    expect(errorOf(basic, { metric: ['fitness', 'final_fitness'], x: 'tick', color: 'metric', kind: 'line' }).location.key).toBe('metric');
  });

  it('a numeric colour parameter with more values than the palette gets ordered shades, not repeated colours', async () => {
    // 16 runs given spans 0..7: eight values, one more than the palette has
    const many: ResultSet = { ...sweep, runs: sweep.runs.map((r, i) => ({ ...r, params: { ...r.params, span: i % 8 } })) };
    const s: Json = customChart(many, { metric: 'final_fitness', x: 'trust_prior', color: 'span', kind: 'line' });
    const { domain, range } = s.encoding.color.scale;
    expect(domain).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(range).size).toBe(8);
    expect(range[0]).toBe('#440154'); // viridis, dark end first
    // darker to lighter: the green channel rises along viridis
    const green = range.map((c: string) => parseInt(c.slice(3, 5), 16));
    expect(green).toEqual([...green].sort((a, b) => a - b));
    // many lines: fainter confidence bands
    expect(s.layer[0].mark.opacity).toBeLessThan(customChart(sweep, { metric: 'final_fitness', x: 'trust_prior', color: 'span', kind: 'line' }).layer[0].mark.opacity);
    await renderSvg(s);
  }, RENDER_TIMEOUT);

  it('ordered colours keep the palette while it has a colour per value', () => {
    const values = [0.1, 0.2, 0.5, 1];
    expect(orderedColorScale(values)).toEqual(colorScale(values));
    expect(orderedColorScale([1, 2, 3, 4, 5, 6, 7]).range).toEqual([...OKABE_ITO]);
  });
});

describe('customChart on a sampled design', () => {
  it('a sampled x is drawn as dots with a smoother per condition, never as categories; box and heatmap are refused saying why', () => {
    const lhs = { ...sweep, manifest: { ...sweep.manifest, sweep: { ...sweep.manifest.sweep!, kind: 'lhs' as const, n: 4 } } };
    const spec = customChart(lhs, { metric: 'cumulative_value', x: 'trust_prior', color: 'condition', kind: 'line' }) as { layer: { mark: { type: string } | string; transform?: { loess?: string }[] }[] };
    expect(JSON.stringify(spec)).toContain('"loess":"cumulative_value"');
    expect(JSON.stringify(spec)).not.toContain('"type":"ordinal"');
    expect(() => customChart(lhs, { metric: 'cumulative_value', x: 'trust_prior', color: 'condition', kind: 'box' })).toThrow(
      /^key "kind": trust_prior is sampled \(lhs\): each run has its own value, so a box per value would draw categories\. Use --kind line/,
    );
  });
});

describe('a swept choice on the x axis', () => {
  it('keeps the order the scenario’s sweep lists, not the alphabet', async () => {
    const results = await readResults(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results', 'barkoczi-galesic-networks'));
    const spec = customChart(results, { metric: 'mean_payoff', x: 'network', color: 'condition', kind: 'line' });
    const order = ['full', 'random-regular', 'lattice', 'clustered', 'isolated'];
    expect(JSON.stringify(spec)).toContain(JSON.stringify({ sort: order }).slice(1, -1));
  });
});
