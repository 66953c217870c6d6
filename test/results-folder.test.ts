/**
 * Claiming a results folder: one writer at a time, no silent overwrite (--force
 * replaces, old charts included), leftovers removed, and file-system faults as
 * one-line messages with the right exit code. The disk-full and read-only cases use
 * a small tmpfs where the tests run as root and can mount; elsewhere they say so and
 * the injected write failure (store-write-failure.test.ts) stands in for them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { runExperiment } from '../src/experiment/index.ts';
import { ROOT, orgsim } from './cli-helpers.ts';
import { csvs, scenario, tempDir } from './fixtures/experiment/helpers.ts';

const tiny = ['name: t', 'model: tiny-test', 'replicates: 2', 'conditions:', '  a: { mode: a }', '  b: { mode: b }'];
const HEADLINE = 'scenarios/hierarchy-vs-network.yaml';
const small = ['--replicates', '2', '--ticks', '10', '--workers', '1', '--quiet', '--no-charts'];

function refusal(e: unknown): string {
  expect(e).toBeInstanceOf(UserInputError);
  return (e as Error).message;
}

describe('no silent overwrite', () => {
  it('a folder holding results is refused without --force; --force removes the old experiment, charts and report included', async () => {
    const s = await scenario(tiny);
    const outDir = tempDir();
    await runExperiment(s, { outDir });
    mkdirSync(join(outDir, 'charts'));
    writeFileSync(join(outDir, 'charts', 'old-chart.svg'), '<svg/>');
    writeFileSync(join(outDir, 'report.html'), 'old');
    writeFileSync(join(outDir, 'contrasts.csv'), 'old');
    writeFileSync(join(outDir, 'notes.txt'), 'mine');
    const before = csvs(outDir);

    const message = refusal(await runExperiment(s, { outDir }).catch((e: unknown) => e));
    expect(message).toBe(
      `--out ${outDir} already holds results (manifest.json, runs.csv, timeseries.csv, summary.csv, contrasts.csv, charts, report.html). Give --force to replace them, or another --out.`,
    );
    expect(csvs(outDir)).toEqual(before);

    await runExperiment(s, { outDir, force: true });
    expect(readdirSync(outDir).sort()).toEqual(['manifest.json', 'notes.txt', 'runs.csv', 'summary.csv', 'timeseries.csv']);
  });

  it('an unfinished run is refused without --resume or --force, naming both', async () => {
    const s = await scenario(tiny);
    const outDir = tempDir();
    const stop = new AbortController();
    await runExperiment(s, { outDir, signal: stop.signal, onProgress: (done) => done === 1 && stop.abort() });
    const message = refusal(await runExperiment(s, { outDir }).catch((e: unknown) => e));
    expect(message).toMatch(/already holds an unfinished run \(\.partial\)\. Give --force to replace it, --resume to continue it, or another --out\.$/);
    expect(refusal(await runExperiment(s, { outDir, resume: true, force: true }).catch((e: unknown) => e))).toMatch(/give one of them/);
  });

  it.each(['null', '[]', '{}', '""', '{"identity":{}}'])('a damaged progress store (identity.json %s) is started over by --resume, not a crash', async (damaged) => {
    const s = await scenario(tiny);
    const reference = tempDir();
    await runExperiment(s, { outDir: reference });
    const outDir = tempDir();
    const stop = new AbortController();
    await runExperiment(s, { outDir, signal: stop.signal, onProgress: (done) => done === 1 && stop.abort() });
    writeFileSync(join(outDir, '.partial', 'identity.json'), damaged);
    const resumed = await runExperiment(s, { outDir, resume: true });
    expect(resumed).toMatchObject({ interrupted: false, resumed: 0 });
    expect(csvs(outDir)).toEqual(csvs(reference));
  });

  it('temporary files a killed write left behind are removed by the next run', async () => {
    const s = await scenario(tiny);
    const outDir = tempDir();
    await runExperiment(s, { outDir });
    writeFileSync(join(outDir, '.summary.csv.4242.tmp'), 'half');
    writeFileSync(join(outDir, '.manifest.json.4242.tmp'), 'half');
    await runExperiment(s, { outDir, resume: true });
    expect(readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('one writer per folder', () => {
  it('a folder locked by a running process is refused, naming the holder; a stale lock is taken over', async () => {
    const s = await scenario(tiny);
    const outDir = tempDir();
    const lock = join(outDir, '.orgsim.lock');
    const holder = { pid: process.ppid, host: hostname(), started_at: '2026-01-01T00:00:00.000Z', command: 'orgsim run other.yaml' };
    writeFileSync(lock, JSON.stringify(holder));
    const message = refusal(await runExperiment(s, { outDir }).catch((e: unknown) => e));
    expect(message).toBe(
      `${outDir} is in use by another orgsim run (process ${process.ppid} on ${hostname()}, since 2026-01-01T00:00:00.000Z: orgsim run other.yaml). ` +
        `Wait for it to finish, or give another --out. If no such process runs, delete ${lock}.`,
    );
    expect(readdirSync(outDir)).toEqual(['.orgsim.lock']);

    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lock, JSON.stringify({ ...holder, pid: Number(gone.stdout) }));
    await runExperiment(s, { outDir });
    expect(existsSync(join(outDir, 'runs.csv'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });

  it('two identical CLI runs started together: one writes, the other is refused with exit 2', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'orgsim-two-'));
    const args = ['run', HEADLINE, '--out', join(outDir, 'r'), '--replicates', '4', '--ticks', '100', '--workers', '1', '--quiet', '--no-charts'];
    const start = () =>
      new Promise<{ status: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd: ROOT });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (status) => done({ status, stderr }));
      });
    const results = await Promise.all([start(), start()]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([0, 2]);
    const refused = results.find((r) => r.status === 2)!;
    expect(refused.stderr).toMatch(/^orgsim: (.* is in use by another orgsim run \(process \d+ on .*: orgsim run scenarios\/hierarchy-vs-network\.yaml --out .*|--out .* already holds results .*)\n$/);
    const single = mkdtempSync(join(tmpdir(), 'orgsim-one-'));
    expect(orgsim([...args.slice(0, 2), '--out', single, ...args.slice(4)]).status).toBe(0);
    for (const file of ['runs.csv', 'summary.csv', 'timeseries.csv']) {
      expect(readFileSync(join(outDir, 'r', file), 'utf8')).toBe(readFileSync(join(single, file), 'utf8'));
    }
  });
});

describe('paths that cannot hold results', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-paths-'));
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');

  it.each([
    ['an existing file', file, `--out ${file}: ${file} is a file, not a folder; give a folder for the results.`],
    ['a path through a file', join(file, 'sub'), `--out ${join(file, 'sub')}: ${file} is a file, not a folder; give a folder for the results.`],
  ])('--out naming %s: exit 2, one line, nothing written', (_, out, message) => {
    const r = orgsim(['run', HEADLINE, '--out', out, ...small]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`orgsim: ${message}\n`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('--out under /proc, directly or through a symlink, is refused at once (Node would never return from mkdir there)', () => {
    const link = join(dir, 'to-proc');
    symlinkSync('/proc', link);
    for (const out of ['/proc/x', join(link, 'x')]) {
      const r = orgsim(['run', HEADLINE, '--out', out, ...small]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`orgsim: --out ${out}: /proc and /sys are the kernel's, not folders for results; give another folder.\n`);
    }
    expect(orgsim(['run', HEADLINE, '--out', '', ...small]).stderr).toBe('orgsim: --out: expected a value (see orgsim run --help).\n');
  });

  it('merge --out naming a file: exit 2, one line', () => {
    const shards = [0, 1].map((i) => {
      const out = join(dir, `shard${i}`);
      expect(orgsim(['run', HEADLINE, '--shard', `${i}/2`, '--out', out, ...small]).status).toBe(0);
      return out;
    });
    const r = orgsim(['merge', ...shards, '--out', file, '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`orgsim: --out ${file}: ${file} is a file, not a folder; give a folder for the results.\n`);
  });
});

/** A tmpfs of `size` at a fresh folder, or a one-line reason why not (not root, no mount permission). */
function tmpfs(options: string): { dir: string } | { skip: string } {
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-tmpfs-'));
  if (process.getuid?.() !== 0) return { skip: 'not root' };
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? { dir } : { skip: `mount failed: ${r.stderr.trim()}` };
}

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) spawnSync('umount', [dir]);
});

