/**
 * What two results sets have in common, or why they cannot be compared: the
 * same model and tick count are required, and at least one shared metric and one
 * shared condition. Conditions keep set A's order, and colours come from A's
 * conditions followed by B's others, so a condition looks the same here as in A's
 * own report.
 */
import { UserInputError } from '../../errors.ts';
import type { MetricInfo, ResultSet } from '../../output/read-results.ts';
import { colorScale } from '../palette.ts';
import type { ColorRef } from '../specs/base.ts';
import { conditionNames } from '../specs/fields.ts';

export interface SharedParts {
  tickMetrics: MetricInfo[];
  runMetrics: MetricInfo[];
  /** Conditions present in both sets, in set A's order. */
  conditions: string[];
  /** Colour of every condition of either set. */
  color: ColorRef;
}

export function sharedParts(a: ResultSet, b: ResultSet, [la, lb]: [string, string]): SharedParts {
  const ma = a.manifest;
  const mb = b.manifest;
  const why = (message: string) => new UserInputError(`cannot compare ${la} (${a.dir}) with ${lb} (${b.dir}): ${message}`);
  if (ma.model.name !== mb.model.name) throw why(`they come from different models ("${ma.model.name}" and "${mb.model.name}")`);
  if (ma.ticks !== mb.ticks) throw why(`they ran for different numbers of ticks (${ma.ticks} and ${mb.ticks})`);
  const shared = (xs: MetricInfo[], ys: MetricInfo[]) => xs.filter((x) => ys.some((y) => y.name === x.name));
  const tickMetrics = shared(ma.model.tick_metrics, mb.model.tick_metrics);
  const runMetrics = shared(ma.model.run_metrics, mb.model.run_metrics);
  if (tickMetrics.length === 0 && runMetrics.length === 0) throw why('they share no metrics');
  const namesA = conditionNames(a);
  const namesB = conditionNames(b);
  const conditions = namesA.filter((c) => namesB.includes(c));
  if (conditions.length === 0) {
    throw why(`they share no conditions (${la}: ${namesA.join(', ')}; ${lb}: ${namesB.join(', ')})`);
  }
  const all = [...namesA, ...namesB.filter((c) => !namesA.includes(c))];
  return {
    tickMetrics,
    runMetrics,
    conditions,
    color: { field: 'condition', title: 'Condition', type: 'nominal', sort: conditions, scale: colorScale(all) },
  };
}
