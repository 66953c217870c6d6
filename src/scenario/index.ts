/** The scenario layer: scenario files in, resolved and checked parameter sets out. */
export { loadScenario, loadScenarioText, resolvedParameters } from './load.ts';
export { parseSetFlags, scalarValue } from './overrides.ts';
export { formulasLoaded, ALLOWED_FUNCTIONS } from './formulas.ts';
export { parseScenarioText, readScenarioFile, locate, type LNode, type Pos } from './document.ts';
export { nearest, didYouMean, editDistance } from './suggest.ts';
export { TOP_LEVEL_KEYS, SETTINGS } from './toplevel.ts';
export { scenarioJsonSchema } from './json-schema.ts';
export { sweepWarnings } from './sweep-warnings.ts';
export { compileStopRule } from './stop-rule.ts';
export { loadFormulaEngine } from './formulas.ts';
export type { Scenario, ScenarioOverrides, Condition } from './types.ts';
export type { PointSet } from './design.ts';
