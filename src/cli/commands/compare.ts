/** `orgsim compare <a> <b>`: two results folders side by side, with paired or Welch differences. */
import type { Argv } from 'yargs';
import { UserInputError } from '../../errors.ts';

interface CompareFlags {
  a: string;
  b: string;
  out?: string;
  labels?: string;
}

export const compareCommand = {
  command: 'compare <a> <b>',
  describe: 'Compare two results folders: comparison.csv, overlay and side-by-side charts, report',
  builder: (y: Argv) =>
    y
      .positional('a', { type: 'string', demandOption: true, describe: 'First results folder' })
      .positional('b', { type: 'string', demandOption: true, describe: 'Second results folder' })
      .option('out', { type: 'string', describe: 'Output folder (default comparisons/<a>-vs-<b> under results/)' })
      .option('labels', { type: 'string', describe: 'Names for the two sets, "a,b" (default: folder names)' }),
  handler: async (flags: CompareFlags) => {
    const labels = flags.labels === undefined ? undefined : parseLabels(flags.labels);
    const out = flags.out ?? defaultOut(flags.a, flags.b);
    const { compareResults } = await import('../../charts/compare.ts');
    const result = await compareResults(flags.a, flags.b, { out, labels });
    const pairing = [...new Set(result.rows.map((r) => r.pairing))].join(' and ');
    process.stdout.write(`orgsim: compared ${result.rows.length} condition × metric pairs (${pairing}) -> ${out}/\n`);
  },
};

function parseLabels(text: string): [string, string] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) {
    throw new UserInputError(`--labels: expected two names separated by a comma, e.g. "before,after"; got "${text}"`);
  }
  return [parts[0], parts[1]];
}

function defaultOut(a: string, b: string): string {
  const name = (p: string) => p.replace(/\/+$/, '').split('/').pop() || 'results';
  return `results/comparisons/${name(a)}-vs-${name(b)}`;
}
