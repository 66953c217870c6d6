import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeShards, progressReporter, runExperiment, type ExperimentOptions } from '../src/experiment/index.ts';
import type { Scenario } from '../src/scenario/index.ts';
import { csvs, rows, scenario, tempDir } from './fixtures/experiment/helpers.ts';

const sweep = [
  'name: walk',
  'model: tiny-test',
  'seed: 3',
  'ticks: 12',
  'replicates: 3',
  'conditions: { calm: {}, wild: { mode: b } }',
  'sweep: { x: [1, 2, 4], y: { from: 0.5, to: 1.5, step: 0.5 } }',
];

async function run(s: Scenario, options: ExperimentOptions = {}) {
  const outDir = options.outDir ?? tempDir();
  const result = await runExperiment(s, { ...options, outDir });
  return { result, files: csvs(outDir), outDir };
}

describe('running a sweep', () => {
  it('writes point_id after condition in every CSV, and summaries per condition × point × metric', async () => {
    const { result, files } = await run(await scenario(sweep));
    expect(result).toMatchObject({ runs: 54, done: 54, failed: 0, resumed: 0, interrupted: false });
    expect(files['runs.csv'].split('\n')[0]).toBe('run_id,condition,point_id,replicate,seed,status,ticks_run,x,y,k,mode,fail_above,final,peak,error');
    expect(files['timeseries.csv'].split('\n')[0]).toBe('run_id,condition,point_id,replicate,tick,level');
    expect(files['summary.csv'].split('\n')[0]).toBe('condition,point_id,metric,n,mean,sd,ci_low,ci_high,median,q1,q3');
    expect(rows(files['runs.csv'])).toHaveLength(54);
    expect(rows(files['timeseries.csv'])).toHaveLength(54 * 13);
    expect(rows(files['summary.csv'])).toHaveLength(2 * 9 * 2);
    expect(rows(files['summary.csv'])[3]).toMatch(/^calm,2,peak,3,/);
    expect(rows(files['runs.csv'])[3]).toMatch(/^4,calm,2,1,\d+,ok,12,1,1,3,a,100,/);
  });

  it('--only re-runs a subset and gives the same rows', async () => {
    const s = await scenario(sweep);
    const full = (await run(s)).files;
    const subsets: ExperimentOptions['only'][] = [{ run_id: [5, 30, 31] }, { point_id: [4] }, { condition: ['wild'], replicate: [2] }];
    for (const only of subsets) {
      const part = (await run(s, { only })).files;
      const runRows = rows(part['runs.csv']);
      expect(runRows.length).toBeGreaterThan(0);
      for (const row of runRows) expect(rows(full['runs.csv'])).toContain(row);
      for (const row of rows(part['timeseries.csv'])) expect(rows(full['timeseries.csv'])).toContain(row);
    }
  });

  it('a run that throws is recorded as failed, with its message on one line, and the others go on', async () => {
    const s = await scenario([...sweep.slice(0, 5), 'conditions: { calm: {}, wild: { mode: b, fail_above: 1.5 } }', sweep[6]]);
    const { result, files } = await run(s);
    expect(result).toMatchObject({ runs: 54, failed: 18 });
    const failed = rows(files['runs.csv']).filter((r) => r.includes(',failed,'));
    expect(failed).toHaveLength(18);
    expect(failed[0]).toMatch(/^\d+,wild,4,1,\d+,failed,,2,0\.5,3,b,1\.5,,,"x is too large, ""really"" \(2\)"$/);
    expect(rows(files['summary.csv'])).toContain('wild,4,final,0,,,,,,,');
    expect(rows(files['timeseries.csv'])).toHaveLength(36 * 13);
  });

  it('--timeseries every=k keeps ticks 0, k, 2k, … and the last; none keeps the header', async () => {
    const s = await scenario(sweep);
    const every5 = (await run(s, { timeseries: { every: 5 } })).files['timeseries.csv'];
    expect(rows(every5).slice(0, 4).map((r) => r.split(',')[4])).toEqual(['0', '5', '10', '12']);
    const none = await run(s, { timeseries: 'none' });
    expect(none.files['timeseries.csv']).toBe('run_id,condition,point_id,replicate,tick,level\n');
    expect(JSON.parse(readFileSync(join(none.outDir, 'manifest.json'), 'utf8')).timeseries).toBe('none');
  });

  it('reports progress for every run, resumed ones included', async () => {
    const seen: [number, number][] = [];
    await run(await scenario(sweep), { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen[0]).toEqual([0, 54]);
    expect(seen.at(-1)).toEqual([54, 54]);
    expect(seen).toHaveLength(55);
  });
});

describe('stopping and resuming', () => {
  it('a stopped experiment leaves no result files; --resume finishes it with the same bytes', async () => {
    const s = await scenario(sweep);
    const reference = (await run(s)).files;
    const outDir = tempDir();
    const stop = new AbortController();
    const first = await runExperiment(s, { outDir, signal: stop.signal, onProgress: (done) => done === 20 && stop.abort() });
    expect(first).toMatchObject({ interrupted: true, done: 20 });
    expect(existsSync(join(outDir, 'runs.csv'))).toBe(false);
    expect(existsSync(join(outDir, '.partial', 'journal'))).toBe(true);
    const second = await runExperiment(s, { outDir, resume: true });
    expect(second).toMatchObject({ interrupted: false, resumed: 20, done: 54 });
    expect(csvs(outDir)).toEqual(reference);
    expect(existsSync(join(outDir, '.partial'))).toBe(false);
  });

  it('stopped after the last run but before finishing, --resume only finishes', async () => {
    const s = await scenario(sweep);
    const reference = (await run(s)).files;
    const outDir = tempDir();
    const stop = new AbortController();
    const first = await runExperiment(s, { outDir, signal: stop.signal, onProgress: (done) => done === 54 && stop.abort() });
    expect(first).toMatchObject({ interrupted: true, done: 54 });
    const second = await runExperiment(s, { outDir, resume: true });
    expect(second).toMatchObject({ interrupted: false, resumed: 54 });
    expect(csvs(outDir)).toEqual(reference);
  });

  it('a crash mid-write (a torn row, a torn journal line) is cut back to the last complete run', async () => {
    const s = await scenario(sweep);
    const reference = (await run(s)).files;
    const outDir = tempDir();
    const stop = new AbortController();
    await runExperiment(s, { outDir, signal: stop.signal, onProgress: (done) => done === 7 && stop.abort() });
    appendFileSync(join(outDir, '.partial', 'runs.csv'), '8,calm,3,2,123,ok,1');
    appendFileSync(join(outDir, '.partial', 'timeseries.csv'), '8,calm,3,2,0,1.2\n8,calm');
    appendFileSync(join(outDir, '.partial', 'journal'), '8 99');
    await runExperiment(s, { outDir, resume: true });
    expect(csvs(outDir)).toEqual(reference);
  });

  it('--resume of a finished experiment does nothing; of another experiment it is an error that changes nothing', async () => {
    const s = await scenario(sweep);
    const { outDir, files } = await run(s);
    const again = await runExperiment(s, { outDir, resume: true });
    expect(again).toMatchObject({ runs: 54, resumed: 54, interrupted: false });
    expect(csvs(outDir)).toEqual(files);
    const other = await scenario(sweep, { seed: 4 });
    await expect(runExperiment(other, { outDir, resume: true })).rejects.toThrow(
      /--resume: .* holds results of another experiment \(overrides \(--seed, --ticks, --replicates, --set\): \{\} vs \{"seed":4\}\)/,
    );
    const stop = new AbortController();
    const partial = tempDir();
    await runExperiment(s, { outDir: partial, signal: stop.signal, onProgress: (d) => d === 3 && stop.abort() });
    const journal = readFileSync(join(partial, '.partial', 'journal'), 'utf8');
    const changed = await scenario([...sweep, '# another file']);
    await expect(runExperiment(changed, { outDir: partial, resume: true })).rejects.toThrow(/another experiment \(scenario file \(sha256\)/);
    await expect(runExperiment(s, { outDir: partial, resume: true, timeseries: 'none' })).rejects.toThrow(/--timeseries: "all" vs "none"/);
    expect(readFileSync(join(partial, '.partial', 'journal'), 'utf8')).toBe(journal);
  });
});

describe('shards', () => {
  it('merging the shards gives the same bytes as one machine', async () => {
    const s = await scenario(sweep);
    const reference = await run(s);
    const shards = await Promise.all([0, 1, 2, 3].map(async (index) => (await run(s, { shard: { index, count: 4 } })).outDir));
    expect(rows(csvs(shards[1])['runs.csv']).map((r) => Number(r.split(',')[0]) % 4)).toEqual(Array(14).fill(1));
    const merged = tempDir();
    const result = mergeShards([shards[2], shards[0], shards[3], shards[1]], merged);
    expect(result).toMatchObject({ shards: 4, runs: 54, failed: 0 });
    expect(csvs(merged)).toEqual(reference.files);
    const manifest = JSON.parse(readFileSync(join(merged, 'manifest.json'), 'utf8'));
    const single = JSON.parse(readFileSync(join(reference.outDir, 'manifest.json'), 'utf8'));
    for (const m of [manifest, single]) for (const key of ['started_at', 'finished_at']) delete m[key];
    expect(manifest).toEqual(single);
  });

  it('merge refuses shards of other experiments or versions, missing or repeated shards, and unfinished ones', async () => {
    const s = await scenario(sweep);
    const shard = async (index: number, count: number, sc = s) => (await run(sc, { shard: { index, count } })).outDir;
    const [a, b] = [await shard(0, 2), await shard(1, 2)];
    const other = await shard(1, 2, await scenario(sweep, { ticks: 5 }));
    expect(() => mergeShards([a, other], tempDir())).toThrow(/shards of different experiments \(overrides .*\{"ticks":5\}/);
    const newer = await shard(1, 2);
    const path = join(newer, 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"orgsim_version": "', '"orgsim_version": "9.'));
    expect(() => mergeShards([a, newer], tempDir())).toThrow(/different experiments \(orgsim version: "[\d.]+" vs "9\.[\d.]+"\)/);
    expect(() => mergeShards([a], tempDir())).toThrow(/shard 1\/2 missing/);
    expect(() => mergeShards([a, a, b], tempDir())).toThrow(/shard 0\/2 is given twice/);
    const third = await shard(1, 3);
    expect(() => mergeShards([a, third], tempDir())).toThrow(/a shard of 2 and .* a shard of 3/);
    const whole = (await run(s)).outDir;
    expect(() => mergeShards([a, whole], tempDir())).toThrow(/is not a shard/);
    expect(() => mergeShards([a, b], a)).toThrow(/is one of the shard folders/);
    const stop = new AbortController();
    const unfinished = tempDir();
    await runExperiment(s, { outDir: unfinished, shard: { index: 1, count: 2 }, signal: stop.signal, onProgress: (d) => d === 2 && stop.abort() });
    expect(() => mergeShards([a, unfinished], tempDir())).toThrow(/unfinished shard; .*--resume/);
  });
});

describe('progress on stderr', () => {
  it('a bar on a terminal, plain lines at most every five seconds elsewhere', () => {
    let t = 0;
    const tty: string[] = [];
    const bar = progressReporter({ isTTY: true, columns: 100, write: (s: string) => tty.push(s) }, () => t);
    bar.update(0, 100);
    t = 10_000;
    bar.update(50, 100);
    bar.finish();
    expect(tty[1]).toMatch(/^\r\[#+-+\] 50\/100 runs {2}5\.0 runs\/s {2}elapsed 0:10 {2}ETA 0:10\x1b\[K$/);
    expect(tty.at(-1)).toBe('\n');
    const plain: string[] = [];
    t = 0;
    const log = progressReporter({ write: (s: string) => plain.push(s) }, () => t);
    for (let done = 0; done <= 100; done++, t += 100) log.update(done, 100);
    log.finish();
    expect(plain).toHaveLength(4);
    expect(plain[1]).toBe('orgsim: 50/100 runs  10.0 runs/s  elapsed 0:05  ETA 0:05\n');
  });
});
