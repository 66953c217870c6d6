/**
 * Paired one-factor contrasts (`orgsim contrasts`): the paired statistics against
 * hand-computed values; which conditions pair and how they are oriented;
 * contrasts.csv from hand-made results folders (failed runs and incomplete pairs
 * left out); Sobol' indices of a contrast on a design whose answer is known;
 * every error; and the real CLI on a tiny purpose-alignment experiment.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { conditionPairs, type ConditionParams } from '../src/experiment/condition-pairs.ts';
import { computeContrasts, type ContrastsResult } from '../src/experiment/contrasts.ts';
import type { ParamValue } from '../src/model/params.ts';
import { csvHeader, csvLines, type Cell } from '../src/output/csv.ts';
import { createRng, deriveSeed } from '../src/rng/index.ts';
import { pairedContrast } from '../src/stats/paired-contrast.ts';
import { saltelliSample, sobolIndices } from '../src/stats/sensitivity.ts';
import { orgsim, writeScenario } from './cli-helpers.ts';

/** Running the CLI (a node process each time) or a few thousand runs' folder: seconds on a loaded machine. */
const SLOW = 60_000;
/** Student t quantile 0.975 with 2 degrees of freedom (3 pairs). */
const T_975_DF2 = 4.302652729749464;

// Hand computations, written out rather than taken from src/stats.
const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sdOf = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - meanOf(xs)) ** 2, 0) / (xs.length - 1));

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'orgsim-contrasts-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// A results folder written by hand: manifest.json, runs.csv, and header-only
// timeseries.csv and summary.csv (contrasts read neither).

interface FolderRun {
  condition: string;
  point?: number;
  replicate: number;
  status?: 'ok' | 'failed';
  /** One value per metric, in the folder's metric order; null = empty cell. */
  values: (number | null)[];
  /** Parameters this run ran with where they differ from its condition's in the manifest (a formula of a swept value). */
  params?: Record<string, ParamValue>;
}

interface Folder {
  conditions: ConditionParams[];
  metrics: string[];
  runs: FolderRun[];
  /** Written to the manifest as is (e.g. { kind: 'sobol', parameters, n }). */
  sweep?: Record<string, unknown>;
  only?: Record<string, unknown>;
}

let folders = 0;
function writeFolder(folder: Folder): string {
  const dir = join(work, `folder-${++folders}`);
  mkdirSync(dir);
  const swept = folder.runs.some((r) => r.point !== undefined);
  const params = Object.keys(folder.conditions[0].params);
  const manifest = {
    orgsim_version: '0.1.0',
    model: { name: 'hand-made', tick_metrics: [], run_metrics: folder.metrics.map((name) => ({ name, label: name })) },
    scenario: { name: 'hand-made', description: '', file: 'x.yaml', sha256: '', text: '' },
    master_seed: 99,
    ticks: 1,
    replicates: 0,
    conditions: folder.conditions,
    ...(folder.sweep ? { sweep: folder.sweep } : {}),
    ...(folder.only ? { only: folder.only } : {}),
    runs: [],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const header = ['run_id', 'condition', 'point_id', 'replicate', 'seed', 'status', ...params, ...folder.metrics, 'error'];
  const rows = folder.runs.map((r, i): Cell[] => {
    const condition = folder.conditions.find((c) => c.name === r.condition)!;
    return [
      i + 1, r.condition, r.point ?? 1, r.replicate, 1000 + r.replicate, r.status ?? 'ok',
      ...params.map((p) => r.params?.[p] ?? condition.params[p]), ...r.values.map((v) => v ?? NaN), r.status === 'failed' ? 'boom' : '',
    ];
  });
  writeFileSync(join(dir, 'runs.csv'), csvHeader(header) + csvLines(rows));
  writeFileSync(join(dir, 'timeseries.csv'), csvHeader(['run_id', 'condition', 'point_id', 'replicate', 'tick']));
  writeFileSync(join(dir, 'summary.csv'), csvHeader(['condition', 'point_id', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'median', 'q1', 'q3']));
  return dir;
}

async function errorOf(promise: Promise<unknown>): Promise<UserInputError> {
  const e = await promise.catch((err: unknown) => err);
  expect(e).toBeInstanceOf(UserInputError);
  return e as UserInputError;
}

const csvRows = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => line.split(','));

// ---------------------------------------------------------------------------

