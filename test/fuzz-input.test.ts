/**
 * Property-based fuzzing (fast-check, seeded, shrinking to a minimal case on failure)
 * of everything a user types: scenario files, formulas and `--set`. The property: a
 * generated input is either accepted or refused with a `UserInputError` (the CLI's
 * exit 2, one line, no stack trace); nothing else may escape, and a formula's value is
 * always a finite number or refused. 1,300 cases in process, plus CLI runs that check
 * the exit code, the absence of stack traces and that nothing is written on rejection.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../src/errors.ts';
import { builtInModels } from '../src/models/built-in.ts';
import { loadScenarioText, parseSetFlags } from '../src/scenario/index.ts';
import { orgsim } from './cli-helpers.ts';

const SEED = 20261130;
const model = builtInModels.find((m) => m.name === 'purpose-alignment')!;
const keys = Object.keys(model.parameters);
const numericKeys = keys.filter((k) => ['number', 'integer'].includes(model.parameters[k].kind));

/** Accepted, or refused as bad input: the only two outcomes allowed. */
async function acceptedOrRefused(load: () => Promise<unknown>): Promise<'accepted' | 'refused'> {
  try {
    await load();
    return 'accepted';
  } catch (e) {
    if (e instanceof UserInputError) {
      expect(e.message).not.toMatch(/\n|\bat .*\.(ts|js):\d+/);
      return 'refused';
    }
    throw e; // shrunk and reported by fast-check
  }
}

const number = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.constantFrom(0, 1, -1, 0.5, 1e-17, 1e308, Number.MAX_SAFE_INTEGER),
);
const name = fc.oneof(fc.constantFrom(...keys), fc.constantFrom('pi', 'e', 'x', '__proto__', 'constructor', 'import', 'evaluate'));
const fn = fc.constantFrom('min', 'max', 'round', 'floor', 'ceil', 'sqrt', 'abs', 'log', 'exp', 'pow', 'import', 'evaluate', 'createUnit', 'parse');

/** Formulas from a grammar wide enough to include everything the sandbox must refuse. */
const formula: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    number.map((n) => String(n)),
    name,
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', '%', '<', '==', '!=', '.', '=', ';', ','), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fn, fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `${a} ? ${b} : ${c}`),
    tie('expr').map((a) => `(${a})`),
    tie('expr').map((a) => `[${a}]`),
    fc.string({ maxLength: 12 }),
  ),
})).expr;

/** A parameter at its default, written as a scenario would: keeps part of the generated files valid. */
const defaultPair = fc.constantFrom(...keys).map((k): [string, string] => [k, JSON.stringify(model.parameters[k].default)]);
/** Mostly nothing, sometimes something: so that whole files come out valid often enough. */
const rarely = <T,>(a: fc.Arbitrary<T[]>) => fc.oneof({ arbitrary: fc.constant([] as T[]), weight: 2 }, { arbitrary: a, weight: 1 });

const scalar = fc.oneof(number.map(String), fc.boolean().map(String), fc.constantFrom('null', '~', '""', "''", '[]', '{}'), formula.map((f) => JSON.stringify(f)), fc.string({ maxLength: 10 }));

/** Scenario texts: valid skeletons with generated keys and values, broken indentation, anchors and aliases, sweeps and conditions. */
const scenarioText = fc
  .record({
    head: fc.constantFrom('name: f\nmodel: purpose-alignment\n', 'name: f\nmodel: purpose-alignmnt\n', 'model: purpose-alignment\n', '', 'name: [f]\nmodel: purpose-alignment\n'),
    settings: rarely(fc.array(fc.tuple(fc.constantFrom('seed', 'ticks', 'replicates', 'description', 'bogus'), scalar), { maxLength: 3 })),
    params: fc.array(fc.oneof(defaultPair, fc.tuple(name, scalar)), { maxLength: 5 }),
    sweep: fc.option(fc.tuple(fc.constantFrom(...numericKeys), fc.oneof(fc.array(number, { maxLength: 4 }).map((a) => `[${a.join(', ')}]`), fc.tuple(number, number, fc.integer({ min: -2, max: 6 })).map(([a, b, n]) => `{ from: ${a}, to: ${b}, n: ${n} }`)))),
    conditions: rarely(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), name, scalar), { maxLength: 3 })),
    noise: rarely(fc.array(fc.constantFrom('\t', '  ', ' &x', ' *x', ':', '- ', '---\n', '"', '#', '\n  bad: 1'), { maxLength: 2 })),
  })
  .map(({ head, settings, params, sweep, conditions, noise }) =>
    [
      head,
      ...settings.map(([k, v]) => `${k}: ${v}\n`),
      params.length > 0 ? `parameters:\n${params.map(([k, v]) => `  ${k}: ${v}\n`).join('')}` : '',
      sweep ? `sweep:\n  ${sweep[0]}: ${sweep[1]}\n` : '',
      conditions.length > 0 ? `conditions:\n${conditions.map(([c, k, v]) => `  ${c}: { ${k}: ${v} }\n`).join('')}` : '',
      noise.join(''),
    ].join(''),
  );

describe('fuzzing what users type (fast-check, seeded)', () => {
  it('scenario files: accepted or refused as bad input, nothing else (600 cases)', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(scenarioText, async (text) => {
        outcomes[await acceptedOrRefused(() => loadScenarioText(text, 'fuzz.yaml', tmpdir()))]++;
      }),
      { seed: SEED, numRuns: 600 },
    );
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.accepted).toBeGreaterThan(0); // the generator reaches valid scenarios too
  });

  it('formulas: a finite number of the right kind, or refused (400 cases)', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...numericKeys), formula, async (key, text) => {
        const load = async () => {
          const s = await loadScenarioText(`name: f\nmodel: purpose-alignment\nparameters:\n  ${key}: ${JSON.stringify(text)}\n`, 'fuzz.yaml', tmpdir());
          const value = s.conditions[0].params[key];
          expect(typeof value === 'number' && Number.isFinite(value)).toBe(true);
        };
        outcomes[await acceptedOrRefused(load)]++;
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(outcomes.accepted).toBeGreaterThan(0);
  });

  it('--set: parsed and applied, or refused (300 cases)', async () => {
    const flag = fc.oneof(
      fc.tuple(name, fc.oneof(scalar, formula)).map(([k, v]) => `${k}=${v}`),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(flag, { minLength: 1, maxLength: 3 }), async (flags) => {
        await acceptedOrRefused(async () => loadScenarioText('name: f\nmodel: purpose-alignment\n', 'fuzz.yaml', tmpdir(), { set: parseSetFlags(flags, model) }));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('through the CLI: exit 0 or 2, no stack trace, nothing written on rejection (24 cases)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-fuzz-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(scenarioText, fc.array(fc.tuple(name, formula).map(([k, v]) => `${k}=${v}`), { maxLength: 1 }), async (text, sets) => {
        const file = join(dir, `s${n}.yaml`);
        const out = join(dir, `out${n++}`);
        writeFileSync(file, text);
        const r = orgsim(['run', file, '--out', out, '--ticks', '2', '--replicates', '1', '--workers', '1', '--quiet', '--no-charts', ...sets.flatMap((s) => ['--set', s])]);
        expect([0, 2]).toContain(r.status);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        if (r.status === 2) expect(existsSync(out)).toBe(false);
      }),
      { seed: SEED, numRuns: 24 },
    );
  });
});
