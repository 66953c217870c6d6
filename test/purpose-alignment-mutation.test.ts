/**
 * purpose-alignment: golden values of short runs, and exact checks of the small
 * functions the runs cannot pin. Fast (well under 5 s) and sensitive: any change to
 * what the model does changes a golden value. It is the main test file of mutation
 * testing (`npm run mutation`, .ci/stryker.config.json), and in `npm test` it pins the
 * model's behaviour.
 *
 * Each golden run is 40 agents for 60 ticks with parameters that make every event
 * happen (as in the invariants test): every structure under both reward schemes,
 * every mechanism switch off once, and the settings that take the model's other
 * branches (approval levels and delays, recruit depth, every topology, one-person
 * teams, clipped safety, a non-integer score exponent, two agents). Its golden value
 * shows the run totals and a hash of every tick metric and run metric (to 12
 * significant digits).
 *
 * A deliberate change to the model changes the golden values: regenerate them with
 *   ORGSIM_UPDATE_GOLDEN=1 npx vitest run test/purpose-alignment-mutation.test.ts
 * (which rewrites the GOLDEN table below) and review the diff.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate, type SimulationOutput } from '../src/experiment/simulate.ts';
import { runStreams } from '../src/experiment/seeds.ts';
import { defaultParams, type Params, type ParamValue } from '../src/model/params.ts';
import { hammingDistance } from '../src/model/landscape/nk.ts';
import { purposeAlignment as model } from '../src/models/purpose-alignment/index.ts';
import { answerFailure, creditSuccess } from '../src/models/purpose-alignment/answer.ts';
import { bestToPeak, distinctSolutions, meanPairwiseHamming } from '../src/models/purpose-alignment/diversity.ts';
import { score } from '../src/models/purpose-alignment/score.ts';
import type { PurposeAlignmentState } from '../src/models/purpose-alignment/state.ts';
import { BUSY } from './fixtures/purpose-alignment-busy.ts';

const MASTER = 20240611;
const TICKS = 60;
const UPDATE = process.env.ORGSIM_UPDATE_GOLDEN === '1';
const RUN: Record<string, number> = Object.fromEntries(model.runMetrics.map((m, i) => [m.name, i]));

const STRUCTURES = ['hierarchy', 'network', 'hybrid'] as const;
const SWITCHES = ['genuineness_gate', 'purpose_spread', 'team_recombination', 'alignment_joining', 'trust_learning', 'reward_consequences', 'collective_effort'] as const;
const COUNTS = ['proposals', 'approvals', 'vetoes', 'projects_formed', 'projects_unformed', 'successes', 'failures', 'punishments', 'innovations'];


/** An edge list of lateral ties for 40 agents (a ring with chords), in a fresh directory. */
const edgeDir = mkdtempSync(join(tmpdir(), 'orgsim-mutation-'));
const edgeFile = join(edgeDir, 'ties.csv');
writeFileSync(edgeFile, ['source,target', ...Array.from({ length: 40 }, (_, i) => `${i},${(i + 1) % 40}`), ...Array.from({ length: 10 }, (_, i) => `${i},${i + 20}`)].join('\n') + '\n');

