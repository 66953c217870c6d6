/**
 * Loading a scenario: from a path (`loadScenario`) or from text (`loadScenarioText`,
 * for code and notebooks) to a `Scenario` with every condition's parameters fully
 * resolved and checked.
 */
import { createHash } from 'node:crypto';
import { dirname, resolve as resolvePath } from 'node:path';
import type { ParamValue } from '../model/params.ts';
import { parseScenarioText, readScenarioFile } from './document.ts';
import { resolveScenario } from './resolve.ts';
import type { Scenario, ScenarioOverrides } from './types.ts';

/** Reads, parses, resolves and checks a scenario file. Bad input is a `UserInputError`. */
export async function loadScenario(path: string, overrides: ScenarioOverrides = {}): Promise<Scenario> {
  const text = await readScenarioFile(path);
  return loadScenarioText(text, path, dirname(resolvePath(path)), overrides);
}

/**
 * Like `loadScenario`, from text. `fileLabel` names it in messages; `baseDir` is the
 * folder relative file parameters are resolved against.
 */
export async function loadScenarioText(
  text: string,
  fileLabel: string,
  baseDir: string,
  overrides: ScenarioOverrides = {},
): Promise<Scenario> {
  const absoluteBase = resolvePath(baseDir);
  const root = parseScenarioText(text, fileLabel);
  const resolved = await resolveScenario(root, fileLabel, absoluteBase, overrides);
  return {
    file: fileLabel,
    text,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    baseDir: absoluteBase,
    overrides: canonical(overrides),
    ...resolved,
  };
}

/** The overrides without unset fields, `set` keys sorted, so equal overrides compare equal as JSON. */
function canonical(overrides: ScenarioOverrides): ScenarioOverrides {
  const out: ScenarioOverrides = {};
  if (overrides.seed !== undefined) out.seed = overrides.seed;
  if (overrides.ticks !== undefined) out.ticks = overrides.ticks;
  if (overrides.replicates !== undefined) out.replicates = overrides.replicates;
  const set = Object.entries(overrides.set ?? {});
  if (set.length > 0) out.set = Object.fromEntries(set.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return out;
}

/**
 * The resolved parameters of each condition as plain data (for the manifest):
 * `{ conditionName: { key: value, … } }`, in condition and schema order. Formulas
 * are already evaluated, so these are the values the runs use.
 */
export function resolvedParameters(scenario: Pick<Scenario, 'conditions'>): Record<string, Record<string, ParamValue>> {
  const out: Record<string, Record<string, ParamValue>> = {};
  for (const c of scenario.conditions) {
    Object.defineProperty(out, c.name, { value: { ...c.params }, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
