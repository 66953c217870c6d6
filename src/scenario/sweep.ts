/**
 * The `sweep:` section of a scenario file, read and checked against the model.
 * One of three designs:
 *
 *   sweep:                                   # full-factorial grid, one axis per parameter
 *     initial_trust: [0.1, 0.5, 0.9]         # a list of values
 *     degree: { from: 2, to: 10, step: 2 }   # a range by step (both ends included)
 *     rewiring: { from: 0, to: 1, n: 5 }     # a range of n evenly spaced values
 *
 *   sweep:
 *     lhs:   { n: 200, ranges: { initial_trust: [0, 1], degree: { from: 2, to: 10 } } }
 *   sweep:
 *     sobol: { n: 256, ranges: { ... } }     # Saltelli design: n (k + 2) points
 *
 * Grid values go through the same checks as any parameter value (and may be
 * formulas); sample ranges must lie within the parameter's range.
 */
import { describeRange, type ParamSpec } from '../model/params.ts';
import type { Model } from '../model/plugin.ts';
import { entry, type LMap, type LNode } from './document.ts';
import { describeNode, dotted, fail, type Origin } from './origin.ts';
import { nearest } from './suggest.ts';
import { unknownParameter } from './unknown-parameter.ts';
import { checkWrittenValue, numberFits, type Assigned } from './values.ts';

export type SampleKind = 'lhs' | 'sobol';

export interface GridAxis {
  name: string;
  values: Assigned[];
}

export interface SampleRange {
  name: string;
  from: number;
  to: number;
  integer: boolean;
}

export type SweepSpec =
  | { kind: 'grid'; axes: GridAxis[] }
  | { kind: SampleKind; n: number; ranges: SampleRange[]; origin: Origin };

type FileOrigin = Extract<Origin, { kind: 'file' }>;

const SAMPLE_KINDS: readonly SampleKind[] = ['lhs', 'sobol'];
/** Values in one grid axis, a guard against a range with a tiny step. */
const MAX_AXIS_VALUES = 100_000;
/**
 * Most parameter sets (sweep points, and conditions × points) a scenario may have:
 * each is merged, evaluated, checked and looked at for memory when the scenario loads
 * (20–150 µs each), so `validate` and `plan` answer within about 2 s for any design
 * they accept.
 */
export const MAX_PARAMETER_SETS = 10_000;

interface Reader {
  model: Model;
  file: string;
  baseDir: string;
}

export function readSweep(map: LMap, model: Model, file: string, baseDir: string): SweepSpec {
  const place = (node: LNode, ...path: string[]): FileOrigin => ({ kind: 'file', file, pos: node.pos, key: dotted('sweep', ...path) });
  if (map.entries.length === 0) {
    fail('sweep is empty; give parameters with lists or ranges of values, or "lhs:" or "sobol:" with n and ranges.', place(map));
  }
  const reader: Reader = { model, file, baseDir };
  const sample = map.entries.find((e) => (SAMPLE_KINDS as readonly string[]).includes(e.key));
  if (sample) {
    const other = map.entries.find((e) => e !== sample);
    if (other) {
      fail(
        `"${sample.key}" is a design of its own; it cannot be combined with "${other.key}" in the same sweep (put discrete variants in conditions).`,
        { kind: 'file', file, pos: other.keyPos, key: dotted('sweep', other.key) },
      );
    }
    return readSample(reader, sample.key as SampleKind, sample.value, place(sample.value, sample.key));
  }
  const axes = map.entries.map((e): GridAxis => {
    const origin: FileOrigin = { kind: 'file', file, pos: e.keyPos, key: dotted('sweep', e.key) };
    if (!Object.hasOwn(model.parameters, e.key)) fail(unknownParameter(e.key, model), origin);
    return { name: e.key, values: readAxis(reader, model.parameters[e.key], e.value, { ...origin, pos: e.value.pos }) };
  });
  checkSize(axes.reduce((n, a) => n * a.values.length, 1), place(map));
  return { kind: 'grid', axes };
}

