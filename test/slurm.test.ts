/**
 * The README's Slurm recipe, for real: a one-node Slurm on this machine (.ci/slurm up),
 * the README's own orgsim-shards.sbatch and submit commands (taken from README.md, with
 * only SCENARIO, OUT and the array size changed), 4 array tasks plus the merge job; the
 * merged CSVs must equal a one-machine run's byte for byte. Where Slurm cannot be installed
 * or started (no root, no apt, daemons that do not come up) the test is skipped with a
 * one-line reason, and the rest of the suite runs.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgsim, ROOT } from './cli-helpers.ts';

const SLURM = join(ROOT, '.ci', 'slurm');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const SHARDS = 4;
const RESULT_CSVS = ['runs.csv', 'timeseries.csv', 'summary.csv'];
/** Waits are bounded: a stuck job fails the test with what the queue and logs say. */
const JOBS_TIMEOUT_MS = 90_000;
/** The test's own limits, whatever the command line says: jobs, one-machine run and checks; install and start-up. */
const TEST_TIMEOUT_MS = JOBS_TIMEOUT_MS + 60_000;
const UP_TIMEOUT_MS = 240_000;

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop, killed after `timeoutMs`. */
function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Result> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: opts.cwd, env: opts.env, timeout: opts.timeoutMs, maxBuffer: 16 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      const killed = error !== null && (error as { killed?: boolean }).killed ? `\n(killed after ${opts.timeoutMs / 1000} s)` : '';
      resolve({ status, stdout, stderr: stderr + killed });
    });
  });
}

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

/** Why Slurm certainly cannot run here (checked while collecting, so the test can be skipped by name), or undefined. */
function cannotRun(): string | undefined {
  if (process.platform !== 'linux') return `Slurm test needs Linux (this is ${process.platform})`;
  const onPath = (bin: string) => ['/usr/sbin', '/usr/bin', ...(process.env.PATH ?? '').split(':')].some((d) => d && existsSync(join(d, bin)));
  if (onPath('slurmctld') && onPath('slurmd') && onPath('munged') && onPath('sbatch')) {
    return process.getuid?.() === 0 ? undefined : 'Slurm is installed but the test starts its daemons as root, and this is not root';
  }
  if (process.getuid?.() !== 0) return 'Slurm is not installed and installing it (apt-get) needs root';
  if (!onPath('apt-get')) return 'Slurm is not installed and there is no apt-get to install it';
  return undefined;
}

// ---- the README's text ---------------------------------------------------------------

interface Fence {
  line: number; // 1-based line of the opening ```
  before: string; // the last non-empty line before the fence
  text: string;
}

function bashFences(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(bash|sh)\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) break;
    let b = i - 1;
    while (b >= 0 && lines[b].trim() === '') b--;
    fences.push({ line: i + 1, before: b >= 0 ? lines[b] : '', text: lines.slice(i + 1, end).join('\n') + '\n' });
    i = end;
  }
  return fences;
}

function only(fences: Fence[], what: string): Fence {
  if (fences.length !== 1) throw new Error(`README.md: expected exactly one fenced bash block with ${what}, found ${fences.length} (lines ${fences.map((f) => f.line).join(', ')})`);
  return fences[0];
}

/** Replaces exactly one match of `pattern`, failing loudly when the README no longer has it. */
function substitute(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
  if (matches?.length !== 1) throw new Error(`README.md's submit commands: expected one ${what} (${pattern}), found ${matches?.length ?? 0}`);
  return text.replace(pattern, replacement);
}

