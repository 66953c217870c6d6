/**
 * The progress store of an unfinished experiment: `<out>/.partial/` holds the per-run
 * CSVs (runs.csv, timeseries.csv and, with --agents, agents.csv) as written so far
 * (header first, then finished runs in run order), the GraphML files of --networks in
 * `networks/`, `identity.json` (which experiment, and when it started) and `journal`,
 * one line `done bytes1 bytes2 …` (one size per CSV) after each write. Finished runs are written
 * at once when they take long; quick ones are gathered for up to 100 ms or 1 MB
 * (a tiny model finishes thousands of runs a second). A run is journaled only after
 * its rows and files are written whole and flushed to the disk (fsync); the journal itself is
 * flushed at least once a second and when the store closes. A failed write (a full
 * disk) leaves the journal at the last durable run.
 *
 * After a crash, kill or failed write, `reopen` takes the last journal line whose
 * byte counts the CSVs reach and at which every one ends a line, checks that
 * runs.csv then holds `done` rows, and cuts everything after it, so the store again
 * holds exactly the first `done` runs; the experiment goes on from there. (Network
 * files of runs after that are written again, with the same bytes.)
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError, UserInputError } from '../errors.ts';
import { writeFileAtomic, writeWhole } from '../output/atomic.ts';
import { NETWORKS_FOLDER, PARTIAL_DIR } from '../output/results-layout.ts';
import { identityDifferences, type ExperimentIdentity } from './identity.ts';
import { readJsonIfValid } from './json-file.ts';
import type { NetworkFile } from './run-task.ts';

const SYNC_EVERY_MS = 1000;
const WRITE_EVERY_MS = 100;
const WRITE_BYTES = 1 << 20;

interface StoredIdentity {
  identity: ExperimentIdentity;
  started_at: string;
}

/** A per-run CSV of the store: its file name and header line. */
export interface StoreFile {
  name: string;
  header: string;
}

/** What one run adds: a text per CSV (in the store's file order) and its network files. */
export interface StoredRun {
  rows: readonly string[];
  networks: readonly NetworkFile[];
}

export class PartialStore {
  readonly dir: string;
  /** Where each CSV is, by file name. */
  readonly paths: Readonly<Record<string, string>>;
  readonly networksDir: string;
  private readonly names: readonly string[];
  private readonly fds: number[];
  private readonly journalFd: number;
  private bytes: number[];
  private pending: { rows: string[]; networks: NetworkFile[]; runsDone: number; size: number };
  private lastWrite = Date.now();
  private lastSync = Date.now();
  private failed = false;

  /** Starts a new store (removing any earlier one) with the CSVs' headers; runs.csv comes first. */
  static create(outDir: string, identity: ExperimentIdentity, files: readonly StoreFile[]): PartialStore {
    const dir = join(outDir, PARTIAL_DIR);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const stored: StoredIdentity = { identity, started_at: new Date().toISOString() };
    writeFileAtomic(join(dir, 'identity.json'), JSON.stringify(stored, null, 2) + '\n');
    for (const f of files) writeFileAtomic(join(dir, f.name), f.header);
    writeFileAtomic(join(dir, 'journal'), '');
    const store = new PartialStore(dir, stored.started_at, 0, files.map((f) => f.name), files.map((f) => Buffer.byteLength(f.header)));
    store.record();
    return store;
  }

  /**
   * The store of an unfinished run of the same experiment (with these CSVs, runs.csv
   * first), cut back to its last complete run; undefined when there is none. A store of
   * another experiment is a `UserInputError` (nothing is changed).
   */
  static reopen(outDir: string, identity: ExperimentIdentity, names: readonly string[]): PartialStore | undefined {
    const dir = join(outDir, PARTIAL_DIR);
    const journalPath = join(dir, 'journal');
    const stored = readJsonIfValid(join(dir, 'identity.json'));
    if (!isStoredIdentity(stored) || !existsSync(journalPath)) return undefined; // killed before the store was complete, or damaged: start over
    const differences = identityDifferences(stored.identity, identity);
    if (differences.length > 0) throw anotherExperiment(outDir, differences);
    const paths = names.map((name) => join(dir, name));
    const sizes = paths.map(sizeOf);
    const entries = journalEntries(readFileSync(journalPath, 'utf8'), names.length);
    const last = entries.findLast((e) => e.bytes.every((b, i) => b <= sizes[i] && endsLine(paths[i], b)));
    if (last === undefined) return undefined;
    const rows = countLines(paths[0], last.bytes[0]) - 1;
    if (rows !== last.done) {
      throw new EnvironmentError(
        `the progress store in ${dir} is damaged: its ${names[0]} holds ${rows} runs where its journal records ${last.done}. ` +
          'Start over with --force instead of --resume.',
      );
    }
    paths.forEach((path, i) => truncateSync(path, last.bytes[i]));
    truncateSync(journalPath, last.journalBytes);
    return new PartialStore(dir, stored.started_at, last.done, names, last.bytes);
  }

