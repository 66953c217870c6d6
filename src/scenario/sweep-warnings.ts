/**
 * Warnings (not errors) about a design: a swept parameter that a condition ignores
 * (e.g. empowerment in a pure network) makes that condition's sweep points repeat each
 * other, which pools or plots as if the parameter mattered. Models say which
 * parameters they ignore (`Model.inactiveParameters`).
 */
import type { Scenario } from './types.ts';

/** One sentence per condition × swept parameter it ignores, in condition and sweep order. */
export function sweepWarnings(scenario: Pick<Scenario, 'model' | 'conditions' | 'points'>): string[] {
  const inactive = scenario.model.inactiveParameters;
  if (!inactive || scenario.points.parameters.length === 0) return [];
  const out: string[] = [];
  for (const condition of scenario.conditions) {
    const ignored = new Set(inactive(condition.params));
    for (const parameter of scenario.points.parameters) {
      if (ignored.has(parameter)) {
        out.push(`sweep.${parameter}: condition "${condition.name}" ignores ${parameter} (model ${scenario.model.name}, with its parameters), so sweeping it changes nothing there.`);
      }
    }
  }
  return out;
}
