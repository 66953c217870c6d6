/** `orgsim plan <scenario>`: the size of the design and an estimated time (runs, then charts), without running it. */
import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { defaultMaxMemory, parseMemorySize, size as memorySize } from '../../experiment/memory.ts';
import { overridesFrom, wholeNumber, withScenarioOptions, type ScenarioFlags } from './scenario-options.ts';

/** Runs whose model state is larger than this are not timed by plan (building one takes seconds). */
const TIMED_STATE_BYTES = 256 * 2 ** 20;

interface PlanFlags extends ScenarioFlags {
  workers?: number;
  maxMemory?: string;
  timeseries?: string;
  agents?: string;
  networks?: string;
  charts?: string | boolean;
  images?: string;
}

export const planCommand = {
  command: 'plan <scenario>',
  describe: 'Print the number of points, conditions, replicates and runs, and an estimated time (from a few timed runs)',
  builder: (y: Argv) =>
    withScenarioOptions(y)
      .option('workers', { type: 'string', coerce: wholeNumber('--workers'), describe: `Workers to estimate for (default: the number of cores, ${availableParallelism()} here)` })
      .option('max-memory', { type: 'string', describe: `Memory the runs held at once may take, as for run (default ${memorySize(defaultMaxMemory())})` })
      .option('timeseries', { type: 'string', defaultDescription: 'all', describe: 'Ticks in timeseries.csv, as for run (writing every tick costs time)' })
      .option('agents', { type: 'string', defaultDescription: 'none', describe: 'Ticks in agents.csv, as for run' })
      .option('networks', { type: 'string', defaultDescription: 'none', describe: 'Ticks of the GraphML files, as for run' })
      .option('charts', { type: 'string', defaultDescription: 'all', describe: 'Charts drawn after the run, as for run (--no-charts: none)' })
      .option('images', { type: 'string', defaultDescription: 'headline', describe: 'Charts that get an SVG and a PNG, as for run' }),
  handler: async (flags: PlanFlags) => {
    const [{ checkMemory, checkSnapshots, outcomesHeld, estimateDuration, parseSnapshot, parseTimeseries, tickStride }, { estimateCharts }, { clock }, { loadScenario }] = await Promise.all([
      import('../../experiment/index.ts'),
      import('../../charts/estimate-charts.ts'),
      import('../../experiment/progress.ts'),
      import('../../scenario/index.ts'),
    ]);
    const timeseries = parseTimeseries(flags.timeseries ?? 'all');
    const agents = parseSnapshot('--agents', flags.agents ?? 'none');
    const networks = parseSnapshot('--networks', flags.networks ?? 'none');
    const s = await loadScenario(flags.scenario, await overridesFrom(flags));
    const { points } = s;
    const design =
      points.kind === 'none'
        ? 'no sweep (1 point)'
        : `${points.kind === 'grid' ? 'grid' : `${points.kind} sample (n = ${points.n})`} over ${points.parameters.join(', ')}: ${points.size} points`;
    const workers = flags.workers ?? availableParallelism();
    const runs = s.conditions.length * points.size * s.replicates;
    const maxMemory = flags.maxMemory === undefined ? defaultMaxMemory() : parseMemorySize(flags.maxMemory);
    // refused here, before the timed runs, as `run` would refuse it
    checkSnapshots(s.model, agents, networks);
    const memory = checkMemory(s, { stride: tickStride(timeseries), agents, networks, concurrent: Math.min(workers, runs), held: outcomesHeld(Math.min(workers, runs)), maxMemory });
    // a run this big would take long to time: say so rather than keep the user waiting
    const e = memory.state > TIMED_STATE_BYTES ? undefined : estimateDuration(s, { workers, timeseries, agents, networks });
    const charts = flags.charts === false ? undefined : await estimateCharts(s, {
      stride: tickStride(timeseries),
      charts: String(flags.charts ?? 'all').split(','),
      images: (flags.images ?? 'headline').split(','),
      imagesFlag: '--images',
      workers,
    });
    const lines = [
      `${flags.scenario}: model ${s.model.name}, ${s.ticks} ticks per run`,
      `  points      ${design}`,
      `  conditions  ${s.conditions.length} (${s.conditions.map((c) => c.name).join(', ')})`,
      `  replicates  ${s.replicates}`,
      `  runs        ${s.conditions.length} × ${points.size} × ${s.replicates} = ${runs}`,
      `  memory      about ${memorySize(memory.bytes)} for the largest run (limit ${memorySize(maxMemory)} for ${Math.min(workers, runs)} at once)`,
      e === undefined
        ? `  estimate    not timed: a run holds about ${memorySize(memory.state)}; time one with orgsim run … --replicates 1 --ticks 10 --out <scratch>`
        : `  estimate    about ${clock(e.seconds)} with ${e.workers} worker${e.workers > 1 ? 's' : ''} ` +
          `(${(e.secondsPerRun * 1000).toFixed(1)} ms a run, timed on ${e.sampled} run${e.sampled > 1 ? 's' : ''})`,
      charts === undefined
        ? '  charts      none (--no-charts)'
        : `  charts      about ${clock(charts.seconds)} for ${charts.charts} chart${charts.charts === 1 ? '' : 's'} and report, ${charts.images} with SVG and PNG` +
          (e === undefined ? '' : `; about ${clock(e.seconds + charts.seconds)} in all`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  },
};
