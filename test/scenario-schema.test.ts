/**
 * The JSON Schema of scenario files: generated from the models, committed as
 * scenarios/scenario.schema.json (what editors load), accepted by every shipped
 * scenario, and strict enough that a misspelt key or a value out of range fails it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtInModels } from '../src/models/built-in.ts';
import { scenarioJsonSchema } from '../src/scenario/index.ts';
import { ROOT, orgsim } from './cli-helpers.ts';

const SCENARIOS = join(ROOT, 'scenarios');
const shipped = [
  ...readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).map((f) => join(SCENARIOS, f)),
  ...readdirSync(join(SCENARIOS, 'classics')).filter((f) => f.endsWith('.yaml')).map((f) => join(SCENARIOS, 'classics', f)),
];
const schema = scenarioJsonSchema(builtInModels);
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const headline = parse(readFileSync(join(SCENARIOS, 'hierarchy-vs-network.yaml'), 'utf8')) as Record<string, unknown>;

describe('the scenario JSON Schema', () => {
  it('the committed file is what `orgsim schema` prints', () => {
    const printed = orgsim(['schema']);
    expect(printed.status).toBe(0);
    expect(readFileSync(join(SCENARIOS, 'scenario.schema.json'), 'utf8')).toBe(printed.stdout);
    expect(JSON.parse(printed.stdout)).toEqual(schema);
  });

  it.each(shipped.map((f) => [f.slice(ROOT.length + 1), f]))('accepts %s, which names the schema on its first line', (_, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)?scenario\.schema\.json$/);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a misspelt top-level key', { ...headline, replicats: 3 }],
    ['a misspelt parameter', { ...headline, parameters: { ...(headline.parameters as object), degre: 4 } }],
    ['a value out of range', { ...headline, parameters: { ...(headline.parameters as object), initial_trust: 1.5 } }],
    ['an unknown choice', { ...headline, conditions: { x: { structure: 'matrix' } } }],
    ['a misspelt condition parameter', { ...headline, conditions: { x: { structur: 'network' } } }],
    ['a range with both step and n', { ...headline, sweep: { initial_trust: { from: 0, to: 1, step: 0.1, n: 3 } } }],
    ['a sample mixed with a grid', { ...headline, sweep: { lhs: { n: 4, ranges: { initial_trust: [0, 1] } }, degree: [4, 6] } }],
    ['an unknown model', { ...headline, model: 'purpose-alignmnt' }],
  ])('refuses %s', (_, scenario) => {
    expect(validate(scenario)).toBe(false);
  });

  it('accepts formulas for numbers, and lhs and sobol samples', () => {
    expect(validate({ name: 'x', model: 'purpose-alignment', parameters: { agents: '(span^levels - 1) / (span - 1)' }, sweep: { sobol: { n: 8, ranges: { initial_trust: [0, 1], degree: { from: 2, to: 8 } } } } })).toBe(true);
  });
});

describe('a JSON scenario names its schema', () => {
  it('"$schema" is allowed by the schema and by the loader, as editors need it in JSON', async () => {
    const { loadScenarioText } = await import('../src/scenario/index.ts');
    const text = JSON.stringify({ $schema: 'scenario.schema.json', name: 'j', model: 'march-1991', ticks: 2 });
    await expect(loadScenarioText(text, 'j.json', '.')).resolves.toMatchObject({ name: 'j' });
    await expect(loadScenarioText(JSON.stringify({ $schema: 3, name: 'j', model: 'march-1991' }), 'j.json', '.')).rejects.toThrow(/key "\$schema": expected the JSON Schema the file follows/);
  });
});
