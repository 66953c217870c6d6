import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const probe = vi.hoisted(() => ({ imported: [] as string[] }));
vi.mock('mathjs/number', async (importOriginal) => {
  probe.imported.push('mathjs/number');
  return importOriginal();
});
vi.mock('mathjs', async (importOriginal) => {
  probe.imported.push('mathjs');
  return importOriginal();
});

import './fixtures/scenario/fake-model.ts';
import { formulasLoaded, loadScenario, loadScenarioText } from '../src/scenario/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures', 'scenario');

describe('mathjs is loaded only for formulas', () => {
  it('is not imported by a scenario without formulas', async () => {
    await loadScenario(join(fixtures, 'valid.yaml'));
    await loadScenarioText('name: x\nmodel: fake-org\nparameters: { agents: "85" }\n', 'x.yaml', fixtures);
    expect(formulasLoaded()).toBe(false);
    expect(probe.imported).toEqual([]);
  });

  it('is imported (the number-only entry) once a formula appears', async () => {
    const s = await loadScenarioText('name: x\nmodel: fake-org\nparameters: { approval_levels: "levels - 1" }\n', 'x.yaml', fixtures);
    expect(s.conditions[0].params.approval_levels).toBe(2);
    expect(formulasLoaded()).toBe(true);
    expect(probe.imported).toEqual(['mathjs/number']);
  });

  it('no file of src/scenario imports mathjs statically', () => {
    const dir = join(here, '..', 'src', 'scenario');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, name), 'utf8');
      expect(source, name).not.toMatch(/^\s*import\s+(?!type\b)[^;]*from\s+['"]mathjs/m);
      expect(source, name).not.toMatch(/^\s*import\s+['"]mathjs/m);
    }
  });
});
