/**
 * Input files checked before anything runs or is written: each condition's first run is
 * built once (reading and checking its edge list, org chart, …), and every sweep point's
 * too when a file parameter is swept. `validate` and `run` both call it, so a file that
 * `run` would refuse is never reported ok.
 */
import type { Scenario } from '../scenario/index.ts';
import { fileRunContext } from './run-context.ts';
import { runStreams } from './seeds.ts';

export function checkInputs(scenario: Scenario): void {
  const { model } = scenario;
  const fileSwept = scenario.points.parameters.some((k) => model.parameters[k]?.kind === 'file');
  const points = fileSwept ? scenario.points.size : 1;
  const context = fileRunContext(scenario.baseDir);
  for (let c = 0; c < scenario.conditions.length; c++) {
    for (let p = 0; p < points; p++) model.init(scenario.paramsAt(c, p), runStreams(scenario.seed, 1, 1), context);
  }
}
