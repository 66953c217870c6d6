/** `orgsim chart <results> --metric m`: one custom chart without writing a spec. */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { CUSTOM_KINDS, type CustomKind } from '../../charts/custom.ts';

interface ChartFlags {
  results: string;
  metric: string;
  x: string;
  color?: string;
  kind: CustomKind;
  name?: string;
}

export const chartCommand = {
  command: 'chart <results>',
  describe: 'Draw one chart of a results folder (Vega-Lite spec, SVG and PNG in its charts/)',
  builder: (y: Argv) =>
    y
      .positional('results', { type: 'string', demandOption: true, describe: 'Results folder' })
      .option('metric', { type: 'string', demandOption: true, describe: 'Metric to plot (a tick metric with --x tick, else a run metric); several, comma-separated, share a line or box chart, one colour each' })
      .option('x', { type: 'string', default: 'tick', describe: 'x axis: tick or a parameter' })
      .option('color', { type: 'string', describe: 'Colour (heatmap: y axis): condition, a parameter, or metric [default: condition; metric with several metrics]' })
      .option('kind', { choices: CUSTOM_KINDS, default: 'line' as CustomKind, describe: 'Chart kind' })
      .option('name', { type: 'string', describe: 'File name without extension (default custom-<metric>-by-<x>-<kind>)' }),
  handler: async (flags: ChartFlags) => {
    const [{ CHARTS_FOLDER, customChart, writeChartFiles }, { readResults }] = await Promise.all([import('../../charts/index.ts'), import('../../output/read-results.ts')]);
    const results = await readResults(flags.results);
    const metrics = flags.metric.split(',').map((m) => m.trim());
    const color = flags.color ?? (metrics.length > 1 ? 'metric' : 'condition');
    const spec = customChart(results, { metric: metrics.length > 1 ? metrics : metrics[0], x: flags.x, color, kind: flags.kind });
    const name = flags.name ?? `custom-${metrics.join('-')}-by-${flags.x}-${flags.kind}`;
    const files = await writeChartFiles(join(flags.results, CHARTS_FOLDER), [{ name, spec }]);
    process.stdout.write(`orgsim: wrote ${files.join(', ')}\n`);
  },
};
