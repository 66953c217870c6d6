/**
 * The RunContext models get on Node: input files read from disk, relative to the
 * scenario's folder, with one clear message for a missing, unreadable or folder path.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UserInputError } from '../errors.ts';
import type { RunContext } from '../model/plugin.ts';

export function fileRunContext(baseDir: string): RunContext {
  return {
    readInput(path) {
      const file = isAbsolute(path) ? path : join(baseDir, path);
      try {
        return { text: readFileSync(file, 'utf8'), file };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'input file not found' : code === 'EISDIR' ? 'this input path is a folder, expected a CSV file' : `cannot read this input file (${code ?? String(e)})`;
        throw new UserInputError(why, { file });
      }
    },
  };
}
