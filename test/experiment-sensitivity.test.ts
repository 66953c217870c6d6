import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../src/experiment/index.ts';
import { createRng } from '../src/rng/index.ts';
import { saltelliSample, sobolIndices } from '../src/stats/sensitivity.ts';
import { ishigami } from './fixtures/experiment/models.ts';
import { chartSpecs } from '../src/charts/chart-specs.ts';
import { readResults } from '../src/output/read-results.ts';
import { rows, scenario, tempDir } from './fixtures/experiment/helpers.ts';

/** Analytic indices of the Ishigami function with a = 7, b = 0.1 (Sobol' & Levitan 1999). */
const S1 = [0.3139, 0.4424, 0];
const ST = [0.5576, 0.4424, 0.2437];

function ishigamiOutputs(n: number, seed: number): Float64Array {
  const k = 3;
  const unit = saltelliSample(n, k, createRng(seed));
  const y = new Float64Array(unit.length / k);
  for (let r = 0; r < y.length; r++) {
    const [x1, x2, x3] = [0, 1, 2].map((i) => -Math.PI + 2 * Math.PI * unit[r * k + i]);
    y[r] = ishigami(x1, x2, x3);
  }
  return y;
}

describe('Sobol indices (Saltelli 2010 first order, Jansen total)', () => {
  it('recover the Ishigami function’s analytic indices, inside their bootstrap intervals', () => {
    const result = sobolIndices(ishigamiOutputs(8192, 11), 3, { uniform: createRng(5), resamples: 300 });
    expect(result.n).toBe(8192);
    result.indices.forEach((s, i) => {
      expect(s.first).toBeCloseTo(S1[i], 1);
      expect(Math.abs(s.first - S1[i])).toBeLessThan(0.03);
      expect(Math.abs(s.total - ST[i])).toBeLessThan(0.03);
      expect(s.firstLow).toBeLessThan(S1[i] + 0.01);
      expect(s.firstHigh).toBeGreaterThan(S1[i] - 0.01);
      expect(s.totalLow).toBeLessThan(ST[i] + 0.01);
      expect(s.totalHigh).toBeGreaterThan(ST[i] - 0.01);
      expect(s.firstLow).toBeLessThanOrEqual(s.first);
      expect(s.totalHigh).toBeGreaterThanOrEqual(s.total);
    });
  });

  it('leave out blocks with a missing output, and give NaN for a constant output', () => {
    const y = ishigamiOutputs(64, 3);
    y[5 * 3 + 1] = NaN;
    expect(sobolIndices(y, 3, { uniform: createRng(1), resamples: 20 }).n).toBe(63);
    const flat = sobolIndices(new Float64Array(40).fill(2), 2, { uniform: createRng(1), resamples: 20 });
    expect(flat.indices[0].first).toBeNaN();
    expect(() => sobolIndices(new Float64Array(7), 3, { uniform: createRng(1) })).toThrow(RangeError);
  });

  it('a sobol sweep writes sensitivity.csv per condition × metric × parameter', async () => {
    const s = await scenario(['name: ishi', 'model: ishigami', 'ticks: 1', 'sweep:', '  sobol:', '    n: 1024', '    ranges: { x1: [-3.14159, 3.14159], x2: [-3.14159, 3.14159], x3: [-3.14159, 3.14159] }']);
    const out = tempDir();
    const result = await runExperiment(s, { outDir: out });
    expect(result).toMatchObject({ runs: 1024 * 5, failed: 0 });
    const text = readFileSync(join(out, 'sensitivity.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('condition,metric,parameter,n,S1,S1_ci_low,S1_ci_high,ST,ST_ci_low,ST_ci_high');
    const table = rows(text).map((r) => r.split(','));
    expect(table.map((r) => r.slice(0, 4))).toEqual([
      ['base', 'f', 'x1', '1024'],
      ['base', 'f', 'x2', '1024'],
      ['base', 'f', 'x3', '1024'],
    ]);
    table.forEach((r, i) => {
      expect(Math.abs(Number(r[4]) - S1[i])).toBeLessThan(0.1);
      expect(Math.abs(Number(r[7]) - ST[i])).toBeLessThan(0.1);
    });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.sweep).toEqual({ kind: 'sobol', parameters: ['x1', 'x2', 'x3'], n: 1024 });
    expect(manifest.points).toHaveLength(1024 * 5);

    // sampled points are drawn as dots with smoothers and binned cells, never as categories
    const charts = chartSpecs(await readResults(out));
    expect(charts.map((c) => c.name).filter((n) => /^(scatter|heatmap|sensitivity)/.test(n))).toEqual(['scatter-f-x1', 'scatter-f-x2', 'heatmap-f', 'sensitivity-f']);
    const heat = charts.find((c) => c.name === 'heatmap-f')!.spec.spec as { encoding: { x: { bin: unknown; type: string } } };
    expect(heat.encoding.x).toMatchObject({ type: 'quantitative', bin: { maxbins: 10 } });
    const scatter = charts.find((c) => c.name === 'scatter-f-x1')!.spec as { layer: { transform?: { loess: string }[] }[] };
    expect(scatter.layer[1].transform![0]).toMatchObject({ loess: 'f', on: 'x1', groupby: ['condition'] });

    // the sensitivity chart: S1 and ST per parameter, ordered by ST, without a warning at n = 1024
    const chart = charts.find((c) => c.name === 'sensitivity-f')!;
    expect(chart.caption).toBeUndefined();
    const values = (chart.spec.data as { values: { parameter: string; index: string; value: number }[] }).values;
    expect(values).toHaveLength(6);
    expect(((chart.spec.spec as { encoding: { y: { sort: string[] } } }).encoding.y.sort)).toEqual(['x1', 'x2', 'x3']); // ST ≈ 0.56, 0.44, 0.24
    expect(JSON.stringify(chart.spec)).not.toContain('WARNING');
  });

  it('too small a sobol sample: the chart and the report say not to read the indices', async () => {
    const s = await scenario(['name: ishi', 'model: ishigami', 'ticks: 1', 'sweep:', '  sobol:', '    n: 16', '    ranges: { x1: [-3.14159, 3.14159], x2: [-3.14159, 3.14159], x3: [-3.14159, 3.14159] }']);
    const out = tempDir();
    await runExperiment(s, { outDir: out });
    const chart = chartSpecs(await readResults(out)).find((c) => c.name === 'sensitivity-f')!;
    expect(chart.caption).toMatch(/^Too small a sample to read these indices: n = 16 base samples, intervals up to [\d.]+ wide \(indices lie in \[0, 1\]\); raise the sobol n \(at least 64, better several hundred\)$/);
    expect((chart.spec.title as { subtitle: string[] }).subtitle.at(-1)).toBe(`WARNING: ${chart.caption}.`);
  });
});
