/**
 * `npm run bench`: agent-steps per second of the flagship model on one core, for a
 * network and an org chart at 1,000 and 10,000 people (median of 5 timed runs after
 * a warm-up), with the machine it ran on. Set-up (landscape, graph, people) is not
 * timed; recording metrics every tick is, as in a real run. Then the classic
 * nk-network-search in its Figure 4 design (src/bench/nk-network-search.ts).
 */
import { fileRunContext } from '../experiment/run-context.ts';
import { cpus } from 'node:os';
import { runStreams } from '../experiment/seeds.ts';
import { defaultParams } from '../model/params.ts';
import { purposeAlignment } from '../models/index.ts';
import { benchNkNetworkSearch } from './nk-network-search.ts';

const REPEATS = 5;

function measure(structure: string, agents: number, ticks: number): number {
  const params = { ...defaultParams(purposeAlignment.parameters), structure, agents, levels: 0, span: 6 };
  const out = new Float64Array(purposeAlignment.tickMetrics.length);
  const rates: number[] = [];
  for (let r = 0; r <= REPEATS; r++) {
    const state = purposeAlignment.init(params, runStreams(1, r, 1000 + r), fileRunContext(process.cwd()));
    const start = process.hrtime.bigint();
    for (let t = 0; t < ticks; t++) {
      purposeAlignment.step(state, t);
      purposeAlignment.recordTick(state, out);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (r > 0) rates.push((agents * ticks) / seconds); // r = 0 warms up the JIT
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

console.log(`orgsim bench — node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core`);
console.log('model purpose-alignment, default parameters; median of 5 runs\n');
console.log('structure   agents   ticks   agent-steps/s');
for (const agents of [1_000, 10_000]) {
  const ticks = agents === 1_000 ? 2_000 : 200;
  for (const structure of ['network', 'hierarchy', 'hybrid']) {
    const rate = measure(structure, agents, ticks);
    console.log(`${structure.padEnd(11)} ${String(agents).padStart(6)}  ${String(ticks).padStart(6)}   ${(rate / 1e6).toFixed(2).padStart(6)} M`);
  }
}

benchNkNetworkSearch();
