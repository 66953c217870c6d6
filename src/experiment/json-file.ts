/** A JSON file's value, or undefined when it is missing or not valid JSON (e.g. cut short by a crash). */
import { readFileSync } from 'node:fs';

export function readJsonIfValid(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
