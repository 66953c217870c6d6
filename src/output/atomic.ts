/**
 * Files that appear whole or not at all: written under a temporary name in the same
 * folder, then renamed (rename is atomic within a file system). A failed write (a
 * full disk) removes the temporary file and leaves the old file, if any, untouched.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** The file name a temporary file name (see `temporaryPathFor`) stands for, or undefined when it is not one. */
export function temporaryTarget(name: string): string | undefined {
  return /^\.(.+)\.\d+\.tmp$/.exec(name)?.[1];
}

/**
 * Writes all of `text` to `fd` (one write call may take only part of it) and returns
 * its length in bytes. A failure throws the system error with `path` (the file `fd`
 * is open on) set, so messages can name the file.
 */
export function writeWhole(fd: number, text: string, path: string): number {
  const bytes = Buffer.from(text, 'utf8');
  try {
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (e) {
    if (e instanceof Error && !('path' in e)) Object.assign(e, { path });
    throw e;
  }
  return bytes.length;
}

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = temporaryPathFor(path);
  try {
    writeFileSync(tmp, content);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof Error && !('path' in e)) Object.assign(e, { path }); // so messages can name the file
    throw e;
  }
  renameSync(tmp, path);
}

/** A file written in pieces (e.g. CSV rows as runs finish) that appears under its name on commit. */
export class AtomicAppender {
  private fd: number;
  private readonly tmp: string;
  constructor(readonly path: string) {
    this.tmp = temporaryPathFor(path);
    this.fd = openSync(this.tmp, 'w');
  }
  append(text: string): void {
    writeWhole(this.fd, text, this.tmp);
  }
  commit(): void {
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }
  abandon(): void {
    closeSync(this.fd);
    rmSync(this.tmp, { force: true });
  }
}
