/**
 * The points of a sweep: a full-factorial grid (axes in file order, the last
 * varying fastest), a Latin hypercube sample, or a Saltelli design for Sobol'
 * indices. Points are computed on demand from their index, so a design of any
 * size costs memory only for its sampled values (8 bytes × points × parameters).
 *
 * Sampled values are drawn from a stream seeded by the master seed and the design
 * kind, mapped from the unit interval onto each range (integers uniformly over
 * from..to), and rounded to the digits results files keep, so the values in
 * runs.csv are exactly the values the runs used.
 */
import type { ParamValue } from '../model/params.ts';
import { roundToStored } from '../output/format.ts';
import { createRng, deriveSeed, shuffle, type Rng } from '../rng/index.ts';
import { saltelliSample } from '../stats/sensitivity.ts';
import type { Origin } from './origin.ts';
import type { GridAxis, SampleKind, SampleRange, SweepSpec } from './sweep.ts';
import type { Assigned } from './values.ts';

/** The points of a scenario; a scenario without a sweep has one point with no values. */
export interface PointSet {
  readonly kind: 'none' | 'grid' | SampleKind;
  /** The swept parameters, in file order. */
  readonly parameters: readonly string[];
  readonly size: number;
  /** lhs and sobol: the sample size n (sobol has n (k + 2) points). */
  readonly n?: number;
  /** The swept values of a point (0-based index), as written (a formula stays text). */
  values(index: number): Record<string, ParamValue>;
}

/** A point set with the values as parameter layers, for resolving. */
export interface Design extends PointSet {
  layer(index: number): Map<string, Assigned>;
  /** Every distinct written value (to compile formulas once). */
  readonly written: readonly Assigned[];
}

export function expandSweep(spec: SweepSpec | undefined, masterSeed: number): Design {
  if (spec === undefined) return { kind: 'none', parameters: [], size: 1, values: () => ({}), layer: () => new Map(), written: [] };
  return spec.kind === 'grid' ? grid(spec.axes) : sample(spec.kind, spec.n, spec.ranges, spec.origin, masterSeed);
}

function grid(axes: GridAxis[]): Design {
  const size = axes.reduce((s, a) => s * a.values.length, 1);
  const pick = (index: number): Assigned[] => {
    const out = new Array<Assigned>(axes.length);
    for (let a = axes.length - 1; a >= 0; a--) {
      const len = axes[a].values.length;
      out[a] = axes[a].values[index % len];
      index = Math.floor(index / len);
    }
    return out;
  };
  return {
    kind: 'grid',
    parameters: axes.map((a) => a.name),
    size,
    values: (index) => Object.fromEntries(pick(index).map((v, a) => [axes[a].name, v.value])),
    layer: (index) => new Map(pick(index).map((v, a) => [axes[a].name, v])),
    written: axes.flatMap((a) => a.values),
  };
}

function sample(kind: SampleKind, n: number, ranges: SampleRange[], origin: Origin, masterSeed: number): Design {
  const k = ranges.length;
  const rng = createRng(deriveSeed(masterSeed, 'design', kind));
  const unit = kind === 'lhs' ? latinHypercube(n, k, rng) : saltelliSample(n, k, rng);
  const values = unit.map((u, i) => onRange(u, ranges[i % k]));
  const row = (index: number) => ranges.map((r, i): [string, number] => [r.name, values[index * k + i]]);
  return {
    kind,
    parameters: ranges.map((r) => r.name),
    size: values.length / k,
    n,
    values: (index) => Object.fromEntries(row(index)),
    layer: (index) => new Map(row(index).map(([name, value]) => [name, { value, origin }])),
    written: [],
  };
}

function onRange(u: number, r: SampleRange): number {
  if (r.integer) return r.from + Math.min(r.to - r.from, Math.floor(u * (r.to - r.from + 1)));
  const v = roundToStored(r.from + u * (r.to - r.from));
  return Math.min(r.to, Math.max(r.from, v));
}

/**
 * A Latin hypercube on the unit cube: n rows of k values (row-major); in every
 * column each of the n strata [i/n, (i+1)/n) holds exactly one value.
 */
export function latinHypercube(n: number, k: number, rng: Rng): Float64Array {
  const out = new Float64Array(n * k);
  const strata = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) strata[i] = i;
    shuffle(rng, strata);
    for (let i = 0; i < n; i++) out[i * k + c] = (strata[i] + rng()) / n;
  }
  return out;
}
