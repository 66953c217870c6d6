import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { parseOnly, parseShard, parseTimeseries, runExperiment, type ExperimentOptions } from '../src/experiment/index.ts';
import { registerModel } from '../src/models/registry.ts';
import type { ScenarioOverrides } from '../src/scenario/index.ts';
import { tinyModel } from './fixtures/experiment/models.ts';
import { scenario, tempDir } from './fixtures/experiment/helpers.ts';

const head = ['name: t', 'model: tiny-test'];

async function errorOf(lines: string[], overrides?: ScenarioOverrides): Promise<UserInputError> {
  const e = await scenario([...head, ...lines], overrides).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(UserInputError);
  expect((e as Error).message).not.toMatch(/\n|TypeError|undefined/);
  return e as UserInputError;
}

function thrown(f: () => unknown): UserInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return e as UserInputError;
  }
  throw new Error('expected a UserInputError');
}

describe('bad sweep specs: the file, line and key, and what was expected', () => {
  it('a range with step 0, n < 1, from > to, both or neither of step and n', async () => {
    let e = await errorOf(['sweep:', '  x: { from: 0, to: 1, step: 0 }']);
    expect(e.location).toEqual({ file: 'scenarios/test.yaml', line: 4, column: 30, key: 'sweep.x.step' });
    expect(e.message).toBe('scenarios/test.yaml:4:30 key "sweep.x.step": "step" must be greater than 0, got 0.');
    e = await errorOf(['sweep:', '  x: { from: 0, to: 1, n: 0 }']);
    expect(e.message).toMatch(/:4:27 key "sweep\.x\.n": "n" must be an integer >= 1, got 0\./);
    expect((await errorOf(['sweep: { x: { from: 2, to: 1, n: 2 } }'])).message).toMatch(/key "sweep\.x": "from" \(2\) must not be greater than "to" \(1\)/);
    expect((await errorOf(['sweep: { x: { from: 0, to: 1, n: 2, step: 1 } }'])).message).toMatch(/needs exactly one of "step" and "n"/);
    expect((await errorOf(['sweep: { x: { from: 0, to: 1 } }'])).message).toMatch(/needs exactly one of "step" and "n"/);
    expect((await errorOf(['sweep: { x: { from: 0, to: 1, stp: 1 } }'])).message).toMatch(/key "sweep\.x\.stp": unknown key "stp"\. Did you mean "step"\?/);
    expect((await errorOf(['sweep: { x: { from: 0, to: 1, step: 1e-9 } }'])).message).toMatch(/this range has \d+ values; at most 100000/);
  });

  it('an unknown swept parameter, with the nearest name', async () => {
    const e = await errorOf(['sweep:', '  mdoe: [a, b]']);
    expect(e.location).toMatchObject({ line: 4, column: 3, key: 'sweep.mdoe' });
    expect(e.message).toMatch(/unknown parameter "mdoe" of model "tiny-test"\. Did you mean "mode"\?/);
    expect((await errorOf(['sweep: { lhs: { n: 3, ranges: { z: [0, 1] } } }'])).message).toMatch(/key "sweep\.lhs\.ranges\.z": unknown parameter "z"/);
  });

  it('grid values are checked like any value: range, kind, duplicates, empty lists, single values', async () => {
    let e = await errorOf(['sweep:', '  x: [1, 20]']);
    expect(e.location).toMatchObject({ line: 4, column: 10, key: 'sweep.x' });
    expect(e.message).toMatch(/expected a number in \[0, 10\], got 20/);
    expect((await errorOf(['sweep: { k: { from: 1, to: 2, step: 0.5 } }'])).message).toMatch(/expected an integer in \[1, 100\], got 1\.5/);
    expect((await errorOf(['sweep: { mode: [a, c] }'])).message).toMatch(/expected one of "a", "b", got "c"/);
    expect((await errorOf(['sweep: { x: [1, 2, 1] }'])).message).toMatch(/the value 1 appears twice/);
    expect((await errorOf(['sweep: { x: [] }'])).message).toMatch(/expected at least one value to sweep over/);
    expect((await errorOf(['sweep: { x: 3 }'])).message).toMatch(/got 3 \(a single value belongs under "parameters:"\)/);
    expect((await errorOf(['sweep: {}'])).message).toMatch(/key "sweep": sweep is empty/);
    expect((await errorOf(['sweep: [x]'])).message).toMatch(/key "sweep": expected a mapping of swept parameters/);
  });

  it('lhs and sobol: n, ranges within the parameter’s range, numbers only, not mixed with a grid', async () => {
    expect((await errorOf(['sweep: { lhs: { n: 0, ranges: { x: [0, 1] } } }'])).message).toMatch(/key "sweep\.lhs\.n": "n" must be an integer >= 1, got 0/);
    expect((await errorOf(['sweep: { sobol: { n: 1, ranges: { x: [0, 1] } } }'])).message).toMatch(/"n" must be an integer >= 2, got 1/);
    expect((await errorOf(['sweep: { sobol: { n: 4, ranges: { mode: [0, 1] } } }'])).message).toMatch(/sobol samples numbers, but "mode" is one of "a", "b"/);
    expect((await errorOf(['sweep: { lhs: { n: 4, ranges: { x: [0, 11] } } }'])).message).toMatch(/expected a number in \[0, 10\], got 11/);
    expect((await errorOf(['sweep: { lhs: { n: 4, ranges: { x: [1, 1] } } }'])).message).toMatch(/expected from < to, got \[1, 1\]/);
    expect((await errorOf(['sweep: { lhs: { n: 4, ranges: { x: 1 } } }'])).message).toMatch(/expected \[from, to\] \(two numbers\) or \{ from, to \}, got 1/);
    expect((await errorOf(['sweep: { lhs: { n: 4 } }'])).message).toMatch(/"ranges" is missing/);
    expect((await errorOf(['sweep: { lhs: { n: 4, rangs: {} } }'])).message).toMatch(/unknown key "rangs"\. Did you mean "ranges"\?/);
    expect((await errorOf(['sweep: { sobol: { n: 5000000, ranges: { x: [0, 1] } } }'])).message).toMatch(/this design has 15000000 points; orgsim checks every one before running and accepts at most 10000\. Use fewer values per axis or a smaller sample \(n\), or split the design into several scenarios\.$/);
    expect((await errorOf(['sweep: { x: { from: 0, to: 9, n: 100 }, y: { from: 0, to: 9, n: 60 } }', 'conditions: { a: { mode: a }, b: { mode: b } }'])).message).toMatch(
      /key "sweep": this design has 6000 sweep points × 2 conditions = 12000 parameter sets; orgsim checks every one/,
    );
    expect((await errorOf(['sweep: { x: { from: 0, to: 9, n: 5000 }, y: { from: 0, to: 9, n: 5000 } }'])).message).toMatch(/key "sweep": this design has 25000000 points/);
    expect((await errorOf(['sweep: { lhs: { n: 4, ranges: { x: [0, 1] } }, y: [1] }'])).message).toMatch(
      /key "sweep\.y": "lhs" is a design of its own; it cannot be combined with "y"/,
    );
  });

  it('a swept parameter fixed by a condition or --set, and a point the model rejects', async () => {
    let e = await errorOf(['conditions:', '  one: { x: 2 }', 'sweep: { x: [1, 3] }']);
    expect(e.location).toMatchObject({ line: 4, key: 'conditions.one.x' });
    expect(e.message).toMatch(/"x" is swept and also set in condition "one"; remove one of the two\./);
    e = await errorOf(['sweep: { x: [1, 3] }'], { set: { x: 2 } });
    expect(e.message).toBe('--set x=2: "x" is swept; --set cannot fix it. Remove it from the sweep or from --set.');
    e = await errorOf(['conditions: { one: {}, two: { mode: b } }', 'sweep: { k: [10, 60] }']);
    expect(e.message).toMatch(/key "sweep\.k": k must be at most 50 in mode b in condition "two" at sweep point 2 \(k=60\)\./);
  });
});

