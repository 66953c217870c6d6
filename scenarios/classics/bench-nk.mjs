#!/usr/bin/env node
/**
 * Speed of nk-network-search (Lazer & Friedman 2007) on one core: agent-steps per
 * second of the paper's set-up (100 agents, N = 20, K = 5, 100 rounds), per network.
 * Build first (npx tsc -p .), then: node scenarios/classics/bench-nk.mjs [velocity] [agents]
 *
 * "live" counts only rounds before the run reaches equilibrium (after it, rounds are
 * skipped and cost almost nothing); "all 100 rounds" is what an experiment sees.
 * Metrics are recorded every round, as in a real run; building the landscape ("init")
 * is timed separately. Median of 15 runs after a warm-up run.
 */
import { cpus } from 'node:os';
import { runStreams } from '../../dist/experiment/seeds.js';
import { defaultParams } from '../../dist/model/params.js';
import { nkNetworkSearch as model } from '../../dist/models/nk-network-search/index.js';

const velocity = Number(process.argv[2] ?? 1);
const agents = Number(process.argv[3] ?? 100);
const rounds = 100;
const out = new Float64Array(model.tickMetrics.length);
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}; ${agents} agents, ${rounds} rounds, velocity ${velocity}; median of 15 runs`);
for (const network of ['linear', 'full', 'random', 'small-world']) {
  const params = { ...defaultParams(model.parameters), network, agents, velocity };
  const live = [];
  const all = [];
  const init = [];
  for (let r = 0; r <= 15; r++) {
    const i0 = process.hrtime.bigint();
    const s = model.init(params, runStreams(1, r, 1000 + r), { baseDir: '.' });
    const i1 = process.hrtime.bigint();
    let liveNs = 0n;
    let liveRounds = 0;
    for (let t = 0; t < rounds; t++) {
      const frozen = s.frozen;
      const a = process.hrtime.bigint();
      model.step(s, t);
      model.recordTick(s, out);
      const b = process.hrtime.bigint();
      if (!frozen) {
        liveNs += b - a;
        liveRounds++;
      }
    }
    const total = process.hrtime.bigint() - i1;
    if (r === 0) continue; // warm-up
    live.push((agents * liveRounds) / (Number(liveNs) / 1e9));
    all.push((agents * rounds) / (Number(total) / 1e9));
    init.push(Number(i1 - i0) / 1e6);
  }
  console.log(
    `${network.padEnd(12)} live rounds ${(median(live) / 1e6).toFixed(1).padStart(5)} M agent-steps/s | all ${rounds} rounds ${(median(all) / 1e6).toFixed(1).padStart(6)} M | init ${median(init).toFixed(0).padStart(4)} ms`,
  );
}
