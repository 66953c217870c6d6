import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './fixtures/experiment/helpers.ts';

/** Every module the worker thread loads, following static and dynamic imports of relative paths; packages by name. */
function importClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|(?:^|\n)import\s+'([^']+)'/g)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('worker threads', () => {
  it('load mathjs only on demand (for stop_when) and of the scenario layer only the formula sandbox: tasks carry plain values', () => {
    const { files, packages } = importClosure(join(root, 'src', 'experiment', 'worker.ts'));
    // formulas.ts names mathjs in a type and in its on-demand import() (loadFormulaEngine), nowhere else
    expect([...packages].filter((p) => p.startsWith('mathjs')).sort()).toEqual(['mathjs', 'mathjs/number']);
    const scenarioFiles = [...files].filter((f) => f.includes(`${join('src', 'scenario')}`)).map((f) => f.slice(f.lastIndexOf('/') + 1)).sort();
    expect(scenarioFiles).toEqual(['formulas.ts', 'origin.ts', 'stop-rule.ts', 'suggest.ts']);
    expect(files.has(join(root, 'src', 'experiment', 'run-task.ts'))).toBe(true);
  });
});