describe('file-system faults, on a real tmpfs', () => {
  const full = tmpfs('size=2m');
  const readOnly = tmpfs('size=1m,ro');
  for (const m of [full, readOnly]) if ('dir' in m) mounted.push(m.dir);
  if ('skip' in full) console.warn(`results-folder: disk-full test skipped (${full.skip}); the injected write failure still runs`);

  it.skipIf('skip' in full)('a full disk: exit 1 and the resume command; after freeing space, --resume gives the uninterrupted files', () => {
    const { dir } = full as { dir: string };
    const out = join(dir, 'r');
    const args = ['run', 'scenarios/trust-x-alignment.yaml', '--replicates', '4', '--ticks', '100', '--workers', '1', '--quiet', '--no-charts'];
    const first = orgsim([...args, '--out', out]);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(
      new RegExp(`^orgsim: cannot write ${out}/\\.partial/\\w+\\.csv: the disk is full \\(ENOSPC\\)\\. The runs stored before it are kept in ${out}/\\.partial; fix this, then continue with:  (node dist/cli/main\\.js|npx orgsim) run .* --resume\\n$`),
    );
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    expect(spawnSync('mount', ['-o', 'remount,size=64m', dir]).status).toBe(0);
    expect(orgsim([...args, '--out', out, '--resume']).status).toBe(0);
    const reference = mkdtempSync(join(tmpdir(), 'orgsim-ref-'));
    expect(orgsim([...args, '--out', reference]).status).toBe(0);
    for (const file of ['runs.csv', 'timeseries.csv', 'summary.csv']) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(reference, file)))).toBe(true);
    }
  });

  it.skipIf('skip' in readOnly)('a read-only folder: exit 2, named, not a misleading ENOENT', () => {
    const { dir } = readOnly as { dir: string };
    const r = orgsim(['run', HEADLINE, '--out', join(dir, 'r'), ...small]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`orgsim: --out ${join(dir, 'r')}: cannot write in ${dir} (permission denied or a read-only file system); give a folder you can write.\n`);
  });
});
