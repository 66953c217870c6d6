/**
 * compareResults: differences, confidence intervals and Hedges' g equal values
 * computed by hand from the fixtures' numbers, paired when both sets ran the same
 * seeds and Welch otherwise; the files written; and why two sets cannot be
 * compared.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareResults, type ComparisonResult } from '../src/charts/compare.ts';
import { UserInputError } from '../src/errors.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results');
const fixture = (name: string) => path.join(FIXTURES, name);
/** Student t quantiles, 0.975: df 2 (3 pairs) and df 4 (Welch with equal variances and n = 3). */
const T_975_DF2 = 4.302652729749464;
const T_975_DF4 = 2.7764451051977987;
/** compareResults renders its charts: a few seconds, more on a loaded machine. */
const COMPARE_TIMEOUT = 120_000;

// Hand computations, written out rather than taken from src/stats.
const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const varianceOf = (xs: number[]) => xs.reduce((s, x) => s + (x - meanOf(xs)) ** 2, 0) / (xs.length - 1);
/** Hedges' g of b versus a for n = 3 each: pooled SD, J = 1 − 3/(4·6 − 9) = 0.8. */
const hedges3 = (a: number[], b: number[]) => ((meanOf(b) - meanOf(a)) / Math.sqrt((varianceOf(a) + varianceOf(b)) / 2)) * 0.8;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'orgsim-compare-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A copy of a fixture with its files' text changed. */
async function variant(name: string, change: (file: string, text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(work, `${name}-`));
  await cp(fixture(name), dir, { recursive: true });
  for (const file of await readdir(dir)) {
    const full = path.join(dir, file);
    await writeFile(full, change(file, await readFile(full, 'utf8')));
  }
  return dir;
}

async function errorOf(a: string, b: string, labels?: [string, string]): Promise<UserInputError> {
  const e = await compareResults(a, b, { out: path.join(work, 'never'), labels }).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(UserInputError);
  return e as UserInputError;
}

describe('compareResults, same seeds: paired by replicate', () => {
  let result: ComparisonResult;
  let out: string;
  beforeAll(async () => {
    out = path.join(work, 'paired');
    result = await compareResults(fixture('basic'), fixture('same-seeds'), { out });
  }, COMPARE_TIMEOUT);

  it('pairs every condition and metric', () => {
    expect(result.rows.map((r) => `${r.condition}/${r.metric}/${r.pairing}`)).toEqual([
      'hierarchy/creative_risk_rate/paired',
      'hierarchy/cumulative_value/paired',
      'hierarchy/final_fitness/paired',
      'network/creative_risk_rate/paired',
      'network/cumulative_value/paired',
      'network/final_fitness/paired',
    ]);
  });

  it('difference, paired t interval and Hedges g equal the hand-computed values', () => {
    // hierarchy, creative risk-taking: A 0.10 0.15 0.20, B 0.12 0.18 0.19 (replicates 1..3)
    const a = [0.1, 0.15, 0.2];
    const b = [0.12, 0.18, 0.19];
    const d = [0.02, 0.03, -0.01];
    const half = (T_975_DF2 * Math.sqrt(varianceOf(d))) / Math.sqrt(3);
    const row = result.rows[0];
    expect(row).toMatchObject({ n_a: 3, n_b: 3 });
    expect(row.mean_a).toBeCloseTo(0.15, 12);
    expect(row.mean_b).toBeCloseTo(0.49 / 3, 12);
    expect(row.difference).toBeCloseTo(0.04 / 3, 12);
    expect(row.ci_low).toBeCloseTo(0.04 / 3 - half, 12);
    expect(row.ci_high).toBeCloseTo(0.04 / 3 + half, 12);
    expect(row.hedges_g).toBeCloseTo(hedges3(a, b), 12);
    // the same numbers, worked on paper
    expect(row.ci_low).toBeCloseTo(-0.0383781168, 9);
    expect(row.ci_high).toBeCloseTo(0.0650447835, 9);
    expect(row.hedges_g).toBeCloseTo(0.240526729, 8);
  });

  it('writes comparison.csv, overlay and side-by-side charts, and report.html', async () => {
    const names = result.files.map((f) => path.relative(out, f));
    expect(names[0]).toBe('comparison.csv');
    expect(names.at(-1)).toBe('report.html');
    expect(names.filter((n) => n.endsWith('.png'))).toEqual([
      'charts/overlay-fitness.png',
      'charts/overlay-trust.png',
      'charts/side-by-side-creative_risk_rate.png',
      'charts/side-by-side-cumulative_value.png',
      'charts/side-by-side-final_fitness.png',
    ]);
    const csv = (await readFile(path.join(out, 'comparison.csv'), 'utf8')).split('\n');
    expect(csv[0]).toBe('condition,point_id,metric,pairing,n_pairs,n_a,n_b,mean_a,mean_b,difference,ci_low,ci_high,hedges_g');
    expect(csv[1]).toBe('hierarchy,1,creative_risk_rate,paired,3,3,3,0.15,0.163333,0.0133333,-0.0383781,0.0650448,0.240527');
    expect(csv).toHaveLength(6 + 2);
    const overlay = JSON.parse(await readFile(path.join(out, 'charts', 'overlay-fitness.vl.json'), 'utf8'));
    expect(new Set(overlay.data.values.map((r: { results: string }) => r.results))).toEqual(new Set(['basic', 'same-seeds']));
    expect(overlay.layer[1].encoding.strokeDash).toMatchObject({ field: 'results', sort: ['basic', 'same-seeds'], scale: { domain: ['basic', 'same-seeds'] }, legend: { symbolType: 'stroke' } });
    expect(overlay.encoding.color.scale.domain).toEqual(['hierarchy', 'network']);
    // the points' shapes follow the same order and add no legend of their own: the legend shows line styles
    expect(overlay.layer[2].encoding.shape).toMatchObject({ field: 'results', scale: { domain: ['basic', 'same-seeds'] }, legend: null });
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<title>orgsim comparison: basic and same-seeds</title>');
    expect(html).toContain('<th>Difference (same-seeds − basic)</th>');
  });
});

