/**
 * `stop_when:` ends each run after the first tick at which its formula of the tick
 * metrics is true; `ticks` stays the cap; runs.csv records ticks_run; the last tick is
 * in timeseries.csv whatever the stride; one worker or two give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { runExperiment } from '../src/experiment/index.ts';
import { loadScenarioText } from '../src/scenario/index.ts';
import { ROOT } from './cli-helpers.ts';
import { csvs, tempDir } from './fixtures/experiment/helpers.ts';

const scenarioText = (stop: string, extra: string[] = []) =>
  ['name: stop', 'model: purpose-alignment', 'seed: 4', 'ticks: 300', 'replicates: 3', `stop_when: ${JSON.stringify(stop)}`, 'conditions:', '  h: { structure: hierarchy }', '  n: { structure: network }', ...extra].join('\n') + '\n';
const load = (text: string) => loadScenarioText(text, 'stop.yaml', ROOT);

function table(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
}

describe('stop_when', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await runExperiment(await load(scenarioText('distinct_solutions <= 2 and mean_trust > 0')), { outDir: dir });
  });

  it('each run stops at the first tick where the rule holds, and records it in ticks_run', () => {
    const runs = table(join(dir, 'runs.csv'));
    const series = table(join(dir, 'timeseries.csv'));
    expect(runs.every((r) => Number(r.ticks_run) < 300)).toBe(true);
    for (const run of runs) {
      const rows = series.filter((s) => s.run_id === run.run_id);
      expect(Number(rows.at(-1)!.tick)).toBe(Number(run.ticks_run));
      const holds = rows.map((s) => Number(s.distinct_solutions) <= 2 && Number(s.mean_trust) > 0);
      expect(holds.at(-1)).toBe(true);
      expect(holds.slice(1, -1).some(Boolean)).toBe(false); // not at any earlier tick
    }
  });

  it('the stopping tick is written whatever the stride; two workers write the same bytes', async () => {
    const s = await load(scenarioText('distinct_solutions <= 2 and mean_trust > 0'));
    const strided = tempDir();
    await runExperiment(s, { outDir: strided, timeseries: { every: 7 } });
    const last = new Map(table(join(strided, 'timeseries.csv')).map((r) => [r.run_id, r.tick]));
    for (const run of table(join(strided, 'runs.csv'))) expect(last.get(run.run_id)).toBe(run.ticks_run);
    const parallel = tempDir();
    await runExperiment(s, { outDir: parallel, workers: 2 });
    expect(csvs(parallel)).toEqual(csvs(dir));
    // the time-series charts keep to the recorded grid (no zigzag through each run's stopping tick) and say runs stopped
    const { chartSpecs } = await import('../src/charts/chart-specs.ts');
    const { readResults } = await import('../src/output/read-results.ts');
    const chart = chartSpecs(await readResults(strided)).find((c) => c.name === 'timeseries-mean_trust')!.spec as { data: { values: { tick: number }[] }; title: { subtitle: string[] } };
    expect(chart.data.values.every((r) => r.tick % 7 === 0 || r.tick === 300)).toBe(true);
    expect(chart.title.subtitle[1]).toMatch(/runs stopped \(stop_when\) between ticks \d+ and \d+: later points average the runs still going/);
  });

  it('a rule that never holds leaves every run at the cap', async () => {
    const out = tempDir();
    await runExperiment(await load(scenarioText('mean_trust > 2', []).replace('ticks: 300', 'ticks: 20')), { outDir: out });
    expect(table(join(out, 'runs.csv')).map((r) => r.ticks_run)).toEqual(['20', '20', '20', '20', '20', '20']);
  });

  it.each([
    ['an unknown metric, with the nearest', 'distinct_solution <= 2', /key "stop_when": formula "distinct_solution <= 2" uses the name "distinct_solution", which is not a tick metric of model "purpose-alignment"\. Did you mean "distinct_solutions"\?/],
    ['a parameter, not a tick metric', 'agents > 3', /uses the name "agents", which is not a tick metric.* Formulas may use numbers, tick metric names, /],
    ['a call that cannot be evaluated', 'max() > 0', /formula "max\(\) > 0" cannot be evaluated: /],
    ['a number, not a condition', 'mean_score', /stop_when "mean_score" is not a condition: it gives a number, not true or false\. Compare a tick metric with a value/],
    ['a function beyond arithmetic', 'import("fs")', /uses the function import\(\), which is not allowed/],
  ])('refuses %s at load, pointing at the key', async (_, rule, message) => {
    const e = await load(scenarioText(rule)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UserInputError);
    expect((e as Error).message).toMatch(message);
    expect((e as UserInputError).location).toMatchObject({ file: 'stop.yaml', line: 6, key: 'stop_when' });
  });

  it('refuses a stop_when that is not a formula text', async () => {
    const e = await load(scenarioText('x').replace('stop_when: "x"', 'stop_when: [1]')).catch((err: unknown) => err);
    expect((e as Error).message).toMatch(/key "stop_when": expected a formula of the tick metrics that ends a run when true/);
  });
});
