/**
 * A pair of conditions found from manifest.json differs in one parameter at the
 * first sweep point; a condition may still set a parameter by a formula of a swept
 * one, so that elsewhere in the sweep the pair differs in more. This checks every
 * point against the parameters the runs actually ran with (runs.csv) and separates
 * the pairs that differ in their factor alone everywhere from the confounded ones.
 */
import type { RunRow } from '../output/read-results.ts';
import type { ConditionPair } from './condition-pairs.ts';

/** A pair that differs in more than its factor at some point, and how. */
export interface ConfoundedPair {
  pair: ConditionPair;
  /** The first point (point_id; 1 outside sweeps) where it does. */
  point: number;
  /** Every parameter in which the pair's runs differ there, the factor included. */
  differences: string[];
}

/** The pairs that differ only in their factor at every point, and the confounded rest. */
export function splitConfoundedPairs(runs: readonly RunRow[], pairs: readonly ConditionPair[]): { pairs: ConditionPair[]; confounded: ConfoundedPair[] } {
  const paramsAt = new Map<string, RunRow['params']>();
  for (const run of runs) {
    const place = `${run.condition}\u241f${run.point_id}`;
    if (!paramsAt.has(place)) paramsAt.set(place, run.params);
  }
  const points = [...new Set(runs.map((r) => r.point_id))];
  const kept: ConditionPair[] = [];
  const confounded: ConfoundedPair[] = [];
  for (const pair of pairs) {
    const found = firstConfoundedPoint(pair, points, paramsAt);
    if (found) confounded.push(found);
    else kept.push(pair);
  }
  return { pairs: kept, confounded };
}

function firstConfoundedPoint(pair: ConditionPair, points: readonly number[], paramsAt: Map<string, RunRow['params']>): ConfoundedPair | null {
  for (const point of points) {
    const a = paramsAt.get(`${pair.a}\u241f${point}`);
    const b = paramsAt.get(`${pair.b}\u241f${point}`);
    if (!a || !b) continue;
    const differences = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((name) => a[name] !== b[name]);
    if (differences.length !== 1 || differences[0] !== pair.factor) return { pair, point, differences };
  }
  return null;
}