describe('compareResults: per sweep point, and incomplete pairs', () => {
  it('one row per point; with a failed run, the paired means and n_pairs cover the complete pairs only', async () => {
    const dir = path.join(work, 'incomplete');
    await cp(fixture('same-seeds'), dir, { recursive: true });
    const runs = path.join(dir, 'runs.csv');
    const lines = (await readFile(runs, 'utf8')).split('\n');
    lines[1] = lines[1].replace(/,ok,(.*),[\d.]+,[\d.]+,[\d.]+,$/, ',failed,$1,,,,boom');
    await writeFile(runs, lines.join('\n'));
    const { rows } = await compareResults(fixture('basic'), dir, { out: path.join(work, 'incomplete-out') });
    const row = rows.find((r) => r.condition === 'hierarchy' && r.metric === 'final_fitness')!;
    expect(row).toMatchObject({ point_id: 1, pairing: 'paired', n_pairs: 2, n_a: 3, n_b: 2 });
    expect(row.difference).toBeCloseTo(row.mean_b - row.mean_a, 12);
    const sweep = await compareResults(fixture('sweep'), fixture('sweep'), { out: path.join(work, 'sweep-out'), labels: ['a', 'b'] });
    const points = new Set(sweep.rows.map((r) => r.point_id));
    expect(points.size).toBeGreaterThan(1);
    expect(sweep.rows.every((r) => r.difference === 0 && r.n_pairs === r.n_a)).toBe(true);
  });
});

describe('compareResults, different seeds: Welch', () => {
  it('difference, Welch interval and Hedges g equal the hand-computed values; labels name the sets', async () => {
    const out = path.join(work, 'welch');
    const { rows } = await compareResults(fixture('basic'), fixture('other-seeds'), { out, labels: ['before', 'after'] });
    expect(rows.every((r) => r.pairing === 'welch')).toBe(true);
    // hierarchy, final fitness: A 0.62 0.66 0.60; B 0.63 0.69 0.65 (A + 0.03, reordered), equal variances so df = 4
    const a = [0.62, 0.66, 0.6];
    const b = [0.63, 0.69, 0.65];
    const row = rows.find((r) => r.condition === 'hierarchy' && r.metric === 'final_fitness')!;
    const half = T_975_DF4 * Math.sqrt(varianceOf(a) / 3 + varianceOf(b) / 3);
    expect(row.difference).toBeCloseTo(0.03, 12);
    expect(row.ci_low).toBeCloseTo(0.03 - half, 12);
    expect(row.ci_high).toBeCloseTo(0.03 + half, 12);
    expect(row.hedges_g).toBeCloseTo(hedges3(a, b), 12);
    expect(row.hedges_g).toBeCloseTo(0.8 * (0.03 / Math.sqrt(0.0028 / 3)), 12);
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toContain('<th>Mean before</th><th>Mean after</th>');
  }, COMPARE_TIMEOUT);
});

describe('sets that cannot be compared', () => {
  it('different models', async () => {
    const other = await variant('same-seeds', (f, t) => (f === 'manifest.json' ? t.replace('"name": "purpose-alignment"', '"name": "march-1991"') : t));
    const err = await errorOf(fixture('basic'), other);
    expect(err.message).toMatch(/^cannot compare basic \(.*\) with same-seeds-\w+ \(.*\): they come from different models \("purpose-alignment" and "march-1991"\)$/);
  });

  it('different numbers of ticks', async () => {
    const other = await variant('same-seeds', (f, t) => (f === 'manifest.json' ? t.replace('"ticks": 4', '"ticks": 5') : t));
    expect((await errorOf(fixture('basic'), other)).message).toContain('they ran for different numbers of ticks (4 and 5)');
  });

  it('no shared metrics', async () => {
    const renamed = await variant('same-seeds', (_, t) =>
      t.replace(/creative_risk_rate|cumulative_value|final_fitness|\bfitness\b|\btrust\b/g, (m) => `other_${m}`),
    );
    expect((await errorOf(fixture('basic'), renamed)).message).toContain('they share no metrics');
  });

  it('no shared conditions', async () => {
    const renamed = await variant('same-seeds', (_, t) => t.replace(/\bhierarchy\b/g, 'tree').replace(/\bnetwork\b/g, 'web'));
    expect((await errorOf(fixture('basic'), renamed)).message).toContain('they share no conditions (basic: hierarchy, network; ');
  });

  it('the same label twice', async () => {
    const err = await errorOf(fixture('basic'), fixture('same-seeds'), ['x', 'x']);
    expect(err.message).toBe('key "labels": the two labels must differ (both are "x")');
  });
});
