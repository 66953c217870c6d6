/**
 * The command line as a real child process: worker threads (which run the
 * compiled dist/, built here first), SIGKILL then --resume, Ctrl-C, exit codes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDistBuilt } from './cli-helpers.ts';
import { csvs, root, tempDir } from './fixtures/experiment/helpers.ts';

const cli = join(root, 'dist', 'cli', 'main.js');

const SCENARIO = `name: proc
model: purpose-alignment
seed: 5
ticks: 60
replicates: 4
parameters: { span: 4, levels: 4, agents: 85, approval_levels: 2 }
conditions: { hierarchy: { structure: hierarchy }, network: { structure: network } }
sweep: { initial_trust: [0.2, 0.5, 0.8], initial_alignment: [0.3, 0.7] }
`;

let file: string;

beforeAll(() => {
  ensureDistBuilt();
  file = join(tempDir(), 'proc.yaml');
  writeFileSync(file, SCENARIO);
}, 120_000);

function orgsim(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
}

function start(...args: string[]): ChildProcess {
  return spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs done so far according to the progress store's journal. */
function journalDone(out: string): number {
  const path = join(out, '.partial', 'journal');
  if (!existsSync(path)) return 0;
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  return Number(lines.at(-1)!.split(' ')[0]) || 0;
}

async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

let reference: Record<string, string>;

describe('orgsim run in child processes', () => {
  it('1 and 2 worker threads write byte-identical CSVs', () => {
    const [one, two] = [tempDir(), tempDir()];
    const a = orgsim('run', file, '--out', one, '--workers', '1', '--quiet');
    const b = orgsim('run', file, '--out', two, '--workers', '2', '--quiet');
    expect([a.status, b.status], a.stderr + b.stderr).toEqual([0, 0]);
    reference = csvs(one);
    expect(Object.keys(reference)).toEqual(['runs.csv', 'summary.csv', 'timeseries.csv']);
    expect(reference['runs.csv'].trimEnd().split('\n')).toHaveLength(1 + 2 * 6 * 4);
    expect(csvs(two)).toEqual(reference);
  }, 120_000);

  it('killed with SIGKILL mid-experiment, --resume completes it with the same bytes', async () => {
    const out = tempDir();
    const child = start('run', file, '--out', out, '--workers', '2', '--quiet');
    const ended = exited(child);
    await waitFor(() => journalDone(out) >= 6);
    child.kill('SIGKILL');
    const { signal } = await ended;
    expect(signal).toBe('SIGKILL');
    const done = journalDone(out);
    expect(done).toBeLessThan(48);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    const resumed = orgsim('run', file, '--out', out, '--workers', '2', '--resume');
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`^orgsim: ${done}/48 runs`));
    expect(csvs(out)).toEqual(reference);
  }, 120_000);

  it('Ctrl-C stops after the runs in flight, exits 130 and prints the resume command', async () => {
    const out = tempDir();
    const child = start('run', file, '--out', out, '--workers', '1', '--seed', '5');
    const ended = exited(child);
    await waitFor(() => journalDone(out) >= 3);
    child.kill('SIGINT');
    const { code, stderr } = await ended;
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopped after \d+ of 48 runs; the finished runs are kept in .*\.partial/);
    // started as it was: node dist/cli/main.js from the repository (npx orgsim when the tests run under npx)
    const command = /Resume with:\n {2}(?:node dist\/cli\/main\.js|npx orgsim) (.*)\n/.exec(stderr)![1];
    expect(command).toBe(`run ${file} --out ${out} --workers 1 --seed 5 --resume`);
    const resumed = orgsim(...command.split(' '));
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(csvs(out)).toEqual(reference);
  }, 120_000);

  it('bad input exits 2 with one line and writes nothing', () => {
    const out = join(tempDir(), 'never');
    let r = orgsim('run', file, '--out', out, '--shard', '2/2');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('orgsim: --shard 2/2: the shard index must be 0 to 1 (shards are numbered from 0, as Slurm array task ids are).\n');
    r = orgsim('run', file, '--out', out, '--timeseries', 'every=x');
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
    const finished = tempDir();
    expect(orgsim('run', file, '--out', finished, '--quiet', '--replicates', '1', '--ticks', '2').status).toBe(0);
    r = orgsim('run', file, '--out', finished, '--resume');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^orgsim: --resume: .* holds results of another experiment \(overrides .*\{"ticks":2,"replicates":1\} vs \{\}\)/);
  }, 120_000);

  it('failed runs are recorded, the others go on, and the exit code and last line say how many failed', () => {
    const dir = tempDir();
    const scenario = join(dir, 'fail.yaml');
    // at the second point a Barabási–Albert network of 3 agents cannot give each newcomer 3 ties: those runs throw
    writeFileSync(
      scenario,
      'name: fail\nmodel: purpose-alignment\nticks: 5\nreplicates: 2\n' +
        'parameters: { span: 2, structure: network, topology: barabasi-albert, degree: 6 }\n' +
        'sweep: { agents: [10, 3] }\n',
    );
    const r = orgsim('run', scenario, '--out', join(dir, 'out'), '--workers', '2');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^orgsim: 4 runs, 2 FAILED \(status and error in runs.csv\) in [\d.]+ s -> .*out\/\n$/);
    const statuses = readFileSync(join(dir, 'out', 'runs.csv'), 'utf8').trimEnd().split('\n').slice(1).map((row) => row.split(',')[5]);
    expect(statuses).toEqual(['ok', 'ok', 'failed', 'failed']);
  }, 60_000);

  it('orgsim plan prints the design and an estimate without writing anything', () => {
    const r = orgsim('plan', file, '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/points {6}grid over initial_trust, initial_alignment: 6 points/);
    expect(r.stdout).toMatch(/runs {8}2 × 6 × 4 = 48/);
    expect(r.stdout).toMatch(/estimate {4}about \d+:\d\d with 2 workers \([\d.]+ ms a run, timed on \d+ runs\)/);
  }, 60_000);
});
