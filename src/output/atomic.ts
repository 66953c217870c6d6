/**
 * Files that appear whole or not at all: written under a temporary name in the same
 * folder, then renamed (rename is atomic within a file system).
 */
import { closeSync, openSync, renameSync, rmSync, writeSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = temporaryPathFor(path);
  writeFileSync(tmp, content);
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
    writeSync(this.fd, text);
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