describe('bad run options', () => {
  it('--shard out of range or malformed', async () => {
    expect(thrown(() => parseShard('4/4')).message).toBe('--shard 4/4: the shard index must be 0 to 3 (shards are numbered from 0, as Slurm array task ids are).');
    expect(thrown(() => parseShard('0/0')).message).toMatch(/the number of shards must be at least 1/);
    expect(thrown(() => parseShard('1of4')).message).toMatch(/expected i\/n, e\.g\. --shard 0\/4/);
    const s = await scenario(head);
    const out = join(tempDir(), 'never');
    await expect(runExperiment(s, { outDir: out, shard: { index: 2, count: 2 } })).rejects.toThrow(/the shard index must be 0 to 1/);
    expect(existsSync(out)).toBe(false);
  });

  it('--only with an unknown key, a malformed value, or values outside the design', async () => {
    expect(thrown(() => parseOnly(['runid=3'])).message).toMatch(/--only runid=3: expected key=values with key run_id, point_id, replicate, condition .*Did you mean "run_id"\?/);
    expect(thrown(() => parseOnly(['run_id=3,x'])).message).toMatch(/"x" is not a whole number or a range like 4-6/);
    expect(thrown(() => parseOnly(['run_id=5-3'])).message).toMatch(/the range 5-3 goes backwards/);
    expect(thrown(() => parseOnly(['point_id='])).message).toMatch(/the values after "=" are missing/);
    expect(parseOnly(['run_id=2,5-7', 'condition=a,b', 'run_id=9'])).toEqual({ run_id: [2, 5, 6, 7, 9], condition: ['a', 'b'] });
    const s = await scenario([...head, 'replicates: 2', 'conditions: { one: {}, two: {} }', 'sweep: { x: [1, 2] }']);
    const out = join(tempDir(), 'never');
    const attempt = (only: ExperimentOptions['only']) => runExperiment(s, { outDir: out, only });
    await expect(attempt({ run_id: [9] })).rejects.toThrow("--only run_id=9: this design's run_id goes from 1 to 8.");
    await expect(attempt({ point_id: [3] })).rejects.toThrow(/point_id goes from 1 to 2/);
    await expect(attempt({ condition: ['on'] })).rejects.toThrow(/--only condition=on: no such condition\. Did you mean "one"\? Conditions: one, two\./);
    await expect(attempt({ run_id: [1], condition: ['two'] })).rejects.toThrow(/the selection names no run of this design/);
    await expect(runExperiment(s, { only: { run_id: [1] } })).rejects.toThrow(/give --out <folder>/);
    expect(existsSync(out)).toBe(false);
  });

  it('--timeseries and --workers values', async () => {
    expect(thrown(() => parseTimeseries('every=0')).message).toMatch(/expected all, none or every=k with k a whole number >= 1/);
    expect(thrown(() => parseTimeseries('some')).message).toMatch(/--timeseries some:/);
    expect(parseTimeseries('every=1')).toBe('all');
    expect(parseTimeseries('every=20')).toEqual({ every: 20 });
    const s = await scenario(head);
    const out = join(tempDir(), 'never');
    await expect(runExperiment(s, { outDir: out, workers: 0 })).rejects.toThrow('--workers 0: expected a whole number >= 1.');
    await expect(runExperiment(s, { outDir: out, workers: 2 })).rejects.toThrow(/model "tiny-test" was registered in this process, and worker threads cannot see it/);
    expect(existsSync(out)).toBe(false);
    registerModel(tinyModel);
  });
});
