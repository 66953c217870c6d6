/**
 * Checking one parameter value as written (in the file, a `--set` flag or code)
 * against its `ParamSpec`: kind, range, choices, and for file parameters that the
 * file exists. A string where a number goes is a formula, checked later.
 */
import { statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { describeRange, numberFits, type ParamSpec, type ParamValue } from '../model/params.ts';
import type { LNode } from './document.ts';
import { numericLiteral } from './formulas.ts';
import { describeNode, describeValue, fail, type Origin } from './origin.ts';
import { didYouMean } from './suggest.ts';

/** A parameter value and where it was set. */
export interface Assigned {
  /** The value; for a formula, its text until it is evaluated. */
  value: ParamValue;
  origin: Origin;
  /** The formula text, when the value was given as a formula. */
  formula?: string;
}

export { numberFits } from '../model/params.ts';

/**
 * Checks a written value. `written` is a parsed node (from the file) or a plain
 * value (from flags or code). `baseDir` resolves file parameters.
 */
export function checkWrittenValue(
  spec: ParamSpec,
  written: LNode | ParamValue | null | undefined,
  origin: Origin,
  baseDir: string,
): Assigned {
  let value: unknown;
  let got: string;
  if (written !== null && typeof written === 'object') {
    got = describeNode(written);
    value = written.kind === 'scalar' ? written.value : undefined;
    if (written.kind !== 'scalar') return fail(`expected ${expectation(spec)}, got ${got}.`, origin);
  } else {
    value = written;
    got = describeValue(written);
  }

  switch (spec.kind) {
    case 'number':
    case 'integer': {
      if (typeof value === 'string') {
        const literal = numericLiteral(value);
        if (literal === undefined) {
          if (value.trim() === '') fail(`expected ${expectation(spec)}, got an empty text.`, origin);
          return { value, origin, formula: value };
        }
        value = literal;
      }
      if (typeof value !== 'number') fail(`expected ${expectation(spec)}, got ${got}.`, origin);
      if (!numberFits(spec, value)) fail(`expected ${describeRange(spec)}, got ${got}.`, origin);
      return { value, origin };
    }
    case 'choice': {
      if (typeof value === 'number' && spec.choices.includes(String(value))) value = String(value);
      if (typeof value !== 'string' || !spec.choices.includes(value)) {
        const hint = typeof value === 'string' ? didYouMean(value, spec.choices) : '';
        fail(`expected ${describeRange(spec)}, got ${got}.${hint}`, origin);
      }
      return { value, origin };
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail(`expected ${describeRange(spec)}, got ${got}.`, origin);
      return { value, origin };
    case 'file': {
      if (typeof value !== 'string') fail(`expected ${describeRange(spec)}, got ${got}.`, origin);
      if (value !== '') checkFileExists(value, origin, baseDir);
      return { value, origin };
    }
  }
}

function expectation(spec: ParamSpec): string {
  const range = describeRange(spec);
  return spec.kind === 'number' || spec.kind === 'integer' ? `${range} (or a formula in quotes, e.g. "levels - 1")` : range;
}

function checkFileExists(value: string, origin: Origin, baseDir: string): void {
  const full = resolvePath(baseDir, value);
  let isFile = false;
  let exists = false;
  try {
    const s = statSync(full);
    exists = true;
    isFile = s.isFile();
  } catch {
    // not there
  }
  if (!exists) fail(`file ${JSON.stringify(value)} not found (looked for ${full}, relative to the scenario file's folder).`, origin);
  if (!isFile) fail(`${JSON.stringify(value)} is a folder, not a file (${full}).`, origin);
}
