/**
 * Durable partial results under a failed write, on any machine: `writeSync` is
 * replaced by one that behaves like a disk filling up (the write that crosses the
 * limit takes only part of its bytes, the next one fails with ENOSPC). The run must
 * stop with that error, leave the journal at the last run whose rows are whole, and
 * `--resume` (with the disk "freed") must give the uninterrupted files byte for byte.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runExperiment } from '../src/experiment/index.ts';
import { csvs, scenario, tempDir } from './fixtures/experiment/helpers.ts';

const disk = vi.hoisted(() => ({ budget: Infinity, full: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, data: Uint8Array | string, ...rest: unknown[]) => {
    if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', errno: -28 });
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const [offset = 0, length = bytes.length - (offset as number)] = typeof data === 'string' ? [] : (rest as number[]);
    const take = Math.min(length, disk.budget);
    disk.budget -= take;
    if (disk.budget <= 0) disk.full = true;
    return fs.writeSync(fd, bytes, offset, take);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const sweep = ['name: t', 'model: tiny-test', 'replicates: 3', 'sweep:', '  x: [0.1, 0.5, 0.9]', 'conditions:', '  a: { mode: a }', '  b: { mode: b }'];

afterEach(() => {
  disk.budget = Infinity;
  disk.full = false;
  vi.restoreAllMocks();
});

/** Every run is written (and journaled) on its own: the clock moves 1 s per reading. */
function oneWritePerRun(): void {
  let now = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
}

describe('a write that fails part-way (a full disk)', () => {
  it.each([0.2, 0.5, 0.8])('stops with ENOSPC at %s of the bytes; resume gives the uninterrupted files', async (fraction) => {
    const s = await scenario(sweep);
    const reference = tempDir();
    oneWritePerRun();
    await runExperiment(s, { outDir: reference });
    const total = Object.values(csvs(reference)).reduce((n, text) => n + Buffer.byteLength(text), 0);

    const outDir = tempDir();
    disk.budget = Math.floor(total * fraction);
    const error = await runExperiment(s, { outDir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ENOSPC' });
    expect(existsSync(join(outDir, 'runs.csv'))).toBe(false); // nothing presented as complete
    expect(existsSync(join(outDir, '.orgsim.lock'))).toBe(false);
    const journal = readFileSync(join(outDir, '.partial', 'journal'), 'utf8').trimEnd().split('\n');
    const [done, runsBytes] = journal.at(-1)!.split(' ').map(Number);
    const stored = readFileSync(join(outDir, '.partial', 'runs.csv'));
    expect(stored.length).toBeGreaterThanOrEqual(runsBytes); // the journal never claims bytes that are not there
    expect(stored.subarray(0, runsBytes).toString().split('\n').length - 2).toBe(done);

    disk.budget = Infinity;
    disk.full = false;
    const resumed = await runExperiment(s, { outDir, resume: true });
    expect(resumed.resumed).toBe(done);
    expect(csvs(outDir)).toEqual(csvs(reference));
  });
});
