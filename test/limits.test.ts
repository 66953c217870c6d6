/**
 * Limits checked before the work: designs too big to check, landscapes too big to
 * build, runs that need more memory than allowed or a time series longer than one
 * run can hold are refused at once with what to lower; nothing is written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { checkMemory, largestRun, parseMemorySize, runExperiment } from '../src/experiment/index.ts';
import { runStreams } from '../src/experiment/seeds.ts';
import { simulate } from '../src/experiment/simulate.ts';
import { loadScenario } from '../src/scenario/index.ts';
import { ROOT, orgsim } from './cli-helpers.ts';
import { tempDir } from './fixtures/experiment/helpers.ts';

const HEADLINE = join(ROOT, 'scenarios', 'hierarchy-vs-network.yaml');

async function refused(promise: Promise<unknown>): Promise<string> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserInputError);
  return (e as Error).message;
}

describe('memory, checked before any run', () => {
  it('a time series longer than one run can hold is refused, with the stride that fits', async () => {
    const s = await loadScenario(HEADLINE, { ticks: 1_000_000_000 });
    const outDir = join(tempDir(), 'r');
    const message = await refused(runExperiment(s, { outDir }));
    expect(message).toMatch(/^one run's time series \(1000000000 ticks\) would be about \d+ GiB of CSV text, more than one run can hold \(512 MiB\)\. Record fewer ticks with --timeseries every=\d+ \(or none\), or lower ticks\.$/);
    expect(existsSync(outDir)).toBe(false);
  });

  it('the largest run × workers over --max-memory is refused, naming the run and what it needs', async () => {
    const s = await loadScenario(HEADLINE, { set: { agents: 1_000_000, levels: 0, approval_levels: 2 } });
    const run = largestRun(s, { stride: 1 });
    expect(run.state).toBeGreaterThan(100 * 2 ** 20); // a million people take hundreds of MiB
    const outDir = join(tempDir(), 'r');
    const message = await refused(runExperiment(s, { outDir, workers: 2, maxMemory: parseMemorySize('256M') }));
    expect(message).toMatch(
      /^the largest run \(condition "hierarchy"\) needs about [\d.]+ GiB \(model state [\d.]+ GiB, time series [\d.]+ KiB\); with 100 MiB for each of 2 processes or workers and [\d.]+ MiB for up to 32 finished runs waiting to be written in order, that is [\d.]+ GiB, more than --max-memory 256 MiB allows\. Lower agents, ticks or the landscape size/,
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it('the estimate covers the state a run really allocates (within a factor of 2)', async () => {
    const s = await loadScenario(HEADLINE, { set: { agents: 200_000, levels: 0, approval_levels: 2 }, ticks: 1 });
    const before = process.memoryUsage().arrayBuffers;
    const out = simulate(s.model, s.paramsAt(0, 0), runStreams(s.seed, 1, 1), 1, { inputs: s.baseDir });
    const allocated = process.memoryUsage().arrayBuffers - before;
    expect(out.final.length).toBeGreaterThan(0);
    const estimate = largestRun(s, { stride: 1 }).state;
    expect(estimate).toBeGreaterThan(allocated / 2);
    expect(estimate).toBeLessThan(allocated * 4);
  });

  it('sizes are parsed in powers of 1024; a bad size names the flag', () => {
    expect(parseMemorySize('8G')).toBe(8 * 2 ** 30);
    expect(parseMemorySize('512MB')).toBe(512 * 2 ** 20);
    expect(parseMemorySize('1.5GiB')).toBe(1.5 * 2 ** 30);
    expect(parseMemorySize('4096')).toBe(4096);
    for (const bad of ['', 'lots', '8X', '-1G', '0']) expect(() => parseMemorySize(bad)).toThrow(/^--max-memory .*: expected a size such as 8G, 512M or 2GiB\.$/);
    expect(() => parseMemorySize('10T', 24 * 2 ** 30)).toThrow('--max-memory 10T: this machine has 24.0 GiB; give at most that.');
  });

  it('checkMemory passes a design that fits, and reports its largest run', async () => {
    const s = await loadScenario(HEADLINE);
    const run = checkMemory(s, { stride: 1, concurrent: 2, maxMemory: 2 ** 30 });
    expect(run.condition).toBe('hierarchy');
    expect(run.bytes).toBe(run.state + run.series);
  });
});

describe('limits met at validation, through the CLI (exit 2, one line, at once)', () => {
  it.each([
    [['--set', 'bits=24', '--set', 'interactions=23'], /^orgsim: --set interactions=23: an NK landscape of bits 24 and interactions 23 needs bits × 2\^\(interactions\+1\) = 402653184 contribution values, more than the 67108864 \(2\^26\) orgsim builds; lower interactions \(at most 20 with 24 bits\) or bits/],
    [['--ticks', '1000000000'], /^orgsim: one run's time series \(1000000000 ticks\) would be about/],
    [['--max-memory', 'lots'], /^orgsim: --max-memory lots: expected a size such as 8G/],
    [['--set', 'topology=complete', '--set', 'agents=10000', '--set', 'levels=0', '--set', 'approval_levels=2'], /^orgsim: --set agents=10000: the complete network of 10000 people would have about 50045000 ties, more than the 33554432 \(2\^25\) orgsim builds/],
  ])('plan %j', (flags, message) => {
    const r = orgsim(['plan', HEADLINE, ...flags]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a 10^7-point grid: validate refuses it at once', () => {
    const dir = tempDir();
    const path = join(dir, 'grid.yaml');
    const axes = ['initial_trust', 'initial_alignment', 'turbulence', 'risk_appetite', 'collective_orientation', 'empowerment', 'backing'];
    const text = ['name: grid', 'model: purpose-alignment', 'sweep:', ...axes.map((a) => `  ${a}: { from: 0, to: 1, n: 10 }`)].join('\n') + '\n';
    writeFileSync(path, text);
    const r = orgsim(['validate', path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/key "sweep": this design has 10000000 points; orgsim checks every one before running and accepts at most 10000\./);
  });
});

it('an Erdős–Rényi network too dense to hold is refused at validation (nk-network-search)', () => {
  const r = orgsim(['validate', join(ROOT, 'scenarios', 'classics', 'lazer-friedman-fig4.yaml'), '--set', 'network=random', '--set', 'density=0.05', '--set', 'agents=50000']);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^orgsim: --set density=0\.05: the random network of 50000 agents would have about 62498750 ties, more than the 33554432 \(2\^25\) orgsim builds; use fewer agents or a sparser network/);
});
