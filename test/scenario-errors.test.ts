import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import './fixtures/scenario/fake-model.ts';
import { UserInputError } from '../src/errors.ts';
import { loadScenario, loadScenarioText, parseSetFlags, type ScenarioOverrides } from '../src/scenario/index.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'scenario');
const FILE = 'scenarios/x.yaml';

/** Loads text as scenarios/x.yaml and returns the error it must raise. */
async function errorOf(lines: string[], overrides?: ScenarioOverrides): Promise<UserInputError> {
  try {
    await loadScenarioText(lines.join('\n') + '\n', FILE, fixtures, overrides);
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    const err = e as UserInputError;
    // one paragraph, no stack-trace wording
    expect(err.message).not.toMatch(/\n|at Object\.|TypeError|undefined/);
    return err;
  }
  throw new Error('expected a UserInputError');
}

const head = ['name: x', 'model: fake-org'];

describe('scenario errors', () => {
  it('a non-existent scenario path', async () => {
    await expect(loadScenario(join(fixtures, 'nope.yaml'))).rejects.toThrow(
      new UserInputError(`scenario file not found: ${join(fixtures, 'nope.yaml')}`),
    );
    await expect(loadScenario(fixtures)).rejects.toThrow(/is a folder, not a scenario file/);
  });

  it('a file of a hundred thousand values is refused, with where it was cut', async () => {
    const keys = Array.from({ length: 100_001 }, (_, i) => `  k${i}: 1`);
    const err = await errorOf([...head, 'parameters:', ...keys]);
    expect(err.message).toMatch(/^scenarios\/x\.yaml:\d+:3: the file holds more than 100000 values/);
  });

  it('an alias bomb is refused at once, before any expansion', async () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) levels.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    const err = await errorOf([...head, ...levels]); // expanded, it would be 9^10 values
    expect(err.message).toBe(
      'scenarios/x.yaml: its aliases (*name) expand to too many values: a scenario may expand aliases at most 1000 times. Write the values out, or use fewer nested aliases.',
    );
  });

  it('a scenario file over 1 MiB is refused before it is read', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'orgsim-big-')), 'big.yaml');
    writeFileSync(path, `name: big\n# ${'x'.repeat(1024 * 1024)}\n`);
    await expect(loadScenario(path)).rejects.toThrow(/big\.yaml is 1048589 bytes; a scenario file may have at most 1048576 \(1 MiB\)/);
    await expect(loadScenario('/dev/null')).rejects.toThrow('/dev/null is not a regular file, not a scenario file');
  });

  it('a YAML syntax error: file, line, column and plain words', async () => {
    const path = join(fixtures, 'syntax-error.yaml');
    const err = (await loadScenario(path).catch((e: unknown) => e)) as UserInputError;
    expect(err).toBeInstanceOf(UserInputError);
    expect(err.location).toMatchObject({ file: path, line: 5 });
    expect(err.message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:5:\\d+: YAML syntax error: `));
    expect(err.message).toMatch(/indent|\]/);
  });

  it('other YAML syntax errors: duplicate key, tab indentation, unclosed quote', async () => {
    let err = await errorOf([...head, 'seed: 1', 'seed: 2']);
    expect(err.message).toMatch(/^scenarios\/x\.yaml:4:1: YAML syntax error: this key appears a second time/);
    err = await errorOf([...head, 'parameters:', '\tagents: 3']);
    expect(err.message).toMatch(/^scenarios\/x\.yaml:4:1: YAML syntax error: .*tab/);
    err = await errorOf([...head, 'description: "open']);
    expect(err.message).toMatch(/scenarios\/x\.yaml:\d+:\d+: YAML syntax error: a quoted text is not closed/);
  });

  it('a JSON syntax error', async () => {
    const err = await errorOf(['{"name": "x", "model": "fake-org",', '  "seed": 1]}']);
    expect(err.message).toMatch(/^scenarios\/x\.yaml:2:\d+: YAML syntax error: /);
  });

  it('an empty file and a file that is not a mapping', async () => {
    expect((await errorOf([''])).message).toMatch(/scenarios\/x\.yaml: the scenario file is empty; it needs at least "name:" and "model:"/);
    expect((await errorOf(['- a', '- b'])).message).toMatch(/^scenarios\/x\.yaml:1:1: expected a mapping of scenario keys .*got a list/);
  });

  it('an unknown top-level key, with a suggestion and the valid keys', async () => {
    const err = await errorOf([...head, 'paramters:', '  agents: 3']);
    expect(err.location).toEqual({ file: FILE, line: 3, column: 1, key: 'paramters' });
    expect(err.message).toBe(
      'scenarios/x.yaml:3:1 key "paramters": unknown key "paramters". Did you mean "parameters"? ' +
        'Valid keys are: name, description, model, seed, ticks, replicates, stop_when, parameters, conditions, sweep.',
    );
  });

  it('a parameter written at the top level', async () => {
    const err = await errorOf([...head, 'agents: 3']);
    expect(err.message).toMatch(/x\.yaml:3:1 key "agents": "agents" is a parameter of model "fake-org"; put it under "parameters:"/);
  });

  it('a missing required key', async () => {
    const err = await errorOf(['model: fake-org']);
    expect(err.message).toMatch(/^scenarios\/x\.yaml key "name": this required key is missing; it holds the scenario name/);
  });

  it('a bad scenario name, with a usable example', async () => {
    const err = await errorOf(['name: Hierarchy vs Network', 'model: fake-org']);
    expect(err.message).toMatch(/x\.yaml:1:7 key "name": expected the scenario name .* got "Hierarchy vs Network"\. For example "hierarchy-vs-network"\./);
    expect((await errorOf(['name: ..', 'model: fake-org'])).message).toMatch(/key "name": expected the scenario name/);
  });

  it('an unknown model, listing the registered models and suggesting one', async () => {
    const err = await errorOf(['name: x', 'model: fake-orgg']);
    expect(err.location).toMatchObject({ file: FILE, line: 2, column: 8, key: 'model' });
    expect(err.message).toMatch(/unknown model "fake-orgg"\. Did you mean "fake-org"\? Registered models: .*fake-org/);
    expect(err.message).toMatch(/fake-other/);
    const far = await errorOf(['name: x', 'model: zzzzzzzz']);
    expect(far.message).not.toMatch(/Did you mean/);
    expect(far.message).toMatch(/Registered models: (.*, )?fake-org, fake-other(, .*)?\./);
  });

  it('wrong types for seed, ticks and replicates', async () => {
    expect((await errorOf([...head, 'seed: -1'])).message).toMatch(/x\.yaml:3:7 key "seed": expected the master seed, an integer >= 0, got -1\./);
    expect((await errorOf([...head, 'ticks: 2.5'])).message).toMatch(/x\.yaml:3:8 key "ticks": expected ticks per run, an integer >= 1, got 2\.5\./);
    expect((await errorOf([...head, 'replicates: [1]'])).message).toMatch(/key "replicates": expected runs per condition, an integer >= 1, got a list\./);
    expect((await errorOf([...head, 'ticks: "ten"'])).message).toMatch(/got "ten"/);
  });

  it('wrong types for seed, ticks and replicates given as flags', async () => {
    expect((await errorOf(head, { ticks: 0 })).message).toBe('--ticks: expected ticks per run, an integer >= 1, got 0.');
    expect((await errorOf(head, { seed: 1.5 })).message).toBe('--seed: expected the master seed, an integer >= 0, got 1.5.');
    expect((await errorOf(head, { replicates: Number.NaN })).message).toMatch(/^--replicates: expected .* got NaN\./);
  });

  it('an unknown parameter key, with "did you mean"', async () => {
    const err = await errorOf([...head, 'parameters:', '  agnets: 5']);
    expect(err.location).toEqual({ file: FILE, line: 4, column: 3, key: 'parameters.agnets' });
    expect(err.message).toBe('scenarios/x.yaml:4:3 key "parameters.agnets": unknown parameter "agnets" of model "fake-org". Did you mean "agents"?');
    const far = await errorOf([...head, 'parameters:', '  qqqqqq: 5']);
    expect(far.message).toMatch(/unknown parameter "qqqqqq" of model "fake-org"\. Its parameters are: agents, rate, levels, /);
    const setting = await errorOf([...head, 'parameters:', '  seed: 5']);
    expect(setting.message).toMatch(/"seed" is a scenario key, not a parameter of model "fake-org"; put it at the top level/);
  });

  it('an unknown key inside a condition', async () => {
    const err = await errorOf([...head, 'conditions:', '  network:', '    structure: network', '    degre: 8']);
    expect(err.message).toBe('scenarios/x.yaml:6:5 key "conditions.network.degre": unknown parameter "degre" of model "fake-org". Did you mean "degree"?');
  });

  it('wrong types: a list for a number, a number for a choice, a string for a boolean, a mapping for parameters', async () => {
    let err = await errorOf([...head, 'parameters:', '  rate: [1, 2]']);
    expect(err.message).toBe(
      'scenarios/x.yaml:4:9 key "parameters.rate": expected a number in [0, 1] (or a formula in quotes, e.g. "levels - 1"), got a list.',
    );
    err = await errorOf([...head, 'parameters:', '  structure: 3']);
    expect(err.message).toBe('scenarios/x.yaml:4:14 key "parameters.structure": expected one of "hierarchy", "network", "hybrid", got 3.');
    err = await errorOf([...head, 'parameters:', '  noisy: "yes"']);
    expect(err.message).toMatch(/key "parameters.noisy": expected true or false, got "yes"\./);
    err = await errorOf([...head, 'parameters:', '  agents:']);
    expect(err.message).toMatch(/key "parameters.agents": expected an integer in \[1, 1000\] .*got nothing\./);
    err = await errorOf([...head, 'parameters: [agents, 3]']);
    expect(err.message).toMatch(/x\.yaml:3:13 key "parameters": expected a mapping of parameter names to values, got a list\./);
    err = await errorOf([...head, 'conditions: [a, b]']);
    expect(err.message).toMatch(/key "conditions": expected a mapping of condition names to their parameter overrides, got a list\./);
    err = await errorOf([...head, 'conditions:', '  network: structure']);
    expect(err.message).toMatch(/x\.yaml:4:12 key "conditions.network": expected the condition's parameter overrides as a mapping .*got "structure"\./);
    err = await errorOf([...head, 'description: 5']);
    expect(err.message).toMatch(/key "description": expected a description \(text\), got 5\./);
  });

  it('a value out of range', async () => {
    const err = await errorOf([...head, 'conditions:', '  network:', '    degree: 1.5']);
    expect(err.location).toEqual({ file: FILE, line: 5, column: 13, key: 'conditions.network.degree' });
    expect(err.message).toBe('scenarios/x.yaml:5:13 key "conditions.network.degree": expected an integer in [2, 100], got 1.5.');
    expect((await errorOf([...head, 'parameters:', '  rate: 1.01'])).message).toMatch(/expected a number in \[0, 1\], got 1\.01\./);
    expect((await errorOf([...head, 'parameters:', '  rate: .nan'])).message).toMatch(/expected a number in \[0, 1\], got NaN\./);
  });

  it('an unknown choice value, with a suggestion', async () => {
    const err = await errorOf([...head, 'conditions:', '  n: { structure: netwrok }']);
    expect(err.message).toBe(
      'scenarios/x.yaml:4:19 key "conditions.n.structure": expected one of "hierarchy", "network", "hybrid", got "netwrok". Did you mean "network"?',
    );
  });

  it('bad condition names and an empty conditions mapping', async () => {
    expect((await errorOf([...head, 'conditions:', '  "two words": {}'])).message).toMatch(
      /x\.yaml:4:3 key "conditions.two words": condition names may use letters, digits, "_" and "-" only; got "two words"\./,
    );
    expect((await errorOf([...head, 'conditions: {}'])).message).toMatch(/key "conditions": conditions is empty/);
  });

  it("the model's own check, located where the value was set", async () => {
    const err = await errorOf([...head, 'parameters:', '  agents: 5', 'conditions:', '  h: {}', '  n: { structure: network, degree: 6 }']);
    expect(err.message).toBe('scenarios/x.yaml:7:36 key "conditions.n.degree": degree (6) must be less than agents (5) in condition "n".');
  });

  it("the model's check blaming a default value", async () => {
    const err = await errorOf([...head, 'parameters:', '  agents: 3', '  structure: network']);
    expect(err.message).toMatch(/^scenarios\/x\.yaml key "parameters.degree": degree \(4\) must be less than agents \(3\)\. \(this is the model's default/);
  });

  it('a missing file parameter, at the key that names it', async () => {
    const err = await errorOf([...head, 'parameters:', '  edges: data/missing.csv']);
    expect(err.location).toMatchObject({ file: FILE, line: 4, column: 10, key: 'parameters.edges' });
    expect(err.message).toContain(`file "data/missing.csv" not found (looked for ${join(fixtures, 'data/missing.csv')}, relative to the scenario file's folder).`);
    const folder = await errorOf([...head, 'parameters:', '  edges: .']);
    expect(folder.message).toMatch(/"\." is a folder, not a file/);
  });

  it('--set of an unknown key', async () => {
    const err = await errorOf(head, { set: parseSetFlags(['degee=8']) });
    expect(err.message).toBe('--set degee=8: unknown parameter "degee" of model "fake-org". Did you mean "degree"?');
    expect(err.location).toEqual({});
    const setting = await errorOf(head, { set: parseSetFlags(['ticks=8']) });
    expect(setting.message).toBe('--set ticks=8: "ticks" is a scenario setting, not a parameter of model "fake-org"; use --ticks 8.');
  });

  it('--set with a model given checks keys at once', async () => {
    const { fakeModel } = await import('./fixtures/scenario/fake-model.ts');
    expect(() => parseSetFlags(['strcture=network'], fakeModel)).toThrow(
      '--set strcture=network: unknown parameter "strcture" of model "fake-org". Did you mean "structure"?',
    );
  });

  it('--set without "=", with no key or no value', () => {
    expect(() => parseSetFlags(['degree8'])).toThrow(new UserInputError('--set degree8: expected key=value (e.g. --set degree=8), but there is no "=".'));
    expect(() => parseSetFlags(['=8'])).toThrow(/^--set =8: the parameter name before "=" is missing\.$/);
    expect(() => parseSetFlags(['degree='])).toThrow(/^--set degree=: the value after "=" is missing\.$/);
  });

  it('--set of a bad value', async () => {
    const err = await errorOf(head, { set: parseSetFlags(['structure=tree']) });
    expect(err.message).toBe('--set structure=tree: expected one of "hierarchy", "network", "hybrid", got "tree".');
    const range = await errorOf(head, { set: parseSetFlags(['degree=1']) });
    expect(range.message).toBe('--set degree=1: expected an integer in [2, 100], got 1.');
  });

  it('an unresolved alias', async () => {
    const err = await errorOf([...head, 'parameters:', '  agents: *n']);
    expect(err.message).toMatch(/x\.yaml:4:\d+: the alias \*n refers to no anchor/);
  });
});
