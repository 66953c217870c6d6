/**
 * Input files checked before anything runs or is written, for every condition and
 * sweep point (models without file parameters have none): models that say how (`Model.checkInputs` and `inputKey`) read each
 * distinct combination once; for others each condition's first run is built (every
 * sweep point's too when a file parameter is swept). `validate` and `run` both call it,
 * so a file that a run would refuse is never reported ok.
 */
import type { Scenario } from '../scenario/index.ts';
import { fileRunContext } from './run-context.ts';
import { runStreams } from './seeds.ts';

export function checkInputs(scenario: Scenario): void {
  const { model } = scenario;
  const fileKeys = Object.keys(model.parameters).filter((k) => model.parameters[k].kind === 'file');
  if (fileKeys.length === 0) return; // no input files to read (building a run would only cost time)
  const context = fileRunContext(scenario.baseDir);
  if (model.checkInputs && model.inputKey) {
    const seen = new Set<string>();
    for (let c = 0; c < scenario.conditions.length; c++) {
      for (let p = 0; p < scenario.points.size; p++) {
        const params = scenario.paramsAt(c, p);
        const key = model.inputKey(params);
        if (seen.has(key)) continue;
        seen.add(key);
        model.checkInputs(params, context);
      }
    }
    return;
  }
  const fileSwept = scenario.points.parameters.some((k) => fileKeys.includes(k));
  const points = fileSwept ? scenario.points.size : 1;
  for (let c = 0; c < scenario.conditions.length; c++) {
    for (let p = 0; p < points; p++) model.init(scenario.paramsAt(c, p), runStreams(scenario.seed, 1, 1), context);
  }
}