describe('pairedContrast', () => {
  it('equals the hand-computed statistics, dropping pairs with null or NaN on either side', () => {
    // complete pairs (1, 2), (2, 4), (3, 5); (null, 7) and (5, NaN) are dropped
    const c = pairedContrast([1, 2, 3, null, 5], [2, 4, 5, 7, NaN]);
    const [a, b, d] = [[1, 2, 3], [2, 4, 5], [1, 2, 2]];
    expect(c.nPairs).toBe(3);
    expect(c.meanA).toBeCloseTo(2, 12);
    expect(c.meanB).toBeCloseTo(11 / 3, 12);
    expect(c.difference).toBeCloseTo(5 / 3, 12);
    expect(c.sdDifference).toBeCloseTo(sdOf(d), 12);
    expect(c.sdDifference).toBeCloseTo(Math.sqrt(1 / 3), 12);
    const half = (T_975_DF2 * sdOf(d)) / Math.sqrt(3);
    expect(c.ciLow).toBeCloseTo(5 / 3 - half, 12);
    expect(c.ciHigh).toBeCloseTo(5 / 3 + half, 12);
    // Hedges' g: (mean b − mean a) / √((s_a² + s_b²)/2) × (1 − 3/(4·6 − 9))
    const g = ((meanOf(b) - meanOf(a)) / Math.sqrt((sdOf(a) ** 2 + sdOf(b) ** 2) / 2)) * 0.8;
    expect(c.effectSize).toBeCloseTo(g, 12);
    // on paper: s_a = 1, s_b = √(7/3), pooled √(5/3), d = (5/3)/√(5/3) = √(5/3)
    expect(c.effectSize).toBeCloseTo(0.8 * Math.sqrt(5 / 3), 12);
  });

  it('is b − a: swapping the samples negates the difference, the interval and g', () => {
    const c = pairedContrast([2, 4, 5], [1, 2, 3]);
    expect(c.difference).toBeCloseTo(-5 / 3, 12);
    expect(c.ciHigh).toBeCloseTo(-5 / 3 + (T_975_DF2 * Math.sqrt(1 / 3)) / Math.sqrt(3), 12);
    expect(c.effectSize).toBeCloseTo(-0.8 * Math.sqrt(5 / 3), 12);
  });

  it('one pair has a difference but no spread or interval; none has nothing; lengths must match', () => {
    const one = pairedContrast([1, null], [3, 4]);
    expect(one).toMatchObject({ nPairs: 1, meanA: 1, meanB: 3, difference: 2 });
    for (const v of [one.sdDifference, one.ciLow, one.ciHigh, one.effectSize]) expect(v).toBeNaN();
    const none = pairedContrast([null], [1]);
    expect(none.nPairs).toBe(0);
    for (const v of [none.meanA, none.meanB, none.difference]) expect(v).toBeNaN();
    expect(() => pairedContrast([1, 2], [1])).toThrow(RangeError);
  });
});

describe('conditionPairs', () => {
  const conditions: ConditionParams[] = [
    { name: 'on', params: { x: 1, mode: 'a', flag: true } },
    { name: 'off', params: { x: 1, mode: 'a', flag: false } },
    { name: 'other', params: { x: 2, mode: 'a', flag: true } },
    { name: 'twice', params: { x: 2, mode: 'b', flag: true } },
    { name: 'copy', params: { x: 1, mode: 'a', flag: true } },
  ];
  const pairs = conditionPairs(conditions);

  it('pairs conditions differing in exactly one parameter, in the order found walking the list', () => {
    expect(pairs.map((p) => `${p.a}|${p.b}|${p.factor}`)).toEqual([
      'off|on|flag', // boolean: a = false, b = true, although "on" is listed first
      'on|other|x', // otherwise manifest order
      'off|copy|flag',
      'other|twice|mode',
      'other|copy|x',
    ]);
  });

  it('orients a boolean factor false → true and any other factor in manifest order, with the values', () => {
    expect(pairs[0]).toEqual({ a: 'off', b: 'on', factor: 'flag', valueA: false, valueB: true });
    expect(pairs[1]).toEqual({ a: 'on', b: 'other', factor: 'x', valueA: 1, valueB: 2 });
    expect(pairs[3]).toEqual({ a: 'other', b: 'twice', factor: 'mode', valueA: 'a', valueB: 'b' });
  });

  it('never pairs conditions differing in two parameters, nor identical ones (A/A)', () => {
    const named = pairs.map((p) => [p.a, p.b].sort().join('|'));
    expect(named).not.toContain('on|twice'); // x and mode
    expect(named).not.toContain('off|other'); // x and flag
    expect(named).not.toContain('copy|on'); // identical
    expect(conditionPairs([conditions[0], conditions[4]])).toEqual([]);
  });
});

