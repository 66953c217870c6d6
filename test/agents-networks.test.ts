/**
 * Agent-level data (--agents, agents.csv) and networks out (--networks, GraphML):
 * what simulate() returns, what the results folder holds, that recording changes no
 * run, that the files are deterministic over workers, resume and merge, that the
 * agents agree with the aggregate metrics, and that networkx reads the GraphML back.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMemory, mergeShards, runExperiment, runStreams, simulate } from '../src/experiment/index.ts';
import { findModel } from '../src/models/index.ts';
import { graphml } from '../src/output/graphml.ts';
import { loadScenario } from '../src/scenario/index.ts';
import { ensureDistBuilt, orgsim, ROOT } from './cli-helpers.ts';
import { csvs, rows, tempDir } from './fixtures/experiment/helpers.ts';

const HEADLINE = join(ROOT, 'scenarios', 'hierarchy-vs-network.yaml');
const SMALL = { replicates: 2, ticks: 12 };

beforeAll(() => ensureDistBuilt(), 120_000);

/** Every file of a results folder's data (CSVs and networks/), by relative name. */
function dataFiles(dir: string): Record<string, string> {
  const out = csvs(dir);
  const networks = join(dir, 'networks');
  if (existsSync(networks)) for (const name of readdirSync(networks).sort()) out[`networks/${name}`] = readFileSync(join(networks, name), 'utf8');
  return out;
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
}

