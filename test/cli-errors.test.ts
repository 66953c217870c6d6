/**
 * Every kind of bad input, through the real CLI: a one-paragraph message that names
 * the file (and line where known), exit code 2, no stack trace, nothing written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy, orgsim, writeScenario } from './cli-helpers.ts';

const base = readFileSync(join(import.meta.dirname, 'fixtures', 'cli', 'base.yaml'), 'utf8');

interface Case {
  name: string;
  /** Scenario text, or null to use base.yaml unchanged. */
  text: string | null;
  extraArgs?: string[];
  /** Fragments the message must contain. */
  expect: (string | RegExp)[];
}

const cases: Case[] = [
  { name: 'YAML syntax error', text: base.replace('ticks: 5', 'ticks: [5'), expect: ['bad.yaml', /:\d+/] },
  { name: 'unknown top-level key', text: base + 'replicatez: 3\n', expect: ['bad.yaml:', 'replicatez', 'replicates'] },
  { name: 'unknown parameter', text: base.replace('  bits: 6', '  bitz: 6'), expect: ['bad.yaml:', 'bitz', /did you mean/i, 'bits'] },
  { name: 'wrong type', text: base.replace('  bits: 6', '  bits: [6]'), expect: ['bad.yaml:', 'bits', 'integer'] },
  { name: 'value out of range', text: base.replace('  bits: 6', '  bits: 99'), expect: ['bad.yaml:', 'bits', '[4, 24]', '99'] },
  { name: 'unknown model', text: base.replace('model: purpose-alignment', 'model: purpose-alignmnet'), expect: ['bad.yaml:', 'purpose-alignmnet', 'purpose-alignment'] },
  { name: 'unknown structure', text: base.replace('structure: network', 'structure: netwrk'), expect: ['bad.yaml:', 'structure', 'hierarchy', 'network'] },
  { name: 'missing edge-list file', text: base.replace('edges-ok.csv', 'no-such.csv'), expect: ['bad.yaml:', 'edge_list', 'no-such.csv'] },
  { name: 'edge list: node id out of range', text: base.replace('edges-ok.csv', 'edges-bad-id.csv'), expect: ['edges-bad-id.csv:3', '99', 'range'] },
  { name: 'edge list: self-loop', text: base.replace('edges-ok.csv', 'edges-self-loop.csv'), expect: ['edges-self-loop.csv:3', 'self-loop'] },
  { name: 'edge list: non-numeric id', text: base.replace('edges-ok.csv', 'edges-non-numeric.csv'), expect: ['edges-non-numeric.csv:3', 'number'] },
  { name: 'formula with an unknown name', text: base.replace('  bits: 6', '  bits: "interactions + sped"'), expect: ['bad.yaml:', 'sped'] },
  { name: 'formula calling import', text: base.replace('  bits: 6', '  bits: "import(\'fs\')"'), expect: ['bad.yaml:', 'import'] },
  { name: 'formula calling evaluate', text: base.replace('  bits: 6', '  bits: "evaluate(\'6\')"'), expect: ['bad.yaml:', 'evaluate'] },
  { name: 'formula calling createUnit', text: base.replace('  bits: 6', '  bits: "createUnit(\'x\')"'), expect: ['bad.yaml:', 'createUnit'] },
  { name: 'formula reaching a constructor', text: base.replace('  bits: 6', '  bits: "interactions.constructor"'), expect: ['bad.yaml:', 'constructor'] },
  { name: 'formula reaching __proto__', text: base.replace('  bits: 6', '  bits: "__proto__"'), expect: ['bad.yaml:', '__proto__'] },
  { name: '--set of an unknown key', text: null, extraArgs: ['--set', 'degre=4'], expect: ['--set', 'degre', 'degree'] },
  { name: '--set without =', text: null, extraArgs: ['--set', 'degree'], expect: ['--set', 'degree', '='] },
  { name: 'an odd degree for Barabási–Albert, refused rather than run as another', text: null, extraArgs: ['--set', 'topology=barabasi-albert', '--set', 'degree=3'], expect: ['degree', 'must be even for barabasi-albert (each newcomer attaches degree / 2 ties), got 3'] },
  { name: '--diff naming a condition the scenario lacks', text: null, extraArgs: ['--diff', 'bse,other'], expect: ['--diff bse,other: no condition "bse". Did you mean "base"? Conditions: base.'] },
  { name: 'a misspelt flag, with the nearest', text: null, extraArgs: ['--replicats', '3'], expect: ['Unknown argument: replicats. Did you mean --replicates?'] },
  { name: '--seed that is not a number, named as typed', text: null, extraArgs: ['--seed', 'abc'], expect: [/^orgsim: --seed "abc": expected a whole number\.\n$/] },
  { name: '--workers that is not a whole number', text: null, extraArgs: ['--workers', '2x'], expect: ['--workers "2x": expected a whole number.'] },
  { name: '--ticks that is a fraction', text: null, extraArgs: ['--ticks', '2.5'], expect: ['--ticks "2.5": expected a whole number.'] },
];

