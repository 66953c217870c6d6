/**
 * `--set key=value` flags as typed values. The value is read as a YAML scalar
 * (`8` a number, `true` a boolean, `culture` or `"levels - 1"` a string; a string
 * where a number goes is a formula). Keys are checked against the model when the
 * scenario resolves (or here, when a model is given).
 */
import { parseDocument, isScalar } from 'yaml';
import { UserInputError } from '../errors.ts';
import type { ParamValue } from '../model/params.ts';
import type { Model } from '../model/plugin.ts';
import { nearest } from './suggest.ts';
import { SETTINGS } from './toplevel.ts';

/** Parses `key=value` flags; a later flag for the same key wins. */
export function parseSetFlags(flags: readonly string[], model?: Model): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq < 0) {
      throw new UserInputError(`--set ${flag}: expected key=value (e.g. --set degree=8), but there is no "=".`);
    }
    const key = flag.slice(0, eq).trim();
    const text = flag.slice(eq + 1).trim();
    if (key === '') throw new UserInputError(`--set ${flag}: the parameter name before "=" is missing.`);
    if (text === '') throw new UserInputError(`--set ${flag}: the value after "=" is missing.`);
    if (model && !Object.hasOwn(model.parameters, key)) {
      if (Object.hasOwn(SETTINGS, key)) {
        throw new UserInputError(`--set ${flag}: "${key}" is a scenario setting, not a parameter of model "${model.name}"; use --${key} ${text}.`);
      }
      const keys = Object.keys(model.parameters);
      const hit = nearest(key, keys);
      const hint = hit ? ` Did you mean "${hit}"?` : ` Its parameters are: ${keys.join(', ')}.`;
      throw new UserInputError(`--set ${flag}: unknown parameter "${key}" of model "${model.name}".${hint}`);
    }
    Object.defineProperty(out, key, { value: scalarValue(text), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A flag value as YAML reads a single scalar; anything else (e.g. `a ? b : c`) stays text. */
export function scalarValue(text: string): ParamValue {
  const doc = parseDocument(text);
  if (doc.errors.length === 0 && isScalar(doc.contents)) {
    const v = doc.contents.value;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  }
  return text;
}