describe('simulate() records agents and networks', () => {
  it('every=k takes ticks 0, k, 2k, … and the last; end takes the last; the run itself is unchanged', async () => {
    const s = await loadScenario(HEADLINE);
    const params = s.paramsAt(0, 0);
    const plain = simulate(s.model, params, runStreams(s.seed, 1, 1), 10, { inputs: s.baseDir });
    const recorded = simulate(s.model, params, runStreams(s.seed, 1, 1), 10, { inputs: s.baseDir, agents: { every: 4 }, networks: 'end' });
    expect(recorded.series).toEqual(plain.series);
    expect(recorded.final).toEqual(plain.final);
    const agents = recorded.agents!;
    const n = params.agents as number;
    expect([...new Set(agents.ticks)]).toEqual([0, 4, 8, 10]);
    expect(agents.ticks.length).toBe(4 * n);
    expect([...agents.agentIds.subarray(0, 3)]).toEqual([0, 1, 2]);
    expect(recorded.networks.map((g) => g.tick)).toEqual([10]);
    expect(plain.agents).toBeUndefined();
    expect(plain.networks).toEqual([]);
    expect(() => agents.variable('fitnes')).toThrow(/^"fitnes" is not an agent variable of model "purpose-alignment"\. Did you mean "fitness"\?/);
  });

  it('the agents add up to the tick metrics: share who took a risk = creative_risk_rate, mean fitness, mean fear, mean trust given', async () => {
    const s = await loadScenario(HEADLINE);
    for (let c = 0; c < s.conditions.length; c++) {
      const out = simulate(s.model, s.paramsAt(c, 0), runStreams(s.seed, 1, 7), 15, { inputs: s.baseDir, agents: { every: 1 } });
      const a = out.agents!;
      const mean = (name: string, tick: number) => {
        const values = a.variable(name).filter((_, r) => a.ticks[r] === tick);
        return values.reduce((x, y) => x + y, 0) / values.length;
      };
      for (const t of [1, 5, 15]) {
        expect(mean('took_risk', t)).toBeCloseTo(out.tickMetric('creative_risk_rate')[t], 12);
        expect(mean('fitness', t)).toBeCloseTo(out.tickMetric('mean_fitness')[t], 12);
        expect(mean('fear', t)).toBeCloseTo(out.tickMetric('mean_fear')[t], 12);
        expect(mean('mission_alignment', t)).toBeCloseTo(out.tickMetric('mission_alignment')[t], 12);
      }
      // team members this tick = initiators and members with a team id
      const members = a.variable('team_id').filter((v, r) => a.ticks[r] === 15 && !Number.isNaN(v)).length;
      const teams = out.tickMetric('projects_formed')[15];
      expect(members).toBe(Number.isNaN(out.tickMetric('mean_team_size')[15]) ? 0 : Math.round(teams * out.tickMetric('mean_team_size')[15]));
    }
  });

  it('a model without a network refuses --networks; an unknown option value is named', async () => {
    const march = findModel('march-1991')!;
    const s = await loadScenario(join(ROOT, 'scenarios', 'classics', 'march-fig1.yaml'));
    expect(() => simulate(march, s.paramsAt(0, 0), runStreams(1, 1, 1), 3, { networks: 'end' })).toThrow(
      /^--networks: model "march-1991" has no network to export; leave out --networks/,
    );
    const bad = orgsim(['run', HEADLINE, '--agents', 'sometimes', '--out', tempDir()]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('orgsim: --agents sometimes: expected none, end, all or every=k with k a whole number >= 1 (e.g. every=10).\n');
    const none = orgsim(['run', join(ROOT, 'scenarios', 'classics', 'march-fig1.yaml'), '--networks', 'end', '--out', tempDir()]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^orgsim: --networks: model "march-1991" has no network to export/);
  });
});

function errorMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('agent-level data is memory-bounded', () => {
  it('a network too large to write as one GraphML file is refused before the run, sized from its edges', async () => {
    const s = await loadScenario(join(ROOT, 'scenarios', 'classics', 'lazer-friedman-fig4.yaml'), { replicates: 1, ticks: 1, set: { agents: 5000 } });
    expect(errorMessage(() => checkMemory(s, { stride: 1, networks: 'end', concurrent: 1, maxMemory: 2 ** 34 }))).toMatch(
      /^one GraphML file of a run \(condition "full"\) would be about [\d.]+ GiB, more than one file can be built \(512 MiB\): the network is too large to export/,
    );
    expect(() => checkMemory(s, { stride: 1, concurrent: 1, maxMemory: 2 ** 34 })).not.toThrow();
  });

  it('agents at every tick of a long run are refused before any run, with what to give instead', async () => {
    const s = await loadScenario(HEADLINE, { ticks: 200_000 });
    expect(() => checkMemory(s, { stride: 0, agents: { every: 1 }, concurrent: 1, maxMemory: 2 ** 34 })).toThrow(
      /^one run's agents\.csv rows \(200000 ticks\) would be about .* of CSV text, more than one run can hold \(512 MiB\)\. Record agents at fewer ticks: --agents every=\d+ \(or end\)\.$/,
    );
    const suggested = Number(/every=(\d+)/.exec(errorMessage(() => checkMemory(s, { stride: 0, agents: { every: 1 }, concurrent: 1, maxMemory: 2 ** 34 })))![1]);
    expect(() => checkMemory(s, { stride: 0, agents: { every: suggested }, concurrent: 1, maxMemory: 2 ** 34 })).not.toThrow(); // the suggestion fits
    const small = checkMemory(s, { stride: 0, agents: 'end', networks: 'end', concurrent: 1, maxMemory: 2 ** 34 });
    expect(small.snapshots).toBeGreaterThan(0);
    expect(checkMemory(s, { stride: 0, concurrent: 1, maxMemory: 2 ** 34 }).snapshots).toBe(0);
  });
});

describe('agents.csv and networks/ in the results folder', () => {
  let reference: Record<string, string>;
  let n: number;

  it('hold one row per agent per recorded tick and one GraphML per run and tick, listed in the manifest', async () => {
    const s = await loadScenario(HEADLINE, SMALL);
    n = s.paramsAt(0, 0).agents as number;
    const out = tempDir();
    await runExperiment(s, { outDir: out, agents: { every: 5 }, networks: 'end' });
    reference = dataFiles(out);
    const runs = s.conditions.length * SMALL.replicates;
    const header = reference['agents.csv'].split('\n')[0];
    expect(header).toBe(
      'run_id,condition,point_id,replicate,tick,agent_id,manager_id,level,role,took_risk,team_id,safety_belief,felt_safety,fear,genuineness,trust_given,trust_received,mission_alignment,purpose_alignment,skill,fitness,reward',
    );
    expect(rows(reference['agents.csv'])).toHaveLength(runs * 4 * n); // ticks 0, 5, 10, 12
    const graphs = Object.keys(reference).filter((k) => k.startsWith('networks/'));
    expect(graphs).toEqual(Array.from({ length: runs }, (_, i) => `networks/run${i + 1}_tick12.graphml`).sort());
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.agents).toBe('every=5');
    expect(manifest.networks).toBe('end');
    expect(manifest.outputs['agents.csv'].rows).toBe(runs * 4 * n);
    expect(Object.keys(manifest.outputs).filter((k) => k.startsWith('networks/'))).toHaveLength(runs);
    expect(manifest.model.agent_variables.map((v: { name: string }) => v.name)).toContain('felt_safety');
    // the other files are those of a run without --agents and --networks
    const plain = tempDir();
    await runExperiment(s, { outDir: plain });
    const without = csvs(plain);
    for (const name of ['runs.csv', 'timeseries.csv', 'summary.csv']) expect(reference[name]).toBe(without[name]);
    expect(existsSync(join(plain, 'agents.csv')) || existsSync(join(plain, 'networks'))).toBe(false);
  });

  it('the same bytes with 2 worker threads, after a resume, and merged from shards', async () => {
    const s = await loadScenario(HEADLINE, SMALL);
    const options = { agents: { every: 5 }, networks: 'end' } as const;
    const two = tempDir();
    await runExperiment(s, { ...options, outDir: two, workers: 2 });
    expect(dataFiles(two)).toEqual(reference);

    const stopped = tempDir();
    const stop = new AbortController();
    const first = await runExperiment(s, { ...options, outDir: stopped, signal: stop.signal, onProgress: (done) => done >= 2 && stop.abort() });
    expect(first.interrupted).toBe(true);
    await runExperiment(s, { ...options, outDir: stopped, resume: true });
    expect(dataFiles(stopped)).toEqual(reference);

    const shards = [tempDir(), tempDir()];
    for (const [i, dir] of shards.entries()) await runExperiment(s, { ...options, outDir: dir, shard: { index: i, count: 2 } });
    // a stray file in a shard's networks/, even one named like another shard's run, is not taken
    writeFileSync(join(shards[1], 'networks', 'run2_tick12.graphml'), 'not a result');
    writeFileSync(join(shards[1], 'networks', 'notes.txt'), 'mine');
    const merged = join(tempDir(), 'merged');
    mergeShards(shards, merged);
    expect(dataFiles(merged)).toEqual(reference);
    expect(readdirSync(join(merged, 'networks'))).not.toContain('notes.txt');
    // a GraphML file changed after the run is refused by merge
    rmSync(join(shards[1], 'networks', 'run1_tick12.graphml'));
    expect(() => mergeShards(shards, join(tempDir(), 'again'))).toThrow(/^merge: .*networks\/run1_tick12\.graphml is missing/);
  });

  it('--resume with another --agents is refused, naming it', async () => {
    const s = await loadScenario(HEADLINE, SMALL);
    const out = tempDir();
    const stop = new AbortController();
    await runExperiment(s, { outDir: out, agents: 'end', signal: stop.signal, onProgress: (done) => done >= 1 && stop.abort() });
    await expect(runExperiment(s, { outDir: out, agents: { every: 2 }, resume: true })).rejects.toThrow(/--agents: "end" vs "every=2"/);
  });

  it('GraphML: nodes carry the agent variables, tie weights are the trust each person gives, reporting lines are the org chart', () => {
    const text = reference['networks/run1_tick12.graphml'];
    const agents = parseCsv(reference['agents.csv']).filter((r) => r.run_id === '1' && r.tick === '12');
    const nodes = [...text.matchAll(/<node id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(nodes).toEqual(Array.from({ length: n }, (_, i) => i));
    const weights = new Map<number, number[]>();
    const reporting: [number, number][] = [];
    for (const m of text.matchAll(/<edge source="(\d+)" target="(\d+)">(.*?)<\/edge>/g)) {
      const [source, target, data] = [Number(m[1]), Number(m[2]), m[3]];
      const weight = /<data key="w0">([^<]+)<\/data>/.exec(data);
      if (data.includes('<data key="r0">true</data>')) weights.set(source, [...(weights.get(source) ?? []), Number(weight![1])]);
      if (data.includes('<data key="r1">true</data>')) reporting.push([source, target]);
    }
    for (const row of agents) {
      const given = weights.get(Number(row.agent_id))!;
      expect(given.reduce((a, b) => a + b, 0) / given.length).toBeCloseTo(Number(row.trust_given), 4);
      if (row.manager_id !== '') expect(reporting).toContainEqual([Number(row.agent_id), Number(row.manager_id)]);
    }
    expect(reporting).toHaveLength(n - 1);
  });

  it('networkx reads every GraphML back (Debian python3-networkx; required when CI is set)', () => {
    const python = '/usr/bin/python3';
    const probe = spawnSync(python, ['-c', 'import networkx'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      if (process.env.CI) expect.fail(`python3-networkx is missing: bash .ci/system-deps networkx (${probe.stderr})`);
      return;
    }
    const out = tempDir();
    const files = Object.entries(reference).filter(([k]) => k.startsWith('networks/'));
    const script = `
import json, sys, networkx as nx
for path in sys.argv[1:]:
    g = nx.read_graphml(path, node_type=int)
    ties = [d for _, _, d in g.edges(data=True) if d.get('tie')]
    print(json.dumps({"type": type(g).__name__, "nodes": g.number_of_nodes(), "ties": len(ties),
                      "reports": sum(1 for _, _, d in g.edges(data=True) if d['reports_to']),
                      "level_is_int": isinstance(g.nodes[1]['level'], int),
                      "weights": all(0 <= d['weight'] <= 1 for d in ties), "tick": g.graph['tick'],
                      "safety": g.nodes[1]['felt_safety'], "top_manager": g.nodes[0].get('manager_id')}))
`;
    const paths = files.map(([name, text]) => {
      const path = join(out, name.replace('networks/', ''));
      writeFileSync(path, text);
      return path;
    });
    const r = spawnSync(python, ['-c', script, ...paths], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const line of r.stdout.trim().split('\n')) {
      const g = JSON.parse(line);
      expect(g).toMatchObject({ type: 'DiGraph', nodes: n, reports: n - 1, level_is_int: true, weights: true, tick: 12, top_manager: null });
      expect(g.ties).toBeGreaterThan(n);
      expect(g.safety).toBeGreaterThan(0);
    }
  });

  it('nk-network-search: an undirected graph of its communication network', async () => {
    const s = await loadScenario(join(ROOT, 'scenarios', 'classics', 'lazer-friedman-fig4.yaml'), { replicates: 1, ticks: 3 });
    const out = simulate(s.model, s.paramsAt(0, 0), runStreams(s.seed, 1, 1), 3, { networks: 'end', agents: 'end' });
    const text = graphml({ runId: 1, condition: 'linear', pointId: 1, replicate: 1 }, out.networks[0], s.model.agentVariables!, s.model.relations!);
    expect(text).toContain('edgedefault="undirected"');
    const degree = out.agents!.variable('degree');
    const edges = [...text.matchAll(/<edge /g)].length;
    expect(edges).toBe(degree.reduce((a, b) => a + b, 0) / 2);
  });
});

describe('snapshot options as a program gives them', () => {
  it("'all' and 'every=k' are read as on the command line; anything else is refused, never read as something else", async () => {
    const s = await loadScenario(HEADLINE);
    const run = (agents: unknown) => simulate(s.model, s.paramsAt(0, 0), runStreams(s.seed, 1, 1), 6, { inputs: s.baseDir, agents: agents as 'end' });
    expect([...new Set(run('all').agents!.ticks)]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([...new Set(run('every=4').agents!.ticks)]).toEqual([0, 4, 6]);
    expect(() => run({ every: 0 })).toThrow("agents: expected 'none', 'end', 'all', 'every=k' or { every: k } with k a whole number >= 1, got {\"every\":0}.");
    expect(() => run({ every: 2.5 })).toThrow(/got \{"every":2\.5\}/);
    expect(() => run('sometimes')).toThrow('agents sometimes: expected none, end, all or every=k with k a whole number >= 1 (e.g. every=10).');
    const out = tempDir();
    await runExperiment(await loadScenario(HEADLINE, { replicates: 1, ticks: 6 }), { outDir: out, agents: 'every=3' as unknown as 'end' });
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).agents).toBe('every=3');
    expect(new Set(parseCsv(readFileSync(join(out, 'agents.csv'), 'utf8')).map((r) => r.tick))).toEqual(new Set(['0', '3', '6']));
  });
});
