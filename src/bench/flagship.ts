/**
 * The flagship model (purpose-alignment, default parameters but lateral degree 10, no managers' tree above
 * the people: levels 0, span 6) on one core: agent-steps per second with every tick
 * metric recorded, as a real run does (set-up not timed; median of the timed runs
 * after a warm-up), and the typed-array bytes one run's state holds per person.
 */
import { fileRunContext } from '../experiment/run-context.ts';
import { runStreams } from '../experiment/seeds.ts';
import { defaultParams } from '../model/params.ts';
import { purposeAlignment } from '../models/index.ts';
import { median } from './measure.ts';

interface Size {
  agents: number;
  ticks: number;
  repeats: number;
  structures: readonly string[];
}

const SIZES: readonly Size[] = [
  { agents: 1_000, ticks: 2_000, repeats: 5, structures: ['network', 'hierarchy', 'hybrid'] },
  { agents: 10_000, ticks: 200, repeats: 5, structures: ['network', 'hierarchy', 'hybrid'] },
  { agents: 100_000, ticks: 20, repeats: 3, structures: ['network'] },
  { agents: 1_000_000, ticks: 5, repeats: 2, structures: ['network'] },
];

const paramsOf = (structure: string, agents: number) => ({ ...defaultParams(purposeAlignment.parameters), structure, agents, degree: 10, levels: 0, span: 6 });
const initOf = (structure: string, agents: number, r: number) => purposeAlignment.init(paramsOf(structure, agents), runStreams(1, r, 1000 + r), fileRunContext(process.cwd()));

function rate(structure: string, { agents, ticks, repeats }: Size): number {
  const out = new Float64Array(purposeAlignment.tickMetrics.length);
  const rates: number[] = [];
  for (let r = 0; r <= repeats; r++) {
    const state = initOf(structure, agents, r);
    const start = process.hrtime.bigint();
    for (let t = 0; t < ticks; t++) {
      purposeAlignment.step(state, t);
      purposeAlignment.recordTick(state, out);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (r > 0) rates.push((agents * ticks) / seconds); // r = 0 warms up the JIT
  }
  return median(rates);
}

/**
 * Bytes of typed-array data one run's state holds per person, and its ties per person:
 * every ArrayBuffer reachable from the state counted once (objects and arrays walked;
 * the plain objects around them, a few hundred bytes a run, are left out).
 */
function footprint(structure: string, agents: number): { bytesPerPerson: number; tiesPerPerson: number } {
  const state = initOf(structure, agents, 1);
  const buffers = new Set<ArrayBufferLike>();
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer);
    else for (const child of Object.values(value)) walk(child);
  };
  walk(state);
  let bytes = 0;
  for (const buffer of buffers) bytes += buffer.byteLength;
  const ties = state.structure.ties.neighbors.length / 2; // the CSR graph holds each tie twice
  return { bytesPerPerson: bytes / agents, tiesPerPerson: ties / agents };
}

export function benchFlagship(): void {
  console.log('\nFlagship purpose-alignment (network: Watts–Strogatz, degree 10), one core, every tick metric recorded');
  console.log('  structure     people   ticks   agent-steps/s   state bytes per person');
  for (const size of SIZES) {
    for (const structure of size.structures) {
      const steps = rate(structure, size);
      const { bytesPerPerson, tiesPerPerson } = footprint(structure, size.agents);
      const memory = `${bytesPerPerson.toFixed(0)} (${tiesPerPerson.toFixed(1)} ties)`.padStart(22);
      console.log(`  ${structure.padEnd(10)} ${String(size.agents).padStart(9)} ${String(size.ticks).padStart(7)}   ${`${(steps / 1e6).toFixed(2)} M`.padStart(13)} ${memory}`);
    }
  }
}
