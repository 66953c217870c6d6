/**
 * The RunContext models get on Node: input files read from disk, relative to the
 * scenario's folder, with one clear message for a missing, unreadable or folder path.
 * Within an experiment every file is read once per process and checked against the
 * SHA-256 the experiment recorded when it started (`expected`), so runs never mix two
 * versions of a file that was edited while the experiment ran: a changed file fails
 * the runs that would read it, naming it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UserInputError } from '../errors.ts';
import type { RunContext } from '../model/plugin.ts';

/** Files read in this process, by absolute path (kept for the process: inputs are small). */
const readOnce = new Map<string, { text: string; sha256: string }>();

/** `expected`: SHA-256 by path as the scenario names it (the manifest's input_files); without it, files are read as they are. */
export function fileRunContext(baseDir: string, expected?: Readonly<Record<string, string>>): RunContext {
  return {
    readInput(path) {
      const file = isAbsolute(path) ? path : join(baseDir, path);
      if (expected === undefined) return { text: readInput(file).toString('utf8'), file };
      const wanted = expected[path];
      let hit = readOnce.get(file);
      // a version read for an earlier experiment in this process is not this one's: read again
      if (hit === undefined || (wanted !== undefined && hit.sha256 !== wanted)) {
        const bytes = readInput(file);
        hit = { text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
        readOnce.set(file, hit);
      }
      if (wanted !== undefined && hit.sha256 !== wanted) {
        throw new UserInputError(
          `input file changed while the experiment ran: its SHA-256 is now ${hit.sha256.slice(0, 12)}…, the experiment started with ${wanted.slice(0, 12)}…; put the file back, or start over with --force`,
          { file },
        );
      }
      return { text: hit.text, file };
    },
  };
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'input file not found' : code === 'EISDIR' ? 'this input path is a folder, expected a CSV file' : `cannot read this input file (${code ?? String(e)})`;
    throw new UserInputError(why, { file });
  }
}