/** name -> parameters over BUSY (and the base directory relative edge lists are read from). */
const RUNS: [string, Record<string, ParamValue>, string?][] = [];
for (const structure of STRUCTURES) {
  for (const reward of ['individual', 'culture']) RUNS.push([`${structure}/${reward}`, { structure, reward }]);
  for (const name of SWITCHES) RUNS.push([`${structure}/individual/${name} off`, { structure, [name]: false }]);
  RUNS.push([`${structure}/culture/reward_consequences off`, { structure, reward: 'culture', reward_consequences: false }]);
  RUNS.push([`${structure}/one-person teams`, { structure, max_team_size: 1, min_team_size: 1 }]);
  RUNS.push([`${structure}/static`, { structure, turbulence: 0, turnover: 0 }]);
}
RUNS.push(
  ['hierarchy/no approval', { structure: 'hierarchy', approval_levels: 0 }],
  ['hierarchy/approval at once', { structure: 'hierarchy', approval_delay: 0 }],
  ['hierarchy/two levels, delay 2', { structure: 'hierarchy', approval_levels: 2, approval_delay: 2, manager_caution: -0.02 }],
  ['hybrid/two levels, culture', { structure: 'hybrid', approval_levels: 2, reward: 'culture' }],
  ['hierarchy/safety clipped at 1', { structure: 'hierarchy', initial_safety: 0.8, initial_genuineness: 0.9, empowerment: 1 }],
  ['hierarchy/hollow empowerment', { structure: 'hierarchy', initial_genuineness: 0.2, empowerment: 1, backing: 0.1 }],
  ['network/recruit depth 2', { structure: 'network', recruit_depth: 2 }],
  ['hybrid/recruit depth 2', { structure: 'hybrid', recruit_depth: 2, reward: 'culture' }],
  ['network/barabasi-albert', { structure: 'network', topology: 'barabasi-albert' }],
  ['network/erdos-renyi', { structure: 'network', topology: 'erdos-renyi' }],
  ['network/complete', { structure: 'network', topology: 'complete' }],
  ['network/ring', { structure: 'network', topology: 'ring' }],
  ['network/lattice', { structure: 'network', topology: 'lattice' }],
  ['network/watts-strogatz degree 4', { structure: 'network', degree: 4, rewiring: 0.3 }],
  ['network/edge list, absolute path', { structure: 'network', topology: 'edge-list', edge_list: edgeFile }],
  ['hybrid/edge list, relative path', { structure: 'hybrid', topology: 'edge-list', edge_list: basename(edgeFile) }, edgeDir],
  ['hybrid/score exponent 2.5', { structure: 'hybrid', score_exponent: 2.5 }],
  ['network/whole-solution imitation', { structure: 'network', imitation_fidelity: 1, imitation_rate: 0.9 }],
  ['hierarchy/whole-solution imitation', { structure: 'hierarchy', imitation_fidelity: 1, imitation_rate: 0.9 }],
  ['hierarchy/full org chart', { structure: 'hierarchy', levels: 4, span: 3, purpose_dims: 3, clarity: 0.3 }],
  ['network/two agents', { structure: 'network', agents: 2, span: 1, topology: 'complete', min_team_size: 1, max_team_size: 2 }],
  ['hierarchy/teams of three', { structure: 'hierarchy', span: 4, max_team_size: 3, min_team_size: 2 }],
  ['hierarchy/two agents', { structure: 'hierarchy', agents: 2, span: 1, topology: 'complete', min_team_size: 2, max_team_size: 2, approval_levels: 0 }],
);

