/** `orgsim run <scenario>`: run every condition × replicate and write the results folder. */
import type { Argv } from 'yargs';
import { runExperiment } from '../../experiment/run-experiment.ts';
import { loadScenario } from '../../scenario/index.ts';
import { overridesFrom, withScenarioOptions, type ScenarioFlags } from './scenario-options.ts';

interface RunFlags extends ScenarioFlags {
  out?: string;
  quiet?: boolean;
}

export const runCommand = {
  command: 'run <scenario>',
  describe: 'Run a scenario and write CSVs, manifest, charts and report',
  builder: (y: Argv) =>
    withScenarioOptions(y)
      .option('out', { type: 'string', describe: 'Results folder (default results/<scenario name>)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' }),
  handler: async (flags: RunFlags) => {
    const started = Date.now();
    const scenario = await loadScenario(flags.scenario, overridesFrom(flags));
    const result = await runExperiment(scenario, { outDir: flags.out });
    if (!flags.quiet) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const failed = result.failed > 0 ? `, ${result.failed} FAILED` : '';
      process.stdout.write(`orgsim: ${result.runs} runs${failed} in ${seconds} s -> ${result.outDir}/\n`);
    }
    if (result.failed > 0) process.exitCode = 1;
  },
};