  private constructor(dir: string, readonly startedAt: string, private written: number, names: readonly string[], bytes: number[]) {
    this.dir = dir;
    this.names = names;
    this.paths = Object.fromEntries(names.map((name) => [name, join(dir, name)]));
    this.networksDir = join(dir, NETWORKS_FOLDER);
    this.bytes = bytes;
    this.pending = this.empty();
    this.fds = names.map((name) => openSync(this.paths[name], 'a'));
    this.journalFd = openSync(join(dir, 'journal'), 'a');
  }

  /** Runs stored (written or about to be). */
  get done(): number {
    return this.written + this.pending.runsDone;
  }

  /** Appends the next run's rows and files. */
  append(run: StoredRun): void {
    run.rows.forEach((text, i) => {
      this.pending.rows[i] += text;
      this.pending.size += text.length;
    });
    this.pending.networks.push(...run.networks);
    for (const f of run.networks) this.pending.size += f.text.length;
    this.pending.runsDone++;
    const now = Date.now();
    if (now - this.lastWrite >= WRITE_EVERY_MS || this.pending.size >= WRITE_BYTES) this.write(now);
  }

  /** Writes what is pending and closes the files; after a failed write it only closes them (the journal already ends at the last durable run). */
  close(): void {
    try {
      if (!this.failed) {
        this.write(Date.now());
        fsyncSync(this.journalFd);
      }
    } finally {
      for (const fd of [...this.fds, this.journalFd]) closeSync(fd);
    }
  }

  private empty() {
    return { rows: this.names.map(() => ''), networks: [] as NetworkFile[], runsDone: 0, size: 0 };
  }

  private write(now: number): void {
    if (this.pending.runsDone === 0) return;
    try {
      if (this.pending.networks.length > 0) mkdirSync(this.networksDir, { recursive: true });
      for (const f of this.pending.networks) writeDurably(join(this.networksDir, f.name), f.text);
      this.fds.forEach((fd, i) => {
        this.bytes[i] += writeWhole(fd, this.pending.rows[i], this.paths[this.names[i]]);
      });
      for (const fd of this.fds) fsyncSync(fd);
    } catch (e) {
      this.failed = true;
      throw e;
    }
    this.written += this.pending.runsDone;
    this.pending = this.empty();
    this.record();
    this.lastWrite = now;
    if (now - this.lastSync >= SYNC_EVERY_MS) {
      fsyncSync(this.journalFd);
      this.lastSync = now;
    }
  }

  private record(): void {
    try {
      writeWhole(this.journalFd, `${this.written} ${this.bytes.join(' ')}\n`, join(this.dir, 'journal'));
    } catch (e) {
      this.failed = true;
      throw e;
    }
  }
}

/** Writes a whole file and flushes it to the disk (a file cut by a crash is written again on resume). */
function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'w');
  try {
    writeWhole(fd, text, path);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface JournalEntry {
  done: number;
  /** Size of each CSV, in the store's file order. */
  bytes: number[];
  /** Length of the journal up to and including this entry. */
  journalBytes: number;
}

/** The journal's complete, well-formed lines of `files` sizes each (a line cut by a crash ends the list). */
function journalEntries(journal: string, files: number): JournalEntry[] {
  const out: JournalEntry[] = [];
  const line = new RegExp(`^(\\d+)((?: \\d+){${files}})$`);
  for (let start = 0, end = journal.indexOf('\n'); end >= 0; start = end + 1, end = journal.indexOf('\n', start)) {
    const m = line.exec(journal.slice(start, end));
    if (!m) break;
    out.push({ done: Number(m[1]), bytes: m[2].trim().split(' ').map(Number), journalBytes: end + 1 });
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
