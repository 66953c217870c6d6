/**
 * The classic reproductions as committed: scenarios/classics holds scenario files
 * and its README only; each scenario loads with the design its README describes
 * (sweeps, not grids of named conditions); and the committed results under
 * results/<scenario> are what the scenario gives today — a few runs of each,
 * re-run with `only`, reproduce their rows of runs.csv byte for byte.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../src/experiment/index.ts';
import { loadScenario } from '../src/scenario/index.ts';

const ROOT = join(import.meta.dirname, '..');
const CLASSICS = join(ROOT, 'scenarios', 'classics');

/** name: [conditions, swept parameters, points, replicates] */
const DESIGNS: Record<string, [string[], string[], number, number]> = {
  'barkoczi-galesic-networks': [['best-member-3', 'best-member-9', 'conformity-3', 'conformity-9', 'random-copy', 'individual'], ['network'], 5, 1000],
  'barkoczi-galesic-time-course': [['best-member-full', 'best-member-lattice', 'best-member-clustered', 'conformity-full', 'conformity-lattice', 'conformity-clustered'], [], 1, 1000],
  'barkoczi-galesic-k-sweep': [['best-member-3', 'best-member-9', 'conformity-3', 'conformity-9', 'random-copy', 'individual'], ['interactions'], 8, 1000],
  'lazer-friedman-fig4': [['linear', 'ring', 'full'], [], 1, 1000],
  'lazer-friedman-fig6': [['base'], ['density'], 8, 1000],
  'lazer-friedman-fig6-connected': [['base'], ['density'], 7, 1000],
  'lazer-friedman-small-world': [['base'], ['rewirings'], 6, 1000],
  'lazer-friedman-structures': [['chain', 'hub-and-spoke', 'caveman', 'full'], [], 1, 1000],
  'lazer-friedman-velocity': [['base'], ['velocity'], 4, 1000],
  'march-fig1': [['base'], ['p1', 'p2'], 27, 80],
  'march-fig2': [['mixed', 'homogeneous'], ['fast_share'], 9, 80],
  'march-fig3': [['base'], ['fast_share'], 11, 400],
  'march-turnover': [['base'], ['p1', 'p3'], 21, 400],
  'march-turbulence': [['base'], ['p3'], 3, 200],
};

/** runs.csv lines by run_id. */
function runLines(file: string): Map<string, string> {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n').slice(1);
  return new Map(lines.map((line) => [line.slice(0, line.indexOf(',')), line]));
}

describe('classic scenarios', () => {
  it('scenarios/classics holds scenario files and the README only', () => {
    const files = readdirSync(CLASSICS).sort();
    expect(files.filter((f) => !f.endsWith('.yaml'))).toEqual(['README.md']);
    expect(files.filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual(Object.keys(DESIGNS).sort());
  });

  for (const [name, [conditions, swept, points, replicates]] of Object.entries(DESIGNS)) {
    it(`${name}: the design the README describes, and its committed results reproduce`, async () => {
      const scenario = await loadScenario(join(CLASSICS, `${name}.yaml`));
      expect(scenario.name).toBe(name);
      expect(scenario.conditions.map((c) => c.name)).toEqual(conditions);
      expect(scenario.replicates).toBe(replicates);
      const manifest = JSON.parse(readFileSync(join(ROOT, 'results', name, 'manifest.json'), 'utf8'));
      expect(manifest.sweep?.parameters ?? []).toEqual(swept);
      expect(manifest.points?.length ?? 1).toBe(points);
      expect(manifest.replicates).toBe(replicates);

      // replicates 1-2 of the first and last point of every condition
      const out = mkdtempSync(join(tmpdir(), `orgsim-${name}-`));
      const only = { point_id: [...new Set([1, points])], replicate: [1, 2] };
      await runExperiment(scenario, { outDir: out, workers: 1, only, timeseries: 'none' });
      const committed = runLines(join(ROOT, 'results', name, 'runs.csv'));
      const rerun = runLines(join(out, 'runs.csv'));
      expect(rerun.size).toBe(conditions.length * only.point_id.length * 2);
      for (const [id, line] of rerun) expect(line, `run ${id} of ${name}`).toBe(committed.get(id));
    }, 120_000);
  }
});
