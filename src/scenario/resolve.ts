/**
 * From a parsed scenario to fully resolved parameter sets, one per condition and
 * sweep point: model defaults <- `parameters:` <- the condition's overrides <- the
 * point's swept values <- `--set` overrides (which apply to every condition); then
 * formulas are evaluated in dependency order, every value is checked against its
 * spec, and the model's own `check` runs. Every condition × point is checked here,
 * so a bad point stops the scenario before anything runs. Every problem is a
 * `UserInputError` pointing at the place that set the offending value.
 */
import type { Model } from '../model/plugin.ts';
import { describeRange, type ParamSpec, type ParamValue, type Params } from '../model/params.ts';
import { expandSweep, type Design } from './design.ts';
import type { LMap, LNode } from './document.ts';
import { compileFormula, formulaOrder, loadFormulaEngine, type CompiledFormula } from './formulas.ts';
import { describeNode, dotted, fail, shortened, type Origin } from './origin.ts';
import { checkStopRule } from './stop-rule.ts';
import { checkSize, readSweep } from './sweep.ts';
import { SETTINGS, checkSetting, readTopLevel, type SettingName } from './toplevel.ts';
import type { Condition, Scenario, ScenarioOverrides } from './types.ts';
import { unknownParameter } from './unknown-parameter.ts';
import { checkWrittenValue, numberFits, type Assigned } from './values.ts';

export const CONDITION_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Everything of a `Scenario` that comes from resolving (the rest is the file itself). */
export type ResolvedScenario = Pick<
  Scenario,
  'name' | 'description' | 'model' | 'seed' | 'ticks' | 'replicates' | 'conditions' | 'points' | 'paramsAt' | 'stopWhen'
>;

/** A layer of parameter values (the base set, one condition, or the flags). */
type Layer = Map<string, Assigned>;

export async function resolveScenario(
  root: LNode | undefined,
  file: string,
  baseDir: string,
  overrides: ScenarioOverrides = {},
): Promise<ResolvedScenario> {
  const raw = readTopLevel(root, file);
  const model = raw.model as Model; // required: readTopLevel has checked it is there
  const settings = {} as Record<SettingName, number>;
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const flagged = overrides[name];
    settings[name] =
      flagged !== undefined
        ? checkSetting(name, flagged, { kind: 'flag', flag: `--${name}`, key: name })
        : (raw[name] ?? SETTINGS[name].default);
  }

  const base = readLayer(raw.parameters, ['parameters'], model, file, baseDir);
  const conditionLayers: { name: string; layer: Layer }[] = [];
  if (raw.conditions === undefined) {
    conditionLayers.push({ name: 'base', layer: new Map() });
  } else {
    for (const e of raw.conditions.entries) {
      const origin: Origin = { kind: 'file', file, pos: e.keyPos, key: dotted('conditions', e.key) };
      if (!CONDITION_NAME_PATTERN.test(e.key)) {
        fail(`condition names may use letters, digits, "_" and "-" only; got ${JSON.stringify(e.key)}.`, origin);
      }
      if (conditionLayers.some((c) => c.name === e.key)) fail(`condition "${e.key}" is defined twice.`, origin);
      let overridesMap: LMap;
      if (e.value.kind === 'scalar' && e.value.value === null) overridesMap = { kind: 'map', pos: e.value.pos, entries: [] };
      else if (e.value.kind === 'map') overridesMap = e.value;
      else {
        return fail(
          `expected the condition's parameter overrides as a mapping (e.g. "${e.key}: { structure: network }", or "{}" for none), got ${describeNode(e.value)}.`,
          { ...origin, pos: e.value.pos },
        );
      }
      conditionLayers.push({ name: e.key, layer: readLayer(overridesMap, ['conditions', e.key], model, file, baseDir) });
    }
  }
  const flags = readFlagLayer(overrides.set ?? {}, model, baseDir);
  const design = expandSweep(raw.sweep && readSweep(raw.sweep, model, file, baseDir), settings.seed);
  checkNotFixed(design, conditionLayers, flags);
  checkSize(design.size, { kind: 'file', file, pos: raw.sweep?.pos, key: 'sweep' }, conditionLayers.length);

  const layers = [base, ...conditionLayers.map((c) => c.layer), flags];
  const compiled = await compileAll([...layers.flatMap((l) => [...l.values()]), ...design.written], model);

  const paramsAt = (c: number, p: number): Params => {
    const { name, layer } = conditionLayers[c];
    const where = [
      raw.conditions === undefined ? '' : ` in condition "${name}"`,
      design.kind === 'none' ? '' : ` at sweep point ${p + 1} (${describePoint(design, p)})`,
    ].join('');
    return mergeAndEvaluate(model, file, [base, layer, design.layer(p), flags], compiled, where);
  };
  const conditions: Condition[] = conditionLayers.map(({ name }, c) => ({ name, params: paramsAt(c, 0) }));
  for (let c = 0; c < conditions.length; c++) for (let p = 1; p < design.size; p++) paramsAt(c, p);

  return {
    name: raw.name as string,
    description: raw.description ?? '',
    model,
    seed: settings.seed,
    ticks: settings.ticks,
    replicates: settings.replicates,
    conditions,
    points: design,
    paramsAt: lastOne(paramsAt),
    ...(raw.stopWhen ? { stopWhen: await checkStopRule(raw.stopWhen.text, raw.stopWhen.origin, model) } : {}),
  };
}