describe('computeContrasts on a hand-made folder', () => {
  // Three replicates; "with" and "without" differ in one switch, "other" in two parameters.
  const conditions: ConditionParams[] = [
    { name: 'with', params: { size: 10, mechanism: true } },
    { name: 'without', params: { size: 10, mechanism: false } },
    { name: 'bigger', params: { size: 20, mechanism: false } },
  ];
  const runs: FolderRun[] = [
    { condition: 'with', replicate: 1, values: [2, 10] },
    { condition: 'with', replicate: 2, values: [4, 20] },
    { condition: 'with', replicate: 3, values: [5, null] },
    { condition: 'with', replicate: 4, status: 'failed', values: [null, null] },
    { condition: 'without', replicate: 1, values: [1, 7] },
    { condition: 'without', replicate: 2, values: [2, 8] },
    { condition: 'without', replicate: 3, values: [3, 9] },
    { condition: 'without', replicate: 4, values: [100, 100] },
    { condition: 'bigger', replicate: 1, values: [1.5, 7] },
    { condition: 'bigger', replicate: 2, values: [2.5, 8] },
    { condition: 'bigger', replicate: 3, status: 'failed', values: [3.5, 9] },
  ];
  let dir: string;
  let result: ContrastsResult;
  beforeAll(async () => {
    dir = writeFolder({ conditions, metrics: ['output', 'cost'], runs });
    result = await computeContrasts(dir);
  });

  it('finds the pairs: without → with (mechanism false → true), without → bigger (size, manifest order)', () => {
    expect(result.pairs).toEqual([
      { a: 'without', b: 'with', factor: 'mechanism', valueA: false, valueB: true },
      { a: 'without', b: 'bigger', factor: 'size', valueA: 10, valueB: 20 },
    ]);
    expect(result.metrics).toEqual(['output', 'cost']);
    expect(result.points).toEqual([1]);
  });

  it('pairs ok runs by replicate: a failed run and an empty value drop their pair', () => {
    const [output, cost, biggerOutput] = result.rows;
    // output: replicate 4 failed in "with"; pairs (1, 2), (2, 4), (3, 5) as in the hand computation above
    expect(output).toMatchObject({ condition_a: 'without', condition_b: 'with', point_id: 1, metric: 'output', n_pairs: 3 });
    expect(output.difference).toBeCloseTo(5 / 3, 12);
    expect(output.ci_low).toBeCloseTo(5 / 3 - T_975_DF2 / 3, 12);
    // cost: replicate 3 of "with" has no value: pairs (7, 10), (8, 20)
    expect(cost).toMatchObject({ metric: 'cost', n_pairs: 2, mean_a: 7.5, mean_b: 15, difference: 7.5 });
    expect(cost.sd_difference).toBeCloseTo(sdOf([3, 12]), 12);
    // bigger: replicate 3 failed there
    expect(biggerOutput).toMatchObject({ condition_b: 'bigger', metric: 'output', n_pairs: 2, difference: 0.5, sd_difference: 0 });
    expect([biggerOutput.ci_low, biggerOutput.ci_high]).toEqual([0.5, 0.5]);
    expect(result.rows).toHaveLength(4);
  });

  it('writes contrasts.csv with the documented columns and 6 significant digits (point_id 1 without a sweep)', () => {
    expect(result.files).toEqual([join(dir, 'contrasts.csv')]);
    expect(result.sensitivity).toBeUndefined();
    expect(existsSync(join(dir, 'contrast-sensitivity.csv'))).toBe(false);
    const text = readFileSync(join(dir, 'contrasts.csv'), 'utf8').split('\n');
    expect(text[0]).toBe(
      'condition_a,condition_b,factor,value_a,value_b,point_id,metric,n_pairs,mean_a,mean_b,difference,sd_difference,ci_low,ci_high,effect_size',
    );
    expect(text[1]).toBe('without,with,mechanism,false,true,1,output,3,2,3.66667,1.66667,0.57735,0.232449,3.10088,1.0328');
    expect(text[3]).toBe('without,bigger,size,10,20,1,output,2,1.5,2,0.5,0,0.5,0.5,0.404061');
    expect(text[2]).toBe('without,with,mechanism,false,true,1,cost,2,7.5,15,7.5,6.36396,-49.6779,64.6779,0.852889');
    expect(text).toHaveLength(4 + 2);
  });

  it('--metrics keeps the model’s metric order; --factor keeps one factor', async () => {
    const some = await computeContrasts(dir, { metrics: ['cost', 'output'], factor: 'size' });
    expect(some.pairs.map((p) => p.factor)).toEqual(['size']);
    expect(some.rows.map((r) => r.metric)).toEqual(['output', 'cost']);
    const one = await computeContrasts(dir, { metrics: ['cost'] });
    expect(one.rows.map((r) => `${r.condition_b}/${r.metric}`)).toEqual(['with/cost', 'bigger/cost']);
    expect(csvRows(join(dir, 'contrasts.csv'))).toHaveLength(3);
  });

  it('gives the same bytes every time', async () => {
    await computeContrasts(dir);
    const first = readFileSync(join(dir, 'contrasts.csv'), 'utf8');
    await computeContrasts(dir);
    expect(readFileSync(join(dir, 'contrasts.csv'), 'utf8')).toBe(first);
  });
});

