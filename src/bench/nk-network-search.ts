/**
 * Speed of nk-network-search (Lazer & Friedman 2007) on one core, in the Figure 4
 * design of scenarios/classics/lazer-friedman-fig4.yaml: 100 agents, N = 20, K = 5,
 * dependencies drawn with replacement, 100 rounds, on the linear and the fully
 * connected network. `npm run bench` runs it after the flagship benchmark;
 * `node dist/bench/nk-network-search.js` runs it alone.
 *
 * Per network, the median of REPEATS runs after a warm-up run:
 *   - agent-steps/s while agents still move: rounds before the run's equilibrium
 *     only (after it the state is absorbing and rounds are skipped, costing almost
 *     nothing), recording metrics every round as a real run does;
 *   - the same for the rounds alone (no metrics), beside a plain typed-array
 *     JavaScript loop of the rule on the same landscape, graph and starting solutions
 *     (reference/lazer-friedman-round.ts, which scans every neighbour, on the full
 *     network too), also over the rounds before nothing changes;
 *   - agent-steps/s over all 100 rounds: what an experiment sees;
 *   - landscape build: `init`, which tabulates all 2^20 solutions of the NK
 *     landscape and dominates a run's time.
 */
import { fileRunContext } from '../experiment/run-context.ts';
import { pathToFileURL } from 'node:url';
import { runStreams } from '../experiment/seeds.ts';
import { defaultParams } from '../model/params.ts';
import { nkNetworkSearch as model } from '../models/nk-network-search/index.ts';
import { referenceRound } from './reference/lazer-friedman-round.ts';
import { median } from './measure.ts';

const REPEATS = 7;
const ROUNDS = 100;
const AGENTS = 100;
const NETWORKS = ['linear', 'full'] as const;

export interface NkBenchRow {
  network: string;
  /** Agent-steps per second over the rounds before equilibrium. */
  liveRate: number;
  /** Agent-steps per second of the rounds alone (no metrics) before equilibrium. */
  stepRate: number;
  /** The same for the plain JavaScript reference loop. */
  referenceRate: number;
  /** Agent-steps per second over all rounds. */
  allRate: number;
  /** Milliseconds to build the landscape, graph and agents (`init`). */
  initMs: number;
}

const seconds = (ns: bigint): number => Number(ns) / 1e9;

export function measureNk(network: string, repeats = REPEATS): NkBenchRow {
  const params = {
    ...defaultParams(model.parameters),
    network,
    agents: AGENTS,
    bits: 20,
    interactions: 5,
    dependencies: 'random-with-replacement',
    velocity: 1,
  };
  const out = new Float64Array(model.tickMetrics.length);
  const live: number[] = [];
  const steps: number[] = [];
  const reference: number[] = [];
  const all: number[] = [];
  const init: number[] = [];
  for (let r = 0; r <= repeats; r++) {
    const i0 = process.hrtime.bigint();
    const state = model.init(params, runStreams(2007, r + 1, 1000 + r), fileRunContext(process.cwd()));
    const i1 = process.hrtime.bigint();
    const plain = { solution: state.solution.slice(), next: new Uint32Array(AGENTS), seed: 2007 + r };
    let liveNs = 0n;
    let stepNs = 0n;
    let liveRounds = 0;
    for (let t = 0; t < ROUNDS; t++) {
      const frozen = state.frozen;
      const a = process.hrtime.bigint();
      model.step(state, t);
      const b = process.hrtime.bigint();
      model.recordTick(state, out);
      if (!frozen) {
        liveNs += process.hrtime.bigint() - a;
        stepNs += b - a;
        liveRounds++;
      }
    }
    const total = process.hrtime.bigint() - i1;
    let plainRounds = 0;
    const p0 = process.hrtime.bigint();
    while (plainRounds < ROUNDS && referenceRound(plain, state.graph, state.landscape.table, 20) > 0) plainRounds++;
    const plainNs = process.hrtime.bigint() - p0;
    if (r === 0) continue; // warms up the JIT
    if (liveRounds > 0) live.push((AGENTS * liveRounds) / seconds(liveNs));
    if (liveRounds > 0) steps.push((AGENTS * liveRounds) / seconds(stepNs));
    if (plainRounds > 0) reference.push((AGENTS * plainRounds) / seconds(plainNs));
    all.push((AGENTS * ROUNDS) / seconds(total));
    init.push(Number(i1 - i0) / 1e6);
  }
  return { network, liveRate: median(live), stepRate: median(steps), referenceRate: median(reference), allRate: median(all), initMs: median(init) };
}

export function benchNkNetworkSearch(): void {
  console.log(`\nnk-network-search (Lazer & Friedman 2007, Figure 4 design), one core: ${AGENTS} agents, N = 20, K = 5, ${ROUNDS} rounds, velocity 1; median of ${REPEATS} runs`);
  console.log('  network   agent-steps/s while moving   rounds alone   plain JS loop   over all rounds   set-up');
  for (const network of NETWORKS) {
    const row = measureNk(network);
    const rate = (x: number) => `${(x / 1e6).toFixed(1)} M`.padStart(8);
    console.log(`  ${network.padEnd(9)} ${rate(row.liveRate).padStart(28)} ${rate(row.stepRate).padStart(14)} ${rate(row.referenceRate).padStart(15)} ${rate(row.allRate).padStart(17)} ${`${row.initMs.toFixed(0)} ms`.padStart(8)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchNkNetworkSearch();
