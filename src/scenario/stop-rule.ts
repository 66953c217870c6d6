/**
 * `stop_when:`: a formula of the model's tick metrics (e.g. `distinct_solutions == 1`)
 * that ends a run after the first tick at which it is true (or a number other than 0);
 * `ticks` stays the cap. It is compiled through the same sandbox as parameter formulas
 * (arithmetic, comparisons, a few numeric functions; nothing else), once per process.
 */
import type { Model } from '../model/plugin.ts';
import { compileFormula, loadFormulaEngine } from './formulas.ts';
import type { Origin } from './origin.ts';

/** Checks the formula against the model's tick metrics when the scenario loads (a UserInputError at `origin` if it is bad); returns its text. */
export async function checkStopRule(text: string, origin: Origin, model: Model): Promise<string> {
  await loadFormulaEngine();
  compile(text, origin, model);
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

function compile(text: string, origin: Origin, model: Model): (row: Float64Array) => boolean {
  const names = model.tickMetrics.map((m) => m.name);
  const formula = compileFormula(text, origin, new Set(names), new Map(names.map((n) => [n, 'number'])), model.name, 'tick metric');
  const columns = formula.names.map((name) => [name, names.indexOf(name)] as const);
  const scope = new Map<string, number>();
  return (row) => {
    for (const [name, column] of columns) scope.set(name, row[column]);
    const result = formula.evaluate(scope);
    return result === true || (typeof result === 'number' && result !== 0 && !Number.isNaN(result));
  };
}
