import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import './fixtures/scenario/fake-model.ts';
import { UserInputError } from '../src/errors.ts';
import { loadScenarioText, parseSetFlags, type ScenarioOverrides } from '../src/scenario/index.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'scenario');
const FILE = 'scenarios/x.yaml';

async function errorOf(params: string[], extra: string[] = [], overrides?: ScenarioOverrides): Promise<UserInputError> {
  const lines = ['name: x', 'model: fake-org', 'parameters:', ...params.map((p) => `  ${p}`), ...extra];
  try {
    await loadScenarioText(lines.join('\n') + '\n', FILE, fixtures, overrides);
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    expect((e as Error).message).not.toMatch(/\n/);
    return e as UserInputError;
  }
  throw new Error('expected a UserInputError');
}

const ALLOWED = /Formulas may use numbers, parameter names, pi and e, .* and the functions min, max, round, floor, ceil, sqrt, abs, log, exp, pow\.$/;

describe('formula errors', () => {
  it('an unknown name, with a suggestion', async () => {
    const err = await errorOf(['approval_levels: "levls - 1"']);
    expect(err.location).toEqual({ file: FILE, line: 4, column: 20, key: 'parameters.approval_levels' });
    expect(err.message).toMatch(
      /^scenarios\/x\.yaml:4:20 key "parameters\.approval_levels": formula "levls - 1" uses the name "levls", which is not a parameter of model "fake-org"\. Did you mean "levels"\? /,
    );
    expect(err.message).toMatch(ALLOWED);
    expect((await errorOf(['rate: "sqr(levels)"'])).message).toMatch(/the function sqr\(\), which is not allowed/);
    expect((await errorOf(['rate: "sqrt"'])).message).toMatch(/uses the name "sqrt".*Did you mean the function sqrt\(\)\?/);
  });

  it('a non-numeric parameter in a formula', async () => {
    const err = await errorOf(['rate: "structure + 1"']);
    expect(err.message).toMatch(/formula "structure \+ 1" uses "structure", which is a choice parameter, not a number/);
    expect((await errorOf(['rate: "noisy * 0.5"'])).message).toMatch(/"noisy", which is a boolean parameter/);
  });

  it('an integer parameter given a fractional result', async () => {
    const err = await errorOf(['levels: 3', 'approval_levels: "levels / 2"']);
    expect(err.message).toBe(
      'scenarios/x.yaml:5:20 key "parameters.approval_levels": formula "levels / 2" gives 1.5 but approval_levels must be an integer; use round(), floor() or ceil().',
    );
  });

  it('a result out of range, naming the condition', async () => {
    const err = await errorOf(['approval_levels: "levels - 4"'], ['conditions:', '  a: { levels: 5 }', '  b: { levels: 2 }']);
    expect(err.message).toBe(
      'scenarios/x.yaml:4:20 key "parameters.approval_levels": formula "levels - 4" gives -2 in condition "b", but approval_levels must be an integer in [0, 10].',
    );
  });

  it('a result that is not a finite number', async () => {
    expect((await errorOf(['rate: "1 / (levels - 3)"'])).message).toMatch(/formula "1 \/ \(levels - 3\)" gives Infinity, but rate must be a finite number\./);
    expect((await errorOf(['rate: "sqrt(-levels)"'])).message).toMatch(/gives NaN .* but rate must be a finite number\./);
    expect((await errorOf(['rate: "levels > 2"'])).message).toMatch(/formula "levels > 2" gives true, but rate must be a number\./);
  });

  it('a cycle, named', async () => {
    const err = await errorOf(['levels: "approval_levels + 1"', 'approval_levels: "agents - levels"', 'agents: "levels * 10"']);
    expect(err.message).toMatch(/^scenarios\/x\.yaml:6:11 key "parameters\.agents": formulas refer to each other in a cycle: agents -> levels -> approval_levels -> agents; one of them must be a number\./);
    const self = await errorOf(['rate: "rate / 2"']);
    expect(self.message).toMatch(/cycle: rate -> rate/);
  });

  it('a cycle only in one condition', async () => {
    const err = await errorOf(['approval_levels: "levels - 1"'], ['conditions:', '  fine: {}', '  loop: { levels: "approval_levels + 1" }']);
    expect(err.message).toMatch(/x\.yaml:7:19 key "conditions\.loop\.levels": formulas refer to each other in a cycle: levels -> approval_levels -> levels in condition "loop"/);
  });

  it('a syntax error', async () => {
    const err = await errorOf(['approval_levels: "levels -"']);
    expect(err.message).toMatch(/key "parameters\.approval_levels": formula "levels -" is not valid: unexpected end of expression \(at character 9\)\./);
  });

  it('an empty formula', async () => {
    expect((await errorOf(['rate: ""'])).message).toMatch(/key "parameters\.rate": expected a number in \[0, 1\] .* got an empty text\./);
  });

  it('a call mathjs cannot evaluate, named with its reason', async () => {
    const cases: [string, RegExp][] = [
      ['max()', /formula "max\(\)" cannot be evaluated: too few arguments in function max/i],
      ['pow(2)', /formula "pow\(2\)" cannot be evaluated: too few arguments/i],
      ['round(1.5, 100)', /formula "round\(1\.5, 100\)" cannot be evaluated: number of decimals in function round must be an integer from 0 to 15/i],
      ['round(85, -1)', /cannot be evaluated: number of decimals/i],
    ];
    for (const [formula, message] of cases) {
      const err = await errorOf([`rate: "${formula}"`]);
      expect(err.location.key).toBe('parameters.rate');
      expect(err.message).toMatch(message);
    }
  });

  it('a formula too long or too deep for the parser, cut short in the message', async () => {
    const sum = Array.from({ length: 5000 }, () => '1').join('+');
    const long = await errorOf([`rate: "${sum}"`]);
    expect(long.message).toMatch(/formula of 9999 characters is too long: formulas may have at most 1000\.$/);
    const deep = await errorOf([`rate: "${'('.repeat(400)}1${')'.repeat(400)}"`]);
    expect(deep.message).toMatch(/formula "\({60}"… \(801 characters\) is not valid: maximum call stack size exceeded/);
    const flagged = await errorOf([], [], { set: { rate: sum } });
    expect(flagged.message).toMatch(/^--set rate=(1\+){30}… \(9999 characters\): formula of 9999 characters is too long/);
  });

  it('a bad formula given by --set', async () => {
    const err = await errorOf([], [], { set: parseSetFlags(['approval_levels=levls - 1']) });
    expect(err.message).toMatch(/^--set approval_levels=levls - 1: formula "levls - 1" uses the name "levls".*Did you mean "levels"\?/);
  });

  const hostile: [string, RegExp][] = [
    [`import('fs')`, /uses the function import\(\), which is not allowed/],
    [`evaluate("1")`, /uses the function evaluate\(\), which is not allowed/],
    [`createUnit("x")`, /uses the function createUnit\(\), which is not allowed/],
    [`parse("1 + 1")`, /uses the function parse\(\)/],
    [`simplify("x")`, /uses the function simplify\(\)/],
    [`derivative("x^2", "x")`, /uses the function derivative\(\)/],
    [`resolve("x")`, /uses the function resolve\(\)/],
    [`reviver("x")`, /uses the function reviver\(\)/],
    [`levels.constructor`, /uses property or element access \("levels\.constructor"\), which is not allowed/],
    [`levels["constructor"]`, /uses property or element access/],
    [`__proto__`, /uses the name "__proto__", which is not allowed/],
    [`constructor`, /uses the name "constructor", which is not allowed/],
    [`prototype + 1`, /uses the name "prototype", which is not allowed/],
    [`f(x) = 1`, /uses a function definition \("f\(x\) = 1"\), which is not allowed/],
    [`a = 1`, /uses an assignment/],
    [`[1,2]`, /uses a list \("\[1, 2\]"\), which is not allowed/],
    [`{a: 1}`, /uses an object/],
    [`1:3`, /uses a range/],
    [`1; 2`, /uses several statements/],
    [`"text"`, /uses the text "text", which is not allowed/],
    [`true`, /uses the value "true", which is not allowed/],
    [`5!`, /uses the operator "!", which is not allowed/],
    [`levels.max(2)`, /uses a call of something other than a named function \("levels\.max\(2\)"\)/],
    [`levels(2)`, /uses the function levels\(\)/],
  ];
  for (const [formula, expected] of hostile) {
    it(`rejects formulas beyond arithmetic: ${formula}`, async () => {
      const err = await errorOf([`rate: ${JSON.stringify(formula)}`]);
      expect(err.location).toMatchObject({ file: FILE, line: 4, key: 'parameters.rate' });
      expect(err.message).toMatch(expected);
      expect(err.message).toMatch(ALLOWED);
    });
  }
});
