/**
 * The progress store of an unfinished experiment: `<out>/.partial/` holds
 * runs.csv and timeseries.csv as written so far (header first, then finished runs in
 * run order), `identity.json` (which experiment, and when it started) and `journal`,
 * one line `done runsBytes seriesBytes` after each write. Finished runs are written
 * at once when they take long; quick ones are gathered for up to 100 ms or 1 MB
 * (a tiny model finishes thousands of runs a second). Data and journal are fsync'd
 * at least once a second and when the store closes.
 *
 * After a crash or kill, `reopen` takes the last journal line whose byte counts the
 * data files reach and cuts everything after it, so the store again holds exactly
 * the first `done` runs; the experiment goes on from there.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../errors.ts';
import { writeFileAtomic } from '../output/atomic.ts';
import { PARTIAL_DIR, RESULT_FILES } from '../output/results-layout.ts';
import { identityDifferences, type ExperimentIdentity } from './identity.ts';
import { readJsonIfValid } from './json-file.ts';

const SYNC_EVERY_MS = 1000;
const WRITE_EVERY_MS = 100;
const WRITE_BYTES = 1 << 20;

interface StoredIdentity {
  identity: ExperimentIdentity;
  started_at: string;
}

export class PartialStore {
  readonly dir: string;
  readonly runsPath: string;
  readonly seriesPath: string;
  private readonly fds: { runs: number; series: number; journal: number };
  private bytes: { runs: number; series: number };
  private pending = { runs: '', series: '', runsDone: 0 };
  private lastWrite = Date.now();
  private lastSync = Date.now();

  /** Starts a new store (removing any earlier one) with the CSV headers. */
  static create(outDir: string, identity: ExperimentIdentity, headers: { runs: string; series: string }): PartialStore {
    const dir = join(outDir, PARTIAL_DIR);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const stored: StoredIdentity = { identity, started_at: new Date().toISOString() };
    writeFileAtomic(join(dir, 'identity.json'), JSON.stringify(stored, null, 2) + '\n');
    for (const [name, header] of [[RESULT_FILES.runs, headers.runs], [RESULT_FILES.timeseries, headers.series]]) {
      writeFileAtomic(join(dir, name), header);
    }
    writeFileAtomic(join(dir, 'journal'), '');
    const store = new PartialStore(dir, stored.started_at, 0, { runs: Buffer.byteLength(headers.runs), series: Buffer.byteLength(headers.series) });
    store.record();
    return store;
  }

  /**
   * The store of an unfinished run of the same experiment, cut back to its last
   * complete run; undefined when there is none. A store of another experiment is a
   * `UserInputError` (nothing is changed).
   */
  static reopen(outDir: string, identity: ExperimentIdentity): PartialStore | undefined {
    const dir = join(outDir, PARTIAL_DIR);
    const journalPath = join(dir, 'journal');
    const stored = readJsonIfValid(join(dir, 'identity.json')) as StoredIdentity | undefined;
    if (stored === undefined || !existsSync(journalPath)) return undefined; // killed before the store was complete
    const differences = identityDifferences(stored.identity, identity);
    if (differences.length > 0) throw anotherExperiment(outDir, differences);
    const sizes = { runs: sizeOf(join(dir, RESULT_FILES.runs)), series: sizeOf(join(dir, RESULT_FILES.timeseries)) };
    const journal = readFileSync(journalPath, 'utf8');
    let kept = 0;
    let last: { done: number; runs: number; series: number } | undefined;
    for (let start = 0, end = journal.indexOf('\n'); end >= 0; start = end + 1, end = journal.indexOf('\n', start)) {
      const m = /^(\d+) (\d+) (\d+)$/.exec(journal.slice(start, end));
      if (!m) break;
      const entry = { done: Number(m[1]), runs: Number(m[2]), series: Number(m[3]) };
      if (entry.runs > sizes.runs || entry.series > sizes.series) break;
      last = entry;
      kept = end + 1;
    }
    if (last === undefined) return undefined;
    truncateSync(join(dir, RESULT_FILES.runs), last.runs);
    truncateSync(join(dir, RESULT_FILES.timeseries), last.series);
    truncateSync(journalPath, kept);
    return new PartialStore(dir, stored.started_at, last.done, { runs: last.runs, series: last.series });
  }

  private constructor(dir: string, readonly startedAt: string, private written: number, bytes: { runs: number; series: number }) {
    this.dir = dir;
    this.runsPath = join(dir, RESULT_FILES.runs);
    this.seriesPath = join(dir, RESULT_FILES.timeseries);
    this.bytes = bytes;
    this.fds = { runs: openSync(this.runsPath, 'a'), series: openSync(this.seriesPath, 'a'), journal: openSync(join(dir, 'journal'), 'a') };
  }

  /** Runs stored (written or about to be). */
  get done(): number {
    return this.written + this.pending.runsDone;
  }

  /** Appends the next run's rows. */
  append(runRow: string, series: string): void {
    this.pending.runs += runRow;
    this.pending.series += series;
    this.pending.runsDone++;
    const now = Date.now();
    if (now - this.lastWrite >= WRITE_EVERY_MS || this.pending.runs.length + this.pending.series.length >= WRITE_BYTES) this.write(now);
  }

  close(): void {
    this.write(Date.now());
    this.sync();
    for (const fd of Object.values(this.fds)) closeSync(fd);
  }

  private write(now: number): void {
    if (this.pending.runsDone === 0) return;
    this.bytes.runs += writeSync(this.fds.runs, this.pending.runs);
    if (this.pending.series !== '') this.bytes.series += writeSync(this.fds.series, this.pending.series);
    this.written += this.pending.runsDone;
    this.pending = { runs: '', series: '', runsDone: 0 };
    this.record();
    this.lastWrite = now;
    if (now - this.lastSync >= SYNC_EVERY_MS) this.sync();
  }

  private record(): void {
    writeSync(this.fds.journal, `${this.written} ${this.bytes.runs} ${this.bytes.series}\n`);
  }

  private sync(): void {
    fsyncSync(this.fds.runs);
    fsyncSync(this.fds.series);
    fsyncSync(this.fds.journal);
    this.lastSync = Date.now();
  }
}

export function anotherExperiment(outDir: string, differences: string[]): UserInputError {
  return new UserInputError(
    `--resume: ${outDir} holds results of another experiment (${differences.join('; ')}). ` +
      'Run without --resume to start over there, or give another --out.',
  );
}

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : -1;
}