describe('bad input through the CLI', () => {
  for (const c of cases) {
    it(c.name, () => {
      const dir = fixtureCopy();
      const scenario = c.text === null ? join(dir, 'base.yaml') : writeScenario(dir, 'bad.yaml', c.text);
      const out = join(dir, 'results');
      const r = orgsim(['run', scenario, '--out', out, ...(c.extraArgs ?? [])]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^orgsim: /);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      for (const fragment of c.expect) expect(r.stderr).toMatch(fragment);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a scenario path that does not exist', () => {
    const r = orgsim(['run', 'scenarios/no-such-file.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-file\.yaml/);
    expect(r.stderr).toMatch(/not found/);
  });

  it('an unknown command or flag is a usage error with exit code 2', () => {
    const misspelt = orgsim(['runn', 'x.yaml']);
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr).toBe('orgsim: unknown command. Did you mean run? (orgsim --help lists the commands)\n');
    expect(orgsim(['run', 'x.yaml', '--no-such-flag']).status).toBe(2);
  });
});

describe('input files through validate and run', () => {
  it('validate reads every input file: an edge list run would refuse is not reported ok', () => {
    const dir = fixtureCopy();
    writeScenario(dir, 'ambiguous.csv', 'source,target\n1,2\n2,3\n');
    const scenario = writeScenario(dir, 'bad.yaml', base.replace('edges-ok.csv', 'ambiguous.csv'));
    const r = orgsim(['validate', scenario]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ambiguous\.csv: the ids run from 1 to 3, which with 4 agents could count from 0 or from 1; say which with id_base/);
    const declared = orgsim(['validate', scenario, '--set', 'id_base=one-based']);
    expect(declared.status, declared.stderr).toBe(0);
  });

  it('a real org chart (id,manager_id) runs, with 1-based ids and a Gephi edge export', () => {
    const dir = fixtureCopy();
    writeScenario(dir, 'chart.csv', 'Id,Manager_Id,Name\n1,,Ada\n2,1,Bo\n3,1,Cy\n4,2,Di\n');
    writeScenario(dir, 'gephi.csv', 'Source,Target,Type,Id,Weight\n3,4,Undirected,0,1.0\n2,3,Undirected,1,1.0\n');
    const scenario = writeScenario(dir, 'org.yaml', base.replace('edges-ok.csv', 'gephi.csv').replace('  structure: network', '  structure: hierarchy\n  org_chart: chart.csv\n  approval_levels: 1'));
    const out = join(dir, 'out');
    const r = orgsim(['run', scenario, '--out', out, '--no-charts', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { input_files: { path: string }[] };
    expect(manifest.input_files.map((f) => f.path)).toEqual(['chart.csv', 'gephi.csv']);
  });
});

describe('warnings', () => {
  it('validate and run warn when a condition ignores a swept parameter (exit 0)', () => {
    const dir = fixtureCopy();
    const scenario = writeScenario(dir, 'w.yaml', 'name: w\nmodel: purpose-alignment\nticks: 2\nsweep:\n  empowerment: [0.2, 0.8]\nconditions:\n  h: { structure: hierarchy }\n  n: { structure: network }\n');
    const warning = 'orgsim: warning: sweep.empowerment: condition "n" ignores empowerment (model purpose-alignment, with its parameters), so sweeping it changes nothing there.\n';
    const validated = orgsim(['validate', scenario]);
    expect(validated.status).toBe(0);
    expect(validated.stderr).toBe(warning);
    const ran = orgsim(['run', scenario, '--out', join(dir, 'out'), '--quiet', '--no-charts', '--workers', '1']);
    expect(ran.status).toBe(0);
    expect(ran.stderr).toBe(warning);
  });
});

describe('flags given twice or without a value', () => {
  it.each([
    [['--agents', 'every=3', '--agents', 'end'], 'orgsim: --agents was given 2 times: give it once.\n'],
    [['--timeseries', 'none', '--timeseries', 'all'], 'orgsim: --timeseries was given 2 times: give it once.\n'],
    [['--charts', 'headline', '--no-charts'], 'orgsim: --charts was given 2 times: give it once.\n'],
    [['--agents'], 'orgsim: --agents: expected a value (see orgsim run --help).\n'],
    [['--images'], 'orgsim: --images: expected a value (see orgsim run --help).\n'],
  ])('run %j is refused in one line, exit 2, nothing written', (flags, message) => {
    const dir = fixtureCopy();
    const r = orgsim(['run', join(dir, 'base.yaml'), '--out', join(dir, 'out'), ...flags]);
    expect(r.stderr).toBe(message);
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--images names itself, and says when a chart is not among those --charts draws', () => {
    const dir = fixtureCopy();
    const r = orgsim(['run', join(dir, 'base.yaml'), '--out', join(dir, 'out'), '--charts', 'headline', '--images', 'timeseries-mean_trust']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^orgsim: --images timeseries-mean_trust: no chart that --charts draws has that name\. .* The charts --charts draws: risk-vs-outcome, /);
  });
});