// Golden values: run totals (cumulative value, creative risk rate, counts in COUNTS order) and a hash of the whole output.
// prettier-ignore
const GOLDEN: Record<string, string> = {
  // golden:begin
  'hierarchy/individual': 'value 19.02429681 risk 0.1466666667 | 352 63 289 59 0 13 46 20 146 | #762f7df6',
  'hierarchy/culture': 'value 32.74954922 risk 0.28 | 672 105 567 93 10 10 83 0 128 | #483d957f',
  'hierarchy/individual/genuineness_gate off': 'value 26.02645526 risk 0.165 | 396 59 337 58 0 7 51 23 137 | #190a9a02',
  'hierarchy/individual/purpose_spread off': 'value 19.02429681 risk 0.1466666667 | 352 63 289 59 0 13 46 20 146 | #46d54cbd',
  'hierarchy/individual/team_recombination off': 'value 26.76256241 risk 0.1316666667 | 316 48 268 48 0 7 41 22 140 | #0994980d',
  'hierarchy/individual/alignment_joining off': 'value 19.02429681 risk 0.1466666667 | 352 63 289 59 0 13 46 20 146 | #762f7df6',
  'hierarchy/individual/trust_learning off': 'value 19.02429681 risk 0.1466666667 | 352 63 289 59 0 13 46 20 146 | #f2787130',
  'hierarchy/individual/reward_consequences off': 'value 25.99560973 risk 0.1645833333 | 395 65 330 65 0 7 58 28 136 | #cee2e600',
  'hierarchy/individual/collective_effort off': 'value 19.32527755 risk 0.1454166667 | 349 62 287 58 0 13 45 20 141 | #d6a046b3',
  'hierarchy/culture/reward_consequences off': 'value 28.61885704 risk 0.1904166667 | 457 73 384 66 4 6 60 0 127 | #d8046c63',
  'hierarchy/one-person teams': 'value 21.05584701 risk 0.1491666667 | 358 67 291 65 0 15 50 24 169 | #5df8b7b4',
  'hierarchy/static': 'value 40.08244573 risk 0.115 | 276 31 245 29 2 4 25 13 69 | #d1905c25',
  'network/individual': 'value 21.03753204 risk 0.135 | 324 0 0 217 107 6 211 108 131 | #e9cb65e1',
  'network/culture': 'value 35.29294005 risk 0.3695833333 | 887 0 0 336 551 7 329 0 115 | #bceb1fc6',
  'network/individual/genuineness_gate off': 'value 21.03753204 risk 0.135 | 324 0 0 217 107 6 211 108 131 | #e9cb65e1',
  'network/individual/purpose_spread off': 'value 32.98991964 risk 0.1404166667 | 337 0 0 165 172 4 161 83 132 | #cd6eed92',
  'network/individual/team_recombination off': 'value 30.31662854 risk 0.1320833333 | 317 0 0 218 99 3 215 108 134 | #dd07a21c',
  'network/individual/alignment_joining off': 'value 21.22273651 risk 0.1279166667 | 307 0 0 269 38 16 253 128 129 | #41173491',
  'network/individual/trust_learning off': 'value 32.78445412 risk 0.1354166667 | 325 0 0 210 115 4 206 104 131 | #46b701e1',
  'network/individual/reward_consequences off': 'value 23.11895076 risk 0.21375 | 513 0 0 304 209 10 294 147 130 | #81f780fd',
  'network/individual/collective_effort off': 'value 19.36249602 risk 0.1425 | 342 0 0 229 113 14 215 107 139 | #5fd661f4',
  'network/culture/reward_consequences off': 'value 23.11895076 risk 0.21375 | 513 0 0 304 209 10 294 0 130 | #42c253ee',
  'network/one-person teams': 'value 22.1260278 risk 0.1225 | 294 0 0 294 0 21 273 136 154 | #d2342726',
  'network/static': 'value 27.55177408 risk 0.11625 | 279 0 0 190 89 4 186 93 55 | #6d3a833d',
  'hybrid/individual': 'value 36.00701024 risk 0.1320833333 | 317 44 273 33 10 5 28 17 142 | #657eda5d',
  'hybrid/culture': 'value 23.9449474 risk 0.2670833333 | 641 96 545 80 13 9 71 0 138 | #fc0552dd',
  'hybrid/individual/genuineness_gate off': 'value 35.52951018 risk 0.16 | 384 52 332 40 11 5 35 22 139 | #537960fc',
  'hybrid/individual/purpose_spread off': 'value 31.53982273 risk 0.1479166667 | 355 55 300 34 20 4 30 15 144 | #a9e6f88a',
  'hybrid/individual/team_recombination off': 'value 35.1333707 risk 0.1366666667 | 328 49 279 38 10 8 30 17 146 | #174b7b18',
  'hybrid/individual/alignment_joining off': 'value 27.33914888 risk 0.1358333333 | 326 50 276 47 3 5 42 22 133 | #0de3342c',
  'hybrid/individual/trust_learning off': 'value 35.99145615 risk 0.1320833333 | 317 44 273 33 10 5 28 17 142 | #fced9a5a',
  'hybrid/individual/reward_consequences off': 'value 35.92261097 risk 0.1608333333 | 386 53 333 42 10 5 37 23 144 | #fa784301',
  'hybrid/individual/collective_effort off': 'value 25.02063884 risk 0.1391666667 | 334 60 274 50 9 11 39 19 147 | #f78cad2d',
  'hybrid/culture/reward_consequences off': 'value 35.51757861 risk 0.1808333333 | 434 60 374 47 12 4 43 0 142 | #30a62de0',
  'hybrid/one-person teams': 'value 21.05584701 risk 0.1491666667 | 358 67 291 65 0 15 50 24 169 | #5df8b7b4',
  'hybrid/static': 'value 27.3623837 risk 0.105 | 252 30 222 26 4 4 22 14 66 | #c49664d7',
  'hierarchy/no approval': 'value 31.03554797 risk 0.1670833333 | 401 401 0 239 162 9 230 94 139 | #f9894a20',
  'hierarchy/approval at once': 'value 21.7487916 risk 0.1379166667 | 331 70 261 65 5 11 54 26 145 | #601a42d8',
  'hierarchy/two levels, delay 2': 'value 19.93510913 risk 0.1333333333 | 320 35 285 32 0 5 27 11 153 | #2afdf38d',
  'hybrid/two levels, culture': 'value 32.20187957 risk 0.23625 | 567 62 505 51 11 4 47 0 153 | #597b0b0e',
  'hierarchy/safety clipped at 1': 'value 33.71461847 risk 0.2041666667 | 490 93 397 83 9 13 70 35 126 | #c3a51ba2',
  'hierarchy/hollow empowerment': 'value 36.05915951 risk 0.04916666667 | 118 20 98 20 0 2 18 15 138 | #217e606f',
  'network/recruit depth 2': 'value 18.32842449 risk 0.125 | 300 0 0 267 33 13 254 127 124 | #0e841e2b',
  'hybrid/recruit depth 2': 'value 28.49918848 risk 0.27875 | 669 93 576 88 4 6 82 0 139 | #72537876',
  'network/barabasi-albert': 'value 28.88762864 risk 0.14125 | 339 0 0 218 121 6 212 107 127 | #12cd63cd',
  'network/erdos-renyi': 'value 29.01712303 risk 0.1341666667 | 322 0 0 228 94 10 218 113 117 | #93ac925f',
  'network/complete': 'value 26.15409494 risk 0.1208333333 | 290 0 0 265 25 11 254 124 107 | #e9878303',
  'network/ring': 'value 18.61417067 risk 0.17625 | 423 0 0 160 263 9 151 74 138 | #5ee0b351',
  'network/lattice': 'value 37.95697555 risk 0.1416666667 | 340 0 0 198 142 5 193 99 114 | #f68ab4d9',
  'network/watts-strogatz degree 4': 'value 37.78881175 risk 0.1504166667 | 361 0 0 191 170 4 187 96 117 | #661d47c2',
  'network/edge list, absolute path': 'value 26.10013285 risk 0.1783333333 | 428 0 0 167 261 7 160 76 128 | #864f6304',
  'hybrid/edge list, relative path': 'value 27.0586483 risk 0.15375 | 369 64 305 42 21 4 38 20 150 | #80ff3fbc',
  'hybrid/score exponent 2.5': 'value 48.01000576 risk 0.1320833333 | 317 44 273 33 10 5 28 17 142 | #7ec6b5f9',
  'network/whole-solution imitation': 'value 36.23465328 risk 0.14 | 336 0 0 225 111 9 216 105 21 | #26d47fa1',
  'hierarchy/whole-solution imitation': 'value 17.56393407 risk 0.1391666667 | 334 64 270 60 2 14 46 25 21 | #a1801363',
  'hierarchy/full org chart': 'value 23.04165973 risk 0.1458333333 | 350 66 284 64 1 11 53 24 136 | #0c0cec3b',
  'network/two agents': 'value 12.58397968 risk 0.05 | 6 0 0 6 0 1 5 5 5 | #f16413b1',
  'hierarchy/teams of three': 'value 35.93497374 risk 0.155 | 372 55 317 50 4 3 47 18 142 | #cd657ddd',
  'hierarchy/two agents': 'value 12.71657941 risk 0.06666666667 | 8 8 0 3 5 0 3 3 7 | #cc379fae',
  // golden:end
};

