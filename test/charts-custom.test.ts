/**
 * customChart: any metric against the tick or a parameter, grouped by the
 * condition or a parameter, as a line, box or heatmap; bad options name the
 * option and the valid values.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { customChart, type CustomChartOptions } from '../src/charts/custom.ts';
import { OKABE_ITO } from '../src/charts/palette.ts';
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
      'key "kind": unknown value "pie"; valid values: "line", "box", "heatmap"',
    );
    expect(errorOf(basic, { metric: 'trust', x: 'time', color: 'condition', kind: 'line' }).message).toBe(
      'key "x": unknown value "time"; valid values: "tick", "agents", "span", "structure", "reward", "trust_prior", "turnover"',
    );
    expect(errorOf(basic, { metric: 'trust', x: 'tick', color: 'colour', kind: 'line' }).location.key).toBe('color');
    expect(errorOf(basic, { metric: 'trustt', x: 'tick', color: 'condition', kind: 'line' }).message).toBe(
      'key "metric": unknown value "trustt"; valid values: "fitness", "trust", "creative_risk_rate", "cumulative_value", "final_fitness"',
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
});
