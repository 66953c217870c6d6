/**
 * `stop_when:`: a condition on the model's tick metrics (e.g. `distinct_solutions == 1`)
 * that ends a run after the first tick at which it is true; `ticks` stays the cap. It is
 * compiled through the same sandbox as parameter formulas (arithmetic, comparisons, a
 * few numeric functions; nothing else), once per process. When the scenario loads it is
 * evaluated once on sample metrics, so a formula that cannot be evaluated or that is not
 * a condition (true or false, e.g. `mean_score` alone) is refused there, not in every run.
 */
import type { Model } from '../model/plugin.ts';
import { compileFormula, loadFormulaEngine } from './formulas.ts';
import { fail, type Origin } from './origin.ts';

/** Checks the formula against the model's tick metrics when the scenario loads (a UserInputError at `origin` if it is bad); returns its text. */
export async function checkStopRule(text: string, origin: Origin, model: Model): Promise<string> {
  await loadFormulaEngine();
  const formula = compileFormulaOf(text, origin, model);
  const sample = new Map(model.tickMetrics.map((m) => [m.name, 0.5]));
  const result = formula.evaluate(sample); // a formula that cannot be evaluated fails here, at origin
  if (typeof result !== 'boolean') {
    fail(
      `stop_when ${JSON.stringify(text)} is not a condition: it gives ${typeof result === 'number' ? 'a number' : `a ${typeof result}`}, not true or false. ` +
        'Compare a tick metric with a value, e.g. distinct_solutions == 1 or mean_trust > 0.8.',
      origin,
    );
  }
  return text;
}

const compiledRules = new Map<string, (row: Float64Array) => boolean>();

/**
 * The rule as a test of one tick's metrics (a row in `model.tickMetrics` order):
 * true to stop. The formula engine must be loaded (`loadFormulaEngine`); the text was
 * checked when the scenario loaded.
 */
export function compileStopRule(text: string, model: Model): (row: Float64Array) => boolean {
  const key = `${model.name}\u241f${text}`;
  let rule = compiledRules.get(key);
  if (rule === undefined) {
    rule = compile(text, { kind: 'flag', flag: 'stop_when', key: 'stop_when' }, model);
    compiledRules.set(key, rule);
  }
  return rule;
}

function compileFormulaOf(text: string, origin: Origin, model: Model) {
  const names = model.tickMetrics.map((m) => m.name);
  return compileFormula(text, origin, new Set(names), new Map(names.map((n) => [n, 'number'])), model.name, 'tick metric');
}

function compile(text: string, origin: Origin, model: Model): (row: Float64Array) => boolean {
  const names = model.tickMetrics.map((m) => m.name);
  const formula = compileFormulaOf(text, origin, model);
  const columns = formula.names.map((name) => [name, names.indexOf(name)] as const);
  const scope = new Map<string, number>();
  return (row) => {
    for (const [name, column] of columns) scope.set(name, row[column]);
    return formula.evaluate(scope) === true;
  };
}