function readAxis(reader: Reader, spec: ParamSpec, node: LNode, origin: FileOrigin): Assigned[] {
  if (node.kind === 'seq') {
    if (node.items.length === 0) fail('expected at least one value to sweep over, got an empty list ([]).', origin);
    const values = node.items.map((item) => checkWrittenValue(spec, item, { ...origin, pos: item.pos }, reader.baseDir));
    const seen = new Set<string>();
    node.items.forEach((item, i) => {
      const shown = JSON.stringify(values[i].value);
      if (seen.has(shown)) fail(`the value ${shown} appears twice in this list; each grid value must differ.`, { ...origin, pos: item.pos });
      seen.add(shown);
    });
    return values;
  }
  if (node.kind === 'map') return rangeValues(node, origin).map((v) => checkWrittenValue(spec, v, origin, reader.baseDir));
  const single = node.kind === 'scalar' && node.value !== null ? ' (a single value belongs under "parameters:")' : '';
  return fail(`expected a list of values (e.g. [0.1, 0.5, 0.9]) or a range ({ from, to, step } or { from, to, n }), got ${describeNode(node)}${single}.`, origin);
}

/** The values of `{ from, to, step }` or `{ from, to, n }`, rounded to 12 significant digits (0.1 + 0.2 is 0.3). */
function rangeValues(map: LMap, origin: FileOrigin): number[] {
  checkKeys(map, ['from', 'to', 'step', 'n'], origin);
  const from = numberAt(map, 'from', origin);
  const to = numberAt(map, 'to', origin);
  if (from > to) fail(`"from" (${from}) must not be greater than "to" (${to}).`, origin);
  const hasStep = entry(map, 'step') !== undefined;
  const hasN = entry(map, 'n') !== undefined;
  if (hasStep === hasN) fail('a range needs exactly one of "step" and "n", e.g. { from: 0.1, to: 0.9, step: 0.2 }.', origin);
  let count: number;
  let step: number;
  if (hasStep) {
    step = numberAt(map, 'step', origin);
    if (!(step > 0)) fail(`"step" must be greater than 0, got ${step}.`, at(map, 'step', origin));
    count = Math.floor((to - from) / step + 1e-9) + 1;
  } else {
    count = numberAt(map, 'n', origin);
    if (!Number.isInteger(count) || count < 1) fail(`"n" must be an integer >= 1, got ${count}.`, at(map, 'n', origin));
    step = count === 1 ? 0 : (to - from) / (count - 1);
  }
  if (count > MAX_AXIS_VALUES) fail(`this range has ${count} values; at most ${MAX_AXIS_VALUES} are allowed.`, origin);
  return Array.from({ length: count }, (_, i) => (i === count - 1 && hasN && count > 1 ? to : Number((from + i * step).toPrecision(12))));
}

