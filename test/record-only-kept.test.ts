/**
 * Tick metrics are measured only at the ticks that are kept (or tested by a stop rule):
 * a run's run metrics, and the rows it keeps, are the same whether every tick, every
 * k-th or none is recorded, in every built-in model.
 */
import { describe, expect, it } from 'vitest';
import { runStreams } from '../src/experiment/seeds.ts';
import { simulate } from '../src/experiment/simulate.ts';
import { defaultParams, type ParamValue } from '../src/model/params.ts';
import { findModel } from '../src/models/index.ts';

const DESIGNS: readonly { model: string; params: Record<string, ParamValue>; ticks: number }[] = [
  { model: 'purpose-alignment', params: { agents: 60, levels: 0, turnover: 0.05, turbulence: 0.05 }, ticks: 60 },
  { model: 'nk-network-search', params: { agents: 20, bits: 10, interactions: 3, network: 'random', density: 0.2, velocity: 0.5, horizon: 7 }, ticks: 60 },
  { model: 'march-1991', params: { people: 20, dimensions: 12, p3: 0.05, p4: 0.02, measurement: 'before-update' }, ticks: 60 },
  { model: 'march-1991', params: { people: 20, dimensions: 12 }, ticks: 300 }, // freezes at equilibrium
  { model: 'social-learning', params: { agents: 20, bits: 10, interactions: 3, strategy: 'conformity' }, ticks: 60 },
];

describe('only recorded ticks are measured', () => {
  for (const d of DESIGNS) {
    it(`${d.model} ${JSON.stringify(d.params)}: the same run metrics and kept rows for every stride`, () => {
      const model = findModel(d.model)!;
      const params = { ...defaultParams(model.parameters), ...d.params };
      const run = (stride: number) => simulate(model, params, runStreams(11, 3, 5), d.ticks, { stride });
      const all = run(1);
      const width = model.tickMetrics.length;
      for (const stride of [0, 7]) {
        const some = run(stride);
        expect(Array.from(some.final)).toEqual(Array.from(all.final));
        some.recordedTicks.forEach((t, r) => expect(Array.from(some.series.subarray(r * width, (r + 1) * width))).toEqual(Array.from(all.series.subarray(t * width, (t + 1) * width))));
      }
    });
  }
});
