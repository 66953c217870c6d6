/**
 * The committed reference results (results/hierarchy-vs-network) are what the code
 * produces today: rerunning the headline scenario gives byte-identical CSVs. A model
 * change that alters them must regenerate them (npm start) and say so in its commit.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../src/experiment/index.ts';
import { loadScenario } from '../src/scenario/index.ts';

const ROOT = join(import.meta.dirname, '..');

describe('committed reference results', () => {
  it('hierarchy-vs-network reproduces byte for byte', async () => {
    const out = mkdtempSync(join(tmpdir(), 'orgsim-reference-'));
    await runExperiment(await loadScenario(join(ROOT, 'scenarios', 'hierarchy-vs-network.yaml')), { outDir: out, workers: 1 });
    for (const file of ['runs.csv', 'timeseries.csv', 'summary.csv']) {
      const committed = readFileSync(join(ROOT, 'results', 'hierarchy-vs-network', file), 'utf8');
      expect(readFileSync(join(out, file), 'utf8') === committed, `${file} differs from the committed reference`).toBe(true);
    }
  });
});