describe('computeContrasts on a sweep: one row per pair × point × metric', () => {
  it('pairs within each point, and orders points by number', async () => {
    const conditions: ConditionParams[] = [
      { name: 'on', params: { s: true } },
      { name: 'off', params: { s: false } },
    ];
    const runs: FolderRun[] = [];
    for (const point of [10, 2, 1]) {
      for (const replicate of [1, 2]) {
        runs.push({ condition: 'on', point, replicate, values: [point * 10 + replicate] });
        runs.push({ condition: 'off', point, replicate, values: [replicate] });
      }
    }
    const result = await computeContrasts(writeFolder({ conditions, metrics: ['m'], runs }));
    expect(result.points).toEqual([1, 2, 10]);
    expect(result.rows.map((r) => [r.point_id, r.difference, r.sd_difference])).toEqual([
      [1, 10, 0],
      [2, 20, 0],
      [10, 100, 0],
    ]);
  });
});

describe('contrast-sensitivity.csv on a Sobol design with a known answer', () => {
  // Two inputs uniform on [0, 1]. The mean paired difference at each point is
  // x1 + 2 x2 (replicate noise ±0.1 cancels), so S1 = ST = 1/5 and 4/5
  // (variances 1/12 and 4/12). Condition "off" itself depends mostly on x2, so
  // indices of either outcome alone would differ. Metric "flat" differs by a
  // constant: no variance, no indices.
  const n = 512;
  const k = 2;
  const points = n * (k + 2);
  const unit = saltelliSample(n, k, createRng(2024));
  const failedPoint = 6; // every "on" run failed here: its block is left out
  let dir: string;
  let result: ContrastsResult;
  beforeAll(async () => {
    const runs: FolderRun[] = [];
    for (let p = 0; p < points; p++) {
      const [x1, x2] = [unit[p * k], unit[p * k + 1]];
      for (const [replicate, noise] of [[1, 0.1], [2, -0.1]] as const) {
        const off = 3 * x2 ** 2 + 0.5 * noise;
        runs.push({ condition: 'off', point: p + 1, replicate, values: [off, 1] });
        runs.push({ condition: 'on', point: p + 1, replicate, status: p + 1 === failedPoint ? 'failed' : 'ok', values: [off + x1 + 2 * x2 + noise, 2] });
      }
    }
    dir = writeFolder({
      conditions: [{ name: 'off', params: { switch: false, x1: 0.5, x2: 0.5 } }, { name: 'on', params: { switch: true, x1: 0.5, x2: 0.5 } }],
      metrics: ['y', 'flat'],
      runs,
      sweep: { kind: 'sobol', parameters: ['x1', 'x2'], n },
    });
    result = await computeContrasts(dir);
  }, SLOW);

  it('recovers S1 = ST = 0.2 and 0.8 for the contrast, inside the bootstrap intervals', () => {
    const rows = result.sensitivity!.filter((r) => r.metric === 'y');
    expect(rows.map((r) => [r.condition_a, r.condition_b, r.factor, r.parameter, r.n])).toEqual([
      ['off', 'on', 'switch', 'x1', n - 1],
      ['off', 'on', 'switch', 'x2', n - 1],
    ]);
    [0.2, 0.8].forEach((truth, i) => {
      const r = rows[i];
      expect(Math.abs(r.S1 - truth)).toBeLessThan(0.06);
      expect(Math.abs(r.ST - truth)).toBeLessThan(0.06);
      expect(r.S1_ci_low).toBeLessThan(truth);
      expect(r.S1_ci_high).toBeGreaterThan(truth);
      expect(r.ST_ci_low).toBeLessThan(truth);
      expect(r.ST_ci_high).toBeGreaterThan(truth);
    });
  });

  it('seeds the bootstrap like sensitivity.csv: deriveSeed(master seed, purpose, pair, metric), 1000 resamples', () => {
    const y = new Float64Array(points).fill(NaN);
    for (const r of result.rows.filter((row) => row.metric === 'y')) y[r.point_id - 1] = r.difference;
    expect(y[failedPoint - 1]).toBeNaN();
    const uniform = createRng(deriveSeed(99, 'contrast-sensitivity', 'off', 'on', 'y'));
    const expected = sobolIndices(y, k, { uniform, resamples: 1000 });
    const rows = result.sensitivity!.filter((r) => r.metric === 'y');
    expected.indices.forEach((s, i) => {
      expect([rows[i].S1, rows[i].S1_ci_low, rows[i].S1_ci_high, rows[i].ST_ci_high]).toEqual([s.first, s.firstLow, s.firstHigh, s.totalHigh]);
    });
  });

  it('writes contrast-sensitivity.csv; a contrast with no variance has empty indices', () => {
    expect(result.files).toEqual([join(dir, 'contrasts.csv'), join(dir, 'contrast-sensitivity.csv')]);
    const table = csvRows(join(dir, 'contrast-sensitivity.csv'));
    expect(table[0].join(',')).toBe('condition_a,condition_b,factor,metric,parameter,n,S1,S1_ci_low,S1_ci_high,ST,ST_ci_low,ST_ci_high');
    expect(table.slice(1).map((r) => r.slice(0, 6).join(','))).toEqual([
      `off,on,switch,y,x1,${n - 1}`,
      `off,on,switch,y,x2,${n - 1}`,
      `off,on,switch,flat,x1,${n - 1}`,
      `off,on,switch,flat,x2,${n - 1}`,
    ]);
    expect(table[3].slice(6)).toEqual(['', '', '', '', '', '']);
    expect(csvRows(join(dir, 'contrasts.csv'))).toHaveLength(1 + points * 2);
  });

  it('a part of a Sobol design (--only) gets contrasts but no indices', async () => {
    const partial = writeFolder({
      conditions: [{ name: 'a', params: { v: 1 } }, { name: 'b', params: { v: 2 } }],
      metrics: ['m'],
      runs: [1, 2, 3].flatMap((point) => [{ condition: 'a', point, replicate: 1, values: [point] }, { condition: 'b', point, replicate: 1, values: [2 * point] }]),
      sweep: { kind: 'sobol', parameters: ['x'], n: 1 },
      only: { replicate: [1] },
    });
    const r = await computeContrasts(partial);
    expect(r.rows.map((row) => row.difference)).toEqual([1, 2, 3]);
    expect(r.sensitivity).toBeUndefined();
    expect(r.files).toEqual([join(partial, 'contrasts.csv')]);
  });
});