function readmeRecipe(scenario: string, out: string): { scriptName: string; script: string; submit: string } {
  const fences = bashFences(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  // the submit commands: the block that submits the array and the merge that depends on it
  const submitBlock = only(fences.filter((f) => f.text.includes('sbatch --parsable --array=') && f.text.includes('--dependency=afterok:')), 'the submit commands (sbatch --parsable --array=..., --dependency=afterok:...)');
  const scriptName = submitBlock.text.match(/--array=\S+\s+(\S+\.sbatch)\b/)?.[1];
  if (!scriptName) throw new Error(`README.md line ${submitBlock.line}: the submit commands name no .sbatch script after --array=...`);
  // the array script: the block introduced by a line naming that file, running one shard per task
  const script = only(
    fences.filter((f) => f.before.includes(scriptName) && f.text.startsWith('#!') && f.text.includes('SLURM_ARRAY_TASK_ID')),
    `the array script (introduced by a line naming ${scriptName}, starting with #!, using SLURM_ARRAY_TASK_ID)`,
  ).text;
  let submit = submitBlock.text;
  submit = substitute(submit, /^SCENARIO=.*$/m, `SCENARIO=${scenario}`, 'SCENARIO=... line');
  submit = substitute(submit, /^OUT=.*$/m, `OUT=${out}`, 'OUT=... line');
  submit = substitute(submit, /--array=0-\d+/, `--array=0-${SHARDS - 1}`, '--array=0-N');
  return { scriptName, script, submit };
}

// ---- the test --------------------------------------------------------------------------

const reason = cannotRun();
if (reason) console.warn(`slurm.test.ts skipped: ${reason}`);

describe.skipIf(reason !== undefined)(reason ? `Slurm job array (skipped: ${reason})` : 'Slurm job array', () => {
  let work = '';
  let cluster = '';
  let project = '';
  let conf: string | undefined;
  let upFailure: string | undefined;
  let passed = false;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'orgsim-slurm-'));
    cluster = join(work, 'cluster');
    project = join(work, 'project');
    // 16 CPUs declared on the 1 node: the README's script asks --cpus-per-task=4 and all 4 tasks run at once, as on a cluster
    const up = await run('bash', [SLURM, 'up', cluster, '--cpus', '16'], { timeoutMs: UP_TIMEOUT_MS });
    const exported = up.stdout.match(/^export SLURM_CONF=(.+)$/m)?.[1];
    if (up.status === 0 && exported) conf = exported;
    else upFailure = `Slurm did not start: ${lastLine(up.stderr) || lastLine(up.stdout) || `.ci/slurm up exited with ${up.status}`}`;
  }, UP_TIMEOUT_MS + 10_000);

  // always, even when the test failed or was skipped: stop what .ci/slurm up started
  afterAll(async () => {
    if (!work) return;
    const down = await run('bash', [SLURM, 'down', cluster], { timeoutMs: 120_000 });
    const downReport = down.status === 0 ? '' : `.ci/slurm down ${cluster}: exit ${down.status}: ${down.stderr.trim()}`;
    if (passed && !downReport) rmSync(work, { recursive: true, force: true });
    else if (conf === undefined && !downReport) {
      // skipped: its one line said why; keep the daemons' logs if they got that far
      if (!existsSync(join(cluster, 'log'))) rmSync(work, { recursive: true, force: true });
    } else console.warn(`slurm.test.ts: files kept in ${work}${downReport ? `; ${downReport}` : ''}`);
    expect(downReport, 'tearing Slurm down').toBe('');
  }, 130_000);

  it(`runs the README's ${SHARDS}-task array and merge job, and the merged CSVs equal a one-machine run's`, async (ctx) => {
    if (upFailure !== undefined || conf === undefined) {
      console.warn(`slurm.test.ts skipped: ${upFailure}`);
      ctx.skip(upFailure);
    }
    expect(existsSync(CLI), `${CLI} is missing: run npm run build`).toBe(true);

    // A researcher's project folder with orgsim installed (as npm would link it), so that the
    // README's `npx orgsim` finds this checkout and never the registry.
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'slurm-ci-project', private: true, dependencies: { orgsim: `file:${ROOT}` } }, null, 2));
    symlinkSync(ROOT, join(project, 'node_modules', 'orgsim'));
    const bin = join(project, 'node_modules', '.bin', 'orgsim');
    writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(bin, 0o755);

    // a small version of the headline scenario: 3 conditions x 4 replicates x 20 ticks
    let yaml = readFileSync(join(ROOT, 'scenarios', 'hierarchy-vs-network.yaml'), 'utf8');
    yaml = substitute(yaml, /^ticks: \d+$/m, 'ticks: 20', 'ticks: line in the scenario');
    yaml = substitute(yaml, /^replicates: \d+$/m, 'replicates: 4', 'replicates: line in the scenario');
    const scenario = 'hierarchy-vs-network.yaml';
    writeFileSync(join(project, scenario), yaml);

    const out = 'results/hierarchy-vs-network';
    const recipe = readmeRecipe(scenario, out);
    writeFileSync(join(project, recipe.scriptName), recipe.script);

    // the submitting shell: no Slurm or npm variables of whatever runs the tests; npx may not install
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (!/^(SLURM_|SBATCH_|SALLOC_|SRUN_|VITEST|npm_|NODE_OPTIONS$|ORGSIM$)/i.test(k)) env[k] = v;
    }
    Object.assign(env, { SLURM_CONF: conf, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}:/usr/sbin`, npm_config_yes: 'false', NO_COLOR: '1' });

    const t0 = Date.now();
    const submitted = await run('bash', ['-e', '-u', '-o', 'pipefail', '-c', recipe.submit], { cwd: project, env, timeoutMs: 60_000 });
    expect(submitted.status, `the README's submit commands failed:\n${submitted.stdout}${submitted.stderr}`).toBe(0);

    // poll the queue (sbatch --wait is slow to notice); every wait has a limit
    const slurm = (args: string[]) => run(args[0], args.slice(1), { env, timeoutMs: 15_000 });
    let queue = '';
    for (;;) {
      const q = await slurm(['squeue', '-h', '-o', '%i %j %T %r']);
      expect(q.status, `squeue failed: ${q.stderr}`).toBe(0);
      queue = q.stdout.trim();
      if (queue === '') break;
      if (Date.now() - t0 > JOBS_TIMEOUT_MS) {
        throw new Error(`jobs still queued after ${JOBS_TIMEOUT_MS / 1000} s:\n${queue}\n${logs(project)}`);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    const jobsSeconds = (Date.now() - t0) / 1000;

    // every job, the array tasks and the merge, ended COMPLETED (finished jobs stay listed for MinJobAge = 300 s)
    const shown = await slurm(['scontrol', '-o', 'show', 'job']);
    const jobs = shown.stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('JobId='))
      .map((l) => {
        const field = (k: string) => l.match(new RegExp(`\\b${k}=(\\S+)`))?.[1];
        const task = field('ArrayTaskId');
        return { id: task === undefined ? field('JobId') : `${field('ArrayJobId')}_${task}`, name: field('JobName'), state: field('JobState'), exit: field('ExitCode') };
      })
      .sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
    const summary = jobs.map((j) => `job ${j.id} ${j.name}: ${j.state}, exit code ${j.exit}`).join('\n');
    expect(jobs.filter((j) => j.name === 'orgsim').length, `array tasks:\n${summary}`).toBe(SHARDS);
    expect(jobs.filter((j) => j.name === 'orgsim-merge').length, `merge job:\n${summary}`).toBe(1);
    expect(jobs.every((j) => j.state === 'COMPLETED'), `not every job completed:\n${summary}\n${logs(project)}`).toBe(true);

    // the shard count came from the array size
    const shardsDir = join(project, `${out}.shards`);
    expect(readdirSync(shardsDir).sort()).toEqual(Array.from({ length: SHARDS }, (_, i) => String(i)));
    for (let i = 0; i < SHARDS; i++) {
      const m = JSON.parse(readFileSync(join(shardsDir, String(i), 'manifest.json'), 'utf8')) as { shard?: unknown };
      expect(m.shard).toEqual({ index: i, count: SHARDS });
    }

    // the same experiment on one machine
    const single = join(work, 'single');
    const one = orgsim(['run', scenario, '--out', single, '--no-charts', '--quiet'], project);
    expect(one.status, one.stderr).toBe(0);

    const merged = join(project, out);
    const csvs = (d: string) => readdirSync(d).filter((f) => f.endsWith('.csv')).sort();
    expect(csvs(merged)).toEqual(csvs(single));
    for (const f of new Set([...RESULT_CSVS, ...csvs(single)])) {
      const a = readFileSync(join(merged, f));
      const b = readFileSync(join(single, f));
      expect(a.equals(b), `${f}: merged (${a.length} bytes) differs from the one-machine run (${b.length} bytes)${firstDifference(a, b)}`).toBe(true);
    }
    const manifest = (d: string) => {
      const { started_at: _s, finished_at: _f, ...rest } = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      return rest;
    };
    expect(manifest(merged)).toEqual(manifest(single));

    console.info(`slurm.test.ts: ${SHARDS} array tasks + merge took ${jobsSeconds.toFixed(1)} s on Slurm`);
    passed = true;
  }, TEST_TIMEOUT_MS);
});

/** The job logs (orgsim-*.log in the submit folder), for failure messages. */
function logs(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((f) => /^orgsim.*\.log$/.test(f))
    .sort()
    .map((f) => `--- ${f}\n${readFileSync(join(dir, f), 'utf8').slice(-2000)}`)
    .join('\n');
}

function firstDifference(a: Buffer, b: Buffer): string {
  const al = a.toString('utf8').split('\n');
  const bl = b.toString('utf8').split('\n');
  const i = al.findIndex((l, k) => l !== bl[k]);
  const k = i < 0 ? al.length : i;
  return `; first difference at line ${k + 1}:\n  merged: ${al[k] ?? '(end)'}\n  single: ${bl[k] ?? '(end)'}`;
}