function readSample(reader: Reader, kind: SampleKind, node: LNode, origin: FileOrigin): SweepSpec {
  const example = `e.g. "${kind}: { n: 100, ranges: { initial_trust: [0, 1] } }"`;
  if (node.kind !== 'map') fail(`expected a mapping with n and ranges (${example}), got ${describeNode(node)}.`, origin);
  checkKeys(node, ['n', 'ranges'], origin);
  const n = numberAt(node, 'n', origin);
  const least = kind === 'sobol' ? 2 : 1;
  if (!Number.isInteger(n) || n < least) fail(`"n" must be an integer >= ${least}, got ${n}.`, at(node, 'n', origin));
  const rangesNode = entry(node, 'ranges')?.value;
  if (rangesNode === undefined) fail(`"ranges" is missing: give each sampled parameter's [from, to] (${example}).`, origin);
  const rangesOrigin: FileOrigin = { ...origin, pos: rangesNode.pos, key: `${origin.key}.ranges` };
  if (rangesNode.kind !== 'map' || rangesNode.entries.length === 0) {
    fail(`expected a mapping of parameter names to [from, to], got ${describeNode(rangesNode)}.`, rangesOrigin);
  }
  const ranges = rangesNode.entries.map((e): SampleRange => {
    const o: FileOrigin = { ...rangesOrigin, pos: e.keyPos, key: `${rangesOrigin.key}.${e.key}` };
    if (!Object.hasOwn(reader.model.parameters, e.key)) fail(unknownParameter(e.key, reader.model), o);
    const spec = reader.model.parameters[e.key];
    if (spec.kind !== 'number' && spec.kind !== 'integer') {
      fail(`${kind} samples numbers, but "${e.key}" is ${describeRange(spec)}; put discrete variants in conditions.`, o);
    }
    const [from, to] = bounds(e.value, { ...o, pos: e.value.pos });
    for (const v of [from, to]) if (!numberFits(spec, v)) fail(`expected ${describeRange(spec)}, got ${v}.`, { ...o, pos: e.value.pos });
    if (!(from < to)) fail(`expected from < to, got [${from}, ${to}].`, { ...o, pos: e.value.pos });
    return { name: e.key, from, to, integer: spec.kind === 'integer' };
  });
  checkSize(kind === 'sobol' ? n * (ranges.length + 2) : n, origin);
  return { kind, n, ranges, origin };
}

/** Refuses a design of more than MAX_PARAMETER_SETS parameter sets (`conditions` × points). */
export function checkSize(points: number, origin: Origin, conditions = 1): void {
  const sets = points * conditions;
  if (sets <= MAX_PARAMETER_SETS) return;
  const what = conditions > 1 ? `${points} sweep points × ${conditions} conditions = ${sets} parameter sets` : `${points} points`;
  const advice = conditions > 1 ? 'Use fewer conditions or points, or split the design into several scenarios' : 'Use fewer values per axis or a smaller sample (n), or split the design into several scenarios';
  fail(`this design has ${what}; orgsim checks every one before running and accepts at most ${MAX_PARAMETER_SETS}. ${advice}.`, origin);
}

/** `[from, to]` or `{ from, to }`. */
function bounds(node: LNode, origin: FileOrigin): [number, number] {
  if (node.kind === 'seq' && node.items.length === 2 && node.items.every((i) => i.kind === 'scalar' && typeof i.value === 'number')) {
    return [node.items[0], node.items[1]].map((i) => (i as { value: number }).value) as [number, number];
  }
  if (node.kind === 'map') {
    checkKeys(node, ['from', 'to'], origin);
    return [numberAt(node, 'from', origin), numberAt(node, 'to', origin)];
  }
  return fail(`expected [from, to] (two numbers) or { from, to }, got ${describeNode(node)}.`, origin);
}

function checkKeys(map: LMap, valid: readonly string[], origin: FileOrigin): void {
  for (const e of map.entries) {
    if (valid.includes(e.key)) continue;
    const hit = nearest(e.key, valid);
    fail(`unknown key "${e.key}".${hit ? ` Did you mean "${hit}"?` : ''} Valid keys here are: ${valid.join(', ')}.`, {
      ...origin,
      pos: e.keyPos,
      key: `${origin.key}.${e.key}`,
    });
  }
}

function at(map: LMap, key: string, origin: FileOrigin): FileOrigin {
  const e = entry(map, key);
  return { ...origin, pos: e?.value.pos ?? origin.pos, key: `${origin.key}.${key}` };
}

function numberAt(map: LMap, key: string, origin: FileOrigin): number {
  const e = entry(map, key);
  if (e === undefined) fail(`"${key}" is missing.`, origin);
  const v = e.value.kind === 'scalar' ? e.value.value : undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`expected a number, got ${describeNode(e.value)}.`, at(map, key, origin));
  return v;
}
