/** simulate(): the core of every run, notebook and benchmark: which ticks it keeps, and its series by name. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { runStreams } from '../src/experiment/seeds.ts';
import { recordedTicks, simulate } from '../src/experiment/simulate.ts';
import { loadScenario } from '../src/scenario/index.ts';
import { ROOT } from './cli-helpers.ts';

const HEADLINE = join(ROOT, 'scenarios', 'hierarchy-vs-network.yaml');

describe('simulate keeps only the recorded ticks', () => {
  it('every=k keeps 0, k, 2k, … and the last; none keeps nothing; the kept rows equal those of a full run', async () => {
    expect([...recordedTicks(10, 3)]).toEqual([0, 3, 6, 9, 10]);
    expect([...recordedTicks(9, 3)]).toEqual([0, 3, 6, 9]);
    expect([...recordedTicks(4, 1)]).toEqual([0, 1, 2, 3, 4]);
    expect(recordedTicks(4, 0).length).toBe(0);
    const s = await loadScenario(HEADLINE, { ticks: 10 });
    const run = (stride: number) => simulate(s.model, s.paramsAt(0, 0), runStreams(s.seed, 1, 1), 10, { inputs: s.baseDir, stride });
    const full = run(1);
    const every3 = run(3);
    const width = s.model.tickMetrics.length;
    every3.recordedTicks.forEach((t, r) => expect(every3.series.subarray(r * width, (r + 1) * width)).toEqual(full.series.subarray(t * width, (t + 1) * width)));
    expect(run(0).final).toEqual(full.final);
  });
});

describe('simulate() names its series', () => {
  it('tickMetric and runMetric by name; an unknown name lists the valid ones with the nearest', async () => {
    const s = await loadScenario(HEADLINE, { ticks: 6 });
    const out = simulate(s.model, s.paramsAt(0, 0), runStreams(s.seed, 1, 1), 6, { inputs: s.baseDir, stride: 2 });
    const width = out.tickMetricNames.length;
    const column = out.tickMetricNames.indexOf('mean_trust');
    expect([...out.tickMetric('mean_trust')]).toEqual([...out.recordedTicks].map((_, r) => out.series[r * width + column]));
    expect(out.tickMetric('mean_trust')).toHaveLength(4); // ticks 0, 2, 4, 6
    expect(out.runMetric('cumulative_value')).toBe(out.final[out.runMetricNames.indexOf('cumulative_value')]);
    expect(() => out.tickMetric('mean_trst')).toThrow(/^"mean_trst" is not a tick metric of model "purpose-alignment"\. Did you mean "mean_trust"\? The tick metrics: creative_risk_rate, /);
    expect(() => out.runMetric('nope')).toThrow(UserInputError);
  });
});

describe('simulate() options from a program', () => {
  it('a stop that is not a function is refused saying what is expected', async () => {
    const s = await loadScenario(HEADLINE, { ticks: 3 });
    expect(() => simulate(s.model, s.paramsAt(0, 0), runStreams(s.seed, 1, 1), 3, { inputs: s.baseDir, stop: 'distinct_solutions <= 2' as unknown as () => boolean })).toThrow(
      /^stop: expected a function of one tick's metrics \(in tickMetrics order\) returning true to stop, got string/,
    );
  });
});
