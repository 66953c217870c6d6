/** A data file's SHA-256, size and rows below its header, read in blocks (files of any size). */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { OutputFile } from './manifest.ts';

const BLOCK = 1 << 20;

/** The digest of a CSV file orgsim wrote (one header line, one line per row, each ending "\n"). */
export function digestFile(path: string): OutputFile {
  const hash = createHash('sha256');
  const block = Buffer.allocUnsafe(BLOCK);
  const fd = openSync(path, 'r');
  let bytes = 0;
  let lines = 0;
  try {
    for (let n = readSync(fd, block, 0, BLOCK, null); n > 0; n = readSync(fd, block, 0, BLOCK, null)) {
      const chunk = block.subarray(0, n);
      hash.update(chunk);
      for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes, rows: Math.max(0, lines - 1) };
}
