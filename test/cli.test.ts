/** The CLI's commands on good input: help, version, describe, validate, run. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy, orgsim, ROOT } from './cli-helpers.ts';

describe('orgsim CLI', () => {
  it('--help lists the commands and --version prints the package version', () => {
    const help = orgsim(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['run', 'validate', 'describe']) expect(help.stdout).toContain(command);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(orgsim(['--version']).stdout.trim()).toBe(version);
    expect(orgsim(['run', '--help']).stdout).toContain('--set');
  });

  it('describe lists models and every parameter of one with default, range and meaning', () => {
    expect(orgsim(['describe']).stdout).toContain('purpose-alignment');
    const text = orgsim(['describe', 'purpose-alignment']).stdout;
    expect(text).toContain('span = 4  (an integer in [1, 100])');
    expect(text).toContain('reward = "individual"  (one of "individual", "culture")');
    expect(text).toContain('creative_risk_rate');
  });

  it('validate reports the design without running it', () => {
    const r = orgsim(['validate', 'scenarios/hierarchy-vs-network.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ok — model purpose-alignment, conditions hierarchy, network, hybrid/);
  });

  it('run writes the four result files; the same seed reproduces them byte for byte, another seed does not', () => {
    const dir = fixtureCopy();
    const scenario = join(dir, 'base.yaml');
    const read = (out: string, file: string) => readFileSync(join(dir, out, file), 'utf8');
    expect(orgsim(['run', scenario, '--out', join(dir, 'a'), '--quiet']).status).toBe(0);
    expect(orgsim(['run', scenario, '--out', join(dir, 'b'), '--quiet']).status).toBe(0);
    expect(orgsim(['run', scenario, '--out', join(dir, 'c'), '--seed', '4', '--quiet']).status).toBe(0);
    for (const file of ['runs.csv', 'timeseries.csv', 'summary.csv']) expect(read('a', file)).toBe(read('b', file));
    expect(read('a', 'timeseries.csv')).not.toBe(read('c', 'timeseries.csv'));
    const manifest = JSON.parse(read('a', 'manifest.json'));
    expect(manifest.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.runs).toHaveLength(2);
  });

  it('--charts and --images choose what is drawn, checked before the run; --no-charts draws nothing; plan counts them', () => {
    const dir = fixtureCopy();
    const scenario = join(dir, 'base.yaml');
    const bad = orgsim(['run', scenario, '--out', join(dir, 'bad'), '--charts', 'risk-vs-outcom']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^orgsim: --charts risk-vs-outcom: no chart has that name\. Did you mean "risk-vs-outcome"\?/);
    expect(existsSync(join(dir, 'bad', 'runs.csv'))).toBe(false);
    expect(orgsim(['run', scenario, '--out', join(dir, 'some'), '--quiet', '--charts', 'timeseries-mean_trust,risk-vs-outcome', '--images', 'all']).status).toBe(0);
    expect(readdirSync(join(dir, 'some', 'charts')).sort()).toEqual(
      ['risk-vs-outcome', 'timeseries-mean_trust'].flatMap((n) => [`${n}.png`, `${n}.svg`, `${n}.vl.json`]).sort(),
    );
    expect(readFileSync(join(dir, 'some', 'report.html'), 'utf8')).toContain('data-chart="timeseries-mean_trust"');
    expect(orgsim(['run', scenario, '--out', join(dir, 'none'), '--quiet', '--no-charts']).status).toBe(0);
    expect(existsSync(join(dir, 'none', 'charts')) || existsSync(join(dir, 'none', 'report.html'))).toBe(false);
    const plan = orgsim(['plan', scenario, '--images', 'all']);
    expect(plan.status, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/\n {2}charts {6}about \d+:\d\d for (\d+) charts and report, \1 with SVG and PNG; about \d+:\d\d in all\n/);
  });
});
