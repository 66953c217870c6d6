/**
 * Which conditions of an experiment form a one-factor contrast: two conditions
 * whose resolved parameters differ in exactly one parameter, the pair's factor.
 * Works on any model's parameters (it compares values, knowing no names).
 */
import type { ParamValue } from '../model/params.ts';

/** A condition as manifest.json lists it: its name and resolved parameters. */
export interface ConditionParams {
  name: string;
  params: Readonly<Record<string, ParamValue>>;
}

/** Two conditions that differ in one parameter, oriented so that a contrast is b − a. */
export interface ConditionPair {
  a: string;
  b: string;
  /** The one parameter in which they differ. */
  factor: string;
  valueA: ParamValue;
  valueB: ParamValue;
}

/**
 * Names of the parameters whose values differ between two conditions (a
 * parameter set on one side only differs), in the order they first appear in x,
 * then in y.
 */
export function parameterDifferences(x: ConditionParams, y: ConditionParams): string[] {
  const names = [...new Set([...Object.keys(x.params), ...Object.keys(y.params)])];
  return names.filter((name) => x.params[name] !== y.params[name]);
}

/**
 * Every pair of conditions that differ in exactly one parameter, in the order
 * found walking the list: (1, 2), (1, 3), …, (2, 3), …. Orientation: when the
 * factor is true/false in both, a is the condition where it is false and b where
 * it is true (b − a = the effect of switching the mechanism on); otherwise a is
 * the condition listed first. Conditions with identical parameters (an A/A pair)
 * differ in none and are not a pair. A parameter set on one side only is never a
 * factor.
 */
export function conditionPairs(conditions: readonly ConditionParams[]): ConditionPair[] {
  const pairs: ConditionPair[] = [];
  conditions.forEach((first, i) => {
    for (const later of conditions.slice(i + 1)) {
      const differences = parameterDifferences(first, later);
      if (differences.length !== 1) continue;
      const factor = differences[0];
      const [u, v] = [first.params[factor], later.params[factor]];
      if (u === undefined || v === undefined) continue;
      const swap = typeof u === 'boolean' && typeof v === 'boolean' && u;
      pairs.push(
        swap
          ? { a: later.name, b: first.name, factor, valueA: v, valueB: u }
          : { a: first.name, b: later.name, factor, valueA: u, valueB: v },
      );
    }
  });
  return pairs;
}
