import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import './fixtures/scenario/fake-model.ts';
import { locate, loadScenario, loadScenarioText, parseScenarioText, parseSetFlags, resolvedParameters } from '../src/scenario/index.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'scenario');
const fx = (name: string) => join(fixtures, name);
const text = (lines: string[]) => lines.join('\n') + '\n';

describe('loading a valid scenario', () => {
  it('resolves every condition fully, in file order and schema order', async () => {
    const s = await loadScenario(fx('valid.yaml'));
    expect(s.name).toBe('hierarchy-vs-network');
    expect(s.description).toBe('Same people, two rule sets.');
    expect(s.model.name).toBe('fake-org');
    expect([s.seed, s.ticks, s.replicates]).toEqual([42, 200, 30]);
    expect(s.baseDir).toBe(fixtures);
    expect(s.file).toBe(fx('valid.yaml'));
    expect(s.conditions.map((c) => c.name)).toEqual(['hierarchy', 'network']);
    expect(s.conditions[0].params).toEqual({
      agents: 85, rate: 0.25, levels: 3, approval_levels: 2, degree: 4,
      structure: 'hierarchy', noisy: false, edges: 'edges.csv',
    });
    expect(s.conditions[1].params).toEqual({
      agents: 85, rate: 0.25, levels: 3, approval_levels: 2, degree: 8,
      structure: 'network', noisy: true, edges: 'edges.csv',
    });
    expect(Object.keys(s.conditions[1].params)).toEqual(Object.keys(s.model.parameters));
    expect(Object.isFrozen(s.conditions[0].params)).toBe(true);
  });

  it('keeps the exact text and its SHA-256', async () => {
    const s = await loadScenario(fx('valid.yaml'));
    const raw = readFileSync(fx('valid.yaml'), 'utf8');
    expect(s.text).toBe(raw);
    expect(s.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
  });

  it('gives the same conditions for the same scenario written as JSON', async () => {
    const y = await loadScenario(fx('valid.yaml'));
    const j = await loadScenario(fx('valid.json'));
    expect(j.conditions).toEqual(y.conditions);
    expect([j.name, j.seed, j.ticks, j.replicates, j.description]).toEqual([y.name, y.seed, y.ticks, y.replicates, y.description]);
    expect(j.sha256).not.toBe(y.sha256);
  });

  it('fills in defaults: seed 1, ticks 100, replicates 1, one condition "base", model defaults', async () => {
    const s = await loadScenario(fx('minimal.yaml'));
    expect([s.seed, s.ticks, s.replicates, s.description]).toEqual([1, 100, 1, '']);
    expect(s.conditions).toEqual([
      { name: 'base', params: { agents: 10, rate: 0.5, levels: 3, approval_levels: 2, degree: 4, structure: 'hierarchy', noisy: false, edges: '' } },
    ]);
  });

  it('applies defaults <- parameters <- condition <- --set, and run-setting overrides', async () => {
    const s = await loadScenarioText(
      text([
        'name: precedence',
        'model: fake-org',
        'parameters: { agents: 50, degree: 6, rate: 0.1 }',
        'conditions:',
        '  a: { degree: 10 }',
        '  b: { rate: 0.9 }',
        '  c:',
      ]),
      'precedence.yaml',
      fixtures,
      { seed: 7, ticks: 5, replicates: 3, set: parseSetFlags(['rate=0.3', 'structure=network']) },
    );
    expect([s.seed, s.ticks, s.replicates]).toEqual([7, 5, 3]);
    const byName = Object.fromEntries(s.conditions.map((c) => [c.name, c.params]));
    expect(byName.a).toMatchObject({ agents: 50, degree: 10, rate: 0.3, structure: 'network', levels: 3 });
    expect(byName.b).toMatchObject({ agents: 50, degree: 6, rate: 0.3, structure: 'network' });
    expect(byName.c).toMatchObject({ agents: 50, degree: 6, rate: 0.3 });
  });

  it('exports the resolved parameters as plain data for the manifest', async () => {
    const s = await loadScenario(fx('valid.yaml'));
    const plain = resolvedParameters(s);
    expect(Object.keys(plain)).toEqual(['hierarchy', 'network']);
    expect(plain.network.degree).toBe(8);
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
  });

  it('accepts an empty condition mapping and a null parameters section', async () => {
    const s = await loadScenarioText(text(['name: x', 'model: fake-org', 'parameters:', 'conditions:', '  only: {}']), 'x.yaml', fixtures);
    expect(s.conditions.map((c) => c.name)).toEqual(['only']);
  });
});

describe('parseSetFlags', () => {
  it('types values as YAML scalars', () => {
    expect(parseSetFlags(['degree=8', 'reward=culture', 'noisy=true', 'rate=0.25', 'approval_levels=levels - 1', 'x="8"', 'f=a > 1 ? 2 : 3'])).toEqual({
      degree: 8, reward: 'culture', noisy: true, rate: 0.25, approval_levels: 'levels - 1', x: '8', f: 'a > 1 ? 2 : 3',
    });
  });

  it('lets the later flag win', () => {
    expect(parseSetFlags(['degree=8', 'degree=9'])).toEqual({ degree: 9 });
  });
});

describe('formulas', () => {
  const withParams = (params: string[], extra: string[] = []) =>
    text(['name: f', 'model: fake-org', 'parameters:', ...params.map((p) => `  ${p}`), ...extra]);

  it('resolves "levels - 1"', async () => {
    const s = await loadScenarioText(withParams(['levels: 5', 'approval_levels: "levels - 1"']), 'f.yaml', fixtures);
    expect(s.conditions[0].params.approval_levels).toBe(4);
  });

  it('evaluates formulas in dependency order, per condition', async () => {
    const s = await loadScenarioText(
      withParams(
        ['approval_levels: "levels - 1"', 'levels: "round(sqrt(agents) / 2)"', 'agents: 64', 'rate: "1 / levels"'],
        ['conditions:', '  small: { agents: 16 }', '  big: {}'],
      ),
      'f.yaml',
      fixtures,
    );
    expect(s.conditions[0].params).toMatchObject({ agents: 16, levels: 2, approval_levels: 1, rate: 0.5 });
    expect(s.conditions[1].params).toMatchObject({ agents: 64, levels: 4, approval_levels: 3, rate: 0.25 });
  });

  it('takes a formula from --set, and constants, functions and conditionals', async () => {
    const s = await loadScenarioText(withParams(['levels: 4']), 'f.yaml', fixtures, {
      set: parseSetFlags(['approval_levels=levels > 3 ? max(1, levels - 2) : 1', 'rate=round(pi / e * 10) / 100']),
    });
    expect(s.conditions[0].params).toMatchObject({ approval_levels: 2, rate: 0.12 });
  });

  it('treats a quoted plain number as a number', async () => {
    const s = await loadScenarioText(withParams(['agents: "85"']), 'f.yaml', fixtures);
    expect(s.conditions[0].params.agents).toBe(85);
  });

  it('checks a formula whose condition overrides break a cycle only in that condition', async () => {
    const s = await loadScenarioText(
      withParams(['levels: 3'], ['conditions:', '  ok: { approval_levels: "levels - 1" }']),
      'f.yaml',
      fixtures,
    );
    expect(s.conditions[0].params.approval_levels).toBe(2);
  });
});

describe('locate', () => {
  it('gives the line and column of keys and values by path, in YAML and JSON', () => {
    const y = parseScenarioText(readFileSync(fx('valid.yaml'), 'utf8'), 'valid.yaml');
    expect(locate(y, ['conditions', 'network', 'degree'], 'key')).toEqual({ line: 15, column: 5 });
    expect(locate(y, ['conditions', 'network', 'degree'])).toEqual({ line: 15, column: 13 });
    expect(locate(y, ['conditions', 'hierarchy', 'structure'])).toEqual({ line: 12, column: 27 });
    expect(locate(y, ['conditions', 'nope'])).toBeUndefined();
    const j = parseScenarioText(readFileSync(fx('valid.json'), 'utf8'), 'valid.json');
    expect(locate(j, ['parameters', 'rate'])).toEqual({ line: 8, column: 41 });
    expect(locate(parseScenarioText('a: [1, 2]', 'x'), ['a', '1'])).toEqual({ line: 1, column: 8 });
  });

  it('hints at a missing space after a colon', async () => {
    await expect(loadScenarioText('name: x\nmodel: fake-org\nparameters:\n  agents:85\n', 'x.yaml', fixtures)).rejects.toThrow(
      'x.yaml:4:3 key "parameters": expected a mapping of parameter names to values, got "agents:85" (YAML needs a space after the ":" of "key: value").',
    );
  });

  it('trims the end of a folded description', async () => {
    const s = await loadScenarioText('name: x\nmodel: fake-org\ndescription: >\n  two\n  lines\n', 'x.yaml', fixtures);
    expect(s.description).toBe('two lines');
  });
});
