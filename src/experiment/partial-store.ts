/**
 * The progress store of an unfinished experiment: `<out>/.partial/` holds
 * runs.csv and timeseries.csv as written so far (header first, then finished runs in
 * run order), `identity.json` (which experiment, and when it started) and `journal`,
 * one line `done runsBytes seriesBytes` after each write. Finished runs are written
 * at once when they take long; quick ones are gathered for up to 100 ms or 1 MB
 * (a tiny model finishes thousands of runs a second). A run is journaled only after
 * its rows are written whole and flushed to the disk (fsync); the journal itself is
 * flushed at least once a second and when the store closes. A failed write (a full
 * disk) leaves the journal at the last durable run.
 *
 * After a crash, kill or failed write, `reopen` takes the last journal line whose
 * byte counts the data files reach and at which both files end a line, checks that
 * runs.csv then holds `done` rows, and cuts everything after it, so the store again
 * holds exactly the first `done` runs; the experiment goes on from there.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError, UserInputError } from '../errors.ts';
import { writeFileAtomic, writeWhole } from '../output/atomic.ts';
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
  private failed = false;

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
    const stored = readJsonIfValid(join(dir, 'identity.json'));
    if (!isStoredIdentity(stored) || !existsSync(journalPath)) return undefined; // killed before the store was complete, or damaged: start over
    const differences = identityDifferences(stored.identity, identity);
    if (differences.length > 0) throw anotherExperiment(outDir, differences);
    const runsPath = join(dir, RESULT_FILES.runs);
    const seriesPath = join(dir, RESULT_FILES.timeseries);
    const sizes = { runs: sizeOf(runsPath), series: sizeOf(seriesPath) };
    const entries = journalEntries(readFileSync(journalPath, 'utf8'));
    const last = entries.findLast((e) => e.runs <= sizes.runs && e.series <= sizes.series && endsLine(runsPath, e.runs) && endsLine(seriesPath, e.series));
    if (last === undefined) return undefined;
    const rows = countLines(runsPath, last.runs) - 1;
    if (rows !== last.done) {
      throw new EnvironmentError(
        `the progress store in ${dir} is damaged: its runs.csv holds ${rows} runs where its journal records ${last.done}. ` +
          'Start over with --force instead of --resume.',
      );
    }
    truncateSync(runsPath, last.runs);
    truncateSync(seriesPath, last.series);
    truncateSync(journalPath, last.journalBytes);
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

  /** Writes what is pending and closes the files; after a failed write it only closes them (the journal already ends at the last durable run). */
  close(): void {
    try {
      if (!this.failed) {
        this.write(Date.now());
        fsyncSync(this.fds.journal);
      }
    } finally {
      for (const fd of Object.values(this.fds)) closeSync(fd);
    }
  }

  private write(now: number): void {
    if (this.pending.runsDone === 0) return;
    try {
      this.bytes.runs += writeWhole(this.fds.runs, this.pending.runs, this.runsPath);
      this.bytes.series += writeWhole(this.fds.series, this.pending.series, this.seriesPath);
      fsyncSync(this.fds.runs);
      fsyncSync(this.fds.series);
    } catch (e) {
      this.failed = true;
      throw e;
    }
    this.written += this.pending.runsDone;
    this.pending = { runs: '', series: '', runsDone: 0 };
    this.record();
    this.lastWrite = now;
    if (now - this.lastSync >= SYNC_EVERY_MS) {
      fsyncSync(this.fds.journal);
      this.lastSync = now;
    }
  }

  private record(): void {
    try {
      writeWhole(this.fds.journal, `${this.written} ${this.bytes.runs} ${this.bytes.series}\n`, join(this.dir, 'journal'));
    } catch (e) {
      this.failed = true;
      throw e;
    }
  }
}

interface JournalEntry {
  done: number;
  runs: number;
  series: number;
  /** Length of the journal up to and including this entry. */
  journalBytes: number;
}

/** The journal's complete, well-formed lines (a line cut by a crash ends the list). */
function journalEntries(journal: string): JournalEntry[] {
  const out: JournalEntry[] = [];
  for (let start = 0, end = journal.indexOf('\n'); end >= 0; start = end + 1, end = journal.indexOf('\n', start)) {
    const m = /^(\d+) (\d+) (\d+)$/.exec(journal.slice(start, end));
    if (!m) break;
    out.push({ done: Number(m[1]), runs: Number(m[2]), series: Number(m[3]), journalBytes: end + 1 });
  }
  return out;
}

/** True when the file's first `size` bytes end with a line break (a cut there leaves no partial row). */
function endsLine(path: string, size: number): boolean {
  if (size === 0) return true;
  const fd = openSync(path, 'r');
  try {
    const byte = Buffer.alloc(1);
    return readSync(fd, byte, 0, 1, size - 1) === 1 && byte[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

/** Line breaks among the file's first `size` bytes. */
function countLines(path: string, size: number): number {
  const fd = openSync(path, 'r');
  const block = Buffer.allocUnsafe(1 << 20);
  let lines = 0;
  try {
    for (let pos = 0; pos < size; ) {
      const n = readSync(fd, block, 0, Math.min(block.length, size - pos), pos);
      if (n === 0) break;
      for (let i = 0; i < n; i++) if (block[i] === 0x0a) lines++;
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

function isStoredIdentity(x: unknown): x is StoredIdentity {
  const s = x as StoredIdentity | null;
  return typeof s === 'object' && s !== null && typeof s.identity === 'object' && s.identity !== null && typeof s.started_at === 'string';
}

export function anotherExperiment(outDir: string, differences: string[]): UserInputError {
  return new UserInputError(
    `--resume: ${outDir} holds results of another experiment (${differences.join('; ')}). ` +
      'Give --force instead of --resume to start over there, or give another --out.',
  );
}

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : -1;
}
