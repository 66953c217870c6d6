/**
 * readResults: typed rows from a results folder, and clear UserInputErrors for a
 * missing or corrupt folder.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { readResults } from '../src/output/read-results.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results');
const temps: string[] = [];

/** A writable copy of a fixture results folder. */
async function copyOf(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'orgsim-read-'));
  temps.push(dir);
  await cp(path.join(FIXTURES, name), path.join(dir, name), { recursive: true });
  return path.join(dir, name);
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

async function errorOf(dir: string): Promise<UserInputError> {
  const e = await readResults(dir).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(UserInputError);
  return e as UserInputError;
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('readResults', () => {
  it('reads the manifest and the three CSVs with numbers as numbers', async () => {
    const r = await readResults(path.join(FIXTURES, 'basic'));
    expect(r.manifest.model.name).toBe('purpose-alignment');
    expect(r.manifest.conditions.map((c) => c.name)).toEqual(['hierarchy', 'network']);
    expect(r.runs).toHaveLength(6);
    expect(r.runs[0]).toEqual({
      run_id: 1,
      condition: 'hierarchy',
      point_id: 1,
      replicate: 1,
      seed: 1001,
      status: 'ok',
      ticks_run: null, // results written before ticks_run was a column
      error: '',
      params: { agents: 12, span: 3, structure: 'hierarchy', reward: 'individual', trust_prior: 0.5, turnover: false },
      metrics: { creative_risk_rate: 0.1, cumulative_value: 3.2, final_fitness: 0.62 },
    });
    expect(r.timeseries).toHaveLength(2 * 3 * 5);
    expect(r.timeseries[1]).toEqual({ run_id: 1, condition: 'hierarchy', point_id: 1, replicate: 1, tick: 1, metrics: { fitness: 0.535, trust: 0.485 } });
    expect(r.summary).toHaveLength(6);
    expect(r.summary[0]).toEqual({
      condition: 'hierarchy', point_id: 1, metric: 'creative_risk_rate', n: 3,
      mean: 0.15, sd: 0.05, ci_low: 0.025793, ci_high: 0.274207, median: 0.15, q1: 0.125, q3: 0.175,
    });
  });

  it('reads sweep points: point_id and swept parameters as columns', async () => {
    const r = await readResults(path.join(FIXTURES, 'sweep'));
    expect(r.manifest.sweep?.parameters).toEqual(['trust_prior', 'span']);
    expect(r.runs[2]).toMatchObject({ point_id: 2, params: { trust_prior: 0.2, span: 4 } });
    expect(r.timeseries[0].point_id).toBe(1);
    expect(r.summary[0]).toMatchObject({ condition: 'hierarchy', point_id: 1, metric: 'creative_risk_rate', n: 2 });
  });

  it('reads empty cells (NaN when written) as null, and failed runs with their message', async () => {
    const dir = await copyOf('basic');
    await edit(path.join(dir, 'runs.csv'), (t) => t.replace('2,hierarchy,1,2,1002,ok,12,3,hierarchy,individual,0.5,false,0.15,3.5,0.66,', '2,hierarchy,1,2,1002,failed,12,3,hierarchy,individual,0.5,false,,,,"boom, at tick 3"'));
    await edit(path.join(dir, 'timeseries.csv'), (t) => t.replace('1,hierarchy,1,1,2,0.54,0.465', '1,hierarchy,1,1,2,,0.465'));
    const r = await readResults(dir);
    expect(r.runs[1]).toMatchObject({ status: 'failed', error: 'boom, at tick 3', metrics: { creative_risk_rate: null, cumulative_value: null, final_fitness: null } });
    expect(r.timeseries[2].metrics).toEqual({ fitness: null, trust: 0.465 });
  });

  it('a missing folder', async () => {
    const err = await errorOf(path.join(FIXTURES, 'nope'));
    expect(err.message).toContain('results folder not found');
    expect(err.message).toContain(path.join(FIXTURES, 'nope'));
  });

  it.each(['manifest.json', 'runs.csv', 'timeseries.csv', 'summary.csv'])('a missing %s', async (file) => {
    const dir = await copyOf('basic');
    await rm(path.join(dir, file));
    const err = await errorOf(dir);
    expect(err.message).toContain(`missing ${file}`);
    expect(err.location.file).toBe(path.join(dir, file));
  });

  it('a manifest that is not JSON, or lacks what charts need', async () => {
    const dir = await copyOf('basic');
    const manifest = path.join(dir, 'manifest.json');
    const good = await readFile(manifest, 'utf8');
    await writeFile(manifest, good.slice(0, 100));
    expect((await errorOf(dir)).message).toMatch(/manifest\.json: not valid JSON/);
    const json = JSON.parse(good);
    delete json.model.run_metrics;
    await writeFile(manifest, JSON.stringify(json));
    const err = await errorOf(dir);
    expect(err.location.key).toBe('model.run_metrics');
    expect(err.message).toContain('expected a list of metrics');
  });

  it('a CSV without a column the manifest lists', async () => {
    const dir = await copyOf('basic');
    await edit(path.join(dir, 'runs.csv'), (t) => t.replace('final_fitness', 'finalfitness'));
    const err = await errorOf(dir);
    expect(err.message).toContain('missing column "final_fitness"');
    expect(err.location).toMatchObject({ file: path.join(dir, 'runs.csv'), line: 1 });
  });

  it('a cell that should be a number: file, line and column', async () => {
    const dir = await copyOf('basic');
    await edit(path.join(dir, 'timeseries.csv'), (t) => t.replace('2,hierarchy,1,2,3,0.595,0.45', '2,hierarchy,1,2,3,n/a,0.45'));
    const err = await errorOf(dir);
    expect(err.location).toMatchObject({ file: path.join(dir, 'timeseries.csv'), key: 'fitness' });
    expect(err.location.line).toBe(10);
    expect(err.message).toContain('expected a number, found "n/a"');
  });

  it('a malformed CSV row', async () => {
    const dir = await copyOf('basic');
    await edit(path.join(dir, 'summary.csv'), (t) => t.replace('network,1,final_fitness,3,', 'network,1,final_fitness,3,1,'));
    const err = await errorOf(dir);
    expect(err.message).toMatch(/summary\.csv:\d+: not a valid CSV file/);
  });
});