describe('errors name the folder or file and say what is wrong', () => {
  const two: ConditionParams[] = [
    { name: 'hierarchy', params: { structure: 'hierarchy', gate: true } },
    { name: 'hierarchy-no-gate', params: { structure: 'hierarchy', gate: false } },
  ];
  const runs: FolderRun[] = [{ condition: 'hierarchy', replicate: 1, values: [1] }];

  it('a folder that does not exist', async () => {
    const e = await errorOf(computeContrasts(join(work, 'no-such-folder')));
    expect(e.message).toContain(join(work, 'no-such-folder'));
    expect(e.message).toContain('results folder not found');
  });

  it('a folder that is not a results folder', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const e = await errorOf(computeContrasts(empty));
    expect(e.message).toContain(join(empty, 'manifest.json'));
    expect(e.message).toContain('missing manifest.json');
  });

  it('one condition', async () => {
    const dir = writeFolder({ conditions: [two[0]], metrics: ['m'], runs });
    const e = await errorOf(computeContrasts(dir));
    expect(e.message).toBe(
      `${join(dir, 'manifest.json')} key "conditions": a contrast needs two conditions that differ in one parameter; this results folder has 1 ("hierarchy")`,
    );
  });

  it('no pair differs in exactly one parameter: the conditions and how each pair differs', async () => {
    const dir = writeFolder({
      conditions: [
        { name: 'hierarchy', params: { structure: 'hierarchy', gate: true } },
        { name: 'network-no-gate', params: { structure: 'network', gate: false } },
      ],
      metrics: ['m'],
      runs,
    });
    const e = await errorOf(computeContrasts(dir));
    expect(e.message).toBe(
      `${join(dir, 'manifest.json')} key "conditions": no two conditions differ in exactly one parameter, which a contrast needs ` +
        '(conditions "hierarchy", "network-no-gate": "hierarchy" and "network-no-gate" differ in 2 (structure, gate))',
    );
  });

  it('an A/A design: identical conditions differ in no parameter', async () => {
    const dir = writeFolder({ conditions: [two[0], { ...two[0], name: 'again' }], metrics: ['m'], runs });
    const e = await errorOf(computeContrasts(dir));
    expect(e.message).toContain('no two conditions differ in exactly one parameter');
    expect(e.message).toContain('"hierarchy" and "again" have identical parameters');
  });

  it('many conditions: the first six pairs are explained, the rest counted', async () => {
    const conditions = [1, 2, 3, 4, 5].map((i) => ({ name: `c${i}`, params: { x: i, y: i } }));
    const dir = writeFolder({ conditions, metrics: ['m'], runs: [{ condition: 'c1', replicate: 1, values: [1] }] });
    const e = await errorOf(computeContrasts(dir));
    expect(e.message).toContain('"c1" and "c2" differ in 2 (x, y); ');
    expect(e.message).toContain('"c2" and "c4" differ in 2 (x, y); and 4 more pairs)');
  });

  it('an unknown metric lists the valid ones (and the nearest); an empty list is refused', async () => {
    const dir = writeFolder({ conditions: two, metrics: ['cumulative_value', 'mean_trust'], runs: [{ condition: 'hierarchy', replicate: 1, values: [1, 2] }] });
    const e = await errorOf(computeContrasts(dir, { metrics: ['mean_trust', 'cumulative_valeu'] }));
    expect(e.message).toBe(
      `--metrics: unknown run metric "cumulative_valeu" (the run metrics are listed in ${join(dir, 'manifest.json')}); valid run metrics: cumulative_value, mean_trust. Did you mean "cumulative_value"?`,
    );
    const none = await errorOf(computeContrasts(dir, { metrics: [] }));
    expect(none.message).toBe(`--metrics: no run metric given; valid run metrics: cumulative_value, mean_trust`);
    expect(existsSync(join(dir, 'contrasts.csv'))).toBe(false);
  });

  it('a pair that differs in more than its factor somewhere in a sweep is left out, or refused when it is the only one', async () => {
    const conditions = [
      { name: 'h', params: { structure: 'hierarchy', backing: 0.5 } },
      { name: 'n', params: { structure: 'network', backing: 0.5 } },
    ];
    // at point 2 condition n ran with backing 0.9 (a formula of the swept value): structure is not the only difference
    const confoundedRuns: FolderRun[] = [1, 2].flatMap((point) => [
      { condition: 'h', point, replicate: 1, values: [1] },
      { condition: 'n', point, replicate: 1, values: [2], params: point === 2 ? { backing: 0.9 } : undefined },
    ]);
    const dir = writeFolder({ conditions, metrics: ['m'], runs: confoundedRuns });
    const e = await errorOf(computeContrasts(dir));
    expect(e.message).toBe(
      `${join(dir, 'runs.csv')}: every pair of conditions that differs in one parameter at the first point differs in more elsewhere in the sweep (e.g. "h" and "n" at point 2: structure, backing), so no contrast isolates one factor`,
    );
    // with a third condition that differs from h in structure alone everywhere, that pair is kept and the confounded one reported
    const three = [...conditions, { name: 'n2', params: { structure: 'network2', backing: 0.5 } }];
    const more = writeFolder({ conditions: three, metrics: ['m'], runs: [...confoundedRuns, ...[1, 2].map((point) => ({ condition: 'n2', point, replicate: 1, values: [3] }))] });
    const result = await computeContrasts(more);
    expect(result.pairs.map((p) => [p.a, p.b])).toEqual([['h', 'n2']]);
    expect(result.confounded).toEqual([
      { pair: expect.objectContaining({ a: 'h', b: 'n', factor: 'structure' }), point: 2, differences: ['structure', 'backing'] },
      { pair: expect.objectContaining({ a: 'n', b: 'n2', factor: 'structure' }), point: 2, differences: ['structure', 'backing'] },
    ]);
  });

  it('a factor no pair varies lists the factors found', async () => {
    const dir = writeFolder({ conditions: two, metrics: ['m'], runs });
    const e = await errorOf(computeContrasts(dir, { factor: 'structure' }));
    expect(e.message).toBe(`${join(dir, 'manifest.json')} key "factor": no two conditions differ only in "structure"; the pairs found differ in "gate".`);
  });

  it('a Sobol design without its sample size', async () => {
    const dir = writeFolder({ conditions: two, metrics: ['m'], runs, sweep: { kind: 'sobol', parameters: ['x'] } });
    const e = await errorOf(computeContrasts(dir));
    expect(e.message).toBe(`${join(dir, 'manifest.json')} key "sweep.n": expected the sample size of the sobol design (a positive integer)`);
  });
});

