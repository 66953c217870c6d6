/**
 * Golden outputs: the tiny scenario's CSVs must match the committed files byte for
 * byte. A deliberate change to the model or the writers regenerates them with
 * ORGSIM_UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts (review the diff!).
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../src/experiment/run-experiment.ts';
import { loadScenario } from '../src/scenario/index.ts';

const here = join(import.meta.dirname, 'fixtures', 'golden');
const expectedDir = join(here, 'expected');
const FILES = ['runs.csv', 'timeseries.csv', 'summary.csv'];

describe('golden outputs of a tiny scenario', () => {
  it('match the committed CSVs', async () => {
    const out = mkdtempSync(join(tmpdir(), 'orgsim-golden-'));
    await runExperiment(await loadScenario(join(here, 'tiny.yaml')), { outDir: out });
    if (process.env.ORGSIM_UPDATE_GOLDEN === '1') {
      mkdirSync(expectedDir, { recursive: true });
      for (const f of FILES) writeFileSync(join(expectedDir, f), readFileSync(join(out, f)));
    }
    for (const f of FILES) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(expectedDir, f), 'utf8'));
  });
});
