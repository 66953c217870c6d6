/** `orgsim contrasts <results>`: paired one-factor contrasts between the conditions of one results folder. */
import type { Argv } from 'yargs';
import { computeContrasts } from '../../experiment/index.ts';
import { contrastTables } from '../contrast-table.ts';

interface ContrastsFlags {
  results: string;
  metrics?: string;
  factor?: string;
}

/** Run metrics printed when --metrics is not given (contrasts.csv has them all). */
const METRICS_PRINTED = 4;

export const contrastsCommand = {
  command: 'contrasts <results>',
  describe: 'Paired contrasts (b − a by replicate) between conditions that differ in one parameter: contrasts.csv (and contrast-sensitivity.csv for Sobol designs)',
  builder: (y: Argv) =>
    y
      .positional('results', { type: 'string', demandOption: true, describe: 'Results folder' })
      .option('metrics', { type: 'string', describe: 'Run metrics to contrast, comma-separated (default: all; the first 4 are printed)' })
      .option('factor', { type: 'string', describe: 'Only the pairs of conditions that differ in this parameter' }),
  handler: async (flags: ContrastsFlags) => {
    const metrics = flags.metrics?.split(',').map((m) => m.trim()).filter((m) => m !== '');
    const result = await computeContrasts(flags.results, { metrics, factor: flags.factor });
    process.stdout.write(contrastTables(result, result.metrics.slice(0, metrics ? undefined : METRICS_PRINTED)) + '\n');
    for (const c of result.confounded) {
      process.stderr.write(`orgsim: left out "${c.pair.b}" − "${c.pair.a}": at point ${c.point} they differ in ${c.differences.join(', ')}, not only in ${c.pair.factor}\n`);
    }
    if (result.runsNotOk > 0) process.stderr.write(`orgsim: ${result.runsNotOk} run${result.runsNotOk > 1 ? 's' : ''} did not finish (status not ok) and ${result.runsNotOk > 1 ? 'are' : 'is'} left out of every pair\n`);
    if (result.rows.every((r) => r.n_pairs === 0)) process.stderr.write('orgsim: no replicate ran in both conditions of any pair (a folder made with --only or --shard?), so every difference is empty\n');
    process.stdout.write(`orgsim: ${result.pairs.length} pair${result.pairs.length > 1 ? 's' : ''} of conditions -> ${result.files.join(', ')}\n`);
  },
};