function params(over: Record<string, ParamValue>): Params {
  const p = { ...defaultParams(model.parameters), ...BUSY, ...over };
  expect(model.check!(p)).toEqual([]);
  return p;
}

/** FNV-1a (32 bits) of the text. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const digits = (x: number, n: number): string => (Number.isFinite(x) ? Number(x.toPrecision(n)).toString() : String(x));

/** The run totals and a hash of every tick and run metric, to 12 significant digits. */
function fingerprint(out: SimulationOutput): string {
  const f = out.final;
  const all = [...out.series, ...f].map((x) => digits(x, 12)).join(',');
  const counts = COUNTS.map((name) => f[RUN[name]]).join(' ');
  return `value ${digits(f[RUN.cumulative_value], 10)} risk ${digits(f[RUN.creative_risk_rate], 10)} | ${counts} | #${fnv1a(all)}`;
}

const actual: Record<string, string> = {};

describe('purpose-alignment golden runs (40 agents, 60 ticks)', () => {
  for (const [name, over, baseDir] of RUNS) {
    it(name, () => {
      const out = simulate(model, params(over), runStreams(MASTER, 0, 1), TICKS, { inputs: baseDir });
      actual[name] = fingerprint(out);
      if (UPDATE) return;
      expect(GOLDEN[name], `no golden value for "${name}": run with ORGSIM_UPDATE_GOLDEN=1`).toBeDefined();
      expect(actual[name], name).toBe(GOLDEN[name]);
    });
  }

  it('the golden runs exercise what they are there for', () => {
    if (UPDATE) return;
    const totals = (name: string) => Object.fromEntries(GOLDEN[name].split(' | ')[1].split(' ').map((x, k) => [COUNTS[k], Number(x)]));
    for (const structure of STRUCTURES) {
      for (const reward of ['individual', 'culture']) {
        const t = totals(`${structure}/${reward}`);
        expect(t.projects_formed, `${structure}/${reward}`).toBeGreaterThan(5);
        expect(t.failures, `${structure}/${reward}`).toBeGreaterThan(0);
        expect(t.successes, `${structure}/${reward}`).toBeGreaterThan(0);
        if (structure !== 'network') expect(t.vetoes, `${structure}/${reward}`).toBeGreaterThan(0);
        if (reward === 'individual') expect(t.punishments, `${structure}/${reward}`).toBeGreaterThan(0);
      }
    }
    expect(totals('network/recruit depth 2').projects_formed).toBeGreaterThan(0);
    expect(totals('hierarchy/one-person teams').projects_formed).toBeGreaterThan(0);
    expect(totals('network/two agents').projects_formed).toBeGreaterThan(0);
    // A switch changes nothing where its mechanism does not act, and with no teams the hybrid is the hierarchy ...
    const same: [string, string][] = [
      ['network/individual/genuineness_gate off', 'network/individual'],
      ['hierarchy/individual/alignment_joining off', 'hierarchy/individual'],
      ['hybrid/one-person teams', 'hierarchy/one-person teams'],
    ];
    for (const [a, b] of same) expect(GOLDEN[a], `${a} = ${b}`).toBe(GOLDEN[b]);
    // ... and every other run differs from every other: no setting is silently ignored
    const hashes = Object.keys(GOLDEN)
      .filter((name) => !same.some(([a]) => a === name))
      .map((name) => GOLDEN[name].split('#')[1]);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  afterAll(() => {
    if (!UPDATE) return;
    const file = import.meta.filename;
    const text = readFileSync(file, 'utf8');
    const lines = RUNS.map(([name]) => `  '${name}': '${actual[name]}',`);
    const begin = text.indexOf('  // golden:begin\n') + '  // golden:begin\n'.length;
    const end = text.indexOf('  // golden:end\n');
    writeFileSync(file, text.slice(0, begin) + lines.join('\n') + '\n' + text.slice(end));
  });
});

/** A state after `ticks` steps of a run (for the functions the metrics are made of). */
function stateAfter(over: Record<string, ParamValue>, ticks: number): PurposeAlignmentState {
  const p = params(over);
  const s = model.init(p, runStreams(MASTER, 1, 1), { baseDir: dirname(edgeFile) }) as PurposeAlignmentState;
  for (let t = 0; t < ticks; t++) model.step(s, t);
  return s;
}

describe('purpose-alignment metric functions, exactly', () => {
  it('score is fitness ^ exponent for integer and non-integer exponents', () => {
    for (const fitness of [0, 0.3, 0.77, 0.95, 1]) {
      for (let e = 1; e <= 16; e++) {
        let power = 1;
        for (let k = 0; k < e; k++) power *= fitness;
        expect(score(fitness, e), `${fitness}^${e}`).toBeCloseTo(power, 14);
      }
      for (const e of [1.5, 2.5, 8.25]) expect(score(fitness, e)).toBe(Math.pow(fitness, e));
    }
  });

  it('distinct solutions, mean pairwise Hamming distance and distance to the peak match brute force', () => {
    for (const structure of STRUCTURES) {
      for (const ticks of [0, 1, 30]) {
        const s = stateAfter({ structure }, ticks);
        const solutions = [...s.solution];
        // distinct solutions, with the per-solution stamp and without it (the path for bits > 20)
        expect(distinctSolutions(s)).toBe(new Set(solutions).size);
        expect(distinctSolutions(s), 'counted twice').toBe(new Set(solutions).size);
        expect(distinctSolutions({ ...s, solutionStamp: null })).toBe(new Set(solutions).size);
        // a monoculture and two solutions, both ways
        const held = s.solution;
        for (const fill of [[7], [7, 9], [9, 7, 7]]) {
          s.solution = Uint32Array.from({ length: s.n }, (_, i) => fill[i % fill.length]);
          expect(distinctSolutions(s), `${fill}`).toBe(new Set(fill).size);
          expect(distinctSolutions({ ...s, solutionStamp: null }), `${fill}`).toBe(new Set(fill).size);
        }
        s.solution = held;
        // mean Hamming distance over all pairs
        let sum = 0;
        for (let a = 0; a < s.n; a++) for (let b = a + 1; b < s.n; b++) sum += hammingDistance(solutions[a], solutions[b]);
        expect(meanPairwiseHamming(s)).toBeCloseTo(sum / ((s.n * (s.n - 1)) / 2), 12);
        // the best held (lowest-numbered among equals) to the peak
        const table = s.landscape.table;
        const best = solutions.reduce((b, x) => (table[x] > table[b] || (table[x] === table[b] && x < b) ? x : b));
        expect(bestToPeak(s)).toBe(hammingDistance(best, s.landscape.argmax));
        for (const at of [0, 1, s.n - 1]) {
          const solution = Uint32Array.from({ length: s.n }, (_, i) => (i === at ? s.landscape.argmax : solutions[i]));
          expect(bestToPeak({ ...s, solution }), `peak held by person ${at}`).toBe(0);
        }
      }
    }
    // equal fitness (which a random landscape all but never gives two solutions): the lowest-numbered solution
    const s = stateAfter({ structure: 'hierarchy', bits: 4, interactions: 2 }, 0);
    const table = new Float64Array(16).fill(0.1);
    table[1] = table[3] = table[7] = 0.9; // 1, 2 and 3 decisions from the (given) peak 0
    for (const held of [[1, 3, 7], [3, 1, 7], [7, 3, 1], [0, 7, 3, 1]]) {
      const solution = Uint32Array.from({ length: s.n }, (_, i) => held[i % held.length]);
      expect(bestToPeak({ ...s, solution, landscape: { ...s.landscape, table, argmax: 0 } }), `${held}`).toBe(1);
    }
    const two = stateAfter({ structure: 'network', agents: 2, span: 1, topology: 'complete' }, 3);
    expect(meanPairwiseHamming(two)).toBe(hammingDistance(two.solution[0], two.solution[1]));
  });
});

describe('purpose-alignment parameter checks, at their boundaries', () => {
  const problems = (over: Record<string, ParamValue>): string[] => model.check!({ ...defaultParams(model.parameters), ...over }).map((q) => q.key);

  it('accepts the defaults', () => expect(problems({})).toEqual([]));

  it('interactions < bits, jump_size <= bits, min_team_size <= max_team_size', () => {
    expect(problems({ bits: 8, interactions: 7 })).toEqual([]);
    expect(problems({ bits: 8, interactions: 8 })).toEqual(['interactions']);
    expect(problems({ bits: 8, interactions: 3, jump_size: 8 })).toEqual([]);
    expect(problems({ bits: 8, interactions: 3, jump_size: 9 })).toEqual(['jump_size']);
    expect(problems({ min_team_size: 5, max_team_size: 5 })).toEqual([]);
    expect(problems({ min_team_size: 6, max_team_size: 5 })).toEqual(['min_team_size']);
  });

  it('levels > 0 needs a full org chart', () => {
    expect(problems({ levels: 4, span: 3, agents: 40 })).toEqual([]);
    expect(problems({ levels: 4, span: 3, agents: 41 })).toEqual(['agents']);
    expect(problems({ levels: 4, span: 3, agents: 39 })).toEqual(['agents']);
    expect(problems({ levels: 0, span: 3, agents: 41 })).toEqual([]);
  });

  it('the topology’s own requirements', () => {
    expect(problems({ topology: 'edge-list', edge_list: '' })).toEqual(['edge_list']);
    expect(problems({ topology: 'edge-list', edge_list: 'ties.csv' })).toEqual([]);
    expect(problems({ topology: 'watts-strogatz', edge_list: '' })).toEqual([]);
    expect(problems({ topology: 'watts-strogatz', agents: 7, degree: 6 })).toEqual([]);
    expect(problems({ topology: 'watts-strogatz', agents: 6, degree: 6 })).toEqual(['degree']);
    expect(problems({ topology: 'barabasi-albert', agents: 6, degree: 6 })).toEqual([]);
    expect(problems({ topology: 'lattice', agents: 5 })).toEqual([]);
    expect(problems({ topology: 'lattice', agents: 4 })).toEqual(['agents']);
    expect(problems({ topology: 'ring', agents: 4 })).toEqual([]);
    expect(problems({ topology: 'ring', agents: 3 })).toEqual([]);
    expect(problems({ topology: 'ring', agents: 2 })).toEqual(['agents']);
    expect(problems({ topology: 'complete', agents: 2, degree: 6 })).toEqual([]);
  });
});

describe('purpose-alignment answers to a success or a failure, exactly', () => {
  /** A fresh state with person i's team set to `members` (ascending, as formTeams links them). */
  function withTeam(over: Record<string, ParamValue>, i: number, members: number[]): PurposeAlignmentState {
    const s = stateAfter(over, 0);
    s.teamHead.fill(-1);
    s.teamNext.fill(-1);
    s.bestInitiator.fill(-1);
    for (let k = 0; k < members.length; k++) {
      s.bestInitiator[members[k]] = i;
      s.teamNext[members[k]] = k + 1 < members.length ? members[k + 1] : -1;
    }
    s.teamHead[i] = members.length > 0 ? members[0] : -1;
    s.teamSize[i] = members.length + 1;
    return s;
  }

  it('culture: the team, person 0 included, shares a success’s credit equally', () => {
    for (const structure of STRUCTURES) {
      const s = withTeam({ structure, reward: 'culture' }, 5, [0, 3, 7]);
      creditSuccess(s, 5);
      for (let j = 0; j < s.n; j++) expect(s.reward[j], `${structure}: person ${j}`).toBe([0, 3, 5, 7].includes(j) ? 0.25 : 0);
    }
  });

  it('individual: the initiator alone is credited, and each member marks it against their trust in the initiator', () => {
    const s = withTeam({ structure: 'network', topology: 'complete' }, 5, [0, 3, 7]);
    const before = Float64Array.from(s.trustNo);
    creditSuccess(s, 5);
    for (let j = 0; j < s.n; j++) expect(s.reward[j], `person ${j}`).toBe(j === 5 ? 1 : 0);
    let misses = 0;
    for (let e = 0; e < s.trustNo.length; e++) misses += s.trustNo[e] - before[e];
    expect(misses).toBe(3);
  });

  it('individual: a failure is backed by the initiator’s manager’s own trait in the org chart, the median in the network', () => {
    // whoever should answer always backs (1) or never does (0); everyone else does the opposite
    for (const [structure, i, backs] of [
      ['hierarchy', 1, 1], // manager: the root
      ['hierarchy', 2, 0],
      ['hierarchy', 5, 1], // manager: person 1
      ['hierarchy', 5, 0],
      ['hierarchy', 0, 1], // no manager: the median
      ['network', 1, 1], // the median
      ['network', 5, 0],
    ] as const) {
      const manager = structure === 'hierarchy' ? [-1, 0, 0, 0, 1, 1, 1][i] : -1;
      const s = withTeam({ structure, backing: manager >= 0 ? 1 - backs : backs }, i, []);
      s.backing.fill(1 - backs);
      if (manager >= 0) s.backing[manager] = backs;
      const punished = backs === 0;
      answerFailure(s, i);
      expect(s.tick.punishments, `${structure}, initiator ${i}`).toBe(punished ? 1 : 0);
      expect(s.reward[i]).toBe(punished ? -1 : 0);
      expect(s.fear[i]).toBeCloseTo(punished ? s.p.fear_gain : 0, 15);
    }
  });
});
