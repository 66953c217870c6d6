/** `orgsim merge <dirs...> --out dir`: join the folders of `run --shard i/n` into one results folder. */
import type { Argv } from 'yargs';

interface MergeFlags {
  dirs: string[];
  out: string;
  force?: boolean;
  quiet?: boolean;
}

export const mergeCommand = {
  command: 'merge <dirs...>',
  describe: 'Merge shard folders (run --shard i/n) into results identical to a one-machine run',
  builder: (y: Argv) =>
    y
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'The shard folders' })
      .option('out', { type: 'string', demandOption: true, describe: 'Folder for the merged results' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace the results already in --out' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' }),
  handler: async (flags: MergeFlags) => {
    const { mergeShards } = await import('../../experiment/merge.ts');
    const result = mergeShards(flags.dirs, flags.out, { force: flags.force });
    if (!flags.quiet) {
      const failed = result.failed > 0 ? `, ${result.failed} FAILED` : '';
      process.stdout.write(`orgsim: merged ${result.shards} shards, ${result.runs} runs${failed} -> ${result.outDir}/\n`);
    }
    if (result.failed > 0) process.exitCode = 1;
  },
};