/** A swept parameter may have a base value in `parameters:`, but no condition or flag may fix it. */
function checkNotFixed(design: Design, conditions: { name: string; layer: Layer }[], flags: Layer): void {
  for (const key of design.parameters) {
    for (const { name, layer } of conditions) {
      const a = layer.get(key);
      if (a) fail(`"${key}" is swept and also set in condition "${name}"; remove one of the two.`, a.origin);
    }
    const a = flags.get(key);
    if (a) fail(`"${key}" is swept; --set cannot fix it. Remove it from the sweep or from --set.`, a.origin);
  }
}

function describePoint(design: Design, p: number): string {
  return Object.entries(design.values(p))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

/** Remembers the last result: runs come in order, so consecutive runs share a condition and point. */
function lastOne(paramsAt: (c: number, p: number) => Params): (c: number, p: number) => Params {
  let lastC = -1;
  let lastP = -1;
  let last: Params = {};
  return (c, p) => {
    if (c !== lastC || p !== lastP) {
      last = paramsAt(c, p);
      lastC = c;
      lastP = p;
    }
    return last;
  };
}

function readLayer(map: LMap | undefined, path: string[], model: Model, file: string, baseDir: string): Layer {
  const layer: Layer = new Map();
  for (const e of map?.entries ?? []) {
    const key = dotted(...path, e.key);
    if (!Object.hasOwn(model.parameters, e.key)) {
      fail(unknownParameter(e.key, model), { kind: 'file', file, pos: e.keyPos, key });
    }
    const spec = model.parameters[e.key];
    layer.set(e.key, checkWrittenValue(spec, e.value, { kind: 'file', file, pos: e.value.pos, key }, baseDir));
  }
  return layer;
}

function readFlagLayer(set: Readonly<Record<string, ParamValue>>, model: Model, baseDir: string): Layer {
  const layer: Layer = new Map();
  for (const [key, value] of Object.entries(set)) {
    const origin: Origin = { kind: 'flag', flag: `--set ${key}=${shortened(String(value))}`, key };
    if (Object.hasOwn(SETTINGS, key) && !Object.hasOwn(model.parameters, key)) {
      fail(`"${key}" is a scenario setting, not a parameter of model "${model.name}"; use --${key} ${String(value)}.`, origin);
    }
    if (!Object.hasOwn(model.parameters, key)) fail(unknownParameter(key, model), origin);
    layer.set(key, checkWrittenValue(model.parameters[key], value, origin, baseDir));
  }
  return layer;
}

/** Loads mathjs only if some value is a formula, then checks and compiles every formula once. */
async function compileAll(values: Assigned[], model: Model): Promise<Map<Assigned, CompiledFormula>> {
  const compiled = new Map<Assigned, CompiledFormula>();
  const formulas = values.filter((a) => a.formula !== undefined);
  if (formulas.length === 0) return compiled;
  await loadFormulaEngine();
  const numeric = new Set<string>();
  const kinds = new Map<string, string>();
  for (const [key, spec] of Object.entries(model.parameters)) {
    kinds.set(key, spec.kind);
    if (spec.kind === 'number' || spec.kind === 'integer') numeric.add(key);
  }
  for (const a of formulas) compiled.set(a, compileFormula(a.formula as string, a.origin, numeric, kinds, model.name));
  return compiled;
}

function mergeAndEvaluate(
  model: Model,
  file: string,
  layers: Layer[],
  compiled: Map<Assigned, CompiledFormula>,
  context: string,
): Params {
  const schema = model.parameters;
  const merged = new Map<string, Assigned>();
  for (const [key, spec] of Object.entries(schema)) {
    merged.set(key, { value: spec.default, origin: { kind: 'default', file, key: dotted('parameters', key) } });
  }
  for (const layer of layers) for (const [key, a] of layer) merged.set(key, a);

  const values = new Map<string, ParamValue>();
  for (const [key, a] of merged) values.set(key, a.value);

  const refs = new Map<string, readonly string[]>();
  for (const [key, a] of merged) {
    const f = compiled.get(a);
    if (f) refs.set(key, f.names);
  }
  if (refs.size > 0) {
    const order = formulaOrder(refs, (key) => (merged.get(key) as Assigned).origin, context);
    const numbers = new Map<string, number>();
    for (const [key, v] of values) if (typeof v === 'number') numbers.set(key, v);
    for (const key of order) {
      const a = merged.get(key) as Assigned;
      const result = (compiled.get(a) as CompiledFormula).evaluate(numbers);
      const n = checkFormulaResult(key, schema[key], a, result, context);
      numbers.set(key, n);
      values.set(key, n);
    }
  }

  const params: Record<string, ParamValue> = {};
  for (const key of Object.keys(schema)) params[key] = values.get(key) as ParamValue;
  Object.freeze(params);

  const problems = model.check?.(params) ?? [];
  if (problems.length > 0) {
    const [first, ...rest] = problems;
    const origin: Origin = merged.get(first.key)?.origin ?? { kind: 'file', file, key: first.key };
    const more = rest.length > 0 ? ` Also: ${rest.map((p) => `${p.key}: ${p.message}`).join('; ')}.` : '';
    fail(`${first.message.replace(/\.$/, '')}${context}.${more}`, origin);
  }
  return params;
}

function checkFormulaResult(key: string, spec: ParamSpec, a: Assigned, result: unknown, context: string): number {
  const text = JSON.stringify(a.formula);
  if (typeof result !== 'number') {
    const shown = typeof result === 'boolean' ? String(result) : typeof result === 'object' ? 'a non-number' : String(result);
    fail(`formula ${text} gives ${shown}${context}, but ${key} must be a number.`, a.origin);
  }
  if (!Number.isFinite(result)) {
    const why = Number.isNaN(result) ? ' (not a number, e.g. the square root or log of a negative number)' : '';
    fail(`formula ${text} gives ${result}${why}${context}, but ${key} must be a finite number.`, a.origin);
  }
  if (spec.kind === 'integer' && !Number.isInteger(result)) {
    fail(`formula ${text} gives ${result}${context} but ${key} must be an integer; use round(), floor() or ceil().`, a.origin);
  }
  if ((spec.kind === 'number' || spec.kind === 'integer') && !numberFits(spec, result)) {
    fail(`formula ${text} gives ${result}${context}, but ${key} must be ${describeRange(spec)}.`, a.origin);
  }
  return result;
}
