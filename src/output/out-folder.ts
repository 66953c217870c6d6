/**
 * Claiming a results folder before writing into it: one writer at a time, and no
 * results replaced unless asked.
 *
 * - The path must be a folder (or creatable as one) that this user can write.
 * - A lock file, `.orgsim.lock`, created exclusively, names the holder (process id,
 *   host, start time, command). A second writer is refused, naming the holder; a lock
 *   left by a process that no longer runs on this host is taken over. Claims are
 *   reentrant within one process (the CLI holds the folder while the library writes
 *   the results and it draws the charts) and released on exit.
 * - A folder that holds results is replaced only with `force` (which first removes the
 *   earlier experiment's files, charts and report included) and continued only with
 *   `resume`; otherwise the claim is refused with the choices.
 * - Temporary files an interrupted write left (`.runs.csv.<pid>.tmp`) are removed.
 */
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UserInputError } from '../errors.ts';
import { temporaryTarget, writeWhole } from './atomic.ts';
import { CHARTS_FOLDER, EXPLORE_FILE, NETWORKS_FOLDER, PARTIAL_DIR, REPORT_FILE, RESULT_FILES } from './results-layout.ts';

/** `new`: the folder must hold no results; `force`: earlier results are removed first; `resume`: an unfinished or finished run of the same experiment is continued. */
export type FolderMode = 'new' | 'force' | 'resume';

export const LOCK_FILE = '.orgsim.lock';

/** Everything an experiment writes in its folder (what `force` removes). */
const OUTPUTS: readonly string[] = [...Object.values(RESULT_FILES), CHARTS_FOLDER, NETWORKS_FOLDER, REPORT_FILE, EXPLORE_FILE, PARTIAL_DIR];

interface Holder {
  pid: number;
  host: string;
  started_at: string;
  command: string;
}

export interface FolderClaim {
  /** Releases the claim (the lock goes with the last release in this process). */
  release(): void;
}

const held = new Map<string, number>();
let exitHookInstalled = false;

/**
 * Claims `outDir` for writing (creating it). `flag` names the option in messages
 * (`--out`); `resumable` says whether the command has `--resume` (merge has not). Bad paths, a folder in use and results present without `force` or
 * `resume` are `UserInputError`s; nothing is written when refused.
 */
export function claimOutputFolder(outDir: string, mode: FolderMode, flag = '--out', resumable = true): FolderClaim {
  const key = resolve(outDir);
  const count = held.get(key);
  if (count !== undefined) {
    held.set(key, count + 1);
    return { release: () => release(key) };
  }
  checkWritable(outDir, flag);
  mkdirSync(outDir, { recursive: true });
  lock(outDir);
  held.set(key, 1);
  installExitHook();
  try {
    prepare(outDir, mode, flag, resumable);
  } catch (e) {
    release(key);
    throw e;
  }
  return { release: () => release(key) };
}

function release(key: string): void {
  const count = held.get(key) ?? 0;
  if (count > 1) {
    held.set(key, count - 1);
    return;
  }
  held.delete(key);
  rmSync(join(key, LOCK_FILE), { force: true });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const key of held.keys()) rmSync(join(key, LOCK_FILE), { force: true });
  });
}

/** The folder, or its nearest existing ancestor, must be a folder this user can write (and not in the kernel's /proc or /sys). */
function checkWritable(outDir: string, flag: string): void {
  if (outDir.trim() === '') throw new UserInputError(`${flag} is empty: give a folder for the results.`);
  let existing = resolve(outDir);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  // where the path really leads (through symlinks): Node's recursive mkdir never returns under /proc
  if (/^\/(proc|sys)(\/|$)/.test(realpathSync(existing))) {
    throw new UserInputError(`${flag} ${outDir}: /proc and /sys are the kernel's, not folders for results; give another folder.`);
  }
  if (!statSync(existing).isDirectory()) {
    throw new UserInputError(`${flag} ${outDir}: ${existing} is a file, not a folder; give a folder for the results.`);
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new UserInputError(`${flag} ${outDir}: cannot write in ${existing} (permission denied or a read-only file system); give a folder you can write.`);
  }
}

function lock(outDir: string): void {
  const path = join(outDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), started_at: new Date().toISOString(), command: ['orgsim', ...process.argv.slice(2)].join(' ') };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      const holder = readHolder(path);
      if ((holder && holder.host === me.host && !isRunning(holder.pid)) || (!holder && ageSeconds(path) > UNREADABLE_LOCK_SECONDS)) {
        unlinkSync(path); // left by a process that was killed (or cut short by a full disk)
        continue;
      }
      throw new UserInputError(
        `${outDir} is in use by another orgsim run (${holder ? `process ${holder.pid} on ${holder.host}, since ${holder.started_at}: ${holder.command}` : 'holder unknown'}). ` +
          `Wait for it to finish, or give another --out. If no such process runs, delete ${path}.`,
      );
    }
    try {
      writeWhole(fd, JSON.stringify(me) + '\n', path);
    } catch (e) {
      rmSync(path, { force: true }); // a lock that names no one would block the folder for good
      throw e;
    } finally {
      closeSync(fd);
    }
    return;
  }
  throw new UserInputError(`${outDir}: could not take the lock ${path}; another orgsim run keeps taking it. Try again, or give another --out.`);
}

/** A lock file that names no holder is being written, or was cut short; after this long it is taken as stale. */
const UNREADABLE_LOCK_SECONDS = 10;

function ageSeconds(path: string): number {
  try {
    return (Date.now() - statSync(path).mtimeMs) / 1000;
  } catch {
    return 0;
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Holder;
    return Number.isSafeInteger(h.pid) && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined; // being written this instant, or damaged
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM'; // it runs, as another user
  }
}

function prepare(outDir: string, mode: FolderMode, flag: string, resumable: boolean): void {
  const entries = readdirSync(outDir);
  const present = OUTPUTS.filter((name) => entries.includes(name));
  if (mode === 'new' && present.length > 0) {
    const unfinished = present.includes(PARTIAL_DIR);
    throw new UserInputError(
      `${flag} ${outDir} already holds ${unfinished ? 'an unfinished run' : 'results'} (${present.join(', ')}). ` +
        `Give --force to replace ${unfinished ? 'it' : 'them'}${unfinished && resumable ? ', --resume to continue it' : ''}, or another ${flag}.`,
    );
  }
  if (mode === 'force') for (const name of present) rmSync(join(outDir, name), { recursive: true, force: true });
  for (const name of entries) if (isLeftoverTemporary(name)) rmSync(join(outDir, name), { force: true });
}

/** A temporary file of an atomic write (see atomic.ts) of one of the folder's outputs. */
function isLeftoverTemporary(name: string): boolean {
  const target = temporaryTarget(name);
  return target !== undefined && OUTPUTS.includes(target);
}
