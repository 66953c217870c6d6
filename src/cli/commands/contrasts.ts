/** `orgsim contrasts <results>`: paired one-factor contrasts between the conditions of one results folder. */
import type { Argv } from 'yargs';
import { join } from 'node:path';
import { UserInputError } from '../../errors.ts';
import { RESULT_FILES } from '../../output/results-layout.ts';

interface ContrastsFlags {
  results: string;
  metrics?: string;
  factor?: string;
  pairwise?: string;
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
      .option('factor', { type: 'string', describe: 'Only the pairs of conditions that differ in this parameter' })
      .option('pairwise', { type: 'string', describe: 'Instead: for every ordered pair of conditions, the replicates in which the first had the higher, equal and lower value of this run metric (pairwise.csv)' }),
  handler: async (flags: ContrastsFlags) => {
    if (flags.pairwise !== undefined) {
      const other = flags.metrics !== undefined ? '--metrics' : flags.factor !== undefined ? '--factor' : undefined;
      if (other) throw new UserInputError(`--pairwise counts one metric over every pair of conditions; ${other} does not apply to it (give one or the other).`);
      return writePairwise(flags.results, flags.pairwise);
    }
    const metrics = flags.metrics?.split(',').map((m) => m.trim()).filter((m) => m !== '');
    const [{ computeContrasts }, { contrastTables }] = await Promise.all([import('../../experiment/contrasts.ts'), import('../contrast-table.ts')]);
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

/** pairwise.csv, and the counts of the first point printed as "a vs b: wins / ties / losses". */
async function writePairwise(dir: string, metric: string): Promise<void> {
  const [{ PAIRWISE_COLUMNS, pairwiseRows }, { writeFileAtomic }, { csvHeader, csvLines }, { readResults }] = await Promise.all([
    import('../../experiment/pairwise.ts'),
    import('../../output/atomic.ts'),
    import('../../output/csv.ts'),
    import('../../output/read-results.ts'),
  ]);
  const results = await readResults(dir);
  const order = results.manifest.conditions.map((c) => c.name);
  const rows = pairwiseRows(results, metric);
  const file = join(dir, RESULT_FILES.pairwise);
  writeFileAtomic(file, csvHeader(PAIRWISE_COLUMNS) + csvLines(rows.map((r) => PAIRWISE_COLUMNS.map((c) => r[c]))));
  if (rows.every((r) => r.n_pairs === 0)) {
    process.stderr.write(`orgsim: warning: no replicate has a value of ${metric} in both conditions of any pair (a folder made with --only or --shard, or a metric empty in every run), so every count is 0\n`);
  }
  const first = rows.filter((r) => r.point_id === rows[0]?.point_id && order.indexOf(r.condition_a) < order.indexOf(r.condition_b));
  for (const r of first) process.stdout.write(`${r.condition_a} vs ${r.condition_b} on ${metric}: ${r.wins} wins, ${r.ties} ties, ${r.losses} losses of ${r.n_pairs}\n`);
  process.stdout.write(`orgsim: ${rows.length} rows -> ${file}\n`);
}