describe('orgsim contrasts through the CLI, after orgsim run', () => {
  let out: string;
  let scenario: string;
  let run: ReturnType<typeof orgsim>;
  beforeAll(() => {
    const dir = mkdtempSync(join(work, 'cli-'));
    scenario = writeScenario(
      dir,
      'ablation.yaml',
      [
        'name: ablation',
        'model: purpose-alignment',
        'seed: 7',
        'ticks: 4',
        'replicates: 3',
        'parameters: { agents: 13, span: 3, bits: 6, interactions: 2 }',
        'conditions:',
        '  hierarchy: { structure: hierarchy }',
        '  network: { structure: network }',
        '  hierarchy-no-C1: { structure: hierarchy, genuineness_gate: false }',
        '  network-no-C1: { structure: network, genuineness_gate: false }',
      ].join('\n') + '\n',
    );
    out = join(dir, 'results');
    run = orgsim(['run', scenario, '--out', out, '--no-charts', '--quiet', '--workers', '1']);
  }, SLOW);

  it('writes contrasts.csv: 4 pairs × every run metric, and prints a table per pair', () => {
    expect(run.status).toBe(0);
    const r = orgsim(['contrasts', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const metrics: string[] = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).model.run_metrics.map((m: { name: string }) => m.name);
    const table = csvRows(join(out, 'contrasts.csv'));
    expect(table[0]).toHaveLength(15);
    expect(table).toHaveLength(1 + 4 * metrics.length);
    const pairs = [...new Set(table.slice(1).map((row) => row.slice(0, 5).join(',')))];
    expect(pairs).toEqual([
      'hierarchy,network,structure,hierarchy,network',
      'hierarchy-no-C1,hierarchy,genuineness_gate,false,true',
      'network-no-C1,network,genuineness_gate,false,true',
      'hierarchy-no-C1,network-no-C1,structure,hierarchy,network',
    ]);
    expect(table.slice(1).map((row) => row[6])).toEqual(Array.from({ length: 4 }, () => metrics).flat());
    // point 1 (no sweep); 3 pairs wherever both runs have a value (some metrics are empty when, e.g., no team formed)
    expect(table.slice(1).every((row) => row[5] === '1' && ['0', '1', '2', '3'].includes(row[7]))).toBe(true);
    expect(table[1][7]).toBe('3');
    expect(r.stdout).toContain('hierarchy − hierarchy-no-C1: genuineness_gate false → true');
    expect(r.stdout).toMatch(/metric +n +mean a +mean b +difference \[95% CI\]/);
    for (const m of metrics.slice(0, 4)) expect(r.stdout).toMatch(new RegExp(`\\n  ${m} +\\d `));
    expect(r.stdout).not.toMatch(new RegExp(`\\n  ${metrics[4]} `));
    expect(r.stdout).toContain(`-> ${join(out, 'contrasts.csv')}\n`);
  }, SLOW);

  it('--metrics and --factor choose what is computed and printed', () => {
    const metric: string = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).model.run_metrics.at(-1).name;
    const r = orgsim(['contrasts', out, '--metrics', metric, '--factor', 'genuineness_gate']);
    expect(r.status).toBe(0);
    const table = csvRows(join(out, 'contrasts.csv'));
    expect(table.slice(1).map((row) => `${row[0]}/${row[6]}`)).toEqual([`hierarchy-no-C1/${metric}`, `network-no-C1/${metric}`]);
    expect(r.stdout).toMatch(new RegExp(`\\n  ${metric} +\\d `));
    expect(r.stdout).not.toContain('structure');
  }, SLOW);

  it('bad input exits 2 with the message and no stack trace', () => {
    const r = orgsim(['contrasts', out, '--metrics', 'no_such_metric']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^orgsim: --metrics: unknown run metric "no_such_metric" \(the run metrics are listed in .*manifest\.json\); valid run metrics: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = orgsim(['contrasts', join(out, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('results folder not found');
    const both = orgsim(['contrasts', out, '--pairwise', 'cumulative_value', '--factor', 'genuineness_gate']);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe('orgsim: --pairwise counts one metric over every pair of conditions; --factor does not apply to it (give one or the other).\n');
    // a folder with some conditions' runs missing (--only): the counts are all 0, and it says why
    const onlyOne = mkdtempSync(join(work, 'only-network-'));
    expect(orgsim(['run', scenario, '--out', onlyOne, '--force', '--only', 'condition=network', '--quiet', '--no-charts', '--workers', '1']).status).toBe(0);
    const empty = orgsim(['contrasts', onlyOne, '--pairwise', 'cumulative_value']);
    expect(empty.status).toBe(0);
    expect(empty.stderr).toContain('orgsim: warning: no replicate has a value of cumulative_value in both conditions of any pair (a folder made with --only or --shard, or a metric empty in every run), so every count is 0');
  }, SLOW);
});

describe('pairwise wins, ties and losses between conditions', () => {
  it('counts, per ordered pair and point, the replicates the first beat, tied and lost on a run metric; the reverse pair mirrors it', async () => {
    const { pairwiseRows } = await import('../src/experiment/pairwise.ts');
    const { readResults } = await import('../src/output/read-results.ts');
    const { join } = await import('node:path');
    const results = await readResults(join(import.meta.dirname, 'fixtures', 'results', 'basic'));
    const rows = pairwiseRows(results, 'cumulative_value');
    const value = (c: string, r: number) => results.runs.find((x) => x.condition === c && x.replicate === r)!.metrics.cumulative_value!;
    const expected = { wins: 0, ties: 0, losses: 0 };
    for (const r of [1, 2, 3]) {
      const [a, b] = [value('hierarchy', r), value('network', r)];
      if (a > b) expected.wins++;
      else if (a < b) expected.losses++;
      else expected.ties++;
    }
    const ab = rows.find((r) => r.condition_a === 'hierarchy' && r.condition_b === 'network')!;
    const ba = rows.find((r) => r.condition_a === 'network' && r.condition_b === 'hierarchy')!;
    expect(ab).toMatchObject({ point_id: 1, metric: 'cumulative_value', n_pairs: 3, ...expected });
    expect([ba.wins, ba.ties, ba.losses]).toEqual([ab.losses, ab.ties, ab.wins]);
    expect(rows).toHaveLength(2);
    const one = { ...results, manifest: { ...results.manifest, conditions: results.manifest.conditions.slice(0, 1) } };
    expect(() => pairwiseRows(one, 'cumulative_value')).toThrow(/^--pairwise: .* has one condition \(hierarchy\), so there is no pair to count\. Pairwise compares conditions; the values of a swept parameter are not conditions/);
    expect(() => pairwiseRows(results, 'cumulative_valu')).toThrow(/^--pairwise cumulative_valu: not a run metric of model "purpose-alignment"\. Did you mean "cumulative_value"\?/);
  });
});

describe('A/A: two identically configured conditions under different names', () => {
  // the behaviour seed hashes the condition's name; every built-in model draws its
  // decisions from keyed draws seeded without it, so an A/A comparison ties everywhere
  const designs = [
    { model: 'purpose-alignment', metric: 'cumulative_value', parameters: 'agents: 30\n  levels: 0', ticks: 20 },
    { model: 'nk-network-search', metric: 'mean_score', parameters: 'agents: 12\n  bits: 8\n  interactions: 2\n  network: random\n  density: 0.3\n  velocity: 0.5\n  copy_error: 0.2', ticks: 30 },
    { model: 'march-1991', metric: 'code_knowledge', parameters: 'people: 12\n  dimensions: 10\n  p3: 0.05\n  p4: 0.02\n  observation: actions', ticks: 30 },
    { model: 'social-learning', metric: 'mean_payoff', parameters: 'agents: 12\n  bits: 8\n  interactions: 2\n  strategy: conformity', ticks: 30 },
  ];
  for (const d of designs) {
    it(`${d.model}: ${d.metric} ties on every replicate`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'orgsim-aa-'));
      try {
        const scenario = writeScenario(dir, 'aa.yaml', `name: aa\nmodel: ${d.model}\nseed: 7\nticks: ${d.ticks}\nreplicates: 12\nparameters:\n  ${d.parameters}\nconditions:\n  first: {}\n  second: {}\n`);
        const run = orgsim(['run', scenario, '--out', join(dir, 'out'), '--no-charts', '--quiet', '--workers', '1']);
        expect(run.stderr).toBe('');
        const pairwise = orgsim(['contrasts', join(dir, 'out'), '--pairwise', d.metric]);
        expect(pairwise.stdout).toContain(`first vs second on ${d.metric}: 0 wins, 12 ties, 0 losses of 12`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, SLOW);
  }
});
